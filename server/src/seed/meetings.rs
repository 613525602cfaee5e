//! Demo meetings: a four-weekly series over the past year and a quarter, each held meeting
//! having discussed the cases referred since the one before, with attendance and approved
//! minutes; and the next meetings scheduled.

use crate::startup::BoxError;
use chrono::{Datelike, Duration, NaiveTime, Utc};
use convene_app::db::Pool;
use convene_app::ids::{MeetingId, UserId};
use convene_app::meetings::agenda::types::ItemKind;
use convene_app::meetings::types::NewMeeting;

const EVERY_DAYS: i64 = 28;

pub async fn seed_meetings(pool: &Pool) -> Result<usize, BoxError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM meetings")
        .fetch_one(pool)
        .await?;
    if n > 0 {
        return Ok(0);
    }
    let chair: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = 'chair@demo.test'")
        .fetch_one(pool)
        .await?;
    let chair = UserId(chair);
    let today = Utc::now().date_naive();
    // Tuesdays at 09:00 UTC, the last one at most four weeks ago.
    let mut last =
        today - Duration::days(((today.weekday().num_days_from_monday() as i64) + 6) % 7 + 7);
    while last.weekday().num_days_from_monday() != 1 {
        last -= Duration::days(1);
    }
    let start_time = NaiveTime::from_hms_opt(9, 0, 0).expect("valid time");
    let now = Utc::now().timestamp();
    let mut tx = pool.begin().await?;
    let series: i64 = sqlx::query_scalar(
        "INSERT INTO meeting_series (name, every_weeks, weekday, start_time, duration_minutes, place, default_chair_id, created_at, updated_at)
         VALUES ('Monthly intervention group', 4, 2, '09:00', 180, 'City Hall, Room 4', ?, ?, ?) RETURNING id",
    )
    .bind(chair)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let series = convene_app::ids::SeriesId(series);
    let mut count = 0;
    let mut previous_start: Option<i64> = None;
    // Fifteen held meetings, then three ahead.
    for i in -14..=3i64 {
        let day = last + Duration::days(EVERY_DAYS * i);
        let starts_at = day.and_time(start_time).and_utc().timestamp();
        let m = NewMeeting {
            starts_at,
            ends_at: starts_at + 3 * 3600,
            place: Some("City Hall, Room 4".into()),
            video_link: None,
            chair_id: Some(chair),
        };
        let id = convene_app::meetings::store::insert(&mut tx, Some(series), &m, now).await?;
        count += 1;
        if i <= 0 {
            hold(&mut tx, id, starts_at, previous_start, chair, now).await?;
        }
        previous_start = Some(starts_at);
    }
    tx.commit().await?;
    Ok(count)
}

/// Records a past meeting as held: an agenda of the cases referred since the previous
/// meeting, everyone's attendance, and approved minutes.
async fn hold(
    conn: &mut convene_app::db::Conn,
    id: MeetingId,
    starts_at: i64,
    previous: Option<i64>,
    chair: UserId,
    now: i64,
) -> Result<(), BoxError> {
    use convene_app::meetings::agenda::store as agenda;
    let cases: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT c.id, (SELECT COUNT(*) FROM case_children ch WHERE ch.case_id = c.id) FROM cases c
         WHERE EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id AND r.registered_at < ? AND r.registered_at >= ?)
         ORDER BY c.id",
    )
    .bind(starts_at)
    .bind(previous.unwrap_or(0))
    .fetch_all(&mut *conn)
    .await?;
    let mut kinds = vec![
        (ItemKind::Confidentiality, None),
        (ItemKind::PreviousMinutes, None),
        (ItemKind::IncompleteActions, None),
    ];
    let (with, without): (Vec<_>, Vec<_>) = cases.iter().partition(|(_, children)| *children > 0);
    kinds.extend(with.iter().map(|(c, _)| {
        (
            ItemKind::NewCaseChildren,
            Some(convene_app::ids::CaseId(*c)),
        )
    }));
    kinds.extend(
        without
            .iter()
            .map(|(c, _)| (ItemKind::NewCase, Some(convene_app::ids::CaseId(*c)))),
    );
    kinds.push((ItemKind::Barriers, None));
    kinds.push((ItemKind::Aob, None));
    for (kind, case) in kinds {
        agenda::insert(
            conn,
            id,
            kind,
            case,
            None,
            kind.default_minutes(12),
            false,
            starts_at,
        )
        .await?;
    }
    sqlx::query(
        "UPDATE meetings SET status = 'minutes_approved', agenda_built_at = ?, agenda_published_at = ? WHERE id = ?",
    )
    .bind(starts_at - 7 * 86_400)
    .bind(starts_at - 7 * 86_400)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    // The regular representatives come; the probation officer sends apologies now and then.
    sqlx::query(
        "INSERT INTO attendance (meeting_id, user_id, agency_id, status, observer, acknowledged_at, updated_at)
         SELECT ?, u.id, u.agency_id,
                CASE WHEN u.email = 'probation@demo.test' AND (? / 86400) % 3 = 0 THEN 'apologies_info_sent' ELSE 'present' END,
                u.role = 'observer', ?, ?
         FROM users u WHERE u.active = 1 AND u.role <> 'admin'",
    )
    .bind(id)
    .bind(starts_at)
    .bind(starts_at)
    .bind(starts_at)
    .execute(&mut *conn)
    .await?;
    // Minutes drafted from this record the way the application drafts them, then approved.
    let meeting = convene_app::meetings::store::get(conn, id, 24)
        .await?
        .ok_or("demo meeting vanished")?;
    convene_app::meetings::minutes::assemble::draft(conn, &meeting, starts_at).await?;
    sqlx::query("UPDATE minutes SET status = 'approved', circulated_at = ?, approved_at = ?, approved_by = ? WHERE meeting_id = ?")
        .bind(starts_at + 2 * 86_400)
        .bind((starts_at + 9 * 86_400).min(now))
        .bind(chair)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
