//! What a person typed survives a refused form post, with JavaScript off too.
//!
//! A refused post answers with a redirect back to the form (the error in the URL's `__err`, never the
//! input). With JavaScript the `FormProgress` island puts the typed values back from `sessionStorage`;
//! without it the form used to come back empty — on a village's sign-up day, behind one carrier address,
//! a resident typed everything again. So the server keeps the typed values of a refused post in a
//! short-lived cookie of that browser only (`HttpOnly`, five minutes, never in a URL or a log), and the
//! form's fields read it back when the page is the redirect of that refusal. Passwords, NIKs and codes
//! are never kept.

/// The cookie's name; it holds the kept fields URL-encoded.
pub const DRAFT_COOKIE: &str = "sk_form_draft";
/// Long enough to read the message and fix a field; short enough not to linger.
pub const DRAFT_SECONDS: u32 = 300;
/// A cookie must stay well under the 4 KB browsers keep; a longer draft (a long description) is not
/// kept rather than cut.
#[cfg(feature = "ssr")]
const MAX_DRAFT_BYTES: usize = 3_000;

/// Fields never kept: secrets and personal numbers.
#[cfg(feature = "ssr")]
fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.contains("password") || name.contains("nik") || name == "code" || name.contains("csrf")
}

/// The fields of a URL-encoded form body worth giving back, URL-encoded again (safe as a cookie value:
/// no spaces, commas, semicolons or quotes), or `None` when there is nothing to keep or too much.
#[cfg(feature = "ssr")]
pub fn keepable_fields(body: &[u8]) -> Option<String> {
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(body).ok()?;
    let kept: Vec<(String, String)> = fields
        .into_iter()
        .filter(|(name, value)| !is_secret(name) && !value.is_empty())
        .collect();
    if kept.is_empty() {
        return None;
    }
    let encoded = serde_urlencoded::to_string(&kept).ok()?;
    (encoded.len() <= MAX_DRAFT_BYTES).then_some(encoded)
}

/// The value typed into `name` before the refusal this page shows, if any. Only on the server, only
/// on a page reached by a refused post (its URL carries `__err`).
pub fn typed_value(name: &str) -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        if is_secret(name) {
            return None;
        }
        let parts = leptos::prelude::use_context::<http::request::Parts>()?;
        if !parts
            .uri
            .query()
            .is_some_and(|query| query.contains("__err="))
        {
            return None;
        }
        let draft = crate::kernel::cookies::request_cookies(&parts.headers, DRAFT_COOKIE)
            .next()?
            .to_string();
        let fields: Vec<(String, String)> = serde_urlencoded::from_str(&draft).ok()?;
        fields
            .into_iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = name;
        None
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn typed_values_are_kept_but_never_secrets() {
        let body = b"name=Wulan+Sari&phone=0813-1234-5678&village=kemiren&password=kopi-lanang&nik=3510&next=%2Fpasar&email=";
        let kept = keepable_fields(body).unwrap();
        assert_eq!(
            kept,
            "name=Wulan+Sari&phone=0813-1234-5678&village=kemiren&next=%2Fpasar"
        );
        assert!(!kept.contains(' ') && !kept.contains(',') && !kept.contains(';'));
        assert_eq!(
            keepable_fields(b"password=x&new_password=y&code=123456"),
            None
        );
        let long = format!("description={}", "a".repeat(4_000));
        assert_eq!(
            keepable_fields(long.as_bytes()),
            None,
            "too long for a cookie"
        );
        assert_eq!(
            keepable_fields(b"name=Budi%2C+Pak%3B+%22ok%22").unwrap(),
            "name=Budi%2C+Pak%3B+%22ok%22"
        );
    }
}
