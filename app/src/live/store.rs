//! Live rows: the per-meeting sequence, the event log, contributions, summaries and timers.
//! Every writer takes the caller's transaction.

use super::protocol::{Contribution, Summary, Timer};
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{AgencyId, CaseId, ItemId, MeetingId, UserId};

#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct LiveRow {
    pub seq: i64,
    pub current_item_id: Option<ItemId>,
    pub children_done_at: Option<i64>,
}

pub async fn state(conn: &mut Conn, meeting: MeetingId) -> Result<LiveRow, AppError> {
    Ok(sqlx::query_as(STATE)
        .bind(meeting)
        .fetch_optional(&mut *conn)
        .await?
        .unwrap_or_default())
}

/// Makes the meeting's live row if it has none yet.
pub async fn ensure(conn: &mut Conn, meeting: MeetingId, now: i64) -> Result<(), AppError> {
    sqlx::query(ENSURE)
        .bind(meeting)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Takes the meeting's next sequence number (inside the caller's write transaction, so the
/// number and the change it stands for commit together or not at all).
pub async fn next_seq(conn: &mut Conn, meeting: MeetingId, now: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(NEXT_SEQ)
        .bind(meeting)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?)
}

pub async fn set_current(
    conn: &mut Conn,
    meeting: MeetingId,
    item: Option<ItemId>,
) -> Result<(), AppError> {
    sqlx::query(SET_CURRENT)
        .bind(item)
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_children_done(
    conn: &mut Conn,
    meeting: MeetingId,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(SET_CHILDREN_DONE)
        .bind(now)
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The sequence number a change with this key from this user was committed as, if it was.
pub async fn seq_for_key(
    conn: &mut Conn,
    meeting: MeetingId,
    user: UserId,
    key: &str,
) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar(SEQ_FOR_KEY)
        .bind(meeting)
        .bind(user)
        .bind(key)
        .fetch_optional(&mut *conn)
        .await?)
}

pub struct NewEvent<'a> {
    pub meeting: MeetingId,
    pub seq: i64,
    pub kind: &'a str,
    pub item: Option<ItemId>,
    pub case: Option<CaseId>,
    pub body: &'a str,
    pub user: UserId,
    pub key: Option<&'a str>,
    pub at: i64,
}

pub async fn insert_event(conn: &mut Conn, e: NewEvent<'_>) -> Result<(), AppError> {
    sqlx::query(INSERT_EVENT)
        .bind(e.meeting)
        .bind(e.seq)
        .bind(e.kind)
        .bind(e.item)
        .bind(e.case)
        .bind(e.body)
        .bind(e.user)
        .bind(e.key)
        .bind(e.at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventRow {
    pub seq: i64,
    pub item_id: Option<ItemId>,
    pub case_id: Option<CaseId>,
    pub body: String,
}

/// The events after `after`, in order.
pub async fn events_after(
    conn: &mut Conn,
    meeting: MeetingId,
    after: i64,
) -> Result<Vec<EventRow>, AppError> {
    Ok(sqlx::query_as(EVENTS_AFTER)
        .bind(meeting)
        .bind(after)
        .fetch_all(&mut *conn)
        .await?)
}

pub async fn timer(conn: &mut Conn, item: ItemId) -> Result<Timer, AppError> {
    let row: Option<(i64, Option<i64>)> = sqlx::query_as(TIMER)
        .bind(item)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row
        .map(|(used_ms, running_since_ms)| Timer {
            used_ms,
            running_since_ms,
        })
        .unwrap_or_default())
}

/// Every item's timer in the meeting, in one query (for a snapshot).
pub async fn timers(
    conn: &mut Conn,
    meeting: MeetingId,
) -> Result<std::collections::HashMap<ItemId, Timer>, AppError> {
    let rows: Vec<(ItemId, i64, Option<i64>)> = sqlx::query_as(TIMERS)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, used_ms, running_since_ms)| {
            (
                id,
                Timer {
                    used_ms,
                    running_since_ms,
                },
            )
        })
        .collect())
}

pub async fn set_timer(conn: &mut Conn, item: ItemId, t: Timer) -> Result<(), AppError> {
    sqlx::query(SET_TIMER)
        .bind(t.used_ms)
        .bind(t.running_since_ms)
        .bind(item)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ContributionRow {
    id: i64,
    item_id: ItemId,
    author: String,
    agency: Option<String>,
    body_md: String,
    created_at: i64,
}

fn contribution(r: ContributionRow) -> (ItemId, Contribution) {
    (
        r.item_id,
        Contribution {
            id: r.id,
            author: r.author,
            agency: r.agency,
            body_html: crate::markdown::render(&r.body_md),
            body_md: r.body_md,
            at: crate::time::rfc3339(r.created_at),
        },
    )
}

const CONTRIBUTION_SELECT: &str =
    "SELECT c.id, c.item_id, u.name AS author, a.name AS agency, c.body_md, c.created_at
     FROM live_contributions c JOIN users u ON u.id = c.user_id LEFT JOIN agencies a ON a.id = c.agency_id";

#[allow(clippy::too_many_arguments)]
pub async fn insert_contribution(
    conn: &mut Conn,
    meeting: MeetingId,
    item: ItemId,
    case: Option<CaseId>,
    user: UserId,
    agency: Option<AgencyId>,
    body: &str,
    now: i64,
) -> Result<Contribution, AppError> {
    let id: i64 = sqlx::query_scalar(INSERT_CONTRIBUTION_1)
        .bind(meeting)
        .bind(item)
        .bind(case)
        .bind(user)
        .bind(agency)
        .bind(body)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    let row: ContributionRow = sqlx::query_as(INSERT_CONTRIBUTION_2)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(contribution(row).1)
}

/// Every contribution of the meeting, by item, in order.
pub async fn contributions(
    conn: &mut Conn,
    meeting: MeetingId,
) -> Result<Vec<(ItemId, Contribution)>, AppError> {
    let rows: Vec<ContributionRow> = sqlx::query_as(CONTRIBUTIONS)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.into_iter().map(contribution).collect())
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    item_id: ItemId,
    summary_md: String,
    decisions_md: String,
    version: i64,
    by: Option<String>,
}

fn summary(r: SummaryRow) -> (ItemId, Summary) {
    (
        r.item_id,
        Summary {
            version: r.version,
            summary_html: crate::markdown::render(&r.summary_md),
            decisions_html: crate::markdown::render(&r.decisions_md),
            summary_md: r.summary_md,
            decisions_md: r.decisions_md,
            by: r.by,
        },
    )
}

const SUMMARY_SELECT: &str =
    "SELECT s.item_id, s.summary_md, s.decisions_md, s.version, u.name AS by
     FROM live_summaries s LEFT JOIN users u ON u.id = s.user_id";

pub async fn summaries(
    conn: &mut Conn,
    meeting: MeetingId,
) -> Result<Vec<(ItemId, Summary)>, AppError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(SUMMARIES)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.into_iter().map(summary).collect())
}

pub async fn summary_version(conn: &mut Conn, item: ItemId) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar::<_, i64>(SUMMARY_VERSION)
        .bind(item)
        .fetch_optional(&mut *conn)
        .await?
        .unwrap_or(0))
}

/// Saves the summary as version `base + 1`, but only if `base` is still the latest version.
/// Returns `None` when someone else saved first.
#[allow(clippy::too_many_arguments)]
pub async fn save_summary(
    conn: &mut Conn,
    meeting: MeetingId,
    item: ItemId,
    base: i64,
    summary_md: &str,
    decisions_md: &str,
    user: UserId,
    now: i64,
) -> Result<Option<Summary>, AppError> {
    let done = sqlx::query(SAVE_SUMMARY_1)
        .bind(item)
        .bind(meeting)
        .bind(summary_md)
        .bind(decisions_md)
        .bind(base)
        .bind(user)
        .bind(now)
        .bind(item)
        .bind(base)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(None);
    }
    let row: SummaryRow = sqlx::query_as(SAVE_SUMMARY_2)
        .bind(item)
        .fetch_one(&mut *conn)
        .await?;
    Ok(Some(summary(row).1))
}

/// What the room recorded for one item, for the minutes: contributions and the summary.
pub async fn item_record(
    conn: &mut Conn,
    item: ItemId,
) -> Result<(Vec<Contribution>, Option<Summary>), AppError> {
    let rows: Vec<ContributionRow> = sqlx::query_as(ITEM_RECORD_1)
        .bind(item)
        .fetch_all(&mut *conn)
        .await?;
    let s: Option<SummaryRow> = sqlx::query_as(ITEM_RECORD_2)
        .bind(item)
        .fetch_optional(&mut *conn)
        .await?;
    Ok((
        rows.into_iter().map(|r| contribution(r).1).collect(),
        s.map(|r| summary(r).1),
    ))
}

/// The viewer's agency name and whether it works with children only.
pub async fn agency_sight(
    conn: &mut Conn,
    agency: Option<AgencyId>,
) -> Result<Option<(String, bool)>, AppError> {
    Ok(sqlx::query_as(AGENCY_SIGHT)
        .bind(agency)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Of the sessions in `ids` (a JSON list), those still valid at `now` and not idle since
/// `seen_after`, with their user's role and agency.
pub async fn live_sessions(
    conn: &mut Conn,
    ids: &str,
    now: i64,
    seen_after: i64,
) -> Result<Vec<(String, String, Option<AgencyId>)>, AppError> {
    Ok(sqlx::query_as(LIVE_SESSIONS)
        .bind(now)
        .bind(seen_after)
        .bind(ids)
        .fetch_all(&mut *conn)
        .await?)
}

/// Marks the sessions in `ids` (a JSON list) seen at `now`, those last seen before `before`.
pub async fn touch_sessions(
    conn: &mut Conn,
    ids: &str,
    now: i64,
    before: i64,
) -> Result<(), AppError> {
    sqlx::query(TOUCH_SESSIONS)
        .bind(now)
        .bind(before)
        .bind(ids)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

crate::statements! {
    STATE = "SELECT seq, current_item_id, children_done_at FROM live_state WHERE meeting_id = ?";
    ENSURE = "INSERT OR IGNORE INTO live_state (meeting_id, seq, updated_at) VALUES (?, 0, ?)";
    NEXT_SEQ = "INSERT INTO live_state (meeting_id, seq, updated_at) VALUES (?, 1, ?)
         ON CONFLICT(meeting_id) DO UPDATE SET seq = seq + 1, updated_at = excluded.updated_at
         RETURNING seq";
    SET_CURRENT = "UPDATE live_state SET current_item_id = ? WHERE meeting_id = ?";
    SET_CHILDREN_DONE = "UPDATE live_state SET children_done_at = COALESCE(children_done_at, ?) WHERE meeting_id = ?";
    SEQ_FOR_KEY = "SELECT seq FROM live_events WHERE meeting_id = ? AND user_id = ? AND idempotency_key = ?";
    INSERT_EVENT = "INSERT INTO live_events (meeting_id, seq, kind, item_id, case_id, body, user_id, idempotency_key, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    EVENTS_AFTER = "SELECT seq, item_id, case_id, body FROM live_events WHERE meeting_id = ? AND seq > ? ORDER BY seq";
    TIMER = "SELECT used_ms, timer_started_ms FROM agenda_items WHERE id = ?";
    TIMERS = "SELECT id, used_ms, timer_started_ms FROM agenda_items WHERE meeting_id = ?";
    SET_TIMER = "UPDATE agenda_items SET used_ms = ?, timer_started_ms = ? WHERE id = ?";
    INSERT_CONTRIBUTION_1 = "INSERT INTO live_contributions (meeting_id, item_id, case_id, user_id, agency_id, body_md, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
    INSERT_CONTRIBUTION_2 = crate::sql!(CONTRIBUTION_SELECT, " WHERE c.id = ?");
    CONTRIBUTIONS = crate::sql!(CONTRIBUTION_SELECT, " WHERE c.meeting_id = ? ORDER BY c.id");
    SUMMARIES = crate::sql!(SUMMARY_SELECT, " WHERE s.meeting_id = ?");
    SUMMARY_VERSION = "SELECT version FROM live_summaries WHERE item_id = ?";
    SAVE_SUMMARY_1 = "INSERT INTO live_summaries (item_id, meeting_id, summary_md, decisions_md, version, user_id, updated_at)
         SELECT ?, ?, ?, ?, ? + 1, ?, ?
         WHERE COALESCE((SELECT version FROM live_summaries WHERE item_id = ?), 0) = ?
         ON CONFLICT(item_id) DO UPDATE SET summary_md = excluded.summary_md,
             decisions_md = excluded.decisions_md, version = excluded.version,
             user_id = excluded.user_id, updated_at = excluded.updated_at";
    SAVE_SUMMARY_2 = crate::sql!(SUMMARY_SELECT, " WHERE s.item_id = ?");
    ITEM_RECORD_1 = crate::sql!(CONTRIBUTION_SELECT, " WHERE c.item_id = ? ORDER BY c.id");
    ITEM_RECORD_2 = crate::sql!(SUMMARY_SELECT, " WHERE s.item_id = ?");
    AGENCY_SIGHT = "SELECT name, children_only FROM agencies WHERE id = ?";
    LIVE_SESSIONS = "SELECT s.id, u.role, u.agency_id FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE u.active = 1 AND s.expires_at > ? AND s.last_seen_at > ?
           AND s.id IN (SELECT value FROM json_each(?))";
    TOUCH_SESSIONS = "UPDATE sessions SET last_seen_at = ? WHERE last_seen_at < ? AND id IN (SELECT value FROM json_each(?))";
}
