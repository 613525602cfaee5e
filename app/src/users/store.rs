//! User rows. `UserRow` holds secrets and is never serialised; `UserAccount` is what leaves.

use super::types::{NewUser, Representation, UserAccount, UserPatch};
use crate::auth::types::Role;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::{AgencyId, UserId};

#[derive(sqlx::FromRow)]
pub struct UserRow {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: String,
    pub agency_id: Option<AgencyId>,
    pub active: bool,
    pub password_hash: String,
    pub totp_secret: Option<String>,
    pub totp_pending_secret: Option<String>,
    pub totp_last_step: i64,
}

impl UserRow {
    pub fn role(&self) -> Result<Role, AppError> {
        Role::parse(&self.role).or_internal("a known Role in the stored role")
    }
}

const ROW_COLUMNS: &str = "id, email, name, role, agency_id, active, password_hash, totp_secret,
     totp_pending_secret, totp_last_step";

pub async fn find_by_email(conn: &mut Conn, email: &str) -> Result<Option<UserRow>, AppError> {
    Ok(sqlx::query_as(FIND_BY_EMAIL)
        .bind(email.trim().to_lowercase())
        .fetch_optional(&mut *conn)
        .await?)
}

pub async fn get(conn: &mut Conn, id: UserId) -> Result<Option<UserRow>, AppError> {
    Ok(sqlx::query_as(GET)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: UserId,
    email: String,
    name: String,
    role: String,
    agency_id: Option<AgencyId>,
    agency_name: Option<String>,
    representation: String,
    active: bool,
    totp_enabled: bool,
    awaiting_confirmation: bool,
    created_at: i64,
}

impl TryFrom<AccountRow> for UserAccount {
    type Error = AppError;
    fn try_from(r: AccountRow) -> Result<Self, AppError> {
        Ok(UserAccount {
            id: r.id,
            email: r.email,
            name: r.name,
            role: Role::parse(&r.role).or_internal("a known Role in the stored role")?,
            agency_id: r.agency_id,
            agency_name: r.agency_name,
            representation: Representation::parse(&r.representation)
                .or_internal("a known Representation in the stored representation")?,
            active: r.active,
            totp_enabled: r.totp_enabled,
            awaiting_confirmation: r.awaiting_confirmation,
            created_at: crate::time::rfc3339(r.created_at),
        })
    }
}

const ACCOUNT_SELECT: &str =
    "SELECT u.id, u.email, u.name, u.role, u.agency_id, a.name AS agency_name,
        u.representation, u.active, (u.totp_secret IS NOT NULL) AS totp_enabled,
        EXISTS (SELECT 1 FROM access_requests r WHERE r.user_id = u.id AND r.state = 'pending')
            AS awaiting_confirmation,
        u.created_at
     FROM users u LEFT JOIN agencies a ON a.id = u.agency_id";

pub async fn list_accounts(conn: &mut Conn) -> Result<Vec<UserAccount>, AppError> {
    let rows: Vec<AccountRow> = sqlx::query_as(LIST_ACCOUNTS).fetch_all(&mut *conn).await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

pub async fn get_account(conn: &mut Conn, id: UserId) -> Result<Option<UserAccount>, AppError> {
    let row: Option<AccountRow> = sqlx::query_as(GET_ACCOUNT)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(TryInto::try_into).transpose()
}

pub async fn email_taken(conn: &mut Conn, email: &str) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(EMAIL_TAKEN)
        .bind(email)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

pub async fn insert(
    conn: &mut Conn,
    u: &NewUser,
    password_hash: &str,
    password_set_by: Option<UserId>,
    now: i64,
) -> Result<UserId, AppError> {
    let id: i64 = sqlx::query_scalar(INSERT)
        .bind(u.email.as_str())
        .bind(u.name.as_str())
        .bind(u.role.as_str())
        .bind(u.agency_id)
        .bind(u.representation.as_str())
        .bind(password_hash)
        .bind(password_set_by)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    Ok(UserId(id))
}

/// Applies the non-secret parts of `patch`. The password goes through `set_password`.
pub async fn update(
    conn: &mut Conn,
    id: UserId,
    patch: &UserPatch,
    now: i64,
) -> Result<(), AppError> {
    // Each field is set only when the patch names it: (given, value) pairs.
    sqlx::query(UPDATE_USER)
        .bind(now)
        .bind(patch.name.is_some())
        .bind(patch.name.as_ref().map(|v| v.as_str().to_string()))
        .bind(patch.role.is_some())
        .bind(patch.role.map(|v| v.as_str()))
        .bind(patch.agency_id.is_some())
        .bind(patch.agency_id.flatten())
        .bind(patch.representation.is_some())
        .bind(patch.representation.map(|v| v.as_str()))
        .bind(patch.active.is_some())
        .bind(patch.active)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Replaces the password; `set_by` names who else knows it (None: the owner chose it).
pub async fn set_password(
    conn: &mut Conn,
    id: UserId,
    hash: &str,
    set_by: Option<UserId>,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(SET_PASSWORD)
        .bind(hash)
        .bind(set_by)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Whether someone other than the owner set the account's current password.
pub async fn password_known_to_others(conn: &mut Conn, id: UserId) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(PASSWORD_KNOWN_TO_OTHERS)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

pub async fn set_totp_pending(conn: &mut Conn, id: UserId, secret: &str) -> Result<(), AppError> {
    sqlx::query(SET_TOTP_PENDING)
        .bind(secret)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Turns the pending secret into the active one, remembering the step just used.
pub async fn enable_totp(
    conn: &mut Conn,
    id: UserId,
    secret: &str,
    step: i64,
) -> Result<(), AppError> {
    sqlx::query(ENABLE_TOTP)
        .bind(secret)
        .bind(step)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The person's own language (`None`: follow the device and the browser).
pub async fn set_language(
    conn: &mut Conn,
    id: UserId,
    language: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(SET_LANGUAGE)
        .bind(language)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn disable_totp(conn: &mut Conn, id: UserId) -> Result<(), AppError> {
    sqlx::query(DISABLE_TOTP)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records that the code of `step` was used, only if it is newer than the last one.
/// Returns false when another request used this step (or a newer one) first.
pub async fn use_totp_step(conn: &mut Conn, id: UserId, step: i64) -> Result<bool, AppError> {
    let done = sqlx::query(USE_TOTP_STEP)
        .bind(step)
        .bind(id)
        .bind(step)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_active(
    conn: &mut Conn,
    id: UserId,
    active: bool,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(SET_ACTIVE)
        .bind(active)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

crate::statements! {
    FIND_BY_EMAIL = crate::sql!("SELECT ", ROW_COLUMNS, " FROM users WHERE email = ?");
    GET = crate::sql!("SELECT ", ROW_COLUMNS, " FROM users WHERE id = ?");
    LIST_ACCOUNTS = crate::sql!(ACCOUNT_SELECT, " ORDER BY u.active DESC, u.name COLLATE NOCASE");
    GET_ACCOUNT = crate::sql!(ACCOUNT_SELECT, " WHERE u.id = ?");
    EMAIL_TAKEN = "SELECT COUNT(*) FROM users WHERE email = ?";
    INSERT = "INSERT INTO users (email, name, role, agency_id, representation, active, password_hash, password_set_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id";
    SET_LANGUAGE = "UPDATE users SET language = ?, updated_at = ? WHERE id = ?";
    SET_PASSWORD = "UPDATE users SET password_hash = ?, password_set_by = ?, updated_at = ? WHERE id = ?";
    PASSWORD_KNOWN_TO_OTHERS = "SELECT COUNT(*) FROM users WHERE id = ? AND password_set_by IS NOT NULL";
    SET_TOTP_PENDING = "UPDATE users SET totp_pending_secret = ? WHERE id = ?";
    ENABLE_TOTP = "UPDATE users SET totp_secret = ?, totp_pending_secret = NULL, totp_last_step = ? WHERE id = ?";
    DISABLE_TOTP = "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL WHERE id = ?";
    USE_TOTP_STEP = "UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?";
    SET_ACTIVE = "UPDATE users SET active = ?, updated_at = ? WHERE id = ?";
    UPDATE_USER = "UPDATE users SET updated_at = ?,
            name = CASE WHEN ? THEN ? ELSE name END,
            role = CASE WHEN ? THEN ? ELSE role END,
            agency_id = CASE WHEN ? THEN ? ELSE agency_id END,
            representation = CASE WHEN ? THEN ? ELSE representation END,
            active = CASE WHEN ? THEN ? ELSE active END
        WHERE id = ?";
}
