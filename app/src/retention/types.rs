use serde::{Deserialize, Serialize};

/// A closed case past its retention period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DueCase {
    pub id: crate::ids::CaseId,
    pub reference: String,
    /// Unix seconds.
    pub closed_at: i64,
    /// Held back: a review is due or the case is on an agenda not yet closed.
    pub under_review: bool,
    /// Held back: an action on it is open or in progress.
    pub open_actions: bool,
}

impl DueCase {
    pub fn held(&self) -> bool {
        self.under_review || self.open_actions
    }
}

/// What a purge at a given moment would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PurgePlan {
    pub case_months: u32,
    pub audit_months: u32,
    /// Cases closed before this (unix seconds) are due.
    pub case_cutoff: i64,
    /// Audit rows written before this (unix seconds) are due.
    pub audit_cutoff: i64,
    /// Due cases, the held ones included (see `DueCase::held`).
    pub cases: Vec<DueCase>,
    /// The last audit row that would go, and how many rows up to it.
    pub audit_through: Option<i64>,
    pub audit_rows: u64,
}

/// What a purge did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PurgeReport {
    /// References of the cases whose personal data was erased.
    pub erased: Vec<String>,
    /// References of due cases held back (under review or with open actions).
    pub held: Vec<String>,
    pub audit_rows_removed: u64,
}

/// `months` calendar months before `now` (unix seconds, UTC); the 31st falls back to the
/// month's last day.
pub fn months_before(now: i64, months: u32) -> i64 {
    use chrono::{DateTime, Months};
    DateTime::from_timestamp(now, 0)
        .and_then(|t| t.checked_sub_months(Months::new(months)))
        .map(|t| t.timestamp())
        .unwrap_or(i64::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_before_counts_calendar_months() {
        // 2026-03-31T12:00:00Z
        let now = 1_774_958_400;
        // 2026-02-28T12:00:00Z: February has no 31st.
        assert_eq!(months_before(now, 1), 1_772_280_000);
        // 2020-03-31T12:00:00Z
        assert_eq!(months_before(now, 72), 1_585_656_000);
    }

    #[test]
    fn a_case_under_review_or_with_open_actions_is_held() {
        let c = DueCase {
            id: crate::ids::CaseId(1),
            reference: "C-2020-0001".into(),
            closed_at: 0,
            under_review: false,
            open_actions: false,
        };
        assert!(!c.held());
        assert!(DueCase {
            under_review: true,
            ..c.clone()
        }
        .held());
        assert!(DueCase {
            open_actions: true,
            ..c
        }
        .held());
    }
}
