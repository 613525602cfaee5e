//! The period a report covers: a quarter (`2026-Q3`) or two days, inclusive. Its boundaries
//! are local midnights in the group's zone (see `crate::time::local_day_start`).

use crate::error::{AppError, Problems};
use crate::i18n::Msg;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams, utoipa::ToSchema))]
pub struct ReportQuery {
    /// A quarter such as `2026-Q3`; or give `from` and `to`.
    #[serde(default)]
    pub period: Option<String>,
    /// First day (`YYYY-MM-DD`), inclusive.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day (`YYYY-MM-DD`), inclusive.
    #[serde(default)]
    pub to: Option<String>,
    /// On the list of a figure: which figure (`repeat`, `agency-3`, `gender-female`, …).
    #[serde(default)]
    pub figure: Option<String>,
    /// On the data return: `publication` (small cells hidden, the default) or `internal`.
    #[serde(default)]
    pub version: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

const PERIOD_INVALID: Msg = Msg("figures-period-invalid");
const DAY_INVALID: Msg = Msg("figures-day-invalid");
const ORDER_INVALID: Msg = Msg("figures-period-order");

/// `2026-Q3` → 1 July to 30 September 2026.
pub fn quarter(s: &str) -> Option<Period> {
    let (y, q) = s.trim().split_once(['-', ' '])?;
    let year: i32 = y.parse().ok().filter(|y| (2000..=2200).contains(y))?;
    let q: u32 = q
        .strip_prefix(['Q', 'q'])?
        .parse()
        .ok()
        .filter(|q| (1..=4).contains(q))?;
    let from = NaiveDate::from_ymd_opt(year, 3 * q - 2, 1)?;
    let next = if q == 4 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, 3 * q + 1, 1)?
    };
    Some(Period {
        from,
        to: next.pred_opt()?,
    })
}

/// The quarter a day falls in, as its preset is written.
pub fn quarter_of(d: NaiveDate) -> String {
    format!("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
}

impl ReportQuery {
    /// A quarter if given, else both days; by default the current quarter.
    pub fn parse(&self) -> Result<Period, AppError> {
        let given = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        };
        let mut p = Problems::new();
        if let Some(q) = given(&self.period) {
            return quarter(&q).ok_or_else(|| AppError::validation("period", PERIOD_INVALID));
        }
        let day = |p: &mut Problems, field: &str, v: Option<String>| {
            v.and_then(|s| {
                p.take(
                    field,
                    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| DAY_INVALID.to_string()),
                )
            })
        };
        let (from, to) = (given(&self.from), given(&self.to));
        if from.is_none() && to.is_none() {
            return quarter(&quarter_of(crate::time::local_today()))
                .ok_or_else(|| AppError::validation("period", PERIOD_INVALID));
        }
        let from_day = day(&mut p, "from", from.clone());
        let to_day = day(&mut p, "to", to.clone());
        if from.is_none() {
            p.add("from", DAY_INVALID);
        }
        if to.is_none() {
            p.add("to", DAY_INVALID);
        }
        if let (Some(f), Some(t)) = (from_day, to_day) {
            if f > t {
                p.add("to", ORDER_INVALID);
            }
        }
        p.into_result()?;
        match (from_day, to_day) {
            (Some(from), Some(to)) => Ok(Period { from, to }),
            _ => Err(AppError::validation("period", PERIOD_INVALID)),
        }
    }
}

impl Period {
    /// [start, end) in seconds: from the local midnight of the first day to the local
    /// midnight after the last.
    pub fn instants(&self) -> (i64, i64) {
        (
            crate::time::local_day_start(self.from),
            crate::time::local_day_start(self.to + chrono::Days::new(1)),
        )
    }

    /// How the period is written in links (`from=…&to=…`).
    pub fn query(&self) -> String {
        format!("from={}&to={}", self.from, self.to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_quarter_runs_from_its_first_to_its_last_day() {
        assert_eq!(
            quarter("2026-Q3"),
            Some(Period {
                from: d("2026-07-01"),
                to: d("2026-09-30")
            })
        );
        assert_eq!(quarter("2025-q4").unwrap().to, d("2025-12-31"));
        assert_eq!(quarter("2024-Q1").unwrap().to, d("2024-03-31"));
        assert_eq!(quarter_of(d("2026-12-07")), "2026-Q4");
        for bad in ["2026-Q5", "2026", "Q3-2026", "2026-Q0", "abcd-Q1"] {
            assert_eq!(quarter(bad), None, "{bad}");
        }
    }

    #[test]
    fn bad_periods_name_their_field() {
        let q = |period: Option<&str>, from: Option<&str>, to: Option<&str>| ReportQuery {
            period: period.map(String::from),
            from: from.map(String::from),
            to: to.map(String::from),
            ..Default::default()
        };
        assert!(q(Some("2026-Q9"), None, None)
            .parse()
            .unwrap_err()
            .field("period")
            .is_some());
        assert!(q(None, Some("2026-13-01"), Some("2026-12-31"))
            .parse()
            .unwrap_err()
            .field("from")
            .is_some());
        assert!(q(None, Some("2026-02-01"), Some("2026-01-01"))
            .parse()
            .unwrap_err()
            .field("to")
            .is_some());
        assert!(q(None, Some("2026-02-01"), None)
            .parse()
            .unwrap_err()
            .field("to")
            .is_some());
        assert_eq!(
            q(None, Some("2026-01-01"), Some("2026-01-31"))
                .parse()
                .unwrap(),
            Period {
                from: d("2026-01-01"),
                to: d("2026-01-31")
            }
        );
    }
}
