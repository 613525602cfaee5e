//! The hash chain's SQL: its head, sealing rows written before it existed, walking it, and
//! moving its anchor when old rows are purged.

use super::chain::{self, Break, RowContent};
use crate::db::Conn;
use crate::error::{AppError, OrInternal};

pub enum Head {
    Sealed { next_id: i64, hash: String },
    Unsealed,
}

pub async fn head(conn: &mut Conn) -> Result<Head, AppError> {
    let last: Option<(i64, Option<String>)> =
        sqlx::query_as(HEAD).fetch_optional(&mut *conn).await?;
    Ok(match last {
        Some((id, Some(hash))) => Head::Sealed {
            next_id: id + 1,
            hash,
        },
        Some((_, None)) => Head::Unsealed,
        None => match anchor(conn).await? {
            Some((through, hash)) => Head::Sealed {
                next_id: through + 1,
                hash,
            },
            None => Head::Sealed {
                next_id: 1,
                hash: chain::GENESIS.to_string(),
            },
        },
    })
}

/// The id and hash of the last purged row, if audit rows were ever purged.
pub async fn anchor(conn: &mut Conn) -> Result<Option<(i64, String)>, AppError> {
    Ok(sqlx::query_as(ANCHOR).fetch_optional(&mut *conn).await?)
}

#[derive(sqlx::FromRow)]
struct ChainRow {
    id: i64,
    at: i64,
    actor_user_id: Option<i64>,
    action: String,
    entity: String,
    entity_id: Option<String>,
    reason: Option<String>,
    details: Option<String>,
    prev_hash: Option<String>,
    hash: Option<String>,
}

impl ChainRow {
    fn content(&self) -> RowContent<'_> {
        RowContent {
            id: self.id,
            at: self.at,
            actor_user_id: self.actor_user_id,
            action: &self.action,
            entity: &self.entity,
            entity_id: self.entity_id.as_deref(),
            reason: self.reason.as_deref(),
            details: self.details.as_deref(),
        }
    }
}

const BATCH: i64 = 1000;

async fn rows_after(
    conn: &mut Conn,
    after_id: i64,
    unsealed_only: bool,
) -> Result<Vec<ChainRow>, AppError> {
    // Only the rows before the first sealed one were written before the chain existed; an
    // unsealed row after a sealed one was tampered with and must stay visible to `verify`.
    let sql = if unsealed_only {
        UNSEALED_ROWS_AFTER
    } else {
        ROWS_AFTER
    };
    Ok(sqlx::query_as(sql)
        .bind(after_id)
        .bind(BATCH)
        .fetch_all(&mut *conn)
        .await?)
}

/// Seals rows written before the chain existed, in id order. Returns how many were sealed.
pub async fn seal_unsealed(conn: &mut Conn) -> Result<u64, AppError> {
    let mut sealed = 0;
    loop {
        let rows = rows_after(conn, 0, true).await?;
        if rows.is_empty() {
            return Ok(sealed);
        }
        for r in rows {
            let before: Option<(Option<String>,)> = sqlx::query_as(SEAL_UNSEALED_1)
                .bind(r.id)
                .fetch_optional(&mut *conn)
                .await?;
            let prev = match before {
                Some((Some(h),)) => h,
                // Rows are sealed in id order, so the row before is sealed by now.
                Some((None,)) => {
                    return Err(AppError::internal(
                        "the audit row before is sealed",
                        "it has no hash",
                    ))
                }
                None => match anchor(conn).await? {
                    Some((_, h)) => h,
                    None => chain::GENESIS.to_string(),
                },
            };
            let hash = chain::hash(&prev, &r.content());
            sqlx::query(SEAL_UNSEALED_2)
                .bind(&prev)
                .bind(hash)
                .bind(r.id)
                .execute(&mut *conn)
                .await?;
            sealed += 1;
        }
    }
}

/// The result of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub rows: u64,
    pub first_id: Option<i64>,
    pub last_id: Option<i64>,
    /// The last purged row, when old rows were purged.
    pub anchored_after: Option<i64>,
    /// The hash of the newest row (note it down to detect a later rewrite of the whole log).
    pub head_hash: String,
    /// The first row that does not fit, and why.
    pub broken: Option<(i64, Break)>,
}

/// Walks every row in id order from the anchor (or the start) and stops at the first that
/// does not fit.
pub async fn verify(conn: &mut Conn) -> Result<Verification, AppError> {
    let anchor = anchor(conn).await?;
    let mut expected = anchor
        .as_ref()
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| chain::GENESIS.to_string());
    let mut v = Verification {
        rows: 0,
        first_id: None,
        last_id: None,
        anchored_after: anchor.as_ref().map(|(id, _)| *id),
        head_hash: expected.clone(),
        broken: None,
    };
    let mut after = anchor.map(|(id, _)| id).unwrap_or(0);
    loop {
        let rows = rows_after(conn, after, false).await?;
        if rows.is_empty() {
            return Ok(v);
        }
        for r in rows {
            v.first_id.get_or_insert(r.id);
            v.last_id = Some(r.id);
            after = r.id;
            if let Err(b) = chain::check(
                &expected,
                &r.content(),
                r.prev_hash.as_deref(),
                r.hash.as_deref(),
            ) {
                v.broken = Some((r.id, b));
                return Ok(v);
            }
            v.rows += 1;
            expected = r.hash.unwrap_or_default();
            v.head_hash = expected.clone();
        }
    }
}

/// The newest row written before `before` (unix seconds): the last one an audit purge with
/// that cut-off removes, and how many rows go with it.
pub async fn purgeable(conn: &mut Conn, before: i64) -> Result<Option<(i64, u64)>, AppError> {
    let (through,): (Option<i64>,) = sqlx::query_as(PURGEABLE_1)
        .bind(before)
        .fetch_one(&mut *conn)
        .await?;
    let Some(through) = through else {
        return Ok(None);
    };
    // The purge takes a whole id range (ids follow commit order, `at` the clock; they agree
    // but for rows written in the same second).
    let (count,): (i64,) = sqlx::query_as(PURGEABLE_2)
        .bind(through)
        .fetch_one(&mut *conn)
        .await?;
    Ok(Some((through, count as u64)))
}

/// Deletes the rows up to and including `through`, first moving the anchor onto that row's
/// hash so the chain stays verifiable from the first remaining row. Returns the rows deleted.
pub async fn purge_through(conn: &mut Conn, through: i64, now: i64) -> Result<u64, AppError> {
    let (hash,): (Option<String>,) = sqlx::query_as(PURGE_THROUGH_1)
        .bind(through)
        .fetch_one(&mut *conn)
        .await?;
    let hash = hash.or_internal("the audit row sealed through has a hash")?;
    sqlx::query(PURGE_THROUGH_2)
        .bind(through)
        .bind(hash)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    let done = sqlx::query(PURGE_THROUGH_3)
        .bind(through)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}

crate::statements! {
    HEAD = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
    ANCHOR = "SELECT through_id, hash FROM audit_anchor WHERE id = 1";
    SEAL_UNSEALED_1 = "SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1";
    SEAL_UNSEALED_2 = "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ? AND hash IS NULL";
    PURGEABLE_1 = "SELECT MAX(id) FROM audit_log WHERE at < ?";
    PURGEABLE_2 = "SELECT COUNT(*) FROM audit_log WHERE id <= ?";
    PURGE_THROUGH_1 = "SELECT hash FROM audit_log WHERE id = ?";
    PURGE_THROUGH_2 = "INSERT INTO audit_anchor (id, through_id, hash, updated_at) VALUES (1, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET through_id = excluded.through_id, hash = excluded.hash,
             updated_at = excluded.updated_at";
    PURGE_THROUGH_3 = "DELETE FROM audit_log WHERE id <= ?";
    UNSEALED_ROWS_AFTER = "SELECT id, at, actor_user_id, action, entity, entity_id, reason, details, prev_hash, hash
         FROM audit_log WHERE id > ? AND hash IS NULL
           AND id < IFNULL((SELECT MIN(id) FROM audit_log WHERE hash IS NOT NULL), 9223372036854775807)
         ORDER BY id LIMIT ?";
    ROWS_AFTER = "SELECT id, at, actor_user_id, action, entity, entity_id, reason, details, prev_hash, hash
         FROM audit_log WHERE id > ? ORDER BY id LIMIT ?";
}
