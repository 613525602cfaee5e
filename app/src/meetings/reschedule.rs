//! Meetings over time: moving or cancelling one meeting (everyone invited is told), and
//! changing or ending a series from a date on.

use super::reschedule_store as rs;
use super::reschedule_tell as tell;
use super::reschedule_types::{text as t, *};
use super::service::{meeting_resource, research_hours};
use super::store;
use super::types::{Meeting, MeetingStatus};
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ids::{MeetingId, SeriesId, UserId};
use crate::state::AppState;

async fn reload(conn: &mut Conn, id: MeetingId, hours: u32) -> Result<Meeting, AppError> {
    store::get(conn, id, hours).await?.ok_or(AppError::NotFound)
}

/// Only a meeting that has not started may be moved or cancelled.
fn still_ahead(m: &Meeting) -> Result<(), AppError> {
    match m.status {
        MeetingStatus::Draft | MeetingStatus::AgendaPublished => Ok(()),
        MeetingStatus::Cancelled => Err(AppError::conflict(t::CANCELLED)),
        _ => Err(AppError::conflict(t::NOT_NOW)),
    }
}

pub async fn move_meeting(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
    input: MoveInput,
) -> Result<Meeting, AppError> {
    let now = crate::time::now();
    let hours = research_hours(state).await?;
    // In turn with a start made on the live screen.
    let _turn = state.feed.turn(id).await;
    let mut tx = state.write().await?;
    let (before, resource) = meeting_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Update, resource)?;
    let mv = input.parse(now)?;
    still_ahead(&before)?;
    let length = mv
        .duration_secs
        .unwrap_or(before.ends_at_unix - before.starts_at_unix);
    rs::move_to(
        &mut tx,
        id,
        mv.starts_at,
        mv.starts_at + length,
        mv.place.as_deref(),
        now,
    )
    .await?;
    let after = reload(&mut tx, id, hours).await?;
    if before.status.published() {
        let note = Msg("schedule-change-moved").with(&[
            (
                "from",
                crate::time::format_local(before.starts_at_unix).into(),
            ),
            ("to", crate::time::format_local(after.starts_at_unix).into()),
            ("reason", mv.reason.clone().into()),
        ]);
        super::agenda::store::note_change(&mut tx, id, actor.user_id, &note, now).await?;
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "move", "meeting")
            .id(id)
            .reason(mv.reason.clone())
            .details(serde_json::json!({
                "from": before.starts_at, "to": after.starts_at,
                "place_changed": mv.place.is_some(), "sequence": after.sequence,
            })),
    )
    .await?;
    tell::moved(&mut tx, &after, before.starts_at_unix, &mv.reason, now).await?;
    tx.commit().await?;
    Ok(after)
}

/// Marks the meeting cancelled and hands its cases and open actions to the group's next
/// meeting. The caller audits and tells.
async fn cancel_in(
    conn: &mut Conn,
    m: &Meeting,
    reason: &str,
    by: UserId,
    now: i64,
) -> Result<(Option<MeetingId>, u64, u64), AppError> {
    rs::cancel(conn, m.id, reason, now).await?;
    let Some(next) = rs::next_open(conn, m.id).await? else {
        return Ok((None, 0, 0));
    };
    let when = crate::time::format_local(m.starts_at_unix);
    let moved_reason = Msg("schedule-item-moved").with(&[("date", when.clone().into())]);
    let items =
        super::agenda::store::carry::case_items(conn, m.id, next, &moved_reason, now).await?;
    let actions = crate::actions::follow_up::carry::to_next(conn, m.id, next).await?;
    if items > 0 {
        let n = Msg("schedule-change-cases-arrived")
            .with(&[("date", when.into()), ("count", (items as i64).into())]);
        super::agenda::store::note_change(conn, next, by, &n, now).await?;
    }
    Ok((Some(next), items, actions))
}

pub async fn cancel_meeting(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
    input: CancelInput,
) -> Result<CancelOutcome, AppError> {
    let now = crate::time::now();
    let hours = research_hours(state).await?;
    let _turn = state.feed.turn(id).await;
    let mut tx = state.write().await?;
    let (before, resource) = meeting_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Update, resource)?;
    let reason = input.parse()?;
    still_ahead(&before)?;
    let (next, items, actions) = cancel_in(&mut tx, &before, &reason, actor.user_id, now).await?;
    if before.status.published() {
        let n = Msg("schedule-change-cancelled").with(&[("reason", reason.clone().into())]);
        super::agenda::store::note_change(&mut tx, id, actor.user_id, &n, now).await?;
    }
    let after = reload(&mut tx, id, hours).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "cancel", "meeting")
            .id(id)
            .reason(reason.clone())
            .details(serde_json::json!({
                "next_meeting": next.map(|n| n.0), "items_moved": items, "actions_moved": actions,
            })),
    )
    .await?;
    tell::cancelled(&mut tx, &after, &reason, next, now).await?;
    tx.commit().await?;
    Ok(CancelOutcome {
        meeting: after,
        next_meeting: next,
        items_moved: items,
        actions_moved: actions,
    })
}

async fn series_for_change(
    conn: &mut Conn,
    actor: Option<&Actor>,
    id: SeriesId,
) -> Result<(UserId, rs::SeriesRow), AppError> {
    let actor = authorize(actor, Action::Update, Resource::Meetings)?;
    let s = rs::series(conn, id).await?.ok_or(AppError::NotFound)?;
    Ok((actor.user_id, s))
}

async fn series_view(conn: &mut Conn, id: SeriesId) -> Result<super::types::Series, AppError> {
    store::series(conn)
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(AppError::NotFound)
}

async fn meetings(
    conn: &mut Conn,
    ids: &[MeetingId],
    hours: u32,
) -> Result<Vec<Meeting>, AppError> {
    let mut out = Vec::new();
    for id in ids {
        out.push(reload(conn, *id, hours).await?);
    }
    Ok(out)
}

/// The series' rhythm (day, time, length, place) from `from` on: its drafts from that day are
/// laid out on the new rhythm; meetings already published are kept and reported.
pub async fn edit_series(
    state: &AppState,
    actor: Option<&Actor>,
    id: SeriesId,
    input: SeriesEditInput,
) -> Result<SeriesChange, AppError> {
    let now = crate::time::now();
    let hours = research_hours(state).await?;
    let mut tx = state.write().await?;
    let (by, mut s) = series_for_change(&mut tx, actor, id).await?;
    let edit = input.parse(local_day(now))?;
    if s.rhythm.ends_on.is_some_and(|e| edit.from > e) {
        return Err(AppError::conflict(t::SERIES_ENDED));
    }
    let r = &mut s.rhythm;
    r.every_weeks = edit.every_weeks.unwrap_or(r.every_weeks);
    r.weekday = edit.weekday.unwrap_or(r.weekday);
    r.start_time = edit.start_time.unwrap_or(r.start_time);
    r.duration_minutes = edit.duration_minutes.unwrap_or(r.duration_minutes);
    r.anchor = r.first_on_or_after(edit.from);
    if edit.place.is_some() {
        s.place = edit.place.clone();
    }
    if edit.video_link.is_some() {
        s.video_link = edit.video_link.clone();
    }
    rs::set_rhythm(&mut tx, &s, now).await?;
    let from = crate::time::local_day_start(edit.from).max(now);
    let (drafts, kept): (Vec<_>, Vec<_>) = rs::meetings_from(&mut tx, id, from)
        .await?
        .into_iter()
        .partition(|(_, status)| status == "draft");
    let mut was = Vec::new();
    for (m, _) in &drafts {
        was.push(reload(&mut tx, *m, hours).await?);
        rs::park(&mut tx, *m).await?;
    }
    let mut rescheduled = Vec::new();
    let mut left = Vec::new();
    let mut days = s.rhythm.days_from(edit.from);
    for (m, _) in &drafts {
        // The next occurrence no kept meeting stands for.
        let slot = loop {
            match days.next() {
                None => break None,
                Some(d) => {
                    let (start, end) = s.rhythm.occurrence(d);
                    if start > now && !rs::slot_taken(&mut tx, id, start).await? {
                        break Some((start, end));
                    }
                }
            }
        };
        match slot {
            Some((start, end)) => {
                rs::reschedule(
                    &mut tx,
                    *m,
                    start,
                    end,
                    s.place.as_deref(),
                    s.video_link.as_deref(),
                    now,
                )
                .await?;
                rescheduled.push(*m);
            }
            None => left.push(*m),
        }
    }
    let mut cancelled = Vec::new();
    let reason = Msg("schedule-series-changed-reason").text();
    for m in left {
        // No occurrence left before the series' end: the draft is called off where it was
        // (or, if a rescheduled one took that time, where it was parked).
        let old = was.iter().find(|w| w.id == m).ok_or(AppError::NotFound)?;
        if rs::slot_taken(&mut tx, id, old.starts_at_unix).await? {
            rs::cancel(&mut tx, m, &reason, now).await?;
        } else {
            let (p, v) = (old.place.as_deref(), old.video_link.as_deref());
            rs::reschedule(&mut tx, m, old.starts_at_unix, old.ends_at_unix, p, v, now).await?;
            cancel_in(&mut tx, old, &reason, by, now).await?;
        }
        cancelled.push(m);
    }
    let scheduled = super::series_job::top_up(&mut tx, &s, now).await?;
    let kept: Vec<MeetingId> = kept.into_iter().map(|(m, _)| m).collect();
    record(
        &mut tx,
        AuditEvent::new(Some(by), "update", "meeting_series")
            .id(id)
            .details(serde_json::json!({
                "from": edit.from.to_string(),
                "rescheduled": rescheduled.iter().map(|m| m.0).collect::<Vec<_>>(),
                "cancelled": cancelled.iter().map(|m| m.0).collect::<Vec<_>>(),
                "kept": kept.iter().map(|m| m.0).collect::<Vec<_>>(),
                "scheduled": scheduled.iter().map(|m| m.0).collect::<Vec<_>>(),
            })),
    )
    .await?;
    let out = SeriesChange {
        series: series_view(&mut tx, id).await?,
        rescheduled: meetings(&mut tx, &rescheduled, hours).await?,
        cancelled: meetings(&mut tx, &cancelled, hours).await?,
        kept: meetings(&mut tx, &kept, hours).await?,
        scheduled: meetings(&mut tx, &scheduled, hours).await?,
    };
    tx.commit().await?;
    Ok(out)
}

/// Ends the series after `last_day`: its drafts after that day are cancelled (their cases go
/// to the group's next meeting); meetings already published are kept and reported.
pub async fn end_series(
    state: &AppState,
    actor: Option<&Actor>,
    id: SeriesId,
    input: SeriesEndInput,
) -> Result<SeriesChange, AppError> {
    let now = crate::time::now();
    let hours = research_hours(state).await?;
    let mut tx = state.write().await?;
    let (by, mut s) = series_for_change(&mut tx, actor, id).await?;
    let last = input.parse(local_day(now))?;
    s.rhythm.ends_on = Some(last);
    rs::set_rhythm(&mut tx, &s, now).await?;
    let after = crate::time::local_day_start(last + chrono::Duration::days(1)).max(now);
    let reason = Msg("schedule-series-ended-reason").text();
    let mut cancelled = Vec::new();
    let mut kept = Vec::new();
    for (m, status) in rs::meetings_from(&mut tx, id, after).await? {
        if status == "draft" {
            let before = reload(&mut tx, m, hours).await?;
            cancel_in(&mut tx, &before, &reason, by, now).await?;
            cancelled.push(m);
        } else {
            kept.push(m);
        }
    }
    record(
        &mut tx,
        AuditEvent::new(Some(by), "end", "meeting_series")
            .id(id)
            .details(serde_json::json!({
                "last_day": last.to_string(),
                "cancelled": cancelled.iter().map(|m| m.0).collect::<Vec<_>>(),
                "kept": kept.iter().map(|m| m.0).collect::<Vec<_>>(),
            })),
    )
    .await?;
    let out = SeriesChange {
        series: series_view(&mut tx, id).await?,
        rescheduled: Vec::new(),
        cancelled: meetings(&mut tx, &cancelled, hours).await?,
        kept: meetings(&mut tx, &kept, hours).await?,
        scheduled: Vec::new(),
    };
    tx.commit().await?;
    Ok(out)
}
