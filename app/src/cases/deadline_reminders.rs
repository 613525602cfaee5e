//! The day before a referral's 72-hour or 30-day deadline (local day in the group's zone), the
//! case manager and case responsible are reminded; a case with neither, its lead agency (or,
//! before a lead is decided, the agency that referred it). Open cases only, stages not done.

use super::contact_store::{self as store, DueDeadline};
use super::deadlines::{INITIAL_ASSESSMENT_SECS, INTERVENTION_PLAN_SECS};
use crate::audit::store::{record, AuditEvent};
use crate::db::Conn;
use crate::error::AppError;
use crate::notices::types::NoticeKind;
use crate::outbox::service::{self as outbox, Tell};
use crate::state::AppState;
use chrono::NaiveDate;
use chrono_tz::Tz;
use serde_json::json;

/// Called by the scheduler on every tick; running it twice sends nothing the second time.
pub async fn run_due(state: &AppState, now: i64) -> Result<(), AppError> {
    let mut tx = state.write().await?;
    remind(&mut tx, now).await?;
    tx.commit().await?;
    Ok(())
}

fn local_day(zone: Tz, secs: i64) -> NaiveDate {
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .with_timezone(&zone)
        .date_naive()
}

/// "Tomorrow" is the next local day: a deadline at 00:30 is tomorrow from 00:00 today.
fn is_tomorrow(zone: Tz, now: i64, due: i64) -> bool {
    local_day(zone, now).succ_opt() == Some(local_day(zone, due)) && due > now
}

/// The deadlines of `d` that fall due tomorrow, as (name, instant).
fn due_tomorrow(zone: Tz, d: &DueDeadline, now: i64) -> Vec<(&'static str, i64)> {
    [
        (
            "initial_assessment",
            d.initial_assessment_open,
            d.registered_at + INITIAL_ASSESSMENT_SECS,
        ),
        (
            "intervention_plan",
            d.intervention_plan_open,
            d.registered_at + INTERVENTION_PLAN_SECS,
        ),
    ]
    .into_iter()
    .filter(|(_, open, due)| *open && is_tomorrow(zone, now, *due))
    .map(|(name, _, due)| (name, due))
    .collect()
}

/// Writes the reminders due at `now` in the caller's transaction.
pub async fn remind(conn: &mut Conn, now: i64) -> Result<(), AppError> {
    let zone = crate::time::Zone::group().0;
    // Two days ahead covers "tomorrow" in any zone, summer time included.
    for d in store::due_between(conn, now, now + 2 * 86_400 + 3_600).await? {
        for (which, due) in due_tomorrow(zone, &d, now) {
            if !store::mark_reminded(conn, d.referral_id, which, now).await? {
                continue;
            }
            let t = Tell::new(NoticeKind::CaseDeadlineTomorrow, now)
                .case(d.case_id)
                .params(json!({ "deadline": which, "due": crate::time::rfc3339(due) }))
                .urgent()
                // Per referral: a case referred again has new deadlines to be reminded of.
                .once(format!("deadline:{}:{which}:{}", d.case_id, d.referral_id));
            let mut people: Vec<_> = [d.case_manager_id, d.case_responsible_id]
                .into_iter()
                .flatten()
                .collect();
            people.dedup();
            if people.is_empty() {
                let agency = d.lead_agency_id.unwrap_or(d.referring_agency_id);
                outbox::to_agency(conn, agency, &t).await?;
            }
            for u in people {
                outbox::to_user(conn, u, &t).await?;
            }
            record(
                conn,
                AuditEvent::new(None, "remind_deadline", "case")
                    .id(d.case_id)
                    .details(json!({ "deadline": which })),
            )
            .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tomorrow_is_the_next_local_day_not_the_next_twenty_four_hours() {
        let z = chrono_tz::Europe::Bucharest;
        // 2027-01-10 23:30 in Bucharest (21:30 UTC).
        let now = chrono::DateTime::parse_from_rfc3339("2027-01-10T21:30:00Z")
            .unwrap()
            .timestamp();
        assert_eq!(local_day(z, now).to_string(), "2027-01-10");
        assert!(is_tomorrow(z, now, now + 3600), "00:30 tomorrow");
        assert!(
            !is_tomorrow(z, now, now + 25 * 3600),
            "the day after tomorrow"
        );
        assert!(!is_tomorrow(z, now, now - 60), "already past");
        // The same instants in London: 21:30, and 22:30 is still today.
        assert!(!is_tomorrow(chrono_tz::Europe::London, now, now + 3600));
    }
}
