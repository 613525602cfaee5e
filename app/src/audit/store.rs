//! Writing and reading audit rows. Writers pass the caller's transaction, so the row
//! commits or rolls back with the change it records.

use super::chain::{self, RowContent};
use super::chain_store::{head, seal_unsealed, Head};
use super::types::{AuditEntry, AuditQuery};
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{AuditId, UserId};

/// One audit row to write.
#[derive(Debug, Clone, Default)]
pub struct AuditEvent {
    pub actor: Option<UserId>,
    pub action: &'static str,
    pub entity: &'static str,
    pub entity_id: Option<String>,
    pub reason: Option<String>,
    /// What changed, by field name; never the values of restricted fields.
    pub details: Option<serde_json::Value>,
}

impl AuditEvent {
    pub fn new(actor: Option<UserId>, action: &'static str, entity: &'static str) -> Self {
        Self {
            actor,
            action,
            entity,
            ..Default::default()
        }
    }

    pub fn id(mut self, id: impl ToString) -> Self {
        self.entity_id = Some(id.to_string());
        self
    }

    pub fn reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = Some(details);
        self
    }
}

/// Writes the row chained to the one before it. The caller's transaction holds (or takes, at
/// the insert) SQLite's write lock, and SQLite refuses a write from a transaction whose reads
/// are stale, so the head read here is the head the row is appended to. The explicit id makes
/// a fork impossible even so: a second row after the same head fails its primary key.
pub async fn record(conn: &mut Conn, ev: AuditEvent) -> Result<(), AppError> {
    let (id, prev) = match head(conn).await? {
        Head::Sealed { next_id, hash } => (next_id, hash),
        Head::Unsealed => {
            seal_unsealed(conn).await?;
            match head(conn).await? {
                Head::Sealed { next_id, hash } => (next_id, hash),
                Head::Unsealed => {
                    // Only a row changed behind the server's back is unsealed after a sealed one.
                    tracing::error!("the newest audit row has no hash: run `convene audit verify`");
                    return Err(AppError::Internal);
                }
            }
        }
    };
    let at = crate::time::now();
    let details = ev.details.map(|d| d.to_string());
    let hash = chain::hash(
        &prev,
        &RowContent {
            id,
            at,
            actor_user_id: ev.actor.map(|u| u.0),
            action: ev.action,
            entity: ev.entity,
            entity_id: ev.entity_id.as_deref(),
            reason: ev.reason.as_deref(),
            details: details.as_deref(),
        },
    );
    sqlx::query(RECORD)
        .bind(id)
        .bind(at)
        .bind(ev.actor)
        .bind(ev.action)
        .bind(ev.entity)
        .bind(ev.entity_id)
        .bind(ev.reason)
        .bind(details)
        .bind(prev)
        .bind(hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Row {
    id: AuditId,
    at: i64,
    actor_user_id: Option<UserId>,
    actor_name: Option<String>,
    action: String,
    entity: String,
    entity_id: Option<String>,
    reason: Option<String>,
    details: Option<String>,
}

impl From<Row> for AuditEntry {
    fn from(r: Row) -> Self {
        AuditEntry {
            id: r.id,
            at: crate::time::rfc3339(r.at),
            at_unix: r.at,
            actor_user_id: r.actor_user_id,
            actor_name: r.actor_name,
            action: r.action,
            entity: r.entity,
            entity_id: r.entity_id,
            reason: r.reason,
            details: r.details.and_then(|d| serde_json::from_str(&d).ok()),
        }
    }
}

/// Newest first; fetches one more than asked to know whether an older page exists.
pub async fn list(conn: &mut Conn, q: &AuditQuery) -> Result<(Vec<AuditEntry>, bool), AppError> {
    // Each filter applies only when given: (? IS NULL OR ...) pairs.
    let mut rows: Vec<Row> = sqlx::query_as(LIST)
        .bind(q.actor_user_id)
        .bind(q.actor_user_id)
        .bind(&q.entity)
        .bind(&q.entity)
        .bind(&q.entity_id)
        .bind(&q.entity_id)
        .bind(&q.action)
        .bind(&q.action)
        .bind(q.from_unix)
        .bind(q.from_unix)
        .bind(q.to_unix_exclusive)
        .bind(q.to_unix_exclusive)
        .bind(q.before_id)
        .bind(q.before_id)
        .bind(i64::from(q.limit) + 1)
        .fetch_all(&mut *conn)
        .await?;
    let more = rows.len() > q.limit as usize;
    rows.truncate(q.limit as usize);
    Ok((rows.into_iter().map(Into::into).collect(), more))
}

crate::statements! {
    RECORD = "INSERT INTO audit_log (id, at, actor_user_id, action, entity, entity_id, reason, details, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    LIST = "SELECT a.id, a.at, a.actor_user_id, u.name AS actor_name, a.action, a.entity,
                a.entity_id, a.reason, a.details
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
         WHERE (? IS NULL OR a.actor_user_id = ?)
           AND (? IS NULL OR a.entity = ?)
           AND (? IS NULL OR a.entity_id = ?)
           AND (? IS NULL OR a.action = ?)
           AND (? IS NULL OR a.at >= ?)
           AND (? IS NULL OR a.at < ?)
           AND (? IS NULL OR a.id < ?)
         ORDER BY a.id DESC LIMIT ?";
}
