//! Money math of the market, in integer rupiah (no fractions exist in practice). Pure, so every rule is
//! unit-tested; the server computes every price and total with these functions and never trusts a number
//! sent by the browser.

use serde::{Deserialize, Serialize};

/// A discount on a product: a percentage (1–90) or an amount off each unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Discount {
    Percent(i64),
    Amount(i64),
}

/// The largest percentage a seller may give: above it is almost always a typo (95 for 9.5).
pub const MAX_DISCOUNT_PERCENT: i64 = 90;

impl Discount {
    pub fn from_parts(kind: Option<&str>, value: Option<i64>) -> Option<Discount> {
        match (kind, value) {
            (Some("percent"), Some(value)) => Some(Discount::Percent(value)),
            (Some("amount"), Some(value)) => Some(Discount::Amount(value)),
            _ => None,
        }
    }

    pub fn kind_code(self) -> &'static str {
        match self {
            Discount::Percent(_) => "percent",
            Discount::Amount(_) => "amount",
        }
    }

    pub fn value(self) -> i64 {
        match self {
            Discount::Percent(value) | Discount::Amount(value) => value,
        }
    }

    /// Whether the discount makes sense on `price`: a percentage 1–90, an amount that leaves something to
    /// pay. Checked when the seller saves, so a shown price is never zero or negative by accident.
    pub fn check(self, price: i64) -> Result<(), &'static str> {
        match self {
            Discount::Percent(percent) if (1..=MAX_DISCOUNT_PERCENT).contains(&percent) => Ok(()),
            Discount::Percent(_) => Err("discount_percent_invalid"),
            Discount::Amount(amount) if amount > 0 && amount < price => Ok(()),
            Discount::Amount(_) => Err("discount_amount_invalid"),
        }
    }
}

/// The price to pay for one unit after the discount. A percentage rounds to the nearest rupiah (half
/// up); an amount larger than the price (possible after a variant's own lower price) floors at zero.
pub fn discounted(price: i64, discount: Option<Discount>) -> i64 {
    match discount {
        None => price,
        Some(Discount::Percent(percent)) => {
            let percent = percent.clamp(0, 100);
            price - (price * percent + 50) / 100
        }
        Some(Discount::Amount(amount)) => (price - amount.max(0)).max(0),
    }
}

/// One line of an order: unit price (already discounted) × quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub unit_price: i64,
    pub quantity: i64,
}

/// Subtotal, delivery fee and total of one order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub subtotal: i64,
    pub delivery_fee: i64,
    pub total: i64,
}

/// The totals of one shop's order. `None` if a number would overflow (a forged quantity), which the
/// caller reports as a bad quantity.
pub fn order_totals(lines: &[Line], delivery_fee: i64) -> Option<Totals> {
    let subtotal = lines.iter().try_fold(0i64, |sum, line| {
        line.unit_price
            .checked_mul(line.quantity)
            .and_then(|amount| sum.checked_add(amount))
    })?;
    Some(Totals {
        subtotal,
        delivery_fee,
        total: subtotal.checked_add(delivery_fee)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_discount_rounds_to_the_nearest_rupiah() {
        assert_eq!(discounted(275_000, Some(Discount::Percent(10))), 247_500);
        // 15% of 9 999 = 1 499.85 → 1 500 off.
        assert_eq!(discounted(9_999, Some(Discount::Percent(15))), 8_499);
        // 50% of 1 = 0.5 → rounds half up to 1 off.
        assert_eq!(discounted(1, Some(Discount::Percent(50))), 0);
        assert_eq!(discounted(275_000, None), 275_000);
    }

    #[test]
    fn amount_discount_never_goes_below_zero() {
        assert_eq!(discounted(50_000, Some(Discount::Amount(15_000))), 35_000);
        assert_eq!(discounted(10_000, Some(Discount::Amount(15_000))), 0);
    }

    #[test]
    fn discounts_are_checked_against_the_price() {
        assert_eq!(Discount::Percent(10).check(1000), Ok(()));
        assert_eq!(
            Discount::Percent(0).check(1000),
            Err("discount_percent_invalid")
        );
        assert_eq!(
            Discount::Percent(95).check(1000),
            Err("discount_percent_invalid")
        );
        assert_eq!(Discount::Amount(999).check(1000), Ok(()));
        assert_eq!(
            Discount::Amount(1000).check(1000),
            Err("discount_amount_invalid")
        );
        assert_eq!(
            Discount::from_parts(Some("percent"), Some(20)),
            Some(Discount::Percent(20))
        );
        assert_eq!(Discount::from_parts(None, Some(20)), None);
    }

    #[test]
    fn order_totals_add_lines_and_the_delivery_fee() {
        let lines = [
            Line {
                unit_price: 247_500,
                quantity: 2,
            },
            Line {
                unit_price: 35_000,
                quantity: 3,
            },
        ];
        assert_eq!(
            order_totals(&lines, 10_000),
            Some(Totals {
                subtotal: 600_000,
                delivery_fee: 10_000,
                total: 610_000
            })
        );
        assert_eq!(
            order_totals(&[], 0),
            Some(Totals {
                subtotal: 0,
                delivery_fee: 0,
                total: 0
            })
        );
        assert_eq!(
            order_totals(
                &[Line {
                    unit_price: i64::MAX,
                    quantity: 2
                }],
                0
            ),
            None
        );
    }
}
