//! What the meetings' reminders read: published agendas whose research is still missing, and
//! minutes whose comments close soon.

use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{AgencyId, MeetingId};

/// Published meetings not yet held, with their start.
pub async fn upcoming_published(
    conn: &mut Conn,
    now: i64,
) -> Result<Vec<(MeetingId, i64)>, AppError> {
    Ok(sqlx::query_as(UPCOMING_PUBLISHED)
        .bind(now)
        .fetch_all(&mut *conn)
        .await?)
}

/// Each active agency with the number of the meeting's cases it has not returned research for.
pub async fn missing_research(
    conn: &mut Conn,
    meeting: MeetingId,
) -> Result<Vec<(AgencyId, i64)>, AppError> {
    Ok(sqlx::query_as(MISSING_RESEARCH)
        .bind(meeting)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?)
}

/// Minutes out for review, with their deadline.
pub async fn circulated(conn: &mut Conn) -> Result<Vec<(MeetingId, i64)>, AppError> {
    Ok(sqlx::query_as(CIRCULATED).fetch_all(&mut *conn).await?)
}

crate::statements! {
    UPCOMING_PUBLISHED = "SELECT id, starts_at FROM meetings WHERE status = 'agenda_published' AND starts_at > ?";
    MISSING_RESEARCH = "SELECT a.id, COUNT(*) FROM agencies a
         JOIN agenda_items i ON i.meeting_id = ? AND i.case_id IS NOT NULL AND i.removed_at IS NULL
         LEFT JOIN research_returns r ON r.meeting_id = ? AND r.case_id = i.case_id AND r.agency_id = a.id
         WHERE a.active = 1 AND r.agency_id IS NULL
         GROUP BY a.id";
    CIRCULATED = "SELECT meeting_id, review_deadline FROM minutes WHERE status = 'circulated' AND review_deadline IS NOT NULL";
}
