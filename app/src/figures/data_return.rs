//! The periodic data return: the report's figures as rows of aggregates only (no case
//! references). In the publication version a count from 1 to 4 is written "<5", and so is a
//! percentage or an average computed from such a count, so that it cannot be worked back;
//! the internal version is exact. Columns and rules: docs/data-return.md.

use super::report::CaseReport;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Version {
    Publication,
    Internal,
}

impl Version {
    pub fn parse(s: Option<&str>) -> Result<Self, crate::error::AppError> {
        match s.map(str::trim).filter(|s| !s.is_empty()) {
            None | Some("publication") => Ok(Version::Publication),
            Some("internal") => Ok(Version::Internal),
            Some(_) => Err(crate::error::AppError::validation(
                "version",
                crate::i18n::Msg("figures-version-invalid"),
            )),
        }
    }
}

/// One cell of the return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReturnRow {
    /// `overview`, `agency`, `risk`, an aggregate field, `rate` or `actions`.
    pub group: String,
    /// The figure's key (`repeat`, `gender-female`, `agency-3`).
    pub figure: String,
    /// Its words (an agency's name for `agency-…`).
    pub label: String,
    /// `count`, `percent`, `per_10000`, `days` or `population`.
    pub measure: String,
    /// A number as text, empty when there is none, or "<5".
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DataReturn {
    pub from: String,
    pub to: String,
    pub version: Version,
    pub rows: Vec<ReturnRow>,
}

const SMALL: &str = "<5";

fn small(n: u32) -> bool {
    (1..5).contains(&n)
}

fn number(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

pub fn build(r: &CaseReport, version: Version) -> DataReturn {
    let hide = |n: u32| version == Version::Publication && small(n);
    let mut rows = Vec::new();
    let mut push = |group: &str, figure: &str, label: &str, measure: &str, value: String| {
        rows.push(ReturnRow {
            group: group.into(),
            figure: figure.into(),
            label: label.into(),
            measure: measure.into(),
            value,
        })
    };
    for g in &r.groups {
        for f in &g.figures {
            let (count, percent) = if hide(f.count) {
                (
                    SMALL.to_string(),
                    f.percent.map(|_| SMALL.to_string()).unwrap_or_default(),
                )
            } else {
                (f.count.to_string(), number(f.percent))
            };
            push(&g.name, &f.key, &f.label, "count", count);
            if f.percent.is_some() {
                push(&g.name, &f.key, &f.label, "percent", percent);
            }
        }
    }
    let cases = r.find("cases").map_or(0, |f| f.count);
    let referrals = r.find("referrals").map_or(0, |f| f.count);
    let guarded = |base: u32, v: Option<f64>| {
        if hide(base) {
            SMALL.to_string()
        } else {
            number(v)
        }
    };
    let words = |k: &'static str| crate::i18n::Msg(k).text();
    push(
        "rate",
        "adult_women",
        &words("figures-setting-adult-women"),
        "population",
        r.adult_women.to_string(),
    );
    push(
        "rate",
        "per_10000_adult_women",
        &words("figures-per-10000"),
        "per_10000",
        guarded(cases, r.per_10000_adult_women),
    );
    push(
        "rate",
        "non_police_percent",
        &words("figures-non-police"),
        "percent",
        guarded(referrals, r.non_police_percent),
    );
    push(
        "rate",
        "average_days_to_meeting",
        &words("figures-days-to-meeting"),
        "days",
        guarded(referrals, r.average_days_to_meeting),
    );
    let a = &r.actions;
    let count = |n: u32| {
        if hide(n) {
            SMALL.to_string()
        } else {
            n.to_string()
        }
    };
    push(
        "actions",
        "due",
        &words("figures-actions-due"),
        "count",
        count(a.due),
    );
    push(
        "actions",
        "done",
        &words("figures-actions-done"),
        "count",
        count(a.done),
    );
    push(
        "actions",
        "completion_rate",
        &words("figures-actions-completion"),
        "percent",
        guarded(a.done, a.completion_rate),
    );
    push(
        "actions",
        "median_days_to_done",
        &words("figures-actions-days-to-done"),
        "days",
        guarded(a.done, a.median_days_to_done),
    );
    push(
        "actions",
        "escalations",
        &words("figures-actions-escalations"),
        "count",
        count(a.escalations),
    );
    for (code, label, n) in &a.barriers {
        push(
            "actions",
            &format!("barrier-{code}"),
            label,
            "count",
            count(*n),
        );
    }
    DataReturn {
        from: r.from.to_string(),
        to: r.to.to_string(),
        version,
        rows,
    }
}

/// A CSV cell: quoted, and a text that a spreadsheet would run (leading = + - @, a tab or a
/// carriage return) is prefixed with an apostrophe. "<5" starts with none of those.
pub fn cell(v: &str) -> String {
    let guarded = match v.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{v}"),
        _ => v.to_string(),
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

/// The CSV document: a fixed English header (for the outside body's machines), then a row
/// per cell, CRLF line ends.
pub fn csv(d: &DataReturn) -> String {
    let mut out =
        String::from("period_from,period_to,version,group,figure,label,measure,value\r\n");
    let version = match d.version {
        Version::Publication => "publication",
        Version::Internal => "internal",
    };
    for r in &d.rows {
        let cells = [
            d.from.as_str(),
            d.to.as_str(),
            version,
            &r.group,
            &r.figure,
            &r.label,
            &r.measure,
            &r.value,
        ];
        out.push_str(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_guarded_and_quotes_doubled() {
        assert_eq!(cell("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(cell("+1"), "\"'+1\"");
        assert_eq!(cell("-1"), "\"'-1\"");
        assert_eq!(cell("@x"), "\"'@x\"");
        assert_eq!(cell("\tx"), "\"'\tx\"");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("<5"), "\"<5\"");
    }

    #[test]
    fn only_counts_from_one_to_four_are_small() {
        assert!(!small(0));
        assert!(small(1) && small(4));
        assert!(!small(5));
    }

    #[test]
    fn the_version_is_publication_unless_internal_is_asked() {
        assert_eq!(Version::parse(None).unwrap(), Version::Publication);
        assert_eq!(Version::parse(Some("internal")).unwrap(), Version::Internal);
        assert!(Version::parse(Some("raw"))
            .unwrap_err()
            .field("version")
            .is_some());
    }
}
