//! "Add to cart" by a visitor completes after they sign in or sign up (server only).
//!
//! A tourist taps Add to cart, is sent to sign up, and used to land back on the product with an empty
//! cart. Now the tap is remembered in a cookie of that browser (the variant and the quantity: nothing
//! personal, an hour at most), and the sign-in or sign-up that follows puts it in the new account's cart
//! and opens the cart.

use crate::db::Db;

use crate::error::AppError;

const PENDING_COOKIE: &str = "sk_pending_cart";
const PENDING_SECONDS: u32 = 3600;

/// `variant:quantity`, as kept in the cookie.
fn encode(variant_id: i64, quantity: i64) -> String {
    format!("{variant_id}:{quantity}")
}

fn decode(value: &str) -> Option<(i64, i64)> {
    let (variant, quantity) = value.split_once(':')?;
    let variant = variant.parse().ok().filter(|id| *id > 0)?;
    let quantity = quantity.parse().ok().filter(|q| (1..=99).contains(q))?;
    Some((variant, quantity))
}

fn secure() -> &'static str {
    if crate::kernel::site::is_https() {
        "; Secure"
    } else {
        ""
    }
}

/// Remembers the visitor's tap until they have an account.
pub fn remember(variant_id: i64, quantity: i64) {
    crate::akun::session::set_cookie(&format!(
        "{PENDING_COOKIE}={}; Path=/; Max-Age={PENDING_SECONDS}; HttpOnly; SameSite=Lax{}",
        encode(variant_id, quantity),
        secure()
    ));
}

fn pending_in_request() -> Option<(i64, i64)> {
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    let pending = crate::kernel::cookies::request_cookies(&parts.headers, PENDING_COOKIE)
        .next()
        .and_then(decode);
    pending
}

/// Right after a sign-in or sign-up: puts the remembered item into `account_id`'s cart and forgets it.
/// True when something was added (the caller then opens the cart); an item that went off sale meanwhile
/// is simply dropped (the product page says so when they look again).
pub async fn complete(pool: &Db, account_id: i64, now: i64) -> Result<bool, AppError> {
    let Some((variant_id, quantity)) = pending_in_request() else {
        return Ok(false);
    };
    crate::akun::session::set_cookie(&format!(
        "{PENDING_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}",
        secure()
    ));
    Ok(super::store::add_to_cart(pool, account_id, variant_id, quantity, now).await?)
}

/// Where the cart opens after a completed pending "Add to cart".
pub const CART_AFTER_PENDING: &str = "/pasar/keranjang?disimpan=keranjang";

/// [`complete`] as `akun::AfterSignIn` work: the cart when something was added.
pub fn after_sign_in(pool: &Db, account_id: i64, now: i64) -> crate::akun::AfterSignInFuture<'_> {
    Box::pin(async move {
        Ok(complete(pool, account_id, now)
            .await?
            .then(|| CART_AFTER_PENDING.to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_holds_a_variant_and_a_sane_quantity_only() {
        assert_eq!(decode(&encode(42, 2)), Some((42, 2)));
        for hostile in [
            "", "42", "x:1", "42:0", "42:100", "-1:1", "42:1:3", "42:1e3",
        ] {
            assert_eq!(decode(hostile), None, "{hostile}");
        }
    }
}
