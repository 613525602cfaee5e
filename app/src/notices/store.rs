//! Writing and reading notices. Writers pass the caller's transaction, so a notice exists
//! exactly when the change it reports does.

use super::types::NoticeKind;
use crate::auth::types::Role;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{AgencyId, CaseId, UserId};

/// One notice to write: to whom is chosen by the function it is passed to.
pub struct NewNotice {
    pub kind: NoticeKind,
    pub case: Option<CaseId>,
    /// Ids and agency names at most: never personal data.
    pub params: serde_json::Value,
    pub now: i64,
}

impl NewNotice {
    pub fn new(kind: NoticeKind, now: i64) -> Self {
        Self {
            kind,
            case: None,
            params: serde_json::Value::Null,
            now,
        }
    }

    pub fn case(mut self, case: CaseId) -> Self {
        self.case = Some(case);
        self
    }

    pub fn params(mut self, params: serde_json::Value) -> Self {
        self.params = params;
        self
    }

    fn params_text(&self) -> Option<String> {
        (!self.params.is_null()).then(|| self.params.to_string())
    }
}

pub async fn to_user(conn: &mut Conn, user: UserId, n: &NewNotice) -> Result<(), AppError> {
    sqlx::query(TO_USER)
        .bind(user)
        .bind(n.kind.as_str())
        .bind(n.case)
        .bind(n.params_text())
        .bind(n.now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// To every active person of the agency (members and observers).
pub async fn to_agency(conn: &mut Conn, agency: AgencyId, n: &NewNotice) -> Result<(), AppError> {
    sqlx::query(TO_AGENCY)
        .bind(n.kind.as_str())
        .bind(n.case)
        .bind(n.params_text())
        .bind(n.now)
        .bind(agency)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// To every active person holding one of `roles`.
pub async fn to_roles(conn: &mut Conn, roles: &[Role], n: &NewNotice) -> Result<(), AppError> {
    for role in roles {
        sqlx::query(TO_ROLES)
            .bind(n.kind.as_str())
            .bind(n.case)
            .bind(n.params_text())
            .bind(n.now)
            .bind(role.as_str())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn from_outbox(conn: &mut Conn, n: &super::service::FromOutbox) -> Result<(), AppError> {
    sqlx::query(FROM_OUTBOX)
        .bind(n.user)
        .bind(n.kind.as_str())
        .bind(n.case)
        .bind(n.meeting)
        .bind((!n.params.is_null()).then(|| n.params.to_string()))
        .bind(n.at)
        .bind(n.outbox_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
pub struct NoticeRow {
    pub id: i64,
    pub kind: String,
    pub reference: Option<String>,
    pub params: Option<String>,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

/// The person's latest notices, newest first.
pub async fn list_for(
    conn: &mut Conn,
    user: UserId,
    limit: i64,
) -> Result<Vec<NoticeRow>, AppError> {
    Ok(sqlx::query_as(LIST_FOR)
        .bind(user)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?)
}

pub async fn mark_read(conn: &mut Conn, user: UserId, now: i64) -> Result<(), AppError> {
    sqlx::query(MARK_READ)
        .bind(now)
        .bind(user)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

crate::statements! {
    TO_USER = "INSERT INTO notices (user_id, kind, case_id, params, created_at) VALUES (?, ?, ?, ?, ?)";
    TO_AGENCY = "INSERT INTO notices (user_id, kind, case_id, params, created_at)
         SELECT id, ?, ?, ?, ? FROM users WHERE agency_id = ? AND active = 1 AND role IN ('member','observer')";
    TO_ROLES = "INSERT INTO notices (user_id, kind, case_id, params, created_at)
             SELECT id, ?, ?, ?, ? FROM users WHERE role = ? AND active = 1";
    LIST_FOR = "SELECT n.id, n.kind, c.reference, n.params, n.created_at, n.read_at
         FROM notices n LEFT JOIN cases c ON c.id = n.case_id
         WHERE n.user_id = ? ORDER BY n.id DESC LIMIT ?";
    FROM_OUTBOX = "INSERT INTO notices (user_id, kind, case_id, meeting_id, params, created_at, outbox_id)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (outbox_id) WHERE outbox_id IS NOT NULL DO NOTHING";
    MARK_READ = "UPDATE notices SET read_at = ? WHERE user_id = ? AND read_at IS NULL";
}
