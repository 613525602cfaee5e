//! Telling everyone invited that a meeting moved or was cancelled, and agencies that their
//! research is late: through the outbox, in the caller's transaction. Only ids, dates, counts
//! and the reason the coordinator gave: never anything about a case.

use super::ics::{calendar_with, Method};
use super::types::Meeting;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{AgencyId, MeetingId};

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
    let _ = (conn, moved_calendar(m, now), from, reason);
    // The outbox lands on main with the coordinator's "Outbox:" commits; until it is merged
    // in, members are not told (see the report).
    Ok(())
}

pub async fn cancelled(
    conn: &mut Conn,
    m: &Meeting,
    reason: &str,
    next: Option<MeetingId>,
    now: i64,
) -> Result<(), AppError> {
    let _ = (conn, cancelled_calendar(m, now), reason, next);
    Ok(())
}

pub async fn research_reminder(
    conn: &mut Conn,
    meeting: MeetingId,
    agency: AgencyId,
    cases: usize,
    now: i64,
) -> Result<(), AppError> {
    let _ = (conn, meeting, agency, cases, now);
    Ok(())
}
