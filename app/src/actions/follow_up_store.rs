//! The loop: every unfinished action comes back on the next agenda; a meeting that closes
//! with it still open carries it over; too many carry-overs escalate it.

use super::store;
use super::types::Action;
use crate::auth::types::Role;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::{ActionId, MeetingId, UserId};
use crate::notices::types::NoticeKind;
use crate::outbox::service::{self as outbox, Tell};

/// Puts on the meeting's agenda every unfinished action from before it (agreed at an earlier
/// meeting, or set between meetings). Idempotent: a rebuild adds only new ones.
pub async fn bring_back(
    conn: &mut Conn,
    meeting: MeetingId,
    starts_at: i64,
) -> Result<u64, AppError> {
    let done = sqlx::query(BRING_BACK)
        .bind(meeting)
        .bind(starts_at)
        .bind(meeting)
        .bind(starts_at)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}

pub async fn on_agenda(conn: &mut Conn, meeting: MeetingId) -> Result<Vec<Action>, AppError> {
    let ids: Vec<ActionId> = sqlx::query_scalar(ON_AGENDA)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?;
    store::list(
        conn,
        &store::Query {
            ids: Some(ids),
            ..Default::default()
        },
    )
    .await
}

/// When a meeting closes: each action it agreed or brought back that is still unfinished is
/// carried over; past the group's limit it is escalated (once), and the chair, coordinator and
/// owning agency are told.
pub async fn on_close(
    conn: &mut Conn,
    meeting: MeetingId,
    by: UserId,
    limit: u32,
    now: i64,
) -> Result<Vec<ActionId>, AppError> {
    sqlx::query(ON_CLOSE_1)
        .bind(meeting)
        .bind(meeting)
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
    sqlx::query(ON_CLOSE_2)
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
    let escalate: Vec<(
        ActionId,
        crate::ids::AgencyId,
        String,
        i64,
        crate::ids::CaseId,
    )> = sqlx::query_as(ON_CLOSE_3)
        .bind(limit as i64)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?;
    let mut out = Vec::new();
    for (id, agency, status, carried, case) in escalate {
        sqlx::query(ON_CLOSE_4)
            .bind(now)
            .bind(id)
            .execute(&mut *conn)
            .await?;
        let status = super::types::ActionStatus::parse(&status)
            .or_internal("a known ActionStatus in the stored status")?;
        let note = super::text::ESCALATION_NOTE.with(&[("count", carried.into())]);
        store::history(
            conn,
            id,
            by,
            Some(meeting),
            Some(status),
            status,
            None,
            Some(&note),
            (None, None),
            now,
        )
        .await?;
        store::notify_staff(conn, "escalated", id, now).await?;
        store::notify_agency(conn, agency, "escalated", id, now).await?;
        let tell = Tell::new(NoticeKind::ActionEscalated, now)
            .action(id)
            .case(case)
            .urgent();
        outbox::to_roles(conn, &[Role::Chair, Role::Coordinator], &tell).await?;
        outbox::to_representatives(conn, agency, &tell).await?;
        out.push(id);
    }
    Ok(out)
}

crate::statements! {
    BRING_BACK = "INSERT OR IGNORE INTO agenda_actions (meeting_id, action_id)
         SELECT ?, a.id FROM actions a LEFT JOIN meetings m ON m.id = a.meeting_id
         WHERE a.status IN ('open','in_progress') AND a.created_at < ?
           AND (a.meeting_id IS NULL OR (a.meeting_id <> ? AND m.starts_at < ?))";
    ON_AGENDA = "SELECT action_id FROM agenda_actions WHERE meeting_id = ?";
    ON_CLOSE_1 = "INSERT OR IGNORE INTO action_carry_overs (action_id, meeting_id)
         SELECT a.id, ? FROM actions a
         WHERE a.status IN ('open','in_progress')
           AND (a.meeting_id = ? OR a.id IN (SELECT action_id FROM agenda_actions WHERE meeting_id = ?))";
    ON_CLOSE_2 = "UPDATE actions SET carried_over = (SELECT COUNT(*) FROM action_carry_overs c WHERE c.action_id = actions.id)
         WHERE id IN (SELECT action_id FROM action_carry_overs WHERE meeting_id = ?)";
    ON_CLOSE_3 = "SELECT id, owner_agency_id, status, carried_over, case_id FROM actions
         WHERE escalated_at IS NULL AND carried_over > ? AND id IN (SELECT action_id FROM action_carry_overs WHERE meeting_id = ?)";
    ON_CLOSE_4 = "UPDATE actions SET escalated_at = ? WHERE id = ?";
}

/// A cancelled meeting's unfinished actions, brought back on the next meeting's agenda
/// instead. Returns how many moved.
pub mod carry {
    use crate::db::Conn;
    use crate::error::AppError;
    use crate::ids::MeetingId;

    pub async fn to_next(conn: &mut Conn, from: MeetingId, to: MeetingId) -> Result<u64, AppError> {
        sqlx::query(BRING_TO_NEXT)
            .bind(to)
            .bind(from)
            .execute(&mut *conn)
            .await?;
        let moved = sqlx::query(LEAVE_CANCELLED)
            .bind(from)
            .execute(&mut *conn)
            .await?;
        Ok(moved.rows_affected())
    }

    crate::statements! {
        BRING_TO_NEXT = "INSERT OR IGNORE INTO agenda_actions (meeting_id, action_id)
            SELECT ?, aa.action_id FROM agenda_actions aa JOIN actions a ON a.id = aa.action_id
            WHERE aa.meeting_id = ? AND a.status IN ('open','in_progress')";
        LEAVE_CANCELLED = "DELETE FROM agenda_actions WHERE meeting_id = ?1
            AND action_id IN (SELECT id FROM actions WHERE status IN ('open','in_progress'))";
    }
}
