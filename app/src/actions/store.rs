//! Action rows and their history.

use super::types::*;
use crate::db::{Conn, Db};
use crate::error::{AppError, OrInternal};
use crate::ids::{ActionId, AgencyId, CaseId, MeetingId, UserId};
use chrono::NaiveDate;
use sqlx::QueryBuilder;

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
    chrono::Utc::now().date_naive()
}

pub async fn get(conn: &mut Conn, id: ActionId) -> Result<Option<Action>, AppError> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE a.id = ?"))
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
    let mut b: QueryBuilder<Db> = QueryBuilder::new(SELECT);
    b.push(" WHERE 1=1");
    if let Some(v) = q.visible_to {
        b.push(" AND (c.lead_agency_id = ").push_bind(v);
        b.push(" OR EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = c.id AND ca.agency_id = ").push_bind(v).push("))");
    }
    if let Some(v) = q.agency {
        b.push(" AND a.owner_agency_id = ").push_bind(v);
    }
    if let Some(v) = q.status {
        b.push(" AND a.status = ").push_bind(v.as_str());
    }
    if let Some(v) = q.case {
        b.push(" AND a.case_id = ").push_bind(v);
    }
    if let Some(v) = q.meeting {
        b.push(" AND a.meeting_id = ").push_bind(v);
    }
    if q.overdue {
        b.push(" AND a.status IN ('open','in_progress') AND a.due_on < ")
            .push_bind(today.format("%Y-%m-%d").to_string());
    }
    if let Some(ids) = &q.ids {
        b.push(" AND a.id IN (");
        let mut sep = b.separated(", ");
        for id in ids {
            sep.push_bind(*id);
        }
        if ids.is_empty() {
            sep.push("NULL");
        }
        b.push(")");
    }
    b.push(" ORDER BY CASE WHEN a.status IN ('open','in_progress') AND a.due_on < ")
        .push_bind(today.format("%Y-%m-%d").to_string())
        .push(" THEN 0 ELSE 1 END, a.due_on, a.id");
    let rows: Vec<Row> = b.build_query_as().fetch_all(&mut *conn).await?;
    rows.into_iter().map(|r| to_action(r, today)).collect()
}

pub async fn insert(
    conn: &mut Conn,
    a: &NewAction,
    by: UserId,
    now: i64,
) -> Result<ActionId, AppError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO actions (case_id, meeting_id, owner_agency_id, owner_user_id, kind, text, due_on, status,
             what_is_different, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?) RETURNING id",
    )
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
    sqlx::query(
        "INSERT INTO action_history (action_id, at, user_id, meeting_id, from_status, to_status, reason, note, due_from, due_to)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
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
    let mut b: QueryBuilder<Db> = QueryBuilder::new("UPDATE actions SET updated_at = ");
    b.push_bind(now);
    if let Some(s) = p.status {
        b.push(", status = ").push_bind(s.as_str());
        if s.is_final() {
            b.push(", closed_at = ").push_bind(now);
        }
    }
    if let Some((c, t)) = &p.barrier {
        b.push(", barrier_category = ").push_bind(c.as_str());
        b.push(", barrier_text = ").push_bind(t.clone());
    }
    if let Some(d) = p.due_on {
        b.push(", due_on = ")
            .push_bind(d.format("%Y-%m-%d").to_string());
    }
    if let Some(s) = p.superseded_by {
        b.push(", superseded_by = ").push_bind(s);
    }
    b.push(" WHERE id = ").push_bind(id);
    b.build().execute(&mut *conn).await?;
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
    let rows: Vec<HistoryRow> = sqlx::query_as(
        "SELECT h.at, u.name AS who, h.meeting_id, h.from_status, h.to_status, h.reason, h.note, h.due_from, h.due_to
         FROM action_history h LEFT JOIN users u ON u.id = h.user_id WHERE h.action_id = ? ORDER BY h.id",
    )
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
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM actions WHERE case_id = ? AND owner_agency_id = ? AND kind = ?
            AND status IN ('not_done_circumstances','not_done_agency')",
    )
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
    sqlx::query(
        "INSERT OR IGNORE INTO notifications (user_id, kind, action_id, created_at)
         SELECT id, ?, ?, ? FROM users WHERE agency_id = ? AND active = 1 AND role = 'member'",
    )
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
    sqlx::query(
        "INSERT OR IGNORE INTO notifications (user_id, kind, action_id, created_at)
         SELECT id, ?, ?, ? FROM users WHERE active = 1 AND role IN ('chair','coordinator')",
    )
    .bind(kind)
    .bind(action)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
