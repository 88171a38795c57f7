//! This site's own address, for links that leave the page: QR codes, calendar files, share previews.
//! The server is told its public address (`--site-url`, e.g. `https://smartkampung.banyuwangikab.go.id`)
//! at start: a Host header is whatever the client typed, and an address taken from it would put an
//! attacker's host into a letter's QR code or a publicly cached calendar feed. Only a process that was
//! never told (the in-process tests) falls back to the request's Host header.

static CONFIGURED: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Sets the public address once, at start (`https://host[:port]`, no trailing slash).
pub fn configure(site_url: &str) {
    let _ = CONFIGURED.set(site_url.trim_end_matches('/').to_string());
}

/// The configured public address, if the server was given one.
pub fn configured() -> Option<&'static str> {
    CONFIGURED.get().map(String::as_str)
}

/// Whether people reach the site over HTTPS (cookies are then `Secure`, and HSTS is sent).
pub fn is_https() -> bool {
    match configured() {
        Some(url) => url.starts_with("https://"),
        None => leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
            parts
                .headers
                .get("x-forwarded-proto")
                .is_some_and(|proto| proto.as_bytes().eq_ignore_ascii_case(b"https"))
        }),
    }
}

/// The site's address: the configured one, else derived from the request headers.
pub fn site_origin(headers: &http::HeaderMap) -> String {
    configured()
        .map(str::to_string)
        .unwrap_or_else(|| origin_from_headers(headers))
}

/// `https://kampung.example` from request headers; `http://localhost` if the request named no host.
pub fn origin_from_headers(headers: &http::HeaderMap) -> String {
    let host = headers
        .get(http::header::HOST)
        .and_then(|host| host.to_str().ok())
        // A Host header is attacker-controlled text: keep only what a host name and port can contain.
        .filter(|host| {
            !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    let https = headers
        .get("x-forwarded-proto")
        .is_some_and(|proto| proto.as_bytes().eq_ignore_ascii_case(b"https"));
    let scheme = if https { "https" } else { "http" };
    format!("{scheme}://{host}")
}

/// The site's address while serving a request.
pub fn request_origin() -> String {
    if let Some(url) = configured() {
        return url.to_string();
    }
    leptos::prelude::use_context::<http::request::Parts>()
        .map(|parts| origin_from_headers(&parts.headers))
        .unwrap_or_else(|| "http://localhost".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_origin_follows_the_host_and_refuses_injected_text() {
        let mut headers = http::HeaderMap::new();
        headers.insert(http::header::HOST, "kampung.example:8080".parse().unwrap());
        assert_eq!(origin_from_headers(&headers), "http://kampung.example:8080");
        headers.insert("x-forwarded-proto", "https".parse().unwrap());
        assert_eq!(
            origin_from_headers(&headers),
            "https://kampung.example:8080"
        );
        headers.insert(http::header::HOST, "evil.example/<script>".parse().unwrap());
        assert_eq!(origin_from_headers(&headers), "https://localhost");
    }
}
