//! Attendance rows: who came to a meeting for which agency, and acknowledgements.

use super::attendance::*;
use crate::auth::types::Role;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::MeetingId;
use crate::ids::{AgencyId, UserId};

#[derive(sqlx::FromRow)]
struct Row {
    user_id: UserId,
    name: String,
    role: String,
    agency_id: Option<AgencyId>,
    agency_name: Option<String>,
    status: Option<String>,
    observer: Option<bool>,
    acknowledged_at: Option<i64>,
}

/// Everyone expected at meetings (not administrators), with what is recorded for them.
pub async fn register(conn: &mut Conn, meeting: MeetingId) -> Result<Vec<AttendanceRow>, AppError> {
    let rows: Vec<Row> = sqlx::query_as(REGISTER)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|r| {
            let role = Role::parse(&r.role).or_internal("a known Role in the stored role")?;
            Ok(AttendanceRow {
                user_id: r.user_id,
                name: r.name,
                role,
                agency_id: r.agency_id,
                agency_name: r.agency_name,
                observer: r.observer.unwrap_or(role == Role::Observer),
                status: r
                    .status
                    .as_deref()
                    .and_then(|s| AttendanceStatus::parse(s).ok()),
                acknowledged_at: r.acknowledged_at.map(crate::time::rfc3339),
            })
        })
        .collect()
}

pub async fn set(
    conn: &mut Conn,
    meeting: MeetingId,
    user: UserId,
    status: AttendanceStatus,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(SET)
        .bind(meeting)
        .bind(status.as_str())
        .bind(now)
        .bind(user)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records the acknowledgement; someone acknowledging is present.
pub async fn acknowledge(
    conn: &mut Conn,
    meeting: MeetingId,
    user: UserId,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(ACKNOWLEDGE)
        .bind(meeting)
        .bind(now)
        .bind(now)
        .bind(user)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// When the user acknowledged the confidentiality statement for this meeting, if they did.
pub async fn acknowledged_at(
    conn: &mut Conn,
    meeting: MeetingId,
    user: UserId,
) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar::<_, Option<i64>>(ACKNOWLEDGED_AT_A)
        .bind(meeting)
        .bind(user)
        .fetch_optional(&mut *conn)
        .await?
        .flatten())
}

pub async fn continuity(
    conn: &mut Conn,
    from: i64,
    to: i64,
) -> Result<Vec<AgencyContinuity>, AppError> {
    let held: i64 = sqlx::query_scalar(CONTINUITY_1)
        .bind(from)
        .bind(to)
        .fetch_one(&mut *conn)
        .await?;
    let agencies: Vec<(AgencyId, String)> =
        sqlx::query_as(CONTINUITY_2).fetch_all(&mut *conn).await?;
    let rows: Vec<(AgencyId, MeetingId, String, String)> = sqlx::query_as(CONTINUITY_3)
        .bind(from)
        .bind(to)
        .fetch_all(&mut *conn)
        .await?;
    Ok(agencies
        .into_iter()
        .map(|(id, name)| {
            let mine: Vec<_> = rows.iter().filter(|r| r.0 == id).collect();
            let mut attended: Vec<MeetingId> = mine
                .iter()
                .filter(|r| r.2 == "present")
                .map(|r| r.1)
                .collect();
            attended.sort();
            attended.dedup();
            let mut apologised: Vec<MeetingId> = mine
                .iter()
                .filter(|r| r.2.starts_with("apologies") && !attended.contains(&r.1))
                .map(|r| r.1)
                .collect();
            apologised.sort();
            apologised.dedup();
            let mut people: Vec<(String, u32)> = Vec::new();
            for r in mine.iter().filter(|r| r.2 == "present") {
                match people.iter_mut().find(|(n, _)| *n == r.3) {
                    Some(p) => p.1 += 1,
                    None => people.push((r.3.clone(), 1)),
                }
            }
            people.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            AgencyContinuity {
                agency_id: id,
                agency_name: name,
                meetings_held: held as u32,
                meetings_attended: attended.len() as u32,
                apologies: apologised.len() as u32,
                people,
            }
        })
        .collect())
}

crate::statements! {
    REGISTER = "SELECT u.id AS user_id, u.name, u.role, u.agency_id, ag.name AS agency_name, a.status, a.observer, a.acknowledged_at
         FROM users u
         LEFT JOIN agencies ag ON ag.id = u.agency_id
         LEFT JOIN attendance a ON a.user_id = u.id AND a.meeting_id = ?
         WHERE (u.active = 1 AND u.role <> 'admin') OR a.user_id IS NOT NULL
         ORDER BY ag.name COLLATE NOCASE, u.name COLLATE NOCASE";
    SET = "INSERT INTO attendance (meeting_id, user_id, agency_id, status, observer, updated_at)
         SELECT ?, u.id, u.agency_id, ?, u.role = 'observer', ? FROM users u WHERE u.id = ?
         ON CONFLICT(meeting_id, user_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at";
    ACKNOWLEDGE = "INSERT INTO attendance (meeting_id, user_id, agency_id, status, observer, acknowledged_at, updated_at)
         SELECT ?, u.id, u.agency_id, 'present', u.role = 'observer', ?, ? FROM users u WHERE u.id = ?
         ON CONFLICT(meeting_id, user_id) DO UPDATE SET status = 'present',
             acknowledged_at = COALESCE(attendance.acknowledged_at, excluded.acknowledged_at), updated_at = excluded.updated_at";
    CONTINUITY_1 = "SELECT COUNT(*) FROM meetings WHERE starts_at >= ? AND starts_at < ? AND status IN ('closed','minutes_approved')";
    CONTINUITY_2 = "SELECT id, name FROM agencies WHERE active = 1 ORDER BY name COLLATE NOCASE";
    CONTINUITY_3 = "SELECT a.agency_id, a.meeting_id, a.status, u.name FROM attendance a
         JOIN meetings m ON m.id = a.meeting_id JOIN users u ON u.id = a.user_id
         WHERE m.starts_at >= ? AND m.starts_at < ? AND m.status IN ('closed','minutes_approved') AND a.agency_id IS NOT NULL";
    ACKNOWLEDGED_AT_A = "SELECT acknowledged_at FROM attendance WHERE meeting_id = ? AND user_id = ?";
}
