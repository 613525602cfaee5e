//! Demo meetings: a four-weekly series over the past year and a quarter, each held meeting
//! having discussed the cases referred since the one before, with attendance and approved
//! minutes; and the next meetings scheduled.

use crate::startup::BoxError;
use chrono::{Datelike, Duration, NaiveTime, Utc};
use convene_app::db::Pool;
use convene_app::ids::{MeetingId, UserId};
use convene_app::meetings::agenda::types::ItemKind;
use convene_app::meetings::types::NewMeeting;

use super::texts::Texts;

const EVERY_DAYS: i64 = 28;

pub async fn seed_meetings(pool: &Pool, words: &Texts) -> Result<usize, BoxError> {
    let n = super::store::meeting_count(pool).await?;
    if n > 0 {
        return Ok(0);
    }
    let chair = super::store::user_id(pool, "chair@demo.test")
        .await?
        .ok_or("demo chair missing")?;
    let chair = UserId(chair);
    let today = Utc::now().date_naive();
    // Tuesdays at 10:00 in the group's time zone (summer or winter), the last one at most four
    // weeks ago.
    let mut last =
        today - Duration::days(((today.weekday().num_days_from_monday() as i64) + 6) % 7 + 7);
    while last.weekday().num_days_from_monday() != 1 {
        last -= Duration::days(1);
    }
    let start_time = NaiveTime::from_hms_opt(10, 0, 0).expect("valid time");
    let now = Utc::now().timestamp();
    let mut tx = pool.begin().await?;
    let series =
        super::store::insert_series(&mut tx, words.series_name, words.place, chair, now).await?;
    let series = convene_app::ids::SeriesId(series);
    let mut count = 0;
    let mut previous_start: Option<i64> = None;
    // Fifteen held meetings, then three ahead.
    for i in -14..=3i64 {
        let day = last + Duration::days(EVERY_DAYS * i);
        let starts_at = convene_app::time::local_instant(day.and_time(start_time));
        let m = NewMeeting {
            starts_at,
            ends_at: starts_at + 3 * 3600,
            place: Some(words.place.into()),
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
    let cases =
        super::store::cases_referred_between(conn, previous.unwrap_or(0), starts_at).await?;
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
    super::store::mark_held(conn, id, starts_at - 7 * 86_400).await?;
    // The regular representatives come; the probation officer sends apologies now and then.
    super::store::record_attendance(conn, id, starts_at).await?;
    // Minutes drafted from this record the way the application drafts them, then approved.
    let meeting = convene_app::meetings::store::get(conn, id, 24)
        .await?
        .ok_or("demo meeting vanished")?;
    convene_app::meetings::minutes::assemble::draft(conn, &meeting, starts_at).await?;
    super::store::approve_minutes(
        conn,
        id,
        starts_at + 2 * 86_400,
        (starts_at + 9 * 86_400).min(now),
        chair,
    )
    .await?;
    Ok(())
}
