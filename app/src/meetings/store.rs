//! Meeting and series rows.

use super::types::*;
use crate::cases::types::PersonRef;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::{MeetingId, SeriesId, UserId};

#[derive(sqlx::FromRow)]
struct Row {
    id: MeetingId,
    series_id: Option<SeriesId>,
    starts_at: i64,
    ends_at: i64,
    place: Option<String>,
    video_link: Option<String>,
    chair_id: Option<UserId>,
    chair_name: Option<String>,
    chair_agency: Option<String>,
    status: String,
    agenda_published_at: Option<i64>,
    cancelled_at: Option<i64>,
    cancel_reason: Option<String>,
    sequence: i64,
}

const SELECT: &str = "SELECT m.id, m.series_id, m.starts_at, m.ends_at, m.place, m.video_link, m.chair_id,
        u.name AS chair_name, a.name AS chair_agency, m.status, m.agenda_published_at,
        m.cancelled_at, m.cancel_reason, m.sequence
    FROM meetings m LEFT JOIN users u ON u.id = m.chair_id LEFT JOIN agencies a ON a.id = u.agency_id";

fn to_meeting(r: Row, research_due_hours: u32) -> Result<Meeting, AppError> {
    Ok(Meeting {
        id: r.id,
        series_id: r.series_id,
        starts_at: crate::time::rfc3339(r.starts_at),
        starts_at_unix: r.starts_at,
        ends_at: crate::time::rfc3339(r.ends_at),
        ends_at_unix: r.ends_at,
        place: r.place,
        video_link: r.video_link,
        chair: match (r.chair_id, r.chair_name) {
            (Some(id), Some(name)) => Some(PersonRef {
                id,
                name,
                agency_name: r.chair_agency,
            }),
            _ => None,
        },
        // The stored status stays what it was when cancelled; cancelled_at decides.
        status: match r.cancelled_at {
            Some(_) => MeetingStatus::Cancelled,
            None => MeetingStatus::parse(&r.status)
                .or_internal("a known MeetingStatus in the stored status")?,
        },
        agenda_published_at: r.agenda_published_at.map(crate::time::rfc3339),
        research_due_unix: r.starts_at - research_due_hours as i64 * 3600,
        cancel_reason: r.cancel_reason,
        sequence: r.sequence,
    })
}

pub async fn get(
    conn: &mut Conn,
    id: MeetingId,
    research_due_hours: u32,
) -> Result<Option<Meeting>, AppError> {
    let row: Option<Row> = sqlx::query_as(GET)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| to_meeting(r, research_due_hours)).transpose()
}

pub async fn list(
    conn: &mut Conn,
    from: Option<i64>,
    to: Option<i64>,
    research_due_hours: u32,
) -> Result<Vec<Meeting>, AppError> {
    let rows: Vec<Row> = sqlx::query_as(LIST)
        .bind(from)
        .bind(from)
        .bind(to)
        .bind(to)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|r| to_meeting(r, research_due_hours))
        .collect()
}

/// The meeting held (or due) just before this one, and just after it.
pub async fn neighbour(
    conn: &mut Conn,
    id: MeetingId,
    before: bool,
) -> Result<Option<MeetingId>, AppError> {
    let sql = if before {
        PREVIOUS_MEETING
    } else {
        NEXT_MEETING
    };
    Ok(sqlx::query_scalar(sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

pub async fn insert(
    conn: &mut Conn,
    series: Option<SeriesId>,
    m: &NewMeeting,
    now: i64,
) -> Result<MeetingId, AppError> {
    let id: i64 = sqlx::query_scalar(INSERT)
        .bind(series)
        .bind(m.starts_at)
        .bind(m.ends_at)
        .bind(&m.place)
        .bind(&m.video_link)
        .bind(m.chair_id)
        // A series meeting stands for the occurrence it was scheduled on, even once moved.
        .bind(series.map(|_| m.starts_at))
        .bind(now)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    Ok(MeetingId(id))
}

pub async fn update(
    conn: &mut Conn,
    id: MeetingId,
    p: &MeetingPatch,
    now: i64,
) -> Result<(), AppError> {
    // Each field is set only when the patch names it: (given, value) pairs.
    sqlx::query(UPDATE_MEETING)
        .bind(now)
        .bind(p.starts_at.is_some())
        .bind(p.starts_at)
        .bind(p.ends_at.is_some())
        .bind(p.ends_at)
        .bind(p.place.is_some())
        .bind(p.place.clone().flatten())
        .bind(p.video_link.is_some())
        .bind(p.video_link.clone().flatten())
        .bind(p.chair_id.is_some())
        .bind(p.chair_id.flatten())
        .bind(p.status.is_some())
        .bind(p.status.map(|v| v.as_str()))
        .bind(id)
        .execute(&mut *conn)
        .await
        // Two meetings of a series cannot start at the same moment (a unique index): moving
        // one onto another's start is the caller's mistake, not a failure of ours.
        .map_err(|e| match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => {
                AppError::validation("starts_at", super::text::SERIES_SLOT_TAKEN)
            }
            _ => AppError::from(e),
        })?;
    Ok(())
}

pub async fn set_status(
    conn: &mut Conn,
    id: MeetingId,
    status: MeetingStatus,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(SET_STATUS)
        .bind(status.as_str())
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn insert_series(conn: &mut Conn, s: &NewSeries, now: i64) -> Result<SeriesId, AppError> {
    use chrono::Datelike;
    let id: i64 = sqlx::query_scalar(INSERT_SERIES)
        .bind(&s.name)
        .bind(s.every_weeks as i64)
        .bind(s.first_date.weekday().number_from_monday() as i64)
        .bind(s.start_time.format("%H:%M").to_string())
        .bind(s.duration_minutes as i64)
        .bind(&s.place)
        .bind(&s.video_link)
        .bind(s.default_chair_id)
        .bind(s.first_date.format("%Y-%m-%d").to_string())
        .bind(now)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    Ok(SeriesId(id))
}

#[derive(sqlx::FromRow)]
struct SeriesRow {
    id: SeriesId,
    name: String,
    every_weeks: i64,
    weekday: i64,
    start_time: String,
    duration_minutes: i64,
    place: Option<String>,
    video_link: Option<String>,
    default_chair_id: Option<UserId>,
    ends_on: Option<String>,
}

pub async fn series(conn: &mut Conn) -> Result<Vec<Series>, AppError> {
    let rows: Vec<SeriesRow> = sqlx::query_as(SERIES).fetch_all(&mut *conn).await?;
    Ok(rows
        .into_iter()
        .map(|r| Series {
            id: r.id,
            name: r.name,
            every_weeks: r.every_weeks as u32,
            weekday: r.weekday as u32,
            start_time: r.start_time,
            duration_minutes: r.duration_minutes as u32,
            place: r.place,
            video_link: r.video_link,
            default_chair_id: r.default_chair_id,
            ends_on: r.ends_on,
        })
        .collect())
}

pub async fn exists_at(
    conn: &mut Conn,
    series: SeriesId,
    starts_at: i64,
) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(EXISTS_AT)
        .bind(series)
        .bind(starts_at)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

pub async fn user_is_active(conn: &mut Conn, id: UserId) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(USER_IS_ACTIVE)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

pub async fn calendar_token(conn: &mut Conn, user: UserId) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar(CALENDAR_TOKEN)
        .bind(user)
        .fetch_one(&mut *conn)
        .await?)
}

/// Keeps a new calendar token only as its hash (to find the owner) and a sealed copy.
pub async fn set_calendar_token(
    conn: &mut Conn,
    user: UserId,
    sealed: &str,
    hash: &str,
) -> Result<(), AppError> {
    sqlx::query(SET_CALENDAR_TOKEN)
        .bind(sealed)
        .bind(hash)
        .bind(user)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn user_by_calendar_token_hash(
    conn: &mut Conn,
    hash: &str,
) -> Result<Option<UserId>, AppError> {
    Ok(sqlx::query_scalar(USER_BY_CALENDAR_TOKEN_HASH)
        .bind(hash)
        .fetch_optional(&mut *conn)
        .await?)
}

crate::statements! {
    GET = crate::sql!(SELECT, " WHERE m.id = ?");
    LIST = crate::sql!(SELECT, " WHERE (? IS NULL OR m.starts_at >= ?) AND (? IS NULL OR m.starts_at < ?) ORDER BY m.starts_at");
    INSERT = "INSERT INTO meetings (series_id, starts_at, ends_at, place, video_link, chair_id, series_slot, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?) RETURNING id";
    SET_STATUS = "UPDATE meetings SET status = ?, updated_at = ? WHERE id = ?";
    INSERT_SERIES = "INSERT INTO meeting_series (name, every_weeks, weekday, start_time, duration_minutes, place, video_link,
             default_chair_id, anchor_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    SERIES = "SELECT id, name, every_weeks, weekday, start_time, duration_minutes, place, video_link, default_chair_id, ends_on
         FROM meeting_series ORDER BY id";
    EXISTS_AT = "SELECT COUNT(*) FROM meetings WHERE series_id = ? AND starts_at = ?";
    USER_IS_ACTIVE = "SELECT COUNT(*) FROM users WHERE id = ? AND active = 1 AND role IN ('chair','coordinator','member')";
    CALENDAR_TOKEN = "SELECT calendar_token FROM users WHERE id = ?";
    SET_CALENDAR_TOKEN = "UPDATE users SET calendar_token = ?, calendar_token_hash = ? WHERE id = ?";
    USER_BY_CALENDAR_TOKEN_HASH = "SELECT id FROM users WHERE calendar_token_hash = ? AND active = 1";
    PREVIOUS_MEETING = "SELECT id FROM meetings WHERE cancelled_at IS NULL AND starts_at < (SELECT starts_at FROM meetings WHERE id = ?) ORDER BY starts_at DESC LIMIT 1";
    NEXT_MEETING = "SELECT id FROM meetings WHERE cancelled_at IS NULL AND starts_at > (SELECT starts_at FROM meetings WHERE id = ?) ORDER BY starts_at LIMIT 1";
    UPDATE_MEETING = "UPDATE meetings SET updated_at = ?,
            starts_at = CASE WHEN ? THEN ? ELSE starts_at END,
            ends_at = CASE WHEN ? THEN ? ELSE ends_at END,
            place = CASE WHEN ? THEN ? ELSE place END,
            video_link = CASE WHEN ? THEN ? ELSE video_link END,
            chair_id = CASE WHEN ? THEN ? ELSE chair_id END,
            status = CASE WHEN ? THEN ? ELSE status END
        WHERE id = ?";
}
