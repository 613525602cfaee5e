//! A message of the catalogue, named by its key.

use super::{current, Lang, LOCALES};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::Loader;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// A key of the catalogue (`sign-in-title`). Shown, it reads in the current language.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Msg(pub &'static str);

/// A value put into a message's placeholder (`{ $count }`).
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as i64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(n.into())
    }
}

impl Msg {
    /// The text in the current language.
    pub fn text(self) -> String {
        self.in_lang(current())
    }

    pub fn in_lang(self, lang: Lang) -> String {
        LOCALES.lookup(lang.id(), self.0)
    }

    /// The text in the current language, kept for the life of the process so that it can stand
    /// where a `&'static str` is wanted (labels, attribute values). Bounded: one per key and
    /// language.
    pub fn as_str(self) -> &'static str {
        static CACHE: OnceLock<Mutex<HashMap<(usize, &'static str), &'static str>>> =
            OnceLock::new();
        let lang = current();
        let mut cache = CACHE
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        cache
            .entry((lang.index(), self.0))
            .or_insert_with(|| Box::leak(self.in_lang(lang).into_boxed_str()))
    }

    /// The text with its placeholders filled (plurals choose their form from a number).
    pub fn with(self, args: &[(&'static str, Arg)]) -> String {
        self.with_in(current(), args)
    }

    pub fn with_in(self, lang: Lang, args: &[(&'static str, Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    Arg::Text(s) => FluentValue::from(s.clone()),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*k), v)
            })
            .collect();
        LOCALES.lookup_complete(lang.id(), self.0, Some(&args))
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::ops::Deref for Msg {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Msg {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<Msg> for String {
    fn from(m: Msg) -> String {
        m.text()
    }
}

impl From<Msg> for &'static str {
    fn from(m: Msg) -> &'static str {
        m.as_str()
    }
}

impl PartialEq<Msg> for String {
    fn eq(&self, m: &Msg) -> bool {
        self == m.as_str()
    }
}

impl PartialEq<Msg> for &str {
    fn eq(&self, m: &Msg) -> bool {
        *self == m.as_str()
    }
}

impl leptos::prelude::IntoRender for Msg {
    type Output = &'static str;
    fn into_render(self) -> &'static str {
        self.as_str()
    }
}

impl leptos::attr::IntoAttributeValue for Msg {
    type Output = &'static str;
    fn into_attribute_value(self) -> &'static str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ro() -> Lang {
        Lang::parse("ro").unwrap()
    }

    #[test]
    fn romanian_counts_take_their_three_plural_forms() {
        // Above 100 the plural rules' data (intl_pluralrules) puts 101–119 under "other"
        // ("101 de cazuri"); Romanian says "101 cazuri". Counts in Convene stay far below.
        let n = |count: i64| Msg("common-cases-count").with_in(ro(), &[("count", count.into())]);
        assert_eq!(n(1), "1 caz");
        assert_eq!(n(2), "2 cazuri");
        assert_eq!(n(19), "19 cazuri");
        assert_eq!(n(20), "20 de cazuri");
        assert_eq!(n(120), "120 de cazuri");
        let en = |count: i64| {
            Msg("common-cases-count").with_in(Lang::english(), &[("count", count.into())])
        };
        assert_eq!(en(1), "1 case");
        assert_eq!(en(20), "20 cases");
    }

    #[test]
    fn a_placeholder_is_filled_without_invisible_marks() {
        let s = Msg("common-signed-in-as").with_in(Lang::english(), &[("name", "Ana Pop".into())]);
        assert_eq!(s, "Signed in as Ana Pop");
        assert!(!s.contains('\u{2068}'));
    }

    #[test]
    fn a_message_reads_in_the_language_asked_for() {
        assert_eq!(Msg("common-nav-cases").in_lang(ro()), "Cazuri");
        assert_eq!(Msg("common-nav-cases").in_lang(Lang::english()), "Cases");
    }
}
