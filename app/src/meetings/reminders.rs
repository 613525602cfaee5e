//! Reminders that time brings: research still missing two working days before it is due (to
//! the agency's regular representative, who cannot turn it off), and the day before comments
//! on circulated minutes close. Written once each, by the scheduler's tick.

use super::reminders_store as store;
use crate::error::AppError;
use crate::notices::types::NoticeKind;
use crate::outbox::service::{self as outbox, Tell};
use crate::state::AppState;
use chrono::{Datelike, NaiveDate, Weekday};

/// The day `n` working days (Monday to Friday) before `day`.
pub fn working_days_before(day: NaiveDate, n: u32) -> NaiveDate {
    let mut d = day;
    let mut left = n;
    while left > 0 {
        d = d.pred_opt().unwrap_or(d);
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    d
}

pub async fn run_due(state: &AppState, now: i64) -> Result<(), AppError> {
    let today = crate::time::Clock::local_day(now);
    let hours = super::service::research_hours(state).await? as i64;
    let mut tx = state.write().await?;
    for (meeting, starts_at) in store::upcoming_published(&mut tx, now).await? {
        let due = starts_at - hours * 3600;
        if now >= due || today < working_days_before(crate::time::Clock::local_day(due), 2) {
            continue;
        }
        for (agency, cases) in store::missing_research(&mut tx, meeting).await? {
            let t = Tell::new(NoticeKind::ResearchDue, now)
                .meeting(meeting)
                .params(serde_json::json!({ "research_due": due, "cases": cases }))
                .once(format!("research-due:{}", meeting.0));
            outbox::to_representatives(&mut tx, agency, &t).await?;
        }
    }
    for (meeting, deadline) in store::circulated(&mut tx).await? {
        let day = crate::time::Clock::local_day(deadline);
        if now < deadline && today + chrono::Days::new(1) >= day {
            let t = Tell::new(NoticeKind::MinutesDeadline, now)
                .meeting(meeting)
                .params(serde_json::json!({ "deadline": deadline }))
                .once(format!("minutes-deadline:{}", meeting.0));
            outbox::to_members(&mut tx, &t).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_working_days_before_a_monday_is_the_thursday() {
        let monday = NaiveDate::from_ymd_opt(2026, 12, 14).unwrap();
        assert_eq!(
            working_days_before(monday, 2),
            NaiveDate::from_ymd_opt(2026, 12, 10).unwrap()
        );
        let thursday = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        assert_eq!(
            working_days_before(thursday, 2),
            NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
        );
    }
}
