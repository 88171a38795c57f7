//! The life of an order, as a pure state machine: who may move it from which state to which. The store
//! applies a move only if [`next_status`] allows it, inside the same transaction that records it in the
//! timeline.
//!
//! placed → confirmed (seller) or declined with a reason (seller) or cancelled (buyer, only before the
//! seller confirms) → paid (seller, after checking the transfer; cash orders are paid on handover and skip
//! it) → ready for pickup / out for delivery (seller, by how the buyer chose to receive it) → completed
//! (seller, at handover).

use serde::{Deserialize, Serialize};

/// Stored as its lowercase name (the same as [`OrderStatus::code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ssr",
    derive(sqlx::Type),
    sqlx(type_name = "TEXT", rename_all = "lowercase")
)]
pub enum OrderStatus {
    Placed,
    Confirmed,
    Declined,
    Paid,
    Ready,
    Delivering,
    Completed,
    Cancelled,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 8] = [
        OrderStatus::Placed,
        OrderStatus::Confirmed,
        OrderStatus::Paid,
        OrderStatus::Ready,
        OrderStatus::Delivering,
        OrderStatus::Completed,
        OrderStatus::Declined,
        OrderStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrderStatus::Placed => "placed",
            OrderStatus::Confirmed => "confirmed",
            OrderStatus::Declined => "declined",
            OrderStatus::Paid => "paid",
            OrderStatus::Ready => "ready",
            OrderStatus::Delivering => "delivering",
            OrderStatus::Completed => "completed",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<OrderStatus> {
        OrderStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
    }

    /// Still needs someone to act (shown first on the seller's dashboard).
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            OrderStatus::Completed | OrderStatus::Declined | OrderStatus::Cancelled
        )
    }

    /// The reserved stock goes back on the shelf when an order ends this way.
    pub fn releases_stock(self) -> bool {
        matches!(self, OrderStatus::Declined | OrderStatus::Cancelled)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ssr",
    derive(sqlx::Type),
    sqlx(type_name = "TEXT", rename_all = "snake_case")
)]
pub enum Fulfilment {
    /// The buyer collects at the seller's house or workshop.
    PickupSeller,
    /// The buyer collects at the balai desa (village office), handy for visitors.
    PickupBalai,
    /// The seller brings it, within the village area, for the shop's fee.
    Delivery,
}

impl Fulfilment {
    pub const ALL: [Fulfilment; 3] = [
        Fulfilment::PickupSeller,
        Fulfilment::PickupBalai,
        Fulfilment::Delivery,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Fulfilment::PickupSeller => "pickup_seller",
            Fulfilment::PickupBalai => "pickup_balai",
            Fulfilment::Delivery => "delivery",
        }
    }

    pub fn from_code(code: &str) -> Option<Fulfilment> {
        Fulfilment::ALL
            .into_iter()
            .find(|option| option.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ssr",
    derive(sqlx::Type),
    sqlx(type_name = "TEXT", rename_all = "snake_case")
)]
pub enum Payment {
    /// Cash on pickup or delivery.
    Cash,
    /// Bank transfer: the buyer uploads a photo of the receipt, the seller confirms it.
    Transfer,
}

impl Payment {
    pub fn code(self) -> &'static str {
        match self {
            Payment::Cash => "cash",
            Payment::Transfer => "transfer",
        }
    }

    pub fn from_code(code: &str) -> Option<Payment> {
        [Payment::Cash, Payment::Transfer]
            .into_iter()
            .find(|option| option.code() == code)
    }
}

/// Who asks for a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Party {
    Buyer,
    Seller,
}

/// Why a move is refused (stable codes, translated next to the button).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveRefused {
    /// This party never makes this move.
    NotYours,
    /// Not from the current state (e.g. cancelling a confirmed order).
    NotNow,
    /// A decline needs a reason the buyer can read.
    ReasonRequired,
}

impl MoveRefused {
    pub fn code(self) -> &'static str {
        match self {
            MoveRefused::NotYours => "order_move_not_yours",
            MoveRefused::NotNow => "order_move_not_now",
            MoveRefused::ReasonRequired => "reason_required",
        }
    }
}

/// The order's facts a move depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderFacts {
    pub status: OrderStatus,
    pub fulfilment: Fulfilment,
    pub payment: Payment,
}

/// Whether `party` may move the order to `to`, with `note` (required when declining).
pub fn next_status(
    facts: OrderFacts,
    party: Party,
    to: OrderStatus,
    note: &str,
) -> Result<OrderStatus, MoveRefused> {
    use OrderStatus::*;
    let buyer_move = matches!(to, Cancelled);
    if buyer_move != (party == Party::Buyer) {
        return Err(MoveRefused::NotYours);
    }
    let handover = match facts.fulfilment {
        Fulfilment::Delivery => Delivering,
        Fulfilment::PickupSeller | Fulfilment::PickupBalai => Ready,
    };
    // A transfer is checked before the goods leave; cash changes hands at the handover.
    let after_confirmed = match facts.payment {
        Payment::Transfer => Paid,
        Payment::Cash => handover,
    };
    let allowed = match (facts.status, to) {
        (Placed, Confirmed | Declined | Cancelled) => true,
        (Confirmed, next) => next == after_confirmed,
        // Only a transfer order is ever "paid" before the handover.
        (Paid, next) => facts.payment == Payment::Transfer && next == handover,
        (status @ (Ready | Delivering), Completed) => status == handover,
        _ => false,
    };
    if !allowed {
        return Err(MoveRefused::NotNow);
    }
    if to == Declined && note.trim().is_empty() {
        return Err(MoveRefused::ReasonRequired);
    }
    Ok(to)
}

/// The moves offered to `party` now (buttons on the order page), in the order they are shown.
pub fn available_moves(facts: OrderFacts, party: Party) -> Vec<OrderStatus> {
    OrderStatus::ALL
        .into_iter()
        .filter(|to| next_status(facts, party, *to, "reason").is_ok())
        .collect()
}

/// What the other side is told when an order reaches `status`.
pub fn status_message(status: OrderStatus, code: &str) -> (String, String) {
    let code = crate::kernel::codes::display_code(code);
    match status {
        OrderStatus::Placed => (
            format!("Pesanan baru {code} masuk. Mohon konfirmasi."),
            format!("New order {code}. Please confirm it."),
        ),
        OrderStatus::Confirmed => (
            format!("Pesanan {code} dikonfirmasi penjual."),
            format!("Your order {code} was confirmed by the seller."),
        ),
        OrderStatus::Declined => (
            format!("Pesanan {code} ditolak penjual."),
            format!("Your order {code} was declined by the seller."),
        ),
        OrderStatus::Paid => (
            format!("Pembayaran pesanan {code} sudah diterima."),
            format!("The payment for order {code} was received."),
        ),
        OrderStatus::Ready => (
            format!("Pesanan {code} siap diambil."),
            format!("Order {code} is ready for pickup."),
        ),
        OrderStatus::Delivering => (
            format!("Pesanan {code} sedang diantar."),
            format!("Order {code} is out for delivery."),
        ),
        OrderStatus::Completed => (
            format!("Pesanan {code} selesai. Beri ulasan?"),
            format!("Order {code} is complete. Leave a review?"),
        ),
        OrderStatus::Cancelled => (
            format!("Pembeli membatalkan pesanan {code}."),
            format!("The buyer cancelled order {code}."),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    fn facts(status: OrderStatus, fulfilment: Fulfilment, payment: Payment) -> OrderFacts {
        OrderFacts {
            status,
            fulfilment,
            payment,
        }
    }

    /// Every (state, party, target) for pickup + cash, checked against the one table of allowed moves.
    #[test]
    fn pickup_cash_allows_exactly_its_moves() {
        let allowed: &[(OrderStatus, Party, OrderStatus)] = &[
            (Placed, Party::Seller, Confirmed),
            (Placed, Party::Seller, Declined),
            (Placed, Party::Buyer, Cancelled),
            (Confirmed, Party::Seller, Ready),
            (Ready, Party::Seller, Completed),
        ];
        for from in OrderStatus::ALL {
            for party in [Party::Buyer, Party::Seller] {
                for to in OrderStatus::ALL {
                    let result = next_status(
                        facts(from, Fulfilment::PickupSeller, Payment::Cash),
                        party,
                        to,
                        "stok habis",
                    );
                    assert_eq!(
                        result.is_ok(),
                        allowed.contains(&(from, party, to)),
                        "{from:?} → {to:?} by {party:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn delivery_transfer_goes_through_paid_and_out_for_delivery() {
        let moves = |status| {
            available_moves(
                facts(status, Fulfilment::Delivery, Payment::Transfer),
                Party::Seller,
            )
        };
        assert_eq!(moves(Placed), vec![Confirmed, Declined]);
        assert_eq!(moves(Confirmed), vec![Paid]);
        assert_eq!(moves(Paid), vec![Delivering]);
        assert_eq!(moves(Delivering), vec![Completed]);
        assert_eq!(moves(Completed), vec![]);
        // Pickup at the balai desa with transfer: paid, then ready.
        assert_eq!(
            available_moves(
                facts(Paid, Fulfilment::PickupBalai, Payment::Transfer),
                Party::Seller
            ),
            vec![Ready]
        );
    }

    #[test]
    fn refusals_say_why() {
        let placed = facts(Placed, Fulfilment::PickupSeller, Payment::Cash);
        assert_eq!(
            next_status(placed, Party::Seller, Declined, "  "),
            Err(MoveRefused::ReasonRequired)
        );
        assert_eq!(
            next_status(placed, Party::Buyer, Confirmed, ""),
            Err(MoveRefused::NotYours)
        );
        assert_eq!(
            next_status(placed, Party::Seller, Cancelled, ""),
            Err(MoveRefused::NotYours)
        );
        let confirmed = facts(Confirmed, Fulfilment::PickupSeller, Payment::Cash);
        assert_eq!(
            next_status(confirmed, Party::Buyer, Cancelled, ""),
            Err(MoveRefused::NotNow)
        );
        // Cash orders never pass through "paid"; pickup orders are never "out for delivery".
        assert_eq!(
            next_status(confirmed, Party::Seller, Paid, ""),
            Err(MoveRefused::NotNow)
        );
        assert_eq!(
            next_status(confirmed, Party::Seller, Delivering, ""),
            Err(MoveRefused::NotNow)
        );
        assert_eq!(available_moves(placed, Party::Buyer), vec![Cancelled]);
    }

    #[test]
    fn only_declined_and_cancelled_release_stock() {
        let releasing: Vec<_> = OrderStatus::ALL
            .into_iter()
            .filter(|status| status.releases_stock())
            .collect();
        assert_eq!(releasing, vec![Declined, Cancelled]);
        for status in OrderStatus::ALL {
            assert_eq!(OrderStatus::from_code(status.code()), Some(status));
        }
        assert_eq!(
            Fulfilment::from_code("delivery"),
            Some(Fulfilment::Delivery)
        );
        assert_eq!(Payment::from_code("cheque"), None);
    }
}
