//! The outbox's SQL: rows written by changes, claimed and marked by the worker.

use super::service::Tell;
use super::types::{OutboxEntry, OutboxQuery, OutboxState};
use crate::auth::types::Role;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{AgencyId, UserId};

pub enum Recipients {
    User(UserId),
    Agency(AgencyId),
    Regular(AgencyId),
    Role(Role),
}

pub async fn insert(conn: &mut Conn, to: Recipients, t: &Tell) -> Result<(), AppError> {
    let (sql, bind): (&str, Bind) = match to {
        Recipients::User(u) => (TO_USER, Bind::Id(u.0)),
        Recipients::Agency(a) => (TO_AGENCY, Bind::Id(a.0)),
        Recipients::Regular(a) => (TO_REGULAR, Bind::Id(a.0)),
        Recipients::Role(r) => (TO_ROLE, Bind::Text(r.as_str())),
    };
    let params = (!t.params.is_null()).then(|| t.params.to_string());
    let q = sqlx::query(sql)
        .bind(t.kind.as_str())
        .bind(t.case)
        .bind(t.meeting)
        .bind(t.action)
        .bind(params)
        .bind(t.urgent)
        .bind(t.calendar.as_deref())
        .bind(t.once.as_deref())
        .bind(t.now)
        .bind(t.now);
    match bind {
        Bind::Id(id) => q.bind(id),
        Bind::Text(s) => q.bind(s),
    }
    .execute(&mut *conn)
    .await?;
    Ok(())
}

enum Bind {
    Id(i64),
    Text(&'static str),
}

pub async fn has_regular(conn: &mut Conn, agency: AgencyId) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(HAS_REGULAR)
        .bind(agency)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    kind: String,
    user_id: i64,
    reference: Option<String>,
    meeting_id: Option<i64>,
    state: String,
    delivery: Option<String>,
    attempts: i64,
    last_error: Option<String>,
    created_at: i64,
    sent_at: Option<i64>,
}

pub async fn list(conn: &mut Conn, q: &OutboxQuery) -> Result<Vec<OutboxEntry>, AppError> {
    let rows: Vec<EntryRow> = sqlx::query_as(LIST)
        .bind(q.state.map(|s| s.as_str()))
        .bind(q.limit())
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(OutboxEntry {
                id: r.id,
                kind: crate::notices::types::NoticeKind::parse(&r.kind)?,
                user_id: UserId(r.user_id),
                reference: r.reference,
                meeting_id: r.meeting_id.map(crate::ids::MeetingId),
                state: OutboxState::parse(&r.state)?,
                delivery: r
                    .delivery
                    .as_deref()
                    .and_then(super::types::Delivery::parse),
                attempts: r.attempts,
                last_error_text: r.last_error.as_deref().map(super::text::failure),
                last_error: r.last_error,
                created_at: crate::time::rfc3339(r.created_at),
                sent_at: r.sent_at.map(crate::time::rfc3339),
            })
        })
        .collect())
}

/// Puts a failed or interrupted message back in line; false if there is none such.
pub async fn retry(conn: &mut Conn, id: i64, now: i64) -> Result<bool, AppError> {
    let done = sqlx::query(RETRY)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn state_of(conn: &mut Conn, id: i64) -> Result<Option<OutboxState>, AppError> {
    let s: Option<String> = sqlx::query_scalar(STATE_OF)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(s.as_deref().and_then(OutboxState::parse))
}

/// A person's choices, and whether they are an agency's regular representative.
pub async fn preferences(
    conn: &mut Conn,
    user: UserId,
) -> Result<
    (
        Vec<(crate::notices::types::NoticeKind, super::types::Delivery)>,
        bool,
    ),
    AppError,
> {
    let rows: Vec<(String, String)> = sqlx::query_as(PREFERENCES)
        .bind(user)
        .fetch_all(&mut *conn)
        .await?;
    let regular: Option<String> = sqlx::query_scalar(REPRESENTATION)
        .bind(user)
        .fetch_optional(&mut *conn)
        .await?;
    let chosen = rows
        .into_iter()
        .filter_map(|(k, d)| {
            Some((
                crate::notices::types::NoticeKind::parse(&k)?,
                super::types::Delivery::parse(&d)?,
            ))
        })
        .collect();
    Ok((chosen, regular.as_deref() == Some("regular")))
}

pub async fn set_preference(
    conn: &mut Conn,
    user: UserId,
    kind: crate::notices::types::NoticeKind,
    delivery: super::types::Delivery,
) -> Result<(), AppError> {
    sqlx::query(SET_PREFERENCE)
        .bind(user)
        .bind(kind.as_str())
        .bind(delivery.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A row as the worker reads it: what to say, to whom, in which language.
#[derive(sqlx::FromRow, Debug, Clone)]
pub struct Waiting {
    pub id: i64,
    pub kind: String,
    pub user_id: i64,
    pub email: String,
    pub language: Option<String>,
    pub representation: String,
    pub chosen: Option<String>,
    pub case_id: Option<i64>,
    pub reference: Option<String>,
    pub meeting_id: Option<i64>,
    pub meeting_at: Option<i64>,
    pub action_id: Option<i64>,
    pub due_on: Option<String>,
    pub params: Option<String>,
    pub urgent: bool,
    pub calendar: Option<String>,
    pub created_at: i64,
    pub attempts: i64,
}

/// Rows not yet made into notices (oldest first).
pub async fn unnoticed(conn: &mut Conn, limit: i64) -> Result<Vec<Waiting>, AppError> {
    Ok(sqlx::query_as(UNNOTICED)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?)
}

pub async fn mark_noticed(
    conn: &mut Conn,
    id: i64,
    delivery: super::types::Delivery,
    state: super::types::OutboxState,
    now: i64,
    reason: Option<&str>,
) -> Result<(), AppError> {
    sqlx::query(MARK_NOTICED)
        .bind(now)
        .bind(delivery.as_str())
        .bind(state.as_str())
        .bind(reason)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Immediate messages whose time has come.
pub async fn due_now(conn: &mut Conn, now: i64, limit: i64) -> Result<Vec<Waiting>, AppError> {
    Ok(sqlx::query_as(DUE_NOW)
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?)
}

/// The people with digest rows waiting whose last digest was before `today`.
pub async fn digest_people(conn: &mut Conn, now: i64, today: &str) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar(DIGEST_PEOPLE)
        .bind(now)
        .bind(today)
        .fetch_all(&mut *conn)
        .await?)
}

pub async fn digest_rows(conn: &mut Conn, user: i64, now: i64) -> Result<Vec<Waiting>, AppError> {
    Ok(sqlx::query_as(DIGEST_ROWS)
        .bind(user)
        .bind(now)
        .fetch_all(&mut *conn)
        .await?)
}

/// Takes a pending row for sending; false when another worker took it first.
pub async fn claim(conn: &mut Conn, id: i64) -> Result<bool, AppError> {
    let done = sqlx::query(CLAIM).bind(id).execute(&mut *conn).await?;
    Ok(done.rows_affected() == 1)
}

pub async fn mark_sent(conn: &mut Conn, id: i64, now: i64) -> Result<(), AppError> {
    sqlx::query(MARK_SENT)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Back in line for `next`, or failed for good when `next` is `None`.
pub async fn mark_unsent(
    conn: &mut Conn,
    id: i64,
    next: Option<i64>,
    reason: &str,
) -> Result<(), AppError> {
    sqlx::query(MARK_UNSENT)
        .bind(next.is_some())
        .bind(next.unwrap_or(0))
        .bind(reason)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_digest_day(conn: &mut Conn, user: i64, day: &str) -> Result<(), AppError> {
    sqlx::query(SET_DIGEST_DAY)
        .bind(user)
        .bind(day)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// After a restart: what was being handed over when Convene stopped may or may not have
/// arrived, so it is not sent again by itself.
pub async fn interrupt_sending(conn: &mut Conn) -> Result<u64, AppError> {
    Ok(sqlx::query(INTERRUPT)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}

// The columns a row is chosen from, for `insert`: kind, case, meeting, action, params, urgent,
// calendar, once key, created, first attempt; then the recipients' condition.
crate::statements! {
    TO_USER = "INSERT INTO outbox (kind, user_id, case_id, meeting_id, action_id, params, urgent, calendar, once_key, created_at, next_attempt_at)
         SELECT ?1, id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 FROM users WHERE id = ?11 AND active = 1
         ON CONFLICT (once_key, user_id) DO NOTHING";
    TO_AGENCY = "INSERT INTO outbox (kind, user_id, case_id, meeting_id, action_id, params, urgent, calendar, once_key, created_at, next_attempt_at)
         SELECT ?1, id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 FROM users
         WHERE agency_id = ?11 AND active = 1 AND role IN ('member','observer')
         ON CONFLICT (once_key, user_id) DO NOTHING";
    TO_REGULAR = "INSERT INTO outbox (kind, user_id, case_id, meeting_id, action_id, params, urgent, calendar, once_key, created_at, next_attempt_at)
         SELECT ?1, id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 FROM users
         WHERE agency_id = ?11 AND active = 1 AND role IN ('member','observer') AND representation = 'regular'
         ON CONFLICT (once_key, user_id) DO NOTHING";
    TO_ROLE = "INSERT INTO outbox (kind, user_id, case_id, meeting_id, action_id, params, urgent, calendar, once_key, created_at, next_attempt_at)
         SELECT ?1, id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 FROM users WHERE role = ?11 AND active = 1
         ON CONFLICT (once_key, user_id) DO NOTHING";
    HAS_REGULAR = "SELECT COUNT(*) FROM users WHERE agency_id = ? AND active = 1 AND role IN ('member','observer') AND representation = 'regular'";
    LIST = "SELECT o.id, o.kind, o.user_id, c.reference, o.meeting_id, o.state, o.delivery, o.attempts, o.last_error, o.created_at, o.sent_at
         FROM outbox o LEFT JOIN cases c ON c.id = o.case_id
         WHERE (?1 IS NULL OR o.state = ?1) ORDER BY o.id DESC LIMIT ?2";
    RETRY = "UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = NULL, attempts = 0
         WHERE id = ? AND state IN ('failed','interrupted')";
    STATE_OF = "SELECT state FROM outbox WHERE id = ?";
    PREFERENCES = "SELECT kind, delivery FROM notification_preferences WHERE user_id = ?";
    REPRESENTATION = "SELECT representation FROM users WHERE id = ?";
    SET_PREFERENCE = "INSERT INTO notification_preferences (user_id, kind, delivery) VALUES (?, ?, ?)
         ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery";
    WAITING = "SELECT o.id, o.kind, o.user_id, u.email, u.language, u.representation, p.delivery AS chosen,
            o.case_id, c.reference, o.meeting_id, m.starts_at AS meeting_at, o.action_id, a.due_on,
            o.params, o.urgent, o.calendar, o.created_at, o.attempts
         FROM outbox o JOIN users u ON u.id = o.user_id
         LEFT JOIN notification_preferences p ON p.user_id = o.user_id AND p.kind = o.kind
         LEFT JOIN cases c ON c.id = o.case_id
         LEFT JOIN meetings m ON m.id = o.meeting_id
         LEFT JOIN actions a ON a.id = o.action_id";
    UNNOTICED = crate::sql!(WAITING, " WHERE o.noticed_at IS NULL ORDER BY o.id LIMIT ?");
    DUE_NOW = crate::sql!(WAITING, " WHERE o.state = 'pending' AND o.delivery = 'immediate' AND o.next_attempt_at <= ? ORDER BY o.id LIMIT ?");
    DIGEST_ROWS = crate::sql!(WAITING, " WHERE o.user_id = ?1 AND o.state = 'pending' AND o.delivery = 'digest' AND o.created_at < ?2 AND o.next_attempt_at <= ?2 ORDER BY o.id");
    MARK_NOTICED = "UPDATE outbox SET noticed_at = ?, delivery = ?, state = ?, last_error = ? WHERE id = ?";
    DIGEST_PEOPLE = "SELECT DISTINCT o.user_id FROM outbox o LEFT JOIN mail_digests d ON d.user_id = o.user_id
         WHERE o.state = 'pending' AND o.delivery = 'digest' AND o.created_at < ?1 AND o.next_attempt_at <= ?1
           AND (d.last_day IS NULL OR d.last_day < ?2)";
    CLAIM = "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'pending'";
    MARK_SENT = "UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?";
    MARK_UNSENT = "UPDATE outbox SET state = CASE WHEN ?1 THEN 'pending' ELSE 'failed' END,
         next_attempt_at = CASE WHEN ?1 THEN ?2 ELSE next_attempt_at END, last_error = ?3 WHERE id = ?4";
    SET_DIGEST_DAY = "INSERT INTO mail_digests (user_id, last_day) VALUES (?, ?)
         ON CONFLICT (user_id) DO UPDATE SET last_day = excluded.last_day";
    INTERRUPT = "UPDATE outbox SET state = 'interrupted', last_error = 'interrupted' WHERE state = 'sending'";
}
