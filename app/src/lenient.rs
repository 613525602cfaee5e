//! Deserializers that accept a value the way both a JSON client and an HTML form send it
//! (`3` or `"3"`, `true` or `"true"`), keeping the raw text so that parsing can say which
//! field is wrong instead of rejecting the whole request.

use serde::{Deserialize, Deserializer};

#[derive(Deserialize)]
#[serde(untagged)]
enum Raw {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

/// A number, numeric text or empty text, as `Option<String>` (empty → `None`).
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let raw: Option<Raw> = Option::deserialize(d)?;
    Ok(raw
        .map(|r| match r {
            Raw::Text(s) => s,
            Raw::Int(i) => i.to_string(),
            Raw::Float(f) => f.to_string(),
            Raw::Bool(b) => b.to_string(),
        })
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty()))
}

pub fn parse_int(
    raw: &Option<String>,
    min: i64,
    max: i64,
    message: impl AsRef<str>,
) -> Result<Option<i64>, String> {
    match raw {
        None => Ok(None),
        Some(s) => s
            .parse::<i64>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .map(Some)
            .ok_or_else(|| message.as_ref().to_string()),
    }
}

pub fn parse_bool(raw: &Option<String>, message: impl AsRef<str>) -> Result<Option<bool>, String> {
    match raw.as_deref() {
        None => Ok(None),
        Some("true" | "yes" | "on") => Ok(Some(true)),
        Some("false" | "no") => Ok(Some(false)),
        Some(_) => Err(message.as_ref().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct T {
        #[serde(default, deserialize_with = "text")]
        n: Option<String>,
    }

    #[test]
    fn numbers_and_numeric_text_arrive_alike() {
        let a: T = serde_json::from_str(r#"{"n": 3}"#).unwrap();
        let b: T = serde_json::from_str(r#"{"n": " 3 "}"#).unwrap();
        let c: T = serde_json::from_str(r#"{"n": ""}"#).unwrap();
        let d: T = serde_json::from_str(r#"{}"#).unwrap();
        assert_eq!(a.n.as_deref(), Some("3"));
        assert_eq!(b.n.as_deref(), Some("3"));
        assert_eq!(c.n, None);
        assert_eq!(d.n, None);
        assert_eq!(parse_int(&a.n, 0, 5, "bad"), Ok(Some(3)));
        assert_eq!(parse_int(&Some("x".into()), 0, 5, "bad"), Err("bad".into()));
        assert_eq!(parse_int(&Some("9".into()), 0, 5, "bad"), Err("bad".into()));
    }
}
