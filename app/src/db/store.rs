//! SQL for the database's own housekeeping: wrapped data keys, clear secrets left by older
//! versions, and what a backup holds.

use crate::db::Conn;

pub async fn data_key(conn: &mut Conn, id: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT wrapped FROM data_keys WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn data_key_count(conn: &mut Conn) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM data_keys")
        .fetch_one(&mut *conn)
        .await
}

pub async fn put_data_key(
    conn: &mut Conn,
    id: &str,
    wrapped: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT OR REPLACE INTO data_keys (id, wrapped, created_at) VALUES (?, ?, ?)")
        .bind(id)
        .bind(wrapped)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

pub async fn delete_other_data_keys(conn: &mut Conn, keep: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM data_keys WHERE id <> ?")
        .bind(keep)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// A user's secrets as an older version stored them: (id, totp, pending totp, calendar token),
/// each only if it is not sealed yet.
pub type ClearSecrets = (i64, Option<String>, Option<String>, Option<String>);

pub async fn clear_secrets(conn: &mut Conn) -> Result<Vec<ClearSecrets>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id,
                CASE WHEN totp_secret NOT LIKE 'sealed1:%' THEN totp_secret END,
                CASE WHEN totp_pending_secret NOT LIKE 'sealed1:%' THEN totp_pending_secret END,
                CASE WHEN calendar_token NOT LIKE 'sealed1:%' THEN calendar_token END
         FROM users
         WHERE totp_secret NOT LIKE 'sealed1:%' OR totp_pending_secret NOT LIKE 'sealed1:%'
            OR calendar_token NOT LIKE 'sealed1:%'",
    )
    .fetch_all(&mut *conn)
    .await
}

pub async fn seal_totp(
    conn: &mut Conn,
    user: i64,
    secret: Option<&str>,
    pending: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET totp_secret = COALESCE(?, totp_secret),
                          totp_pending_secret = COALESCE(?, totp_pending_secret) WHERE id = ?",
    )
    .bind(secret)
    .bind(pending)
    .bind(user)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

pub async fn seal_calendar_token(
    conn: &mut Conn,
    user: i64,
    sealed: &str,
    hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET calendar_token = ?, calendar_token_hash = ? WHERE id = ?")
        .bind(sealed)
        .bind(hash)
        .bind(user)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The newest migration applied, or none for a database that was never migrated.
pub async fn schema_version(conn: &mut Conn) -> Result<Option<i64>, sqlx::Error> {
    let has: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(&mut *conn)
    .await?;
    if has == 0 {
        return Ok(None);
    }
    sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success = 1")
        .fetch_one(&mut *conn)
        .await
}

pub async fn table_names(conn: &mut Conn) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await
}

/// Rows in `table`, which must be one of [`table_names`] (names cannot be bound).
pub async fn row_count(conn: &mut Conn, table: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM \"{}\"",
        table.replace('"', "")
    ))
    .fetch_one(&mut *conn)
    .await
}

pub async fn integrity_check(conn: &mut Conn) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await
}
