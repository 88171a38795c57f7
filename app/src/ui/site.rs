//! This site's own address, for links that leave the page: QR codes, calendar files, share previews.
//! Taken from the request (the Host header the phone used, HTTPS when the request or the proxy says so),
//! so the same binary works on a laptop, a village server and behind a regency's proxy.

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

/// The origin of the request being served.
pub fn request_origin() -> String {
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
