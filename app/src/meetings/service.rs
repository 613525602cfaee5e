//! Meeting use cases: the calendar, scheduling, the rhythm of a series, moving a meeting on.

use super::store;
use super::text as t;
use super::types::*;
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::{AppError, Problems};
use crate::ids::MeetingId;
use crate::state::AppState;

/// Meetings of a series kept scheduled ahead of today.
pub const AHEAD: usize = 6;

pub async fn research_hours(state: &AppState) -> Result<u32, AppError> {
    Ok(crate::settings::service::load(state)
        .await?
        .research_due_hours)
}

/// The meeting and the actor's view of it (the agenda is members' once published).
pub async fn meeting_resource(
    conn: &mut Conn,
    actor: Option<&Actor>,
    id: MeetingId,
) -> Result<(Meeting, Resource), AppError> {
    authorize(actor, Action::Read, Resource::Meetings)?;
    let m = store::get(conn, id, 24).await?.ok_or(AppError::NotFound)?;
    let published = m.status.published();
    Ok((m, Resource::Meeting { published }))
}

pub async fn list(
    state: &AppState,
    actor: Option<&Actor>,
    from: Option<i64>,
    to: Option<i64>,
) -> Result<Vec<Meeting>, AppError> {
    authorize(actor, Action::Read, Resource::Meetings)?;
    let hours = research_hours(state).await?;
    let mut conn = state.db.acquire().await?;
    store::list(&mut conn, from, to, hours).await
}

pub async fn get(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
) -> Result<Meeting, AppError> {
    authorize(actor, Action::Read, Resource::Meetings)?;
    let hours = research_hours(state).await?;
    let mut conn = state.db.acquire().await?;
    store::get(&mut conn, id, hours)
        .await?
        .ok_or(AppError::NotFound)
}

async fn check_chair(
    conn: &mut Conn,
    chair: Option<crate::ids::UserId>,
    field: &str,
    p: &mut Problems,
) -> Result<(), AppError> {
    if let Some(c) = chair {
        if !store::user_is_active(conn, c).await? {
            p.add(field, t::CHAIR_INVALID);
        }
    }
    Ok(())
}

pub async fn create(
    state: &AppState,
    actor: Option<&Actor>,
    input: NewMeetingInput,
) -> Result<Meeting, AppError> {
    let actor = authorize(actor, Action::Create, Resource::Meetings)?;
    let new = input.parse()?;
    let mut tx = state.write().await?;
    let mut p = Problems::new();
    check_chair(&mut tx, new.chair_id, "chair_id", &mut p).await?;
    p.into_result()?;
    let id = store::insert(&mut tx, None, &new, crate::time::now()).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "create", "meeting").id(id),
    )
    .await?;
    tx.commit().await?;
    get(state, Some(actor), id).await
}

/// Sets up the rhythm and schedules its next meetings (those not already past).
pub async fn create_series(
    state: &AppState,
    actor: Option<&Actor>,
    input: SeriesInput,
) -> Result<Vec<Meeting>, AppError> {
    let actor = authorize(actor, Action::Create, Resource::Meetings)?;
    let s = input.parse()?;
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let mut p = Problems::new();
    check_chair(&mut tx, s.default_chair_id, "default_chair_id", &mut p).await?;
    p.into_result()?;
    let series = store::insert_series(&mut tx, &s, now).await?;
    // The same top-up the periodic job does, so a new series and a running one agree.
    let row = super::reschedule_store::series(&mut tx, series)
        .await?
        .ok_or(AppError::NotFound)?;
    let created = super::series_job::top_up(&mut tx, &row, now).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "create", "meeting_series")
            .id(series)
            .details(
                serde_json::json!({ "meetings": created.iter().map(|m| m.0).collect::<Vec<_>>() }),
            ),
    )
    .await?;
    tx.commit().await?;
    let hours = research_hours(state).await?;
    let mut conn = state.db.acquire().await?;
    let mut out = Vec::new();
    for id in created {
        out.extend(store::get(&mut conn, id, hours).await?);
    }
    Ok(out)
}

pub async fn series(state: &AppState, actor: Option<&Actor>) -> Result<Vec<Series>, AppError> {
    authorize(actor, Action::Read, Resource::Meetings)?;
    let mut conn = state.db.acquire().await?;
    store::series(&mut conn).await
}

/// Changes when, where or who chairs; or moves the meeting on (start, close).
pub async fn update(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
    input: MeetingPatchInput,
) -> Result<Meeting, AppError> {
    let now = crate::time::now();
    let carry_over_limit = crate::settings::service::load(state)
        .await?
        .carry_over_limit;
    // A start or close reaches the live screens in order with the changes made there.
    let _turn = state.feed.turn(id).await;
    let mut tx = state.write().await?;
    let (before, resource) = meeting_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Update, resource)?;
    if before.status == MeetingStatus::Cancelled {
        return Err(AppError::conflict(crate::i18n::Msg(
            "schedule-error-cancelled",
        )));
    }
    let mut patch = input.parse()?;
    let mut p = Problems::new();
    let starts = patch.starts_at.unwrap_or(before.starts_at_unix);
    let ends = patch.ends_at.unwrap_or(before.ends_at_unix);
    if ends <= starts {
        p.add("ends_at", t::ENDS_BEFORE_START);
    }
    if let Some(Some(c)) = patch.chair_id {
        check_chair(&mut tx, Some(c), "chair_id", &mut p).await?;
    }
    if let Some(next) = patch.status {
        use MeetingStatus::*;
        let allowed = matches!(
            (before.status, next),
            (AgendaPublished, InSession) | (InSession, Closed)
        ) || next == before.status;
        if before.status == Draft && next == InSession {
            p.add("status", t::NOT_WHILE_DRAFT);
        } else if !allowed {
            p.add("status", t::TRANSITION_INVALID);
        }
    }
    p.into_result()?;
    let status_given = patch.status.is_some();
    // Starting and closing go the one way the live screen goes too.
    let moved = patch.status.take().filter(|s| *s != before.status);
    store::update(&mut tx, id, &patch, now).await?;
    let screen: &dyn super::feed::MeetingScreen = &*state.feed;
    let shown = match moved {
        Some(MeetingStatus::InSession) => {
            Some(super::lifecycle::start(&mut tx, Some(actor), &before, screen, now).await?)
        }
        Some(MeetingStatus::Closed) => Some(
            super::lifecycle::close(&mut tx, Some(actor), &before, carry_over_limit, screen, now)
                .await?,
        ),
        _ => None,
    };
    let mut changed = Vec::new();
    for (name, set) in [
        ("starts_at", patch.starts_at.is_some()),
        ("ends_at", patch.ends_at.is_some()),
        ("place", patch.place.is_some()),
        ("video_link", patch.video_link.is_some()),
        ("chair", patch.chair_id.is_some()),
        ("status", status_given),
    ] {
        if set {
            changed.push(name);
        }
    }
    if before.status.published()
        && (patch.starts_at.is_some() || patch.place.is_some() || patch.ends_at.is_some())
    {
        super::agenda::store::note_change(
            &mut tx,
            id,
            actor.user_id,
            &crate::i18n::Msg("meetings-change-time-place").text(),
            now,
        )
        .await?;
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "update", "meeting")
            .id(id)
            .details(serde_json::json!({ "changed": changed })),
    )
    .await?;
    tx.commit().await?;
    if let Some(shown) = shown {
        shown.run();
    }
    get(state, Some(actor), id).await
}

/// The meeting's calendar event: one UID for its whole life, its version and whether it is off.
pub fn ics_event(m: &Meeting) -> super::ics::IcsEvent {
    super::ics::IcsEvent {
        uid: format!("meeting-{}@convene", m.id),
        starts_at: m.starts_at_unix,
        ends_at: m.ends_at_unix,
        summary: crate::i18n::Msg("meetings-ics-summary").text(),
        location: m.place.clone().or_else(|| m.video_link.clone()),
        description: Some(crate::i18n::Msg("meetings-ics-description").text()),
        cancelled: m.status == MeetingStatus::Cancelled,
        sequence: m.sequence,
    }
}

/// One meeting as an iCalendar file: when and where only.
pub async fn ics(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
) -> Result<String, AppError> {
    let m = get(state, actor, id).await?;
    Ok(super::ics::calendar(
        "Convene",
        &[ics_event(&m)],
        crate::time::now(),
    ))
}

/// The personal feed behind a secret link: the group's meetings from two months back to a
/// year ahead. An unknown link is simply not found.
pub async fn calendar_feed(state: &AppState, token: &str) -> Result<String, AppError> {
    let hours = research_hours(state).await?;
    let now = crate::time::now();
    let mut conn = state.db.acquire().await?;
    if token.len() < 20
        || store::user_by_calendar_token_hash(&mut conn, &super::calendar_token::hash(token))
            .await?
            .is_none()
    {
        return Err(AppError::NotFound);
    }
    let meetings = store::list(
        &mut conn,
        Some(now - 60 * 86_400),
        Some(now + 366 * 86_400),
        hours,
    )
    .await?;
    let events: Vec<_> = meetings.iter().map(ics_event).collect();
    Ok(super::ics::calendar(
        &crate::i18n::Msg("meetings-ics-calendar-name").text(),
        &events,
        now,
    ))
}

/// The path of the actor's calendar feed; `renew` replaces the secret (the old link stops working).
pub async fn calendar_link(
    state: &AppState,
    actor: Option<&Actor>,
    renew: bool,
) -> Result<String, AppError> {
    use base64::Engine;
    use rand_core::RngCore;
    let actor = authorize(actor, Action::Read, Resource::OwnAccount)?;
    let mut tx = state.write().await?;
    let kept = store::calendar_token(&mut tx, actor.user_id)
        .await?
        .and_then(|sealed| super::calendar_token::open(&state.sealer, actor.user_id, &sealed));
    let token = match kept {
        Some(t) if !renew => t,
        _ => {
            let mut bytes = [0u8; 24];
            rand_core::OsRng.fill_bytes(&mut bytes);
            let t = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
            let sealed = super::calendar_token::seal(&state.sealer, actor.user_id, &t);
            let hash = super::calendar_token::hash(&t);
            store::set_calendar_token(&mut tx, actor.user_id, &sealed, &hash).await?;
            record(
                &mut tx,
                AuditEvent::new(Some(actor.user_id), "calendar_link", "user").id(actor.user_id),
            )
            .await?;
            t
        }
    };
    tx.commit().await?;
    Ok(format!("/api/v1/calendar/{token}.ics"))
}
