//! A language the catalogue has: one of the folders under `app/locales`.

use fluent_templates::{LanguageIdentifier, Loader};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Index into `all()`: cheap to copy into every view and task.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Lang(usize);

fn languages() -> &'static [LanguageIdentifier] {
    static ALL: OnceLock<Vec<LanguageIdentifier>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<LanguageIdentifier> = super::LOCALES.locales().cloned().collect();
        all.sort_by_key(|l| l.to_string());
        all
    })
}

static GROUP_DEFAULT: AtomicUsize = AtomicUsize::new(usize::MAX);

impl Lang {
    /// Every language of the catalogue, by code.
    pub fn all() -> Vec<Lang> {
        (0..languages().len()).map(Lang).collect()
    }

    /// The language with this code (`ro`, `en`, `ro-RO` → `ro`), if the catalogue has it.
    pub fn parse(code: &str) -> Option<Lang> {
        let wanted: LanguageIdentifier = code.trim().parse().ok()?;
        let all = languages();
        all.iter()
            .position(|l| *l == wanted)
            .or_else(|| all.iter().position(|l| l.language == wanted.language))
            .map(Lang)
    }

    pub fn english() -> Lang {
        Lang::parse("en").unwrap_or(Lang(0))
    }

    /// The group's language: for people who chose none and browsers that ask for none we have.
    pub fn group_default() -> Lang {
        match GROUP_DEFAULT.load(Ordering::Relaxed) {
            i if i < languages().len() => Lang(i),
            _ => Lang::english(),
        }
    }

    /// Set when the server starts and whenever the group's settings change.
    pub fn set_group_default(l: Lang) {
        GROUP_DEFAULT.store(l.0, Ordering::Relaxed);
    }

    pub fn code(self) -> String {
        self.id().to_string()
    }

    /// The language's own name for itself, for the switch ("English", "Română").
    pub fn own_name(self) -> String {
        super::LOCALES.lookup(self.id(), "language-name")
    }

    pub(super) fn id(self) -> &'static LanguageIdentifier {
        &languages()[self.0.min(languages().len() - 1)]
    }

    pub(super) fn index(self) -> usize {
        self.0
    }
}

impl Default for Lang {
    fn default() -> Self {
        Lang::group_default()
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Lang::parse(&code).ok_or_else(|| serde::de::Error::custom("a language of the catalogue"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_found_by_its_code_or_by_a_regional_variant() {
        let ro = Lang::parse("ro").expect("the catalogue has Romanian");
        assert_eq!(Lang::parse("ro-RO"), Some(ro));
        assert_eq!(Lang::parse(" RO "), Some(ro));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::english()));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(ro.code(), "ro");
    }

    #[test]
    fn each_language_names_itself() {
        assert_eq!(Lang::parse("ro").unwrap().own_name(), "Română");
        assert_eq!(Lang::english().own_name(), "English");
    }
}
