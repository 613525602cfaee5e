//! A series keeps scheduling: every active series has its next six meetings on the calendar.
//! Run on every worker tick; a second run at the same moment finds nothing to do.

use super::reschedule_store::{self as rs, SeriesRow};
use super::reschedule_types::local_day;
use super::service::AHEAD;
use super::store;
use super::types::NewMeeting;
use crate::audit::store::{record, AuditEvent};
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::MeetingId;
use crate::state::AppState;

/// Tops every active series up to six meetings after `now`.
pub async fn run_due(state: &AppState, now: i64) -> Result<(), AppError> {
    let mut tx = state.write().await?;
    let all = rs::active_series(&mut tx, local_day(now)).await?;
    for s in &all {
        let created = top_up(&mut tx, s, now).await?;
        if !created.is_empty() {
            record(
                &mut tx,
                AuditEvent::new(None, "schedule", "meeting_series")
                    .id(s.id)
                    .details(serde_json::json!({
                        "meetings": created.iter().map(|m| m.0).collect::<Vec<_>>()
                    })),
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Schedules the series' next occurrences until six of its meetings lie after `now`. An
/// occurrence already stood for (by a meeting moved elsewhere, or cancelled) is not made again.
pub async fn top_up(conn: &mut Conn, s: &SeriesRow, now: i64) -> Result<Vec<MeetingId>, AppError> {
    let mut ahead = rs::future_count(conn, s.id, now).await? as usize;
    let mut created = Vec::new();
    if ahead >= AHEAD {
        return Ok(created);
    }
    let from = local_day(now).max(s.rhythm.anchor);
    // Bounded: a cancelled run of occurrences is skipped, never an endless search.
    for day in s.rhythm.days_from(from).take(AHEAD * 20) {
        if ahead >= AHEAD {
            break;
        }
        let (start, end) = s.rhythm.occurrence(day);
        if start <= now || rs::slot_taken(conn, s.id, start).await? {
            continue;
        }
        let m = NewMeeting {
            starts_at: start,
            ends_at: end,
            place: s.place.clone(),
            video_link: s.video_link.clone(),
            chair_id: s.default_chair_id,
        };
        created.push(store::insert(conn, Some(s.id), &m, now).await?);
        ahead += 1;
    }
    Ok(created)
}
