//! Next-step decisions, the case's review date and closing code, the review placements, and
//! what an agenda item of a case reads beside it (the room's last summary).

use super::next_step::{CloseReason, Closing, NextStep, NextStepView, StepKind};
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{CaseId, ItemId, MeetingId, UserId};
use chrono::NaiveDate;

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The case's item on that meeting's agenda (not removed), and when the meeting starts.
pub async fn item_on(
    conn: &mut Conn,
    meeting: MeetingId,
    case: CaseId,
) -> Result<Option<(ItemId, i64)>, AppError> {
    Ok(sqlx::query_as(ITEM_ON)
        .bind(meeting)
        .bind(case)
        .fetch_optional(&mut *conn)
        .await?)
}

pub async fn record(
    conn: &mut Conn,
    case: CaseId,
    at: Option<(MeetingId, ItemId)>,
    step: &NextStep,
    user: Option<UserId>,
    now: i64,
) -> Result<(), AppError> {
    let (review_on, weeks) = match step {
        NextStep::Review { on, in_weeks } => (Some(iso(*on)), in_weeks.map(i64::from)),
        _ => (None, None),
    };
    let (reason, group, explanation) = match step {
        NextStep::Close(c) => {
            let (g, e) = match c {
                Closing::MovedOut { receiving_group } => (Some(receiving_group.clone()), None),
                Closing::Other { explanation } => (None, Some(explanation.clone())),
                _ => (None, None),
            };
            (Some(c.reason().as_str()), g, e)
        }
        _ => (None, None, None),
    };
    if let Some((_, item)) = at {
        sqlx::query(FORGET_ITEM)
            .bind(item)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(RECORD)
        .bind(case)
        .bind(at.map(|a| a.0))
        .bind(at.map(|a| a.1))
        .bind(step.kind().as_str())
        .bind(review_on)
        .bind(weeks)
        .bind(reason)
        .bind(group)
        .bind(explanation)
        .bind(user)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Writes the decision onto the case: its review date, or its closure with the coded reason.
/// A case kept open or put to review that was closed is open again.
pub async fn apply(
    conn: &mut Conn,
    case: CaseId,
    step: &NextStep,
    now: i64,
) -> Result<(), AppError> {
    match step {
        NextStep::Review { on, .. } => {
            sqlx::query(SET_REVIEW)
                .bind(iso(*on))
                .bind(now)
                .bind(case)
                .execute(&mut *conn)
                .await?;
        }
        NextStep::KeepOpen => {
            sqlx::query(SET_REVIEW)
                .bind(None::<String>)
                .bind(now)
                .bind(case)
                .execute(&mut *conn)
                .await?;
        }
        NextStep::Close(c) => {
            let text = match c {
                Closing::MovedOut { receiving_group } => Some(receiving_group.as_str()),
                Closing::Other { explanation } => Some(explanation.as_str()),
                _ => None,
            };
            sqlx::query(CLOSE)
                .bind(now)
                .bind(c.reason().as_str())
                .bind(text)
                .bind(now)
                .bind(case)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct DecisionRow {
    step: String,
    review_on: Option<String>,
    review_in_weeks: Option<i64>,
    close_reason: Option<String>,
    receiving_group: Option<String>,
    explanation: Option<String>,
    meeting_id: Option<MeetingId>,
    meeting_starts: Option<i64>,
    decided_at: i64,
    who: Option<String>,
}

impl DecisionRow {
    fn view(self) -> NextStepView {
        NextStepView {
            step: StepKind::parse(&self.step).unwrap_or(StepKind::KeepOpen),
            review_on: self
                .review_on
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            review_in_weeks: self.review_in_weeks.map(|w| w as u32),
            close_reason: self.close_reason.as_deref().and_then(CloseReason::parse),
            receiving_group: self.receiving_group,
            explanation: self.explanation,
            meeting_id: self.meeting_id,
            meeting_starts_unix: self.meeting_starts,
            decided_at_unix: self.decided_at,
            who: self.who,
        }
    }
}

/// Every decision on the case, newest first.
pub async fn decisions(conn: &mut Conn, case: CaseId) -> Result<Vec<NextStepView>, AppError> {
    let rows: Vec<DecisionRow> = sqlx::query_as(DECISIONS)
        .bind(case)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.into_iter().map(DecisionRow::view).collect())
}

/// The latest decision taken on this agenda item.
pub async fn decision_of_item(
    conn: &mut Conn,
    item: ItemId,
) -> Result<Option<NextStepView>, AppError> {
    let row: Option<DecisionRow> = sqlx::query_as(DECISION_OF_ITEM)
        .bind(item)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(DecisionRow::view))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CaseState {
    pub reference: String,
    pub status: String,
    pub lead_agency_id: Option<crate::ids::AgencyId>,
    pub closing_code: Option<String>,
    pub closing_reason: Option<String>,
    pub referrals: i64,
}

pub async fn case_state(conn: &mut Conn, case: CaseId) -> Result<Option<CaseState>, AppError> {
    Ok(sqlx::query_as(CASE_STATE)
        .bind(case)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Open cases with a review date that has not been put on an agenda yet.
pub async fn reviews_unplaced(conn: &mut Conn) -> Result<Vec<(CaseId, String)>, AppError> {
    Ok(sqlx::query_as(REVIEWS_UNPLACED)
        .fetch_all(&mut *conn)
        .await?)
}

pub async fn placed(conn: &mut Conn, case: CaseId, review_on: NaiveDate) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(PLACED)
        .bind(case)
        .bind(iso(review_on))
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Meetings not yet held (nor cancelled) starting at or after `from`: (id, start, published).
pub async fn meetings_from(
    conn: &mut Conn,
    from: i64,
) -> Result<Vec<(MeetingId, i64, bool)>, AppError> {
    Ok(sqlx::query_as(MEETINGS_FROM)
        .bind(from)
        .fetch_all(&mut *conn)
        .await?)
}

/// Any item of the case on the meeting's agenda, removed ones included (the coordinator's
/// removal stands).
pub async fn any_item(
    conn: &mut Conn,
    meeting: MeetingId,
    case: CaseId,
) -> Result<Option<ItemId>, AppError> {
    Ok(sqlx::query_scalar(ANY_ITEM)
        .bind(meeting)
        .bind(case)
        .fetch_optional(&mut *conn)
        .await?)
}

/// (item, kind) of the meeting's agenda in order.
pub async fn agenda_order(
    conn: &mut Conn,
    meeting: MeetingId,
) -> Result<Vec<(ItemId, String)>, AppError> {
    Ok(sqlx::query_as(AGENDA_ORDER)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?)
}

/// Adds the case as a review item the way the agenda builder adds one (`auto`).
pub async fn insert_review_item(
    conn: &mut Conn,
    meeting: MeetingId,
    case: CaseId,
    minutes: u32,
    now: i64,
) -> Result<ItemId, AppError> {
    let id: i64 = sqlx::query_scalar(INSERT_REVIEW_ITEM)
        .bind(meeting)
        .bind(meeting)
        .bind(case)
        .bind(minutes as i64)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    Ok(ItemId(id))
}

pub async fn set_order(conn: &mut Conn, order: &[ItemId]) -> Result<(), AppError> {
    for (i, id) in order.iter().enumerate() {
        sqlx::query(SET_POSITION)
            .bind(i as i64 + 1)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Recorded as the agenda's own changes after publication are.
pub async fn note_agenda_change(
    conn: &mut Conn,
    meeting: MeetingId,
    user: Option<UserId>,
    description: &str,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(NOTE_AGENDA_CHANGE)
        .bind(meeting)
        .bind(now)
        .bind(user)
        .bind(description)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn mark_placed(
    conn: &mut Conn,
    case: CaseId,
    review_on: NaiveDate,
    meeting: MeetingId,
    item: ItemId,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(MARK_PLACED)
        .bind(case)
        .bind(iso(review_on))
        .bind(meeting)
        .bind(item)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The case items of a meeting's agenda (not removed): (item, case, reference).
pub async fn case_items(
    conn: &mut Conn,
    meeting: MeetingId,
) -> Result<Vec<(ItemId, CaseId, String)>, AppError> {
    Ok(sqlx::query_as(CASE_ITEMS)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?)
}

/// The room's last summary and decisions on the case at a meeting before `before`:
/// (meeting, its start, summary, decisions).
pub async fn last_summary(
    conn: &mut Conn,
    case: CaseId,
    before: i64,
) -> Result<Option<(MeetingId, i64, String, String)>, AppError> {
    Ok(sqlx::query_as(LAST_SUMMARY)
        .bind(case)
        .bind(before)
        .fetch_optional(&mut *conn)
        .await?)
}

/// When the meeting starts, and whether its agenda is published (or the meeting held since).
pub async fn meeting_start(
    conn: &mut Conn,
    meeting: MeetingId,
) -> Result<Option<(i64, bool)>, AppError> {
    Ok(sqlx::query_as(MEETING_START)
        .bind(meeting)
        .fetch_optional(&mut *conn)
        .await?)
}

crate::statements! {
    ITEM_ON = "SELECT i.id, m.starts_at FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
         WHERE i.meeting_id = ? AND i.case_id = ? AND i.removed_at IS NULL ORDER BY i.id LIMIT 1";
    FORGET_ITEM = "DELETE FROM case_next_steps WHERE item_id = ?";
    RECORD = "INSERT INTO case_next_steps (case_id, meeting_id, item_id, step, review_on, review_in_weeks,
             close_reason, receiving_group, explanation, user_id, decided_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    SET_REVIEW = "UPDATE cases SET review_on = ?, updated_at = ?,
             status = CASE WHEN status = 'closed' THEN 'active' ELSE status END,
             closed_at = CASE WHEN status = 'closed' THEN NULL ELSE closed_at END
         WHERE id = ?";
    CLOSE = "UPDATE cases SET closed_at = CASE WHEN status = 'closed' THEN COALESCE(closed_at, ?1) ELSE ?1 END,
             status = 'closed', closing_code = ?2, closing_reason = ?3, review_on = NULL, updated_at = ?4
         WHERE id = ?5";
    DECISIONS = "SELECT s.step, s.review_on, s.review_in_weeks, s.close_reason, s.receiving_group, s.explanation,
             s.meeting_id, m.starts_at AS meeting_starts, s.decided_at, u.name AS who
         FROM case_next_steps s LEFT JOIN meetings m ON m.id = s.meeting_id LEFT JOIN users u ON u.id = s.user_id
         WHERE s.case_id = ? ORDER BY s.decided_at DESC, s.id DESC";
    DECISION_OF_ITEM = "SELECT s.step, s.review_on, s.review_in_weeks, s.close_reason, s.receiving_group, s.explanation,
             s.meeting_id, m.starts_at AS meeting_starts, s.decided_at, u.name AS who
         FROM case_next_steps s LEFT JOIN meetings m ON m.id = s.meeting_id LEFT JOIN users u ON u.id = s.user_id
         WHERE s.item_id = ? ORDER BY s.id DESC LIMIT 1";
    CASE_STATE = "SELECT c.reference, c.status, c.lead_agency_id, c.closing_code, c.closing_reason,
             (SELECT COUNT(*) FROM referrals r WHERE r.case_id = c.id) AS referrals
         FROM cases c WHERE c.id = ?";
    REVIEWS_UNPLACED = "SELECT c.id, c.review_on FROM cases c
         WHERE c.review_on IS NOT NULL AND c.status <> 'closed' AND c.merged_into IS NULL AND c.erased_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM case_review_placements p WHERE p.case_id = c.id AND p.review_on = c.review_on)
         ORDER BY c.id";
    PLACED = "SELECT COUNT(*) FROM case_review_placements WHERE case_id = ? AND review_on = ?";
    MEETINGS_FROM = "SELECT id, starts_at, status = 'agenda_published' FROM meetings
         WHERE starts_at >= ? AND status IN ('draft', 'agenda_published') ORDER BY starts_at, id";
    ANY_ITEM = "SELECT id FROM agenda_items WHERE meeting_id = ? AND case_id = ? ORDER BY id LIMIT 1";
    AGENDA_ORDER = "SELECT id, kind FROM agenda_items WHERE meeting_id = ? ORDER BY position, id";
    INSERT_REVIEW_ITEM = "INSERT INTO agenda_items (meeting_id, position, kind, case_id, minutes, source, created_at, updated_at)
         VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?), 'review', ?, ?, 'auto', ?, ?)
         RETURNING id";
    SET_POSITION = "UPDATE agenda_items SET position = ? WHERE id = ?";
    NOTE_AGENDA_CHANGE = "INSERT INTO agenda_changes (meeting_id, at, user_id, description) VALUES (?, ?, ?, ?)";
    MARK_PLACED = "INSERT OR IGNORE INTO case_review_placements (case_id, review_on, meeting_id, item_id, placed_at)
         VALUES (?, ?, ?, ?, ?)";
    CASE_ITEMS = "SELECT i.id, i.case_id, c.reference FROM agenda_items i JOIN cases c ON c.id = i.case_id
         WHERE i.meeting_id = ? AND i.removed_at IS NULL ORDER BY i.position, i.id";
    LAST_SUMMARY = "SELECT m.id, m.starts_at, s.summary_md, s.decisions_md
         FROM live_summaries s JOIN agenda_items i ON i.id = s.item_id JOIN meetings m ON m.id = s.meeting_id
         WHERE i.case_id = ? AND m.starts_at < ? ORDER BY m.starts_at DESC, s.updated_at DESC LIMIT 1";
    MEETING_START = "SELECT starts_at, status <> 'draft' FROM meetings WHERE id = ?";
}
