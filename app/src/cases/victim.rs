//! Recognising the same victim however her name was typed.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower case, accents removed, runs of spaces folded: "  Ioana  ȘTEFĂNESCU" and
/// "ioana stefanescu" give the same key.
pub fn name_key(name: &str) -> String {
    name.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_and_spacing_do_not_matter() {
        assert_eq!(name_key("  Ioana  ȘTEFĂNESCU "), "ioana stefanescu");
        assert_eq!(name_key("Ioana Ştefănescu"), "ioana stefanescu");
        assert_eq!(name_key("Zoë Müller-Łaba"), name_key("zoe muller-Łaba"));
        assert_ne!(name_key("Ioana Stefanescu"), name_key("Ioana Stefanescul"));
    }
}
