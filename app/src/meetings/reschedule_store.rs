//! Rows for moving and cancelling meetings and for a series' rhythm over time.

use super::reschedule_types::Rhythm;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{MeetingId, SeriesId, UserId};
use chrono::{NaiveDate, NaiveTime};

/// A series as the job and its edits need it.
#[derive(Debug, Clone)]
pub struct SeriesRow {
    pub id: SeriesId,
    pub rhythm: Rhythm,
    pub place: Option<String>,
    pub video_link: Option<String>,
    pub default_chair_id: Option<UserId>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: SeriesId,
    every_weeks: i64,
    weekday: i64,
    start_time: String,
    duration_minutes: i64,
    place: Option<String>,
    video_link: Option<String>,
    default_chair_id: Option<UserId>,
    anchor_on: Option<String>,
    ends_on: Option<String>,
    first_start: Option<i64>,
}

fn day(s: &Option<String>) -> Option<NaiveDate> {
    s.as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

fn to_series(r: Row) -> Option<SeriesRow> {
    // A series made before anchors were kept counts from its first meeting.
    let anchor =
        day(&r.anchor_on).or_else(|| r.first_start.map(super::reschedule_types::local_day))?;
    Some(SeriesRow {
        id: r.id,
        rhythm: Rhythm {
            every_weeks: r.every_weeks as u32,
            weekday: r.weekday as u32,
            start_time: NaiveTime::parse_from_str(&r.start_time, "%H:%M").ok()?,
            duration_minutes: r.duration_minutes as u32,
            anchor,
            ends_on: day(&r.ends_on),
        },
        place: r.place,
        video_link: r.video_link,
        default_chair_id: r.default_chair_id,
    })
}

/// Every series that has not ended before `today`.
pub async fn active_series(conn: &mut Conn, today: NaiveDate) -> Result<Vec<SeriesRow>, AppError> {
    let rows: Vec<Row> = sqlx::query_as(ACTIVE_SERIES)
        .bind(today.format("%Y-%m-%d").to_string())
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.into_iter().filter_map(to_series).collect())
}

pub async fn series(conn: &mut Conn, id: SeriesId) -> Result<Option<SeriesRow>, AppError> {
    let row: Option<Row> = sqlx::query_as(ONE_SERIES)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.and_then(to_series))
}

pub async fn set_rhythm(conn: &mut Conn, s: &SeriesRow, now: i64) -> Result<(), AppError> {
    let r = &s.rhythm;
    sqlx::query(SET_RHYTHM)
        .bind(r.every_weeks as i64)
        .bind(r.weekday as i64)
        .bind(r.start_time.format("%H:%M").to_string())
        .bind(r.duration_minutes as i64)
        .bind(&s.place)
        .bind(&s.video_link)
        .bind(r.anchor.format("%Y-%m-%d").to_string())
        .bind(r.ends_on.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(now)
        .bind(s.id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The series' meetings still to come (not cancelled) that start after `now`.
pub async fn future_count(conn: &mut Conn, series: SeriesId, now: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(FUTURE_COUNT)
        .bind(series)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?)
}

/// Whether a meeting of the series stands for (or starts at) this occurrence.
pub async fn slot_taken(conn: &mut Conn, series: SeriesId, slot: i64) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(SLOT_TAKEN)
        .bind(series)
        .bind(slot)
        .bind(slot)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// The series' meetings (not cancelled) starting at or after `from`, with their stored status
/// ('draft' or later), in order.
pub async fn meetings_from(
    conn: &mut Conn,
    series: SeriesId,
    from: i64,
) -> Result<Vec<(MeetingId, String)>, AppError> {
    Ok(sqlx::query_as(MEETINGS_FROM)
        .bind(series)
        .bind(from)
        .fetch_all(&mut *conn)
        .await?)
}

/// Takes a draft out of the way of the unique (series, start) and (series, slot) indexes
/// while its series is laid out again.
pub async fn park(conn: &mut Conn, id: MeetingId) -> Result<(), AppError> {
    sqlx::query(PARK).bind(id).execute(&mut *conn).await?;
    Ok(())
}

/// A series' draft on a new occurrence: it now stands for that slot.
#[allow(clippy::too_many_arguments)]
pub async fn reschedule(
    conn: &mut Conn,
    id: MeetingId,
    starts_at: i64,
    ends_at: i64,
    place: Option<&str>,
    video_link: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(RESCHEDULE)
        .bind(starts_at)
        .bind(ends_at)
        .bind(starts_at)
        .bind(place)
        .bind(video_link)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A meeting to a new time (and place, when given); its calendar version goes up.
pub async fn move_to(
    conn: &mut Conn,
    id: MeetingId,
    starts_at: i64,
    ends_at: i64,
    place: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(MOVE_TO)
        .bind(starts_at)
        .bind(ends_at)
        .bind(place)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => {
                AppError::validation("starts_at", super::text::SERIES_SLOT_TAKEN)
            }
            _ => AppError::from(e),
        })?;
    Ok(())
}

pub async fn cancel(
    conn: &mut Conn,
    id: MeetingId,
    reason: &str,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(CANCEL)
        .bind(now)
        .bind(reason)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The group's next meeting after this one that can still take cases: not cancelled, not
/// started.
pub async fn next_open(conn: &mut Conn, id: MeetingId) -> Result<Option<MeetingId>, AppError> {
    Ok(sqlx::query_scalar(NEXT_OPEN)
        .bind(id)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

crate::statements! {
    SERIES_COLUMNS = "SELECT s.id, s.every_weeks, s.weekday, s.start_time, s.duration_minutes, s.place, s.video_link,
            s.default_chair_id, s.anchor_on, s.ends_on,
            (SELECT MIN(m.starts_at) FROM meetings m WHERE m.series_id = s.id) AS first_start
        FROM meeting_series s";
    ACTIVE_SERIES = crate::sql!(SERIES_COLUMNS, " WHERE s.ends_on IS NULL OR s.ends_on >= ? ORDER BY s.id");
    ONE_SERIES = crate::sql!(SERIES_COLUMNS, " WHERE s.id = ?");
    SET_RHYTHM = "UPDATE meeting_series SET every_weeks = ?, weekday = ?, start_time = ?, duration_minutes = ?,
            place = ?, video_link = ?, anchor_on = ?, ends_on = ?, updated_at = ? WHERE id = ?";
    FUTURE_COUNT = "SELECT COUNT(*) FROM meetings WHERE series_id = ? AND starts_at > ? AND cancelled_at IS NULL";
    SLOT_TAKEN = "SELECT COUNT(*) FROM meetings WHERE series_id = ? AND (series_slot = ? OR starts_at = ?)";
    MEETINGS_FROM = "SELECT id, status FROM meetings WHERE series_id = ? AND starts_at >= ? AND cancelled_at IS NULL
        ORDER BY starts_at";
    PARK = "UPDATE meetings SET starts_at = -2 * id - 1, ends_at = -2 * id, series_slot = -id WHERE id = ?";
    RESCHEDULE = "UPDATE meetings SET starts_at = ?, ends_at = ?, series_slot = ?, place = ?, video_link = ?,
            sequence = sequence + 1, updated_at = ? WHERE id = ?";
    MOVE_TO = "UPDATE meetings SET starts_at = ?, ends_at = ?, place = COALESCE(?, place), sequence = sequence + 1,
            updated_at = ? WHERE id = ?";
    CANCEL = "UPDATE meetings SET cancelled_at = ?, cancel_reason = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?";
    NEXT_OPEN = "SELECT id FROM meetings WHERE cancelled_at IS NULL AND status IN ('draft','agenda_published')
        AND starts_at > (SELECT starts_at FROM meetings WHERE id = ?) AND id <> ? ORDER BY starts_at LIMIT 1";
}
