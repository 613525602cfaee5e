//! Choosing the language of a request: the person's choice (a cookie, kept in step with their
//! account's preference), else what the browser asks for, else the group's default.

use super::Lang;

/// The cookie that carries the chosen language (not secret; read before sign-in too).
pub const COOKIE: &str = "convene_lang";

/// The best language of the catalogue for an `Accept-Language` header, by its q-values; the
/// first listed wins a tie.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    let mut ranked: Vec<(f32, usize, Lang)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut bits = part.split(';');
            let tag = bits.next()?.trim();
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            if q <= 0.0 || tag == "*" {
                return None;
            }
            Some((q, i, Lang::parse(tag)?))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.first().map(|r| r.2)
}

/// The language for a request, from the value of its `COOKIE` and its `Accept-Language`.
pub fn for_request(chosen: Option<&str>, accept_language: Option<&str>) -> Lang {
    chosen
        .and_then(Lang::parse)
        .or_else(|| accept_language.and_then(from_accept_language))
        .unwrap_or_else(Lang::group_default)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ro() -> Lang {
        Lang::parse("ro").unwrap()
    }

    #[test]
    fn the_browser_s_most_wanted_language_that_we_have_wins() {
        assert_eq!(
            from_accept_language("ro-RO,ro;q=0.9,en-US;q=0.8,en;q=0.7"),
            Some(ro())
        );
        assert_eq!(
            from_accept_language("de-DE,en;q=0.5,ro;q=0.4"),
            Some(Lang::english())
        );
        assert_eq!(from_accept_language("en;q=0.3, ro;q=0.8"), Some(ro()));
        assert_eq!(from_accept_language("de, fr;q=0.9"), None);
        assert_eq!(from_accept_language("ro;q=0, en"), Some(Lang::english()));
        assert_eq!(from_accept_language("garbage;;q=x"), None);
        assert_eq!(from_accept_language(""), None);
    }

    #[test]
    fn a_chosen_language_beats_the_browser_and_a_bad_cookie_is_ignored() {
        assert_eq!(for_request(Some("ro"), Some("en")), ro());
        assert_eq!(for_request(Some("xx"), Some("ro")), ro());
        assert_eq!(for_request(None, None), Lang::group_default());
    }
}
