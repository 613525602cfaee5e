//! Action rows and their history.

use super::types::*;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::{ActionId, AgencyId, CaseId, MeetingId, UserId};
use chrono::NaiveDate;

#[derive(sqlx::FromRow)]
struct Row {
    id: ActionId,
    case_id: CaseId,
    reference: String,
    meeting_id: Option<MeetingId>,
    owner_agency_id: AgencyId,
    owner_agency_name: String,
    owner_user_id: Option<UserId>,
    owner_user_name: Option<String>,
    kind: String,
    text: String,
    due_on: String,
    status: String,
    superseded_by: Option<ActionId>,
    barrier_category: Option<String>,
    barrier_text: Option<String>,
    what_is_different: Option<String>,
    carried_over: i64,
    escalated_at: Option<i64>,
    created_at: i64,
}

const SELECT: &str = "SELECT a.id, a.case_id, c.reference, a.meeting_id, a.owner_agency_id, ag.name AS owner_agency_name,
        a.owner_user_id, u.name AS owner_user_name, a.kind, a.text, a.due_on, a.status, a.superseded_by,
        a.barrier_category, a.barrier_text, a.what_is_different, a.carried_over, a.escalated_at, a.created_at
    FROM actions a JOIN cases c ON c.id = a.case_id JOIN agencies ag ON ag.id = a.owner_agency_id
    LEFT JOIN users u ON u.id = a.owner_user_id";

fn day(s: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").or_internal("a stored date as YYYY-MM-DD")
}

fn to_action(r: Row, today: NaiveDate) -> Result<Action, AppError> {
    let status =
        ActionStatus::parse(&r.status).or_internal("a known ActionStatus in the stored status")?;
    let due_on = day(&r.due_on)?;
    Ok(Action {
        id: r.id,
        case_id: r.case_id,
        reference: r.reference,
        meeting_id: r.meeting_id,
        owner_agency_id: r.owner_agency_id,
        owner_agency_name: r.owner_agency_name,
        owner_user_id: r.owner_user_id,
        owner_user_name: r.owner_user_name,
        kind: ActionKind::parse(&r.kind).or_internal("a known ActionKind in the stored kind")?,
        text: r.text,
        due_on,
        status,
        overdue: !status.is_final() && due_on < today,
        superseded_by: r.superseded_by,
        barrier_category: r
            .barrier_category
            .as_deref()
            .and_then(|b| BarrierCategory::parse(b).ok()),
        barrier_text: r.barrier_text,
        what_is_different: r.what_is_different,
        carried_over: r.carried_over as u32,
        escalated: r.escalated_at.is_some(),
        created_at: crate::time::rfc3339(r.created_at),
    })
}

pub fn today() -> NaiveDate {
    crate::time::local_today()
}

pub async fn get(conn: &mut Conn, id: ActionId) -> Result<Option<Action>, AppError> {
    let row: Option<Row> = sqlx::query_as(GET)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| to_action(r, today())).transpose()
}

/// Filters for `list`; `visible_to` limits to cases that agency is involved with.
#[derive(Default)]
pub struct Query {
    pub visible_to: Option<Option<AgencyId>>,
    pub agency: Option<AgencyId>,
    pub status: Option<ActionStatus>,
    pub case: Option<CaseId>,
    pub meeting: Option<MeetingId>,
    pub overdue: bool,
    pub ids: Option<Vec<ActionId>>,
}

pub async fn list(conn: &mut Conn, q: &Query) -> Result<Vec<Action>, AppError> {
    let today = today();
    let day = today.format("%Y-%m-%d").to_string();
    let ids = q
        .ids
        .as_ref()
        .map(|ids| serde_json::to_string(&ids.iter().map(|i| i.0).collect::<Vec<i64>>()))
        .transpose()
        .or_internal("action ids as a JSON list")?;
    let visible = q.visible_to.flatten();
    // Each filter applies only when given: (? IS NULL OR ...) pairs.
    let rows: Vec<Row> = sqlx::query_as(LIST)
        .bind(q.visible_to.is_some())
        .bind(visible)
        .bind(visible)
        .bind(q.agency)
        .bind(q.agency)
        .bind(q.status.map(|s| s.as_str()))
        .bind(q.status.map(|s| s.as_str()))
        .bind(q.case)
        .bind(q.case)
        .bind(q.meeting)
        .bind(q.meeting)
        .bind(q.overdue)
        .bind(&day)
        .bind(&ids)
        .bind(&ids)
        .bind(&day)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter().map(|r| to_action(r, today)).collect()
}

pub async fn insert(
    conn: &mut Conn,
    a: &NewAction,
    by: UserId,
    now: i64,
) -> Result<ActionId, AppError> {
    let id: i64 = sqlx::query_scalar(INSERT)
        .bind(a.case_id)
        .bind(a.meeting_id)
        .bind(a.owner_agency_id)
        .bind(a.owner_user_id)
        .bind(a.kind.as_str())
        .bind(&a.text)
        .bind(a.due_on.format("%Y-%m-%d").to_string())
        .bind(&a.what_is_different)
        .bind(by)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    let id = ActionId(id);
    history(
        conn,
        id,
        by,
        a.meeting_id,
        None,
        ActionStatus::Open,
        None,
        None,
        (None, Some(a.due_on)),
        now,
    )
    .await?;
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
pub async fn history(
    conn: &mut Conn,
    action: ActionId,
    by: UserId,
    meeting: Option<MeetingId>,
    from: Option<ActionStatus>,
    to: ActionStatus,
    reason: Option<&str>,
    note: Option<&str>,
    due: (Option<NaiveDate>, Option<NaiveDate>),
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(HISTORY)
        .bind(action)
        .bind(now)
        .bind(by)
        .bind(meeting)
        .bind(from.map(|s| s.as_str()))
        .bind(to.as_str())
        .bind(reason)
        .bind(note)
        .bind(due.0.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(due.1.map(|d| d.format("%Y-%m-%d").to_string()))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn apply(
    conn: &mut Conn,
    id: ActionId,
    p: &ActionPatch,
    now: i64,
) -> Result<(), AppError> {
    // Each field is set only when the patch names it: (given, value) pairs.
    let barrier = p.barrier.as_ref();
    sqlx::query(APPLY_PATCH)
        .bind(now)
        .bind(p.status.is_some())
        .bind(p.status.map(|s| s.as_str()))
        .bind(p.status.is_some_and(|s| s.is_final()))
        .bind(now)
        .bind(barrier.is_some())
        .bind(barrier.map(|(c, _)| c.as_str()))
        .bind(barrier.is_some())
        .bind(barrier.and_then(|(_, t)| t.clone()))
        .bind(p.due_on.is_some())
        .bind(p.due_on.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(p.superseded_by.is_some())
        .bind(p.superseded_by)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct HistoryRow {
    at: i64,
    who: Option<String>,
    meeting_id: Option<MeetingId>,
    from_status: Option<String>,
    to_status: String,
    reason: Option<String>,
    note: Option<String>,
    due_from: Option<String>,
    due_to: Option<String>,
}

pub async fn history_of(conn: &mut Conn, id: ActionId) -> Result<Vec<HistoryEntry>, AppError> {
    let rows: Vec<HistoryRow> = sqlx::query_as(HISTORY_OF)
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(HistoryEntry {
                at: crate::time::rfc3339(r.at),
                at_unix: r.at,
                who: r.who,
                meeting_id: r.meeting_id,
                from: r
                    .from_status
                    .as_deref()
                    .and_then(|s| ActionStatus::parse(s).ok()),
                to: ActionStatus::parse(&r.to_status)
                    .or_internal("a known ActionStatus in the stored to_status")?,
                reason: r.reason,
                note: r.note,
                due_from: r.due_from.as_deref().map(day).transpose()?,
                due_to: r.due_to.as_deref().map(day).transpose()?,
            })
        })
        .collect()
}

/// Has an action of this kind for this agency ended not done on this case before?
pub async fn failed_before(
    conn: &mut Conn,
    case: CaseId,
    agency: AgencyId,
    kind: ActionKind,
) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(FAILED_BEFORE)
        .bind(case)
        .bind(agency)
        .bind(kind.as_str())
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

pub async fn notify_agency(
    conn: &mut Conn,
    agency: AgencyId,
    kind: &str,
    action: ActionId,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(NOTIFY_AGENCY)
        .bind(kind)
        .bind(action)
        .bind(now)
        .bind(agency)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn notify_staff(
    conn: &mut Conn,
    kind: &str,
    action: ActionId,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(NOTIFY_STAFF)
        .bind(kind)
        .bind(action)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The agency of an active user (`Some(None)`: active, with no agency).
pub async fn active_user_agency(
    conn: &mut Conn,
    user: UserId,
) -> Result<Option<Option<AgencyId>>, AppError> {
    Ok(sqlx::query_scalar(ACTIVE_USER_AGENCY)
        .bind(user)
        .fetch_optional(&mut *conn)
        .await?)
}

pub async fn meeting_exists(conn: &mut Conn, meeting: MeetingId) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(MEETING_EXISTS)
        .bind(meeting)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// An open action due by a day, for the reminders.
pub struct DueAction {
    pub id: ActionId,
    pub case_id: crate::ids::CaseId,
    pub owner_agency_id: AgencyId,
    pub owner_user_id: Option<UserId>,
    pub due_on: chrono::NaiveDate,
}

pub async fn open_due_by(
    conn: &mut Conn,
    by: chrono::NaiveDate,
) -> Result<Vec<DueAction>, AppError> {
    let rows: Vec<(
        ActionId,
        crate::ids::CaseId,
        AgencyId,
        Option<UserId>,
        String,
    )> = sqlx::query_as(OPEN_DUE_BY)
        .bind(by.format("%Y-%m-%d").to_string())
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, case_id, owner_agency_id, owner_user_id, due)| {
            Some(DueAction {
                id,
                case_id,
                owner_agency_id,
                owner_user_id,
                due_on: chrono::NaiveDate::parse_from_str(&due, "%Y-%m-%d").ok()?,
            })
        })
        .collect())
}

/// Notes a notification about an action for a user, once per kind.
pub async fn notify(
    conn: &mut Conn,
    user: UserId,
    kind: &str,
    action: ActionId,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(NOTIFY)
        .bind(user)
        .bind(kind)
        .bind(action)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
pub struct NotificationRow {
    pub id: i64,
    pub kind: String,
    pub action_id: ActionId,
    pub reference: String,
    pub text: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

/// The user's latest 50 action notifications, newest first.
pub async fn notifications(
    conn: &mut Conn,
    user: UserId,
) -> Result<Vec<NotificationRow>, AppError> {
    Ok(sqlx::query_as(NOTIFICATIONS)
        .bind(user)
        .fetch_all(&mut *conn)
        .await?)
}

pub async fn mark_notifications_read(
    conn: &mut Conn,
    user: UserId,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(MARK_NOTIFICATIONS_READ)
        .bind(now)
        .bind(user)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Active people of an agency who may own an action, by name.
pub async fn agency_people(
    conn: &mut Conn,
    agency: AgencyId,
) -> Result<Vec<(UserId, String)>, AppError> {
    Ok(sqlx::query_as(AGENCY_PEOPLE)
        .bind(agency)
        .fetch_all(&mut *conn)
        .await?)
}

/// Every done action's creation and closing times.
pub async fn done_times(conn: &mut Conn) -> Result<Vec<(ActionId, i64, i64)>, AppError> {
    Ok(sqlx::query_as(DONE_TIMES).fetch_all(&mut *conn).await?)
}

/// Actions closed with a barrier in [start, end), oldest closing first.
pub async fn barriers_closed_between(
    conn: &mut Conn,
    start: i64,
    end: i64,
) -> Result<Vec<(ActionId, i64)>, AppError> {
    Ok(sqlx::query_as(BARRIERS_CLOSED_BETWEEN)
        .bind(start)
        .bind(end)
        .fetch_all(&mut *conn)
        .await?)
}

crate::statements! {
    GET = crate::sql!(SELECT, " WHERE a.id = ?");
    INSERT = "INSERT INTO actions (case_id, meeting_id, owner_agency_id, owner_user_id, kind, text, due_on, status,
             what_is_different, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?) RETURNING id";
    HISTORY = "INSERT INTO action_history (action_id, at, user_id, meeting_id, from_status, to_status, reason, note, due_from, due_to)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    HISTORY_OF = "SELECT h.at, u.name AS who, h.meeting_id, h.from_status, h.to_status, h.reason, h.note, h.due_from, h.due_to
         FROM action_history h LEFT JOIN users u ON u.id = h.user_id WHERE h.action_id = ? ORDER BY h.id";
    FAILED_BEFORE = "SELECT COUNT(*) FROM actions WHERE case_id = ? AND owner_agency_id = ? AND kind = ?
            AND status IN ('not_done_circumstances','not_done_agency')";
    NOTIFY_AGENCY = "INSERT OR IGNORE INTO notifications (user_id, kind, action_id, created_at)
         SELECT id, ?, ?, ? FROM users WHERE agency_id = ? AND active = 1 AND role = 'member'";
    NOTIFY_STAFF = "INSERT OR IGNORE INTO notifications (user_id, kind, action_id, created_at)
         SELECT id, ?, ?, ? FROM users WHERE active = 1 AND role IN ('chair','coordinator')";
    ACTIVE_USER_AGENCY = "SELECT agency_id FROM users WHERE id = ? AND active = 1";
    MEETING_EXISTS = "SELECT COUNT(*) FROM meetings WHERE id = ?";
    OPEN_DUE_BY = "SELECT a.id, a.case_id, a.owner_agency_id, a.owner_user_id, a.due_on FROM actions a
         JOIN cases c ON c.id = a.case_id
         WHERE a.status IN ('open','in_progress') AND a.due_on <= ? AND c.status <> 'closed'";
    NOTIFY = "INSERT OR IGNORE INTO notifications (user_id, kind, action_id, created_at) VALUES (?, ?, ?, ?)";
    NOTIFICATIONS = "SELECT n.id, n.kind, n.action_id, c.reference, a.text, n.created_at, n.read_at FROM notifications n
         JOIN actions a ON a.id = n.action_id JOIN cases c ON c.id = a.case_id
         WHERE n.user_id = ? ORDER BY n.id DESC LIMIT 50";
    MARK_NOTIFICATIONS_READ = "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL";
    AGENCY_PEOPLE = "SELECT id, name FROM users WHERE agency_id = ? AND active = 1 AND role <> 'admin' ORDER BY name";
    DONE_TIMES = "SELECT id, created_at, closed_at FROM actions WHERE status = 'done' AND closed_at IS NOT NULL";
    BARRIERS_CLOSED_BETWEEN = "SELECT id, closed_at FROM actions WHERE barrier_category IS NOT NULL AND closed_at >= ? AND closed_at < ? ORDER BY closed_at";
    APPLY_PATCH = "UPDATE actions SET updated_at = ?,
            status = CASE WHEN ? THEN ? ELSE status END,
            closed_at = CASE WHEN ? THEN ? ELSE closed_at END,
            barrier_category = CASE WHEN ? THEN ? ELSE barrier_category END,
            barrier_text = CASE WHEN ? THEN ? ELSE barrier_text END,
            due_on = CASE WHEN ? THEN ? ELSE due_on END,
            superseded_by = CASE WHEN ? THEN ? ELSE superseded_by END
        WHERE id = ?";
    LIST = crate::sql!(
        SELECT,
        " WHERE (? = 0 OR c.lead_agency_id = ?
              OR EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = c.id AND ca.agency_id = ?))
           AND (? IS NULL OR a.owner_agency_id = ?)
           AND (? IS NULL OR a.status = ?)
           AND (? IS NULL OR a.case_id = ?)
           AND (? IS NULL OR a.meeting_id = ?)
           AND (? = 0 OR (a.status IN ('open','in_progress') AND a.due_on < ?))
           AND (? IS NULL OR a.id IN (SELECT value FROM json_each(?)))
         ORDER BY CASE WHEN a.status IN ('open','in_progress') AND a.due_on < ? THEN 0 ELSE 1 END, a.due_on, a.id"
    );
}
