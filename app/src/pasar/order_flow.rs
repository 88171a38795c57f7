//! The life of an order, as a pure state machine: who may move it from which state to which. The store
//! applies a move only if [`next_status`] allows it, inside the same transaction that records it in the
//! timeline.
//!
//! placed → confirmed (seller) or declined with a reason (seller) or cancelled (buyer, only before the
//! seller confirms) → paid (seller, after checking the transfer; cash orders are paid on handover and skip
//! it) → ready for pickup / out for delivery (seller, by how the buyer chose to receive it) → completed
//! (seller, at handover).
//!
//! By courier (ekspedisi), for buyers far away: placed → confirmed → paid (transfer or QRIS: nothing is
//! sent before the money arrives, and there is no cash on delivery) → shipped (seller, with the courier
//! and the tracking number) → received (buyer, or on the buyer's behalf once the waiting time after
//! shipping is over) → completed (seller).

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
    Shipped,
    Received,
    Completed,
    Cancelled,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 10] = [
        OrderStatus::Placed,
        OrderStatus::Confirmed,
        OrderStatus::Paid,
        OrderStatus::Ready,
        OrderStatus::Delivering,
        OrderStatus::Shipped,
        OrderStatus::Received,
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
            OrderStatus::Shipped => "shipped",
            OrderStatus::Received => "received",
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
    /// Sent by courier (ekspedisi) anywhere in Indonesia or abroad, for the shop's postage.
    Courier,
}

impl Fulfilment {
    pub const ALL: [Fulfilment; 4] = [
        Fulfilment::PickupSeller,
        Fulfilment::PickupBalai,
        Fulfilment::Delivery,
        Fulfilment::Courier,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Fulfilment::PickupSeller => "pickup_seller",
            Fulfilment::PickupBalai => "pickup_balai",
            Fulfilment::Delivery => "delivery",
            Fulfilment::Courier => "courier",
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
    /// The shop's static QRIS code, paid from any banking or e-wallet app for the exact amount; the buyer
    /// uploads the proof as for a transfer, the seller confirms it.
    Qris,
}

impl Payment {
    pub const ALL: [Payment; 3] = [Payment::Cash, Payment::Transfer, Payment::Qris];

    pub fn code(self) -> &'static str {
        match self {
            Payment::Cash => "cash",
            Payment::Transfer => "transfer",
            Payment::Qris => "qris",
        }
    }

    pub fn from_code(code: &str) -> Option<Payment> {
        Payment::ALL
            .into_iter()
            .find(|option| option.code() == code)
    }

    /// Paid before the goods leave, with a proof the seller checks (a transfer receipt, a QRIS payment
    /// screenshot).
    pub fn paid_in_advance(self) -> bool {
        matches!(self, Payment::Transfer | Payment::Qris)
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
    /// Shipping needs the tracking number the buyer follows.
    TrackingRequired,
}

impl MoveRefused {
    pub fn code(self) -> &'static str {
        match self {
            MoveRefused::NotYours => "order_move_not_yours",
            MoveRefused::NotNow => "order_move_not_now",
            MoveRefused::ReasonRequired => "reason_required",
            MoveRefused::TrackingRequired => "tracking_required",
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

/// What comes with a move: a reason (required when declining), the tracking number (required when
/// shipping).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MoveDetails<'a> {
    pub note: &'a str,
    pub tracking_number: &'a str,
}

/// Whether `party` may move the order to `to` with these details.
pub fn next_status(
    facts: OrderFacts,
    party: Party,
    to: OrderStatus,
    details: MoveDetails<'_>,
) -> Result<OrderStatus, MoveRefused> {
    use OrderStatus::*;
    let buyer_move = matches!(to, Cancelled | Received);
    if buyer_move != (party == Party::Buyer) {
        return Err(MoveRefused::NotYours);
    }
    let handover = match facts.fulfilment {
        Fulfilment::Delivery => Delivering,
        Fulfilment::PickupSeller | Fulfilment::PickupBalai => Ready,
        Fulfilment::Courier => Shipped,
    };
    // A transfer or QRIS payment is checked before the goods leave; cash changes hands at the handover.
    let after_confirmed = if facts.payment.paid_in_advance() {
        Paid
    } else {
        handover
    };
    let courier = facts.fulfilment == Fulfilment::Courier;
    let allowed = match (facts.status, to) {
        (Placed, Confirmed | Declined | Cancelled) => true,
        // A parcel is never sent on cash (there is no cash on delivery): such an order cannot exist, and
        // would stop here if it did.
        (Confirmed, next) => next == after_confirmed && !(courier && next == Shipped),
        // Only an order paid in advance is ever "paid" before the handover.
        (Paid, next) => facts.payment.paid_in_advance() && next == handover,
        (status @ (Ready | Delivering), Completed) => status == handover,
        (Shipped, Received) | (Received, Completed) => courier && facts.payment.paid_in_advance(),
        _ => false,
    };
    if !allowed {
        return Err(MoveRefused::NotNow);
    }
    if to == Declined && details.note.trim().is_empty() {
        return Err(MoveRefused::ReasonRequired);
    }
    if to == Shipped && details.tracking_number.trim().is_empty() {
        return Err(MoveRefused::TrackingRequired);
    }
    Ok(to)
}

/// The moves offered to `party` now (buttons on the order page), in the order they are shown.
pub fn available_moves(facts: OrderFacts, party: Party) -> Vec<OrderStatus> {
    let filled = MoveDetails {
        note: "reason",
        tracking_number: "resi",
    };
    OrderStatus::ALL
        .into_iter()
        .filter(|to| next_status(facts, party, *to, filled).is_ok())
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
        OrderStatus::Shipped => (
            format!("Pesanan {code} sudah dikirim lewat ekspedisi."),
            format!("Order {code} was sent by courier."),
        ),
        OrderStatus::Received => (
            format!("Pesanan {code} sudah diterima pembeli."),
            format!("The buyer received order {code}."),
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

    fn note(text: &str) -> MoveDetails<'_> {
        MoveDetails {
            note: text,
            tracking_number: "",
        }
    }

    const FILLED: MoveDetails<'static> = MoveDetails {
        note: "stok habis",
        tracking_number: "JP1234567890",
    };

    /// Every (state, party, target) for one way of receiving and paying, checked against the one table of
    /// allowed moves.
    fn allows_exactly(
        fulfilment: Fulfilment,
        payment: Payment,
        allowed: &[(OrderStatus, Party, OrderStatus)],
    ) {
        for from in OrderStatus::ALL {
            for party in [Party::Buyer, Party::Seller] {
                for to in OrderStatus::ALL {
                    let result = next_status(facts(from, fulfilment, payment), party, to, FILLED);
                    assert_eq!(
                        result.is_ok(),
                        allowed.contains(&(from, party, to)),
                        "{fulfilment:?}/{payment:?}: {from:?} → {to:?} by {party:?}"
                    );
                }
            }
        }
    }

    const ANSWER_OR_CANCEL: [(OrderStatus, Party, OrderStatus); 3] = [
        (Placed, Party::Seller, Confirmed),
        (Placed, Party::Seller, Declined),
        (Placed, Party::Buyer, Cancelled),
    ];

    #[test]
    fn pickup_cash_allows_exactly_its_moves() {
        let mut allowed = ANSWER_OR_CANCEL.to_vec();
        allowed.extend([
            (Confirmed, Party::Seller, Ready),
            (Ready, Party::Seller, Completed),
        ]);
        allows_exactly(Fulfilment::PickupSeller, Payment::Cash, &allowed);
    }

    #[test]
    fn courier_orders_paid_in_advance_allow_exactly_their_moves() {
        let mut allowed = ANSWER_OR_CANCEL.to_vec();
        allowed.extend([
            (Confirmed, Party::Seller, Paid),
            (Paid, Party::Seller, Shipped),
            (Shipped, Party::Buyer, Received),
            (Received, Party::Seller, Completed),
        ]);
        allows_exactly(Fulfilment::Courier, Payment::Transfer, &allowed);
        allows_exactly(Fulfilment::Courier, Payment::Qris, &allowed);
    }

    #[test]
    fn a_parcel_is_never_sent_on_cash() {
        allows_exactly(Fulfilment::Courier, Payment::Cash, &ANSWER_OR_CANCEL);
    }

    #[test]
    fn delivery_and_pickup_paid_in_advance_go_through_paid() {
        let mut allowed = ANSWER_OR_CANCEL.to_vec();
        allowed.extend([
            (Confirmed, Party::Seller, Paid),
            (Paid, Party::Seller, Delivering),
            (Delivering, Party::Seller, Completed),
        ]);
        allows_exactly(Fulfilment::Delivery, Payment::Transfer, &allowed);
        allows_exactly(Fulfilment::Delivery, Payment::Qris, &allowed);
        let mut allowed = ANSWER_OR_CANCEL.to_vec();
        allowed.extend([
            (Confirmed, Party::Seller, Paid),
            (Paid, Party::Seller, Ready),
            (Ready, Party::Seller, Completed),
        ]);
        allows_exactly(Fulfilment::PickupBalai, Payment::Qris, &allowed);
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
    }

    #[test]
    fn refusals_say_why() {
        let placed = facts(Placed, Fulfilment::PickupSeller, Payment::Cash);
        assert_eq!(
            next_status(placed, Party::Seller, Declined, note("  ")),
            Err(MoveRefused::ReasonRequired)
        );
        assert_eq!(
            next_status(placed, Party::Buyer, Confirmed, note("")),
            Err(MoveRefused::NotYours)
        );
        assert_eq!(
            next_status(placed, Party::Seller, Cancelled, note("")),
            Err(MoveRefused::NotYours)
        );
        let confirmed = facts(Confirmed, Fulfilment::PickupSeller, Payment::Cash);
        assert_eq!(
            next_status(confirmed, Party::Buyer, Cancelled, note("")),
            Err(MoveRefused::NotNow)
        );
        // Cash orders never pass through "paid"; pickup orders are never "out for delivery".
        assert_eq!(
            next_status(confirmed, Party::Seller, Paid, note("")),
            Err(MoveRefused::NotNow)
        );
        assert_eq!(
            next_status(confirmed, Party::Seller, Delivering, note("")),
            Err(MoveRefused::NotNow)
        );
        assert_eq!(available_moves(placed, Party::Buyer), vec![Cancelled]);
        // Shipping needs the tracking number; only the buyer says it arrived.
        let paid = facts(Paid, Fulfilment::Courier, Payment::Qris);
        assert_eq!(
            next_status(paid, Party::Seller, Shipped, note("")),
            Err(MoveRefused::TrackingRequired)
        );
        let shipped = facts(Shipped, Fulfilment::Courier, Payment::Qris);
        assert_eq!(
            next_status(shipped, Party::Seller, Received, FILLED),
            Err(MoveRefused::NotYours)
        );
        assert_eq!(available_moves(shipped, Party::Buyer), vec![Received]);
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
        for fulfilment in Fulfilment::ALL {
            assert_eq!(Fulfilment::from_code(fulfilment.code()), Some(fulfilment));
        }
        for payment in Payment::ALL {
            assert_eq!(Payment::from_code(payment.code()), Some(payment));
        }
        assert_eq!(Payment::from_code("cheque"), None);
    }
}
