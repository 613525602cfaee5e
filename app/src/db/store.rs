//! SQL for the database's own housekeeping: wrapped data keys, clear secrets left by older
//! versions, and what a backup holds.

use crate::db::Conn;

pub async fn data_key(conn: &mut Conn, id: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(DATA_KEY)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn data_key_count(conn: &mut Conn) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(DATA_KEY_COUNT)
        .fetch_one(&mut *conn)
        .await
}

pub async fn put_data_key(
    conn: &mut Conn,
    id: &str,
    wrapped: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(PUT_DATA_KEY)
        .bind(id)
        .bind(wrapped)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

pub async fn delete_other_data_keys(conn: &mut Conn, keep: &str) -> Result<(), sqlx::Error> {
    sqlx::query(DELETE_OTHER_DATA_KEYS)
        .bind(keep)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// A user's secrets as an older version stored them: (id, totp, pending totp, calendar token),
/// each only if it is not sealed yet.
pub type ClearSecrets = (i64, Option<String>, Option<String>, Option<String>);

pub async fn clear_secrets(conn: &mut Conn) -> Result<Vec<ClearSecrets>, sqlx::Error> {
    sqlx::query_as(CLEAR_SECRETS).fetch_all(&mut *conn).await
}

pub async fn seal_totp(
    conn: &mut Conn,
    user: i64,
    secret: Option<&str>,
    pending: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(SEAL_TOTP)
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
    sqlx::query(SEAL_CALENDAR_TOKEN)
        .bind(sealed)
        .bind(hash)
        .bind(user)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The newest migration applied, or none for a database that was never migrated.
pub async fn schema_version(conn: &mut Conn) -> Result<Option<i64>, sqlx::Error> {
    let has: i64 = sqlx::query_scalar(SCHEMA_VERSION_1)
        .fetch_one(&mut *conn)
        .await?;
    if has == 0 {
        return Ok(None);
    }
    sqlx::query_scalar(SCHEMA_VERSION_2)
        .fetch_one(&mut *conn)
        .await
}

pub async fn table_names(conn: &mut Conn) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(TABLE_NAMES).fetch_all(&mut *conn).await
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
    sqlx::query_scalar(INTEGRITY_CHECK)
        .fetch_all(&mut *conn)
        .await
}

crate::statements! {
    DATA_KEY = "SELECT wrapped FROM data_keys WHERE id = ?";
    DATA_KEY_COUNT = "SELECT COUNT(*) FROM data_keys";
    PUT_DATA_KEY = "INSERT OR REPLACE INTO data_keys (id, wrapped, created_at) VALUES (?, ?, ?)";
    DELETE_OTHER_DATA_KEYS = "DELETE FROM data_keys WHERE id <> ?";
    CLEAR_SECRETS = "SELECT id,
                CASE WHEN totp_secret NOT LIKE 'sealed1:%' THEN totp_secret END,
                CASE WHEN totp_pending_secret NOT LIKE 'sealed1:%' THEN totp_pending_secret END,
                CASE WHEN calendar_token NOT LIKE 'sealed1:%' THEN calendar_token END
         FROM users
         WHERE totp_secret NOT LIKE 'sealed1:%' OR totp_pending_secret NOT LIKE 'sealed1:%'
            OR calendar_token NOT LIKE 'sealed1:%'";
    SEAL_TOTP = "UPDATE users SET totp_secret = COALESCE(?, totp_secret),
                          totp_pending_secret = COALESCE(?, totp_pending_secret) WHERE id = ?";
    SEAL_CALENDAR_TOKEN = "UPDATE users SET calendar_token = ?, calendar_token_hash = ? WHERE id = ?";
    SCHEMA_VERSION_1 = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'";
    SCHEMA_VERSION_2 = "SELECT MAX(version) FROM _sqlx_migrations WHERE success = 1";
    TABLE_NAMES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
    INTEGRITY_CHECK = "PRAGMA integrity_check";
}
