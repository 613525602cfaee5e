//! The legal deadlines counted from a referral's registration: the initial assessment within
//! 72 hours, the intervention plan within 30 days.

use super::types::{CaseStatus, Deadline, Deadlines};
use chrono::NaiveDate;

pub const INITIAL_ASSESSMENT_SECS: i64 = 72 * 3600;
pub const INTERVENTION_PLAN_SECS: i64 = 30 * 24 * 3600;

fn one(done: Option<NaiveDate>, registered_at: i64, window: i64, now: i64) -> Deadline {
    match done {
        Some(on) => Deadline::Done { on },
        None if now > registered_at + window => Deadline::Overdue {
            by_unix: registered_at + window,
        },
        None => Deadline::Due {
            by_unix: registered_at + window,
        },
    }
}

pub fn compute(
    status: CaseStatus,
    registered_at: i64,
    initial_assessment_on: Option<NaiveDate>,
    intervention_plan_on: Option<NaiveDate>,
    now: i64,
) -> Deadlines {
    if matches!(status, CaseStatus::Closed | CaseStatus::Monitoring) {
        let na = |d: Option<NaiveDate>| {
            d.map(|on| Deadline::Done { on })
                .unwrap_or(Deadline::NotApplicable)
        };
        return Deadlines {
            initial_assessment: na(initial_assessment_on),
            intervention_plan: na(intervention_plan_on),
        };
    }
    Deadlines {
        initial_assessment: one(
            initial_assessment_on,
            registered_at,
            INITIAL_ASSESSMENT_SECS,
            now,
        ),
        intervention_plan: one(
            intervention_plan_on,
            registered_at,
            INTERVENTION_PLAN_SECS,
            now,
        ),
    }
}

impl Deadlines {
    pub fn any_overdue(&self) -> bool {
        matches!(self.initial_assessment, Deadline::Overdue { .. })
            || matches!(self.intervention_plan, Deadline::Overdue { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REG: i64 = 1_800_000_000;

    #[test]
    fn the_initial_assessment_is_overdue_after_seventy_two_hours() {
        let at = |h: i64| {
            compute(CaseStatus::Referred, REG, None, None, REG + h * 3600).initial_assessment
        };
        assert_eq!(
            at(72),
            Deadline::Due {
                by_unix: REG + 72 * 3600
            }
        );
        assert!(matches!(at(73), Deadline::Overdue { .. }));
    }

    #[test]
    fn the_intervention_plan_is_due_within_thirty_days() {
        let d = compute(CaseStatus::Active, REG, None, None, REG + 29 * 86400);
        assert!(matches!(d.intervention_plan, Deadline::Due { .. }));
        assert!(d.any_overdue(), "the initial assessment is long overdue");
        let d = compute(CaseStatus::Active, REG, None, None, REG + 31 * 86400);
        assert!(matches!(d.intervention_plan, Deadline::Overdue { .. }));
    }

    #[test]
    fn a_stage_done_is_never_overdue_and_closed_cases_have_no_deadlines() {
        let on = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
        let d = compute(CaseStatus::Active, REG, Some(on), None, REG + 10 * 86400);
        assert_eq!(d.initial_assessment, Deadline::Done { on });
        let d = compute(CaseStatus::Closed, REG, None, None, REG + 100 * 86400);
        assert_eq!(d.intervention_plan, Deadline::NotApplicable);
        assert!(!d.any_overdue());
    }
}
