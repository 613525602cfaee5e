//! An account's own sign-in credentials, for signing in and for "Your account": reading the
//! account, and its owner changing their password and two-factor set-up. Changes made by an
//! administrator go through `users::service` and the two-person rule instead.

use super::store;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::UserId;

/// The stored account, hash and two-factor secret included: for the sign-in checks only.
pub use super::store::UserRow as Credentials;

pub async fn by_email(conn: &mut Conn, email: &str) -> Result<Option<Credentials>, AppError> {
    store::find_by_email(conn, email).await
}

pub async fn by_id(conn: &mut Conn, id: UserId) -> Result<Option<Credentials>, AppError> {
    store::get(conn, id).await
}

/// A code is good once: `false` when this step (or a later one) was used already.
pub async fn use_totp_step(conn: &mut Conn, id: UserId, step: i64) -> Result<bool, AppError> {
    store::use_totp_step(conn, id, step).await
}

/// The owner chose this password, so the two-person rule has nothing to renew.
pub async fn set_own_password(
    conn: &mut Conn,
    id: UserId,
    hash: &str,
    now: i64,
) -> Result<(), AppError> {
    store::set_password(conn, id, hash, None, now).await
}

pub async fn set_totp_pending(conn: &mut Conn, id: UserId, sealed: &str) -> Result<(), AppError> {
    store::set_totp_pending(conn, id, sealed).await
}

pub async fn enable_totp(
    conn: &mut Conn,
    id: UserId,
    sealed: &str,
    step: i64,
) -> Result<(), AppError> {
    store::enable_totp(conn, id, sealed, step).await
}

pub async fn disable_totp(conn: &mut Conn, id: UserId) -> Result<(), AppError> {
    store::disable_totp(conn, id).await
}
