//! Account server functions: sign-up, sign-in, sign-out, password reset, the person's own account.
//! Each starts with its authorization decision (see `access`).

use leptos::prelude::*;

use super::{MyAccount, SessionSummary};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::kernel::text::safe_next;

/// A name as people write it: 2 to 80 characters after trimming.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn check_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    match name.chars().count() {
        0..=1 => Err(AppError::field("name", "name_required")),
        81.. => Err(AppError::field("name", "name_too_long")),
        _ => Ok(name.to_string()),
    }
}

/// An optional e-mail address: empty means none; otherwise something@domain.tld, at most 254 characters.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn check_email(email: Option<&str>) -> Result<Option<String>, AppError> {
    let email = email.map(str::trim).unwrap_or_default();
    if email.is_empty() {
        return Ok(None);
    }
    let plausible = email.len() <= 254
        && !email.chars().any(char::is_whitespace)
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !domain.ends_with('.')
        });
    if plausible {
        Ok(Some(email.to_string()))
    } else {
        Err(AppError::field("email", "email_invalid"))
    }
}

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn phone_field(phone: &str) -> Result<String, AppError> {
    super::phone::normalize_mobile(phone).map_err(|error| AppError::field("phone", error.code()))
}

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn password_field(field: &str, password: &str, phone: &str) -> Result<(), AppError> {
    super::password::check_new_password(password, phone)
        .map_err(|error| AppError::field(field, error.code()))
}

/// Creates an account and signs it in. Public (anyone may sign up); rate-limited per phone and per IP.
#[server(endpoint = "sign_up")]
pub async fn sign_up(
    name: String,
    phone: String,
    password: String,
    village: String,
    email: Option<String>,
    next: Option<String>,
) -> Result<(), AppError> {
    super::access::public();
    let pool = crate::db::pool()?;
    let now = crate::db::now_unix();
    let name = check_name(&name).map_err(AppError::with_status)?;
    let phone = phone_field(&phone).map_err(AppError::with_status)?;
    password_field("password", &password, &phone).map_err(AppError::with_status)?;
    let email = check_email(email.as_deref()).map_err(AppError::with_status)?;
    // A tourist picks "I'm visiting" (no village); a resident their village.
    let village_id = if village == VISITOR_CHOICE {
        None
    } else {
        match super::store::village_ref(&pool, &village).await? {
            Some((village_id, _)) => {
                if super::regency::store::is_switched_off(&pool, village_id).await? {
                    return Err(AppError::field("village", "village_switched_off").with_status());
                }
                Some(village_id)
            }
            None => return Err(AppError::field("village", "village_unknown").with_status()),
        }
    };
    let client = super::sign_in_guard::current_client();
    super::rate_limit::hit_sign_up(&pool, &phone, client.device_hash.as_deref(), now).await?;
    let password_hash = super::password::hash_password(password).await?;
    let locale = crate::ui::language::request_locale();
    let account = super::store::NewAccount {
        phone: &phone,
        name: &name,
        email: email.as_deref(),
        home_village_id: village_id,
        password_hash: &password_hash,
        locale: leptos_i18n::Locale::as_str(locale),
    };
    let Some(account_id) = super::store::insert_account(&pool, &account, now).await? else {
        return Err(AppError::field("phone", "phone_taken").with_status());
    };
    super::session::start(&pool, account_id, now).await?;
    redirect_after_sign_in(&pool, account_id, next.as_deref(), now).await
}

/// The answer of [`AfterSignIn`] work: where to go instead, if anywhere.
#[cfg(feature = "ssr")]
pub type AfterSignInFuture<'a> = std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<Option<String>, AppError>> + Send + 'a>,
>;

/// What other parts of the app want done right after a sign-in or sign-up — a visitor's pending "Add to
/// cart" goes into the new account's cart — given as a request context by the server's wiring (`akun`
/// names no pillar). It answers where to go instead of `next`, if anywhere.
#[cfg(feature = "ssr")]
#[derive(Clone, Copy)]
pub struct AfterSignIn(pub for<'a> fn(&'a crate::db::Db, i64, i64) -> AfterSignInFuture<'a>);

/// Where a fresh session goes: where the [`AfterSignIn`] work says (the cart, when a visitor's "Add to
/// cart" was waiting for the account), else the page that sent them to sign in.
#[cfg(feature = "ssr")]
async fn redirect_after_sign_in(
    pool: &crate::db::Db,
    account_id: i64,
    next: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    let instead = match use_context::<AfterSignIn>() {
        Some(AfterSignIn(work)) => work(pool, account_id, now).await?,
        None => None,
    };
    leptos_axum::redirect(&instead.unwrap_or_else(|| safe_next(next)));
    Ok(())
}

/// The sign-up form's value for "I'm only visiting" (no home village).
pub const VISITOR_CHOICE: &str = "tamu";

/// A visitor adds their home village (once: after that it is the village's staff who know them).
/// Signed in; only their own account, only while it has none.
#[server(endpoint = "set_home_village")]
pub async fn set_home_village(village: String) -> Result<(), AppError> {
    let actor = super::access::authorize(super::access::Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let Some((village_id, _)) = super::store::village_ref(&pool, &village).await? else {
        return Err(AppError::field("village", "village_unknown").with_status());
    };
    if actor.home_village_id.is_some() {
        return Err(AppError::field("village", "home_village_set").with_status());
    }
    super::store::set_home_village(&pool, actor.account_id, village_id).await?;
    leptos_axum::redirect("/akun?disimpan=desa#desa-asal");
    Ok(())
}

/// Signs in with phone number and password. Public; rate-limited per phone and per IP.
#[server(endpoint = "sign_in")]
pub async fn sign_in(
    phone: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    super::access::public();
    let pool = crate::db::pool()?;
    let now = crate::db::now_unix();
    let phone = phone_field(&phone).map_err(AppError::with_status)?;
    // Failures slow down the client that makes them, never the owner (see `sign_in_guard`); a whole
    // village may share one carrier IP, so the IP limit is only a flood guard.
    let client = super::sign_in_guard::current_client();
    let login = super::store::find_login(&pool, &phone).await?;
    let account_id = login.as_ref().map(|(id, _, _)| *id);
    let known_device = super::sign_in_guard::check(&pool, &phone, &client, account_id, now).await?;
    if !known_device {
        super::rate_limit::hit_action(&pool, super::rate_limit::Action::SignIn, &phone, now)
            .await?;
    }
    let stored_hash = login.as_ref().map(|(_, hash, _)| hash.clone());
    let matches = super::password::verify_password(password, stored_hash).await;
    let Some((account_id, _, _)) = login.filter(|_| matches) else {
        super::sign_in_guard::record_failure(&pool, &phone, &client, now).await?;
        return Err(AppError::field("password", "wrong_phone_or_password").with_status());
    };
    super::sign_in_guard::record_success(&pool, &phone, &client, account_id, now).await?;
    super::session::start(&pool, account_id, now).await?;
    // Messages to the phone follow the language the person uses the site in.
    let locale = crate::ui::language::request_locale();
    super::store::set_locale(&pool, account_id, leptos_i18n::Locale::as_str(locale)).await?;
    redirect_after_sign_in(&pool, account_id, next.as_deref(), now).await
}

/// Ends this browser's session. Public: signing out without a session does nothing harmful.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    super::access::public();
    let pool = crate::db::pool()?;
    super::session::end(&pool).await?;
    leptos_axum::redirect("/akun/masuk");
    Ok(())
}

/// Sends a one-time code to the phone through the outbox. Public; the answer is the same whether or not
/// the number has an account (nobody learns who is registered). Rate-limited per phone and per IP.
#[server(endpoint = "request_reset_code")]
pub async fn request_reset_code(phone: String) -> Result<(), AppError> {
    use super::reset_code::{hash_code, new_code, CODE_LIFETIME_SECONDS};
    super::access::public();
    let pool = crate::db::pool()?;
    let now = crate::db::now_unix();
    let phone = phone_field(&phone).map_err(AppError::with_status)?;
    let login = super::store::find_login(&pool, &phone).await?;
    // Three codes an hour per number and client; the caps per number and per IP (text messages cost
    // money) never hold back a browser that signed in to the account before.
    let client = super::sign_in_guard::current_client();
    let known_device =
        super::sign_in_guard::is_known_device(&pool, login.as_ref().map(|(id, _, _)| *id), &client)
            .await?;
    let mut limits = vec![super::rate_limit::Limit {
        key: format!("reset_code:{phone}:{}", client.key),
        limit: 3,
        window_seconds: 3600,
    }];
    if !known_device {
        limits.push(super::rate_limit::Limit::per_phone(
            "reset_code",
            &phone,
            10,
            24 * 3600,
        ));
        limits.push(super::rate_limit::Limit::per_ip("reset_code", 30, 3600));
    }
    super::rate_limit::hit(&pool, &limits, now).await?;
    if let Some((account_id, _, locale)) = login {
        let code = new_code().map_err(|error| {
            tracing::error!(%error, "no randomness for a reset code");
            AppError::Internal
        })?;
        let message = if locale == "en" {
            format!("Smart Kampung code: {code}. Valid for 15 minutes. Never share this code with anyone.")
        } else {
            format!("Kode Smart Kampung: {code}. Berlaku 15 menit. Jangan berikan kode ini kepada siapa pun.")
        };
        super::store::create_reset_code(
            &pool,
            account_id,
            &phone,
            &hash_code(account_id, &code),
            &message,
            now,
            now + CODE_LIFETIME_SECONDS,
        )
        .await?;
    }
    leptos_axum::redirect("/akun/atur-ulang-sandi");
    Ok(())
}

/// Sets a new password with a code from [`request_reset_code`], ends every other session and signs in.
/// Public (the code is the credential); each wrong code counts against the code's attempts.
#[server(endpoint = "reset_password")]
pub async fn reset_password(phone: String, code: String, password: String) -> Result<(), AppError> {
    use super::reset_code::{code_state, hash_code, typed_code, CodeState};
    super::access::public();
    let pool = crate::db::pool()?;
    let now = crate::db::now_unix();
    let phone = phone_field(&phone).map_err(AppError::with_status)?;
    password_field("password", &password, &phone).map_err(AppError::with_status)?;
    let wrong_code = || AppError::field("code", "code_wrong").with_status();
    let Some((account_id, _, _)) = super::store::find_login(&pool, &phone).await? else {
        return Err(wrong_code());
    };
    let Some((code_id, code_hash, expires_at, attempts)) =
        super::store::live_reset_code(&pool, account_id).await?
    else {
        return Err(AppError::field("code", "code_expired").with_status());
    };
    match code_state(expires_at, attempts, now) {
        CodeState::Live => {}
        CodeState::Expired | CodeState::Exhausted => {
            return Err(AppError::field("code", "code_expired").with_status());
        }
    }
    if hash_code(account_id, &typed_code(&code)) != code_hash {
        super::store::count_reset_attempt(&pool, code_id).await?;
        return Err(wrong_code());
    }
    if !super::store::spend_reset_code(&pool, code_id, now).await? {
        return Err(AppError::field("code", "code_expired").with_status());
    }
    let password_hash = super::password::hash_password(password).await?;
    super::store::set_password(&pool, account_id, &password_hash).await?;
    super::session::end_all(&pool, account_id).await?;
    super::session::start(&pool, account_id, now).await?;
    leptos_axum::redirect("/akun");
    Ok(())
}

/// Who is signed in, for the header; `None` for visitors. Public.
#[server(endpoint = "get_session_summary")]
pub async fn get_session_summary() -> Result<Option<SessionSummary>, AppError> {
    super::access::public();
    let Some(actor) = super::access::current_actor().await? else {
        return Ok(None);
    };
    let pool = crate::db::pool()?;
    Ok(Some(SessionSummary {
        name: super::store::account_name(&pool, actor.account_id).await?,
        unread_notifications: crate::notifikasi::store::unread_count(&pool, actor.account_id)
            .await?,
    }))
}

/// The signed-in person's own account; `None` for a visitor (then `/akun` is the sign-in page, a normal
/// 200 page). Public: it only ever returns the caller's own account.
#[server(endpoint = "get_my_account")]
pub async fn get_my_account() -> Result<Option<MyAccount>, AppError> {
    super::access::public();
    let Some(actor) = super::access::current_actor().await? else {
        return Ok(None);
    };
    let pool = crate::db::pool()?;
    Ok(Some(super::store::my_account(&pool, &actor).await?))
}

/// Changes the person's own name and e-mail. Signed-in only; always their own.
#[server(endpoint = "update_my_profile")]
pub async fn update_my_profile(name: String, email: Option<String>) -> Result<(), AppError> {
    let actor = super::access::authorize(super::access::Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let name = check_name(&name).map_err(AppError::with_status)?;
    let email = check_email(email.as_deref()).map_err(AppError::with_status)?;
    super::store::update_profile(&pool, actor.account_id, &name, email.as_deref()).await?;
    leptos_axum::redirect("/akun?disimpan=profil#profil");
    Ok(())
}

/// A resident gives their NIK, name as on the KTP and address, for their home village's staff to verify.
/// Signed-in only; always their own. The NIK is encrypted before it reaches the database.
#[server(endpoint = "submit_verification")]
pub async fn submit_verification(
    nik: String,
    full_name: String,
    address: String,
) -> Result<(), AppError> {
    let actor = super::access::authorize(super::access::Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let nik = super::nik::normalize_nik(&nik)
        .map_err(|error| AppError::field("nik", error.code()).with_status())?;
    let full_name = check_name(&full_name)
        .map_err(|_| AppError::field("full_name", "name_required").with_status())?;
    let address = address.trim();
    if address.chars().count() < 5 || address.chars().count() > 200 {
        return Err(AppError::field("address", "address_required").with_status());
    }
    let cipher = use_context::<super::nik::NikCipher>().ok_or_else(|| {
        tracing::error!("no NIK key configured");
        AppError::Internal
    })?;
    let village_id = actor
        .home_village_id
        .ok_or_else(|| AppError::field("address", "home_village_needed").with_status())?;
    let request = super::store::VerificationRequest {
        account_id: actor.account_id,
        village_id,
        full_name: &full_name,
        address,
        nik_ciphertext: &cipher.encrypt(&nik)?,
        nik_last4: &nik[12..],
    };
    super::store::submit_verification(&pool, &request, crate::db::now_unix()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_emails_are_checked_gently() {
        assert_eq!(check_name("  Siti Aminah "), Ok("Siti Aminah".into()));
        assert_eq!(
            check_name("S"),
            Err(AppError::field("name", "name_required"))
        );
        assert_eq!(check_email(Some("")), Ok(None));
        assert_eq!(
            check_email(Some(" siti@desa.id ")),
            Ok(Some("siti@desa.id".into()))
        );
        assert_eq!(
            check_email(Some("siti@desa")),
            Err(AppError::field("email", "email_invalid"))
        );
    }
}
