//! Sessions and the sign-in brakes' counters.

use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{AgencyId, UserId};

pub async fn insert_session(
    conn: &mut Conn,
    id: &str,
    user_id: UserId,
    now: i64,
    expires_at: i64,
) -> Result<(), AppError> {
    sqlx::query(INSERT_SESSION)
        .bind(id)
        .bind(user_id)
        .bind(now)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn delete_session(conn: &mut Conn, id: &str) -> Result<(), AppError> {
    sqlx::query(DELETE_SESSION)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ends every session of `user` but `keep`.
pub async fn delete_other_sessions(
    conn: &mut Conn,
    user: UserId,
    keep: &str,
) -> Result<(), AppError> {
    sqlx::query(DELETE_OTHER_SESSIONS)
        .bind(user)
        .bind(keep)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn delete_sessions_of(conn: &mut Conn, user: UserId) -> Result<(), AppError> {
    sqlx::query(DELETE_SESSIONS_OF)
        .bind(user)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
pub struct SessionRow {
    pub id: String,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub user_id: UserId,
    pub email: String,
    pub name: String,
    pub role: String,
    pub agency_id: Option<AgencyId>,
    pub totp_enabled: bool,
    pub require_totp: Option<String>,
    pub language: Option<String>,
}

/// The session with this id and its user, while the user is active.
pub async fn find_session(conn: &mut Conn, id: &str) -> Result<Option<SessionRow>, AppError> {
    Ok(sqlx::query_as(FIND_SESSION)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

pub async fn touch_session(conn: &mut Conn, id: &str, now: i64) -> Result<(), AppError> {
    sqlx::query(TOUCH_SESSION)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Consecutive failures and the last one's time, for a hashed (account, address) key.
pub async fn address_failures(conn: &mut Conn, key: &str) -> Result<Option<(i64, i64)>, AppError> {
    Ok(sqlx::query_as(ADDRESS_FAILURES)
        .bind(key)
        .fetch_optional(&mut *conn)
        .await?)
}

pub async fn count_address_failure(conn: &mut Conn, key: &str, now: i64) -> Result<(), AppError> {
    sqlx::query(COUNT_ADDRESS_FAILURE)
        .bind(key)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn clear_address_failures(conn: &mut Conn, key: &str) -> Result<(), AppError> {
    sqlx::query(CLEAR_ADDRESS_FAILURES)
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Failures against a hashed account after `since`, and the time of the last.
pub async fn account_failures(
    conn: &mut Conn,
    account: &str,
    since: i64,
) -> Result<(i64, Option<i64>), AppError> {
    Ok(sqlx::query_as(ACCOUNT_FAILURES)
        .bind(account)
        .bind(since)
        .fetch_one(&mut *conn)
        .await?)
}

/// Forgets the account's failures up to `until`, then counts one at `now`.
pub async fn count_account_failure(
    conn: &mut Conn,
    account: &str,
    until: i64,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(FORGET_ACCOUNT_FAILURES)
        .bind(account)
        .bind(until)
        .execute(&mut *conn)
        .await?;
    sqlx::query(COUNT_ACCOUNT_FAILURE)
        .bind(account)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Notes that the account's people are told at `now`, unless they were after `told_after`;
/// whether they are to be told.
pub async fn claim_lock_notice(
    conn: &mut Conn,
    account: &str,
    now: i64,
    told_after: i64,
) -> Result<bool, AppError> {
    let n = sqlx::query(CLAIM_LOCK_NOTICE)
        .bind(account)
        .bind(now)
        .bind(told_after)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n > 0)
}

crate::statements! {
    INSERT_SESSION = "INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)";
    DELETE_SESSION = "DELETE FROM sessions WHERE id = ?";
    DELETE_OTHER_SESSIONS = "DELETE FROM sessions WHERE user_id = ? AND id <> ?";
    DELETE_SESSIONS_OF = "DELETE FROM sessions WHERE user_id = ?";
    FIND_SESSION = "SELECT s.id, s.last_seen_at, s.expires_at, u.id AS user_id, u.email, u.name, u.role,
                u.agency_id, (u.totp_secret IS NOT NULL) AS totp_enabled,
                (SELECT value FROM settings WHERE key = 'require_totp') AS require_totp, u.language
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id = ? AND u.active = 1";
    TOUCH_SESSION = "UPDATE sessions SET last_seen_at = ? WHERE id = ?";
    ADDRESS_FAILURES = "SELECT failures, last_failure_at FROM sign_in_failures WHERE key = ?";
    COUNT_ADDRESS_FAILURE = "INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES (?, 1, ?)
         ON CONFLICT(key) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at";
    CLEAR_ADDRESS_FAILURES = "DELETE FROM sign_in_failures WHERE key = ?";
    ACCOUNT_FAILURES = "SELECT COUNT(*), MAX(at) FROM account_sign_in_failures WHERE account = ? AND at > ?";
    FORGET_ACCOUNT_FAILURES = "DELETE FROM account_sign_in_failures WHERE account = ? AND at <= ?";
    COUNT_ACCOUNT_FAILURE = "INSERT INTO account_sign_in_failures (account, at) VALUES (?, ?)";
    CLAIM_LOCK_NOTICE = "INSERT INTO account_sign_in_locks (account, notified_at) VALUES (?, ?)
         ON CONFLICT(account) DO UPDATE SET notified_at = excluded.notified_at
         WHERE account_sign_in_locks.notified_at <= ?";
}
