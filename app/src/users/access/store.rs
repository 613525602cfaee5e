//! Access request rows.

use super::types::{AccessKind, AccessRequest, AccessState};
use crate::auth::types::Role;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::{AccessRequestId, AgencyId, UserId};

/// A request to write: the access asked for and by whom.
pub struct NewRequest {
    pub kind: AccessKind,
    pub user: UserId,
    pub role: Role,
    pub agency: Option<AgencyId>,
    pub activate: bool,
    pub asked_by: UserId,
    pub asked_by_role: Role,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: AccessRequestId,
    kind: String,
    state: String,
    user_id: UserId,
    user_name: String,
    role: String,
    agency_id: Option<AgencyId>,
    agency_name: Option<String>,
    activate: bool,
    asked_by: UserId,
    asked_by_name: String,
    asked_by_role: String,
    decided_by: Option<UserId>,
    created_at: i64,
    decided_at: Option<i64>,
}

impl TryFrom<Row> for AccessRequest {
    type Error = AppError;
    fn try_from(r: Row) -> Result<Self, AppError> {
        let role = |s: &str| Role::parse(s).or_internal("a known Role in the stored s");
        Ok(AccessRequest {
            id: r.id,
            kind: AccessKind::parse(&r.kind)
                .or_internal("a known AccessKind in the stored kind")?,
            state: AccessState::parse(&r.state)
                .or_internal("a known AccessState in the stored state")?,
            user_id: r.user_id,
            user_name: r.user_name,
            role: role(&r.role)?,
            agency_id: r.agency_id,
            agency_name: r.agency_name,
            activate: r.activate,
            asked_by: r.asked_by,
            asked_by_name: r.asked_by_name,
            asked_by_role: role(&r.asked_by_role)?,
            decided_by: r.decided_by,
            created_at: crate::time::rfc3339(r.created_at),
            decided_at: r.decided_at.map(crate::time::rfc3339),
            may_confirm: false,
            may_withdraw: false,
        })
    }
}

const SELECT: &str = "SELECT r.id, r.kind, r.state, r.user_id, u.name AS user_name, r.role,
        r.agency_id, a.name AS agency_name, r.activate, r.asked_by, b.name AS asked_by_name,
        r.asked_by_role, r.decided_by, r.created_at, r.decided_at
     FROM access_requests r
     JOIN users u ON u.id = r.user_id
     JOIN users b ON b.id = r.asked_by
     LEFT JOIN agencies a ON a.id = r.agency_id";

pub async fn insert(
    conn: &mut Conn,
    n: &NewRequest,
    now: i64,
) -> Result<AccessRequestId, AppError> {
    let id: i64 = sqlx::query_scalar(INSERT)
        .bind(n.kind.as_str())
        .bind(n.user)
        .bind(n.role.as_str())
        .bind(n.agency)
        .bind(n.activate)
        .bind(n.asked_by)
        .bind(n.asked_by_role.as_str())
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    Ok(AccessRequestId(id))
}

pub async fn get(conn: &mut Conn, id: AccessRequestId) -> Result<Option<AccessRequest>, AppError> {
    let row: Option<Row> = sqlx::query_as(GET)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(TryInto::try_into).transpose()
}

/// The pending ones first, then the latest decided, newest first.
pub async fn list(conn: &mut Conn, limit: i64) -> Result<Vec<AccessRequest>, AppError> {
    let rows: Vec<Row> = sqlx::query_as(LIST)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

pub async fn pending_for(conn: &mut Conn, user: UserId) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(PENDING_FOR)
        .bind(user)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Decides a pending request; false when it was no longer pending.
pub async fn decide(
    conn: &mut Conn,
    id: AccessRequestId,
    state: AccessState,
    by: UserId,
    now: i64,
) -> Result<bool, AppError> {
    let done = sqlx::query(DECIDE)
        .bind(state.as_str())
        .bind(by)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Withdraws whatever is pending for `user` (access was just removed or narrowed); the ids.
pub async fn withdraw_pending_for(
    conn: &mut Conn,
    user: UserId,
    by: UserId,
    now: i64,
) -> Result<Vec<AccessRequestId>, AppError> {
    let ids: Vec<i64> = sqlx::query_scalar(WITHDRAW_PENDING_FOR)
        .bind(by)
        .bind(now)
        .bind(user)
        .fetch_all(&mut *conn)
        .await?;
    Ok(ids.into_iter().map(AccessRequestId).collect())
}

/// Whether an active chair other than `except` exists (who could confirm an admin's request).
pub async fn other_chair_exists(conn: &mut Conn, except: &[UserId]) -> Result<bool, AppError> {
    let except = serde_json::to_string(&except.iter().map(|u| u.0).collect::<Vec<i64>>())
        .or_internal("user ids as a JSON list")?;
    let n: i64 = sqlx::query_scalar(OTHER_CHAIR_EXISTS)
        .bind(except)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Applies a confirmed request's role, agency and activation to the account.
pub async fn apply_access(conn: &mut Conn, r: &AccessRequest, now: i64) -> Result<(), AppError> {
    sqlx::query(APPLY_ACCESS)
        .bind(r.role.as_str())
        .bind(r.agency_id)
        .bind(r.activate)
        .bind(now)
        .bind(r.user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

crate::statements! {
    INSERT = "INSERT INTO access_requests (kind, user_id, role, agency_id, activate, asked_by, asked_by_role, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    GET = crate::sql!(SELECT, " WHERE r.id = ?");
    LIST = crate::sql!(SELECT, " ORDER BY (r.state = 'pending') DESC, r.id DESC LIMIT ?");
    PENDING_FOR = "SELECT COUNT(*) FROM access_requests WHERE user_id = ? AND state = 'pending'";
    DECIDE = "UPDATE access_requests SET state = ?, decided_by = ?, decided_at = ?
         WHERE id = ? AND state = 'pending'";
    WITHDRAW_PENDING_FOR = "UPDATE access_requests SET state = 'withdrawn', decided_by = ?, decided_at = ?
         WHERE user_id = ? AND state = 'pending' RETURNING id";
    APPLY_ACCESS = "UPDATE users SET role = ?, agency_id = ?, active = MAX(active, ?), updated_at = ? WHERE id = ?";
    OTHER_CHAIR_EXISTS = "SELECT COUNT(*) FROM users WHERE role = 'chair' AND active = 1
         AND id NOT IN (SELECT value FROM json_each(?))";
}
