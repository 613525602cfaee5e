//! Which items a meeting's agenda should hold, from what the group already knows. Pure: the
//! facts come in, the planned items go out, so the rules can be tested on their own.

use super::types::ItemKind;
use crate::cases::types::CaseStatus;
use crate::ids::CaseId;
use chrono::{DateTime, Months, NaiveDate, Utc};

/// What the builder needs to know about a case, as of the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub id: CaseId,
    pub status: CaseStatus,
    pub children: u32,
    /// When its latest referral registered before the meeting was registered.
    pub latest_referral_at: Option<i64>,
    /// The group asked to see it again on or after this date.
    pub review_on: Option<NaiveDate>,
    /// Start of the latest held meeting that discussed it.
    pub last_discussed_at: Option<i64>,
}

/// The group's local day of an instant (the 30-day rules count local days).
fn day(secs: i64) -> NaiveDate {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .map(|t| {
            t.with_timezone(&crate::time::Zone::current().0)
                .date_naive()
        })
        .unwrap_or_default()
}

/// The 12 months after a discussion end on the same calendar date a year on.
pub fn twelve_months_after(discussed_at: i64) -> Option<NaiveDate> {
    day(discussed_at).checked_add_months(Months::new(12))
}

/// The agenda in SafeLives order: fixed items and one item per case that qualifies.
/// `previous_meeting_at`: the meeting before this one, so that a 12-month notice is given once.
pub fn plan(
    cases: &[CaseFacts],
    meeting_at: i64,
    previous_meeting_at: Option<i64>,
) -> Vec<(ItemKind, Option<CaseId>)> {
    let meeting_day = day(meeting_at);
    let mut out = vec![
        (ItemKind::Confidentiality, None),
        (ItemKind::PreviousMinutes, None),
        (ItemKind::IncompleteActions, None),
    ];
    let mut sorted: Vec<&CaseFacts> = cases.iter().collect();
    sorted.sort_by_key(|c| c.id);
    let mut by_kind: Vec<(ItemKind, CaseId)> = Vec::new();
    for c in sorted {
        let is_new = c.status != CaseStatus::Closed
            && c.latest_referral_at
                .is_some_and(|r| r < meeting_at && c.last_discussed_at.is_none_or(|d| r > d));
        if is_new {
            let kind = if c.children > 0 {
                ItemKind::NewCaseChildren
            } else {
                ItemKind::NewCase
            };
            by_kind.push((kind, c.id));
            continue;
        }
        // Any open case the group asked to see again (a referred one too: the meeting that
        // discussed it set the date).
        let due_review = c.status != CaseStatus::Closed
            && c.review_on.is_some_and(|r| {
                r <= meeting_day && c.last_discussed_at.is_none_or(|d| day(d) < r)
            });
        if due_review {
            by_kind.push((ItemKind::Review, c.id));
            continue;
        }
        if let Some(mark) = c.last_discussed_at.and_then(twelve_months_after) {
            let since_previous = previous_meeting_at.is_none_or(|p| mark > day(p));
            if mark <= meeting_day && since_previous {
                by_kind.push((ItemKind::TwelveMonthNotice, c.id));
            }
        }
    }
    by_kind.sort_by_key(|(k, id)| (*k, *id));
    out.extend(by_kind.into_iter().map(|(k, id)| (k, Some(id))));
    out.push((ItemKind::Barriers, None));
    out.push((ItemKind::Aob, None));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> i64 {
        chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
            .unwrap()
            .and_utc()
            .timestamp()
    }

    fn case(id: i64, status: CaseStatus, children: u32) -> CaseFacts {
        CaseFacts {
            id: CaseId(id),
            status,
            children,
            latest_referral_at: None,
            review_on: None,
            last_discussed_at: None,
        }
    }

    #[test]
    fn the_agenda_follows_the_safelives_order_with_children_first() {
        let meeting = at("2027-03-09 10:00");
        let mut new_no_children = case(1, CaseStatus::Referred, 0);
        new_no_children.latest_referral_at = Some(at("2027-03-01 09:00"));
        let mut new_children = case(2, CaseStatus::Referred, 2);
        new_children.latest_referral_at = Some(at("2027-03-02 09:00"));
        let mut review = case(3, CaseStatus::Active, 1);
        review.latest_referral_at = Some(at("2026-10-01 09:00"));
        review.last_discussed_at = Some(at("2026-10-13 10:00"));
        review.review_on = NaiveDate::from_ymd_opt(2027, 3, 1);
        let plan = plan(
            &[new_no_children, review, new_children],
            meeting,
            Some(at("2027-02-09 10:00")),
        );
        let kinds: Vec<ItemKind> = plan.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            kinds,
            vec![
                ItemKind::Confidentiality,
                ItemKind::PreviousMinutes,
                ItemKind::IncompleteActions,
                ItemKind::NewCaseChildren,
                ItemKind::NewCase,
                ItemKind::Review,
                ItemKind::Barriers,
                ItemKind::Aob,
            ]
        );
        assert_eq!(plan[3].1, Some(CaseId(2)));
        assert_eq!(plan[4].1, Some(CaseId(1)));
        assert_eq!(plan[5].1, Some(CaseId(3)));
    }

    #[test]
    fn a_case_referred_after_the_meeting_started_waits_for_the_next() {
        let meeting = at("2027-03-09 10:00");
        let mut late = case(1, CaseStatus::Referred, 0);
        late.latest_referral_at = Some(at("2027-03-09 11:00"));
        assert_eq!(plan(&[late], meeting, None).len(), 5);
    }

    #[test]
    fn a_discussed_case_is_new_again_only_with_a_new_referral() {
        let meeting = at("2027-03-09 10:00");
        let mut c = case(1, CaseStatus::Active, 0);
        c.latest_referral_at = Some(at("2027-01-01 09:00"));
        c.last_discussed_at = Some(at("2027-02-09 10:00"));
        assert_eq!(plan(&[c.clone()], meeting, None).len(), 5);
        c.latest_referral_at = Some(at("2027-03-01 09:00"));
        assert!(plan(&[c], meeting, None).contains(&(ItemKind::NewCase, Some(CaseId(1)))));
    }

    #[test]
    fn the_twelve_month_notice_comes_on_the_anniversary_and_not_the_day_before() {
        let mut c = case(7, CaseStatus::Monitoring, 0);
        c.latest_referral_at = Some(at("2026-02-01 09:00"));
        c.last_discussed_at = Some(at("2026-03-10 10:00"));
        let previous = Some(at("2026-02-10 10:00"));
        let notice = (ItemKind::TwelveMonthNotice, Some(CaseId(7)));
        assert!(
            plan(&[c.clone()], at("2027-03-10 09:00"), previous).contains(&notice),
            "on the anniversary"
        );
        assert!(
            !plan(&[c.clone()], at("2027-03-09 10:00"), previous).contains(&notice),
            "the day before"
        );
        // Already given at the previous meeting (which fell after the anniversary): not again.
        assert!(
            !plan(&[c], at("2027-04-07 10:00"), Some(at("2027-03-10 10:00"))).contains(&notice)
        );
    }

    #[test]
    fn closed_cases_are_not_new_and_reviews_need_a_date_that_has_come() {
        let meeting = at("2027-03-09 10:00");
        let mut closed = case(1, CaseStatus::Closed, 0);
        closed.latest_referral_at = Some(at("2027-03-01 09:00"));
        let mut later = case(2, CaseStatus::Active, 0);
        later.latest_referral_at = Some(at("2026-01-01 09:00"));
        later.last_discussed_at = Some(at("2026-12-01 10:00"));
        later.review_on = NaiveDate::from_ymd_opt(2027, 4, 1);
        assert_eq!(plan(&[closed, later], meeting, None).len(), 5);
    }
}
