//! Reading cookies out of `Cookie` headers (`a=1; b=2`): the session, the device, the pending cart, the
//! form draft and the language all ask the same question.

/// The name–value pairs of one `Cookie` header (or of `document.cookie`).
fn pairs(header: &str) -> impl Iterator<Item = (&str, &str)> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
}

/// The value of cookie `name` in one `Cookie` header, if it is there.
pub fn cookie_in<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    pairs(header)
        .find(|(cookie, _)| *cookie == name)
        .map(|(_, value)| value)
}

/// Every value of cookie `name` a request carries, over all its `Cookie` headers, in the order the
/// browser sent them (a name set for two paths comes twice, the longer path first).
#[cfg(feature = "ssr")]
pub fn request_cookies<'a>(
    headers: &'a http::HeaderMap,
    name: &'a str,
) -> impl Iterator<Item = &'a str> + 'a {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(pairs)
        .filter(move |(cookie, _)| *cookie == name)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_cookie_by_its_whole_name_in_one_or_several_headers() {
        assert_eq!(
            cookie_in("a=1; sk_session=abc; b=2", "sk_session"),
            Some("abc")
        );
        assert_eq!(cookie_in("xsk_session=abc", "sk_session"), None);
        assert_eq!(cookie_in("sk_session=", "sk_session"), Some(""));
        let mut headers = http::HeaderMap::new();
        headers.append(http::header::COOKIE, "a=1; d=first".parse().unwrap());
        headers.append(http::header::COOKIE, "d=second".parse().unwrap());
        let found: Vec<&str> = request_cookies(&headers, "d").collect();
        assert_eq!(found, ["first", "second"]);
        assert_eq!(request_cookies(&headers, "e").next(), None);
    }
}
