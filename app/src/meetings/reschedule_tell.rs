//! Telling everyone invited that a meeting moved or was cancelled, and agencies that their
//! research is late: through the outbox, in the caller's transaction. Only ids, dates, counts
//! and the reason the coordinator gave: never anything about a case.

use super::ics::{calendar_with, Method};
use super::types::Meeting;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{AgencyId, MeetingId};
use crate::notices::types::NoticeKind;
use crate::outbox::service::{self as outbox, Tell};

fn calendar(method: Method, m: &Meeting, now: i64) -> String {
    calendar_with(
        method,
        &crate::i18n::Msg("meetings-ics-calendar-name").text(),
        &[super::service::ics_event(m)],
        now,
    )
}

/// The updated event (same UID, higher SEQUENCE) to add or update in calendars.
pub fn moved_calendar(m: &Meeting, now: i64) -> String {
    calendar(Method::Request, m, now)
}

/// The event called off (same UID, higher SEQUENCE).
pub fn cancelled_calendar(m: &Meeting, now: i64) -> String {
    calendar(Method::Cancel, m, now)
}

pub async fn moved(
    conn: &mut Conn,
    m: &Meeting,
    from: i64,
    reason: &str,
    now: i64,
) -> Result<(), AppError> {
    let t = Tell::new(NoticeKind::MeetingMoved, now)
        .meeting(m.id)
        .params(serde_json::json!({ "from": crate::time::rfc3339(from), "reason": reason }))
        .urgent()
        .calendar(moved_calendar(m, now));
    outbox::to_members(conn, &t).await
}

pub async fn cancelled(
    conn: &mut Conn,
    m: &Meeting,
    reason: &str,
    next: Option<MeetingId>,
    now: i64,
) -> Result<(), AppError> {
    let t = Tell::new(NoticeKind::MeetingCancelled, now)
        .meeting(m.id)
        .params(serde_json::json!({ "reason": reason, "next_meeting": next.map(|n| n.0) }))
        .urgent()
        .calendar(cancelled_calendar(m, now));
    outbox::to_members(conn, &t).await
}

/// At most one a day per agency and meeting, however often the button is pressed.
pub async fn research_reminder(
    conn: &mut Conn,
    meeting: MeetingId,
    agency: AgencyId,
    cases: usize,
    now: i64,
) -> Result<(), AppError> {
    let day = super::reschedule_types::local_day(now);
    let t = Tell::new(NoticeKind::ResearchReminder, now)
        .meeting(meeting)
        .params(serde_json::json!({ "cases": cases }))
        .urgent()
        .once(format!("research-reminder:{meeting}:{agency}:{day}"));
    outbox::to_representatives(conn, agency, &t).await
}
