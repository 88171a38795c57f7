//! Cross-site request refusal (server only). Browsers say where a request comes from: `Sec-Fetch-Site`
//! (all current browsers) or at least `Origin`. A state-changing request that a page on another site made
//! a person's browser send is refused, so nobody can sign someone in or out, or act in their name, from
//! elsewhere. Requests without either header do not come from a browser page (curl, tests) and carry no
//! ambient cookies to abuse, so they pass.

use http::{header, HeaderMap, Method};

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrossSite {
    /// `Sec-Fetch-Site: cross-site` or `same-site` (a sibling subdomain is another site too).
    FetchMetadata,
    /// `Origin` names another host than the one the request was sent to.
    Origin,
}

/// `Ok` when the request may proceed.
pub fn check(method: &Method, headers: &HeaderMap) -> Result<(), CrossSite> {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(());
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // `none` is a person typing the address or using a bookmark.
        return match site {
            "same-origin" | "none" => Ok(()),
            _ => Err(CrossSite::FetchMetadata),
        };
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return Ok(());
    };
    // Scheme and host both: `http://` pages of the same host (a network on the way could inject one)
    // are another origin than the `https://` site.
    let expected = crate::kernel::site::site_origin(headers);
    if origin.eq_ignore_ascii_case(&expected) {
        Ok(())
    } else {
        Err(CrossSite::Origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn same_origin_posts_pass_and_cross_site_posts_are_refused() {
        let post = Method::POST;
        assert_eq!(
            check(&post, &headers(&[("sec-fetch-site", "same-origin")])),
            Ok(())
        );
        assert_eq!(
            check(&post, &headers(&[("sec-fetch-site", "none")])),
            Ok(())
        );
        assert_eq!(
            check(&post, &headers(&[("sec-fetch-site", "cross-site")])),
            Err(CrossSite::FetchMetadata)
        );
        assert_eq!(
            check(&post, &headers(&[("sec-fetch-site", "same-site")])),
            Err(CrossSite::FetchMetadata)
        );
        // Older browsers: Origin against the site's address (scheme included).
        let behind_https_proxy = [("host", "kampung.id"), ("x-forwarded-proto", "https")];
        assert_eq!(
            check(
                &post,
                &headers(&[
                    ("origin", "https://kampung.id"),
                    behind_https_proxy[0],
                    behind_https_proxy[1]
                ])
            ),
            Ok(())
        );
        assert_eq!(
            check(
                &post,
                &headers(&[
                    ("origin", "http://kampung.id"),
                    behind_https_proxy[0],
                    behind_https_proxy[1]
                ])
            ),
            Err(CrossSite::Origin),
            "a plain-HTTP page of the same host is another origin"
        );
        assert_eq!(
            check(
                &post,
                &headers(&[("origin", "https://evil.example"), ("host", "kampung.id")])
            ),
            Err(CrossSite::Origin)
        );
        assert_eq!(
            check(
                &post,
                &headers(&[("origin", "null"), ("host", "kampung.id")])
            ),
            Err(CrossSite::Origin)
        );
        // Not a browser page: nothing to check.
        assert_eq!(check(&post, &HeaderMap::new()), Ok(()));
        // Reading is never refused.
        assert_eq!(
            check(&Method::GET, &headers(&[("sec-fetch-site", "cross-site")])),
            Ok(())
        );
    }
}
