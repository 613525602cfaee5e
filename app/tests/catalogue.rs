//! The message catalogue against the code: the same keys in every language, every key the
//! code names present, every key present used, and Romanian written with its own letters.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Language code → (key → text), read from `locales/<code>/*.ftl`.
fn catalogue() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut all = BTreeMap::new();
    for lang in fs::read_dir(root().join("locales")).unwrap() {
        let dir = lang.unwrap().path();
        let code = dir.file_name().unwrap().to_string_lossy().to_string();
        let mut keys = BTreeMap::new();
        for f in fs::read_dir(&dir).unwrap() {
            let text = fs::read_to_string(f.unwrap().path()).unwrap();
            let mut current: Option<String> = None;
            for line in text.lines() {
                let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
                if let (true, Some((k, v))) = (starts_message, line.split_once(" =")) {
                    assert!(
                        keys.insert(k.trim().to_string(), v.trim().to_string())
                            .is_none(),
                        "{code}: {k} twice"
                    );
                    current = Some(k.trim().to_string());
                } else if line.starts_with('#') || line.trim().is_empty() {
                    current = None;
                } else if let Some(k) = &current {
                    keys.get_mut(k).unwrap().push_str(line);
                }
            }
        }
        all.insert(code, keys);
    }
    all
}

fn sources() -> String {
    let mut out = String::new();
    let mut todo = vec![root().join("src"), root().join("../server/src")];
    while let Some(p) = todo.pop() {
        for e in fs::read_dir(&p).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push_str(&fs::read_to_string(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn every_language_has_exactly_the_english_keys() {
    let all = catalogue();
    let en: BTreeSet<_> = all["en"].keys().collect();
    assert!(all.contains_key("ro"), "the Romanian catalogue");
    for (code, keys) in &all {
        let these: BTreeSet<_> = keys.keys().collect();
        let missing: Vec<_> = en.difference(&these).collect();
        let extra: Vec<_> = these.difference(&en).collect();
        assert!(missing.is_empty(), "{code} lacks {missing:?}");
        assert!(extra.is_empty(), "{code} has keys English lacks: {extra:?}");
        for (k, v) in keys {
            assert!(!v.is_empty(), "{code}: {k} is empty");
        }
    }
}

#[test]
fn every_key_the_code_names_is_in_the_catalogue() {
    let en = &catalogue()["en"];
    let src = sources();
    let named: BTreeSet<&str> = src
        .split("Msg(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(
        named.len() > 50,
        "the scan finds the keys ({})",
        named.len()
    );
    let missing: Vec<_> = named.iter().filter(|k| !en.contains_key(**k)).collect();
    assert!(missing.is_empty(), "keys without a message: {missing:?}");
}

#[test]
fn every_message_of_the_catalogue_is_used() {
    let src = sources();
    let unused: Vec<_> = catalogue()["en"]
        .keys()
        .filter(|k| !src.contains(&format!("\"{k}\"")))
        .cloned()
        .collect();
    assert!(unused.is_empty(), "messages nothing shows: {unused:?}");
}

#[test]
fn romanian_is_written_with_comma_below_letters_not_cedillas() {
    for (k, v) in &catalogue()["ro"] {
        assert!(
            !v.contains(['ş', 'ţ', 'Ş', 'Ţ']),
            "{k} uses a cedilla (ş ţ) where Romanian has ș ț: {v}"
        );
    }
}

#[test]
fn every_message_reads_through_fluent_in_every_language() {
    // The line reader above accepts text that Fluent itself rejects (a selector on one line,
    // say); Fluent then drops the message, and the page shows its key or falls back to English.
    use convene_app::i18n::{Arg, Lang, Msg};
    let all = catalogue();
    // Every placeholder gets a number: Fluent refuses to format a message missing one.
    let read = |lang: Lang, k: &str| {
        let key: &'static str = Box::leak(k.to_string().into_boxed_str());
        let value = &all["en"][k];
        let args: Vec<(&'static str, Arg)> = value
            .split('$')
            .skip(1)
            .map(|rest| {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                let name: &'static str = Box::leak(name.into_boxed_str());
                (name, Arg::Number(3))
            })
            .collect();
        Msg(key).with_in(lang, &args)
    };
    for (code, keys) in &all {
        let lang = Lang::parse(code).expect("a language Convene knows");
        for (k, v) in keys {
            let text = read(lang, k);
            assert!(
                !text.starts_with("Unknown localization"),
                "{code}: {k} is not read"
            );
            if !v.contains('{') {
                assert_eq!(&text, v, "{code}: {k} reads otherwise than written");
            } else if code != "en" && all["en"][k] != *v {
                assert_ne!(
                    text,
                    read(Lang::english(), k),
                    "{code}: {k} falls back to English"
                );
            }
        }
    }
}
