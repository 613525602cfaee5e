//! Meetings over time: moving and cancelling a meeting, changing and ending a series, late
//! research. Each handler decodes, calls one use case, maps the error.

use super::extract::{Auth, Id, Json};
use super::Api;
use axum::extract::State;
use convene_app::error::AppError;
use convene_app::ids::{MeetingId, SeriesId};
use convene_app::meetings::late_research::{self, LateResearch, Reminded};
use convene_app::meetings::reschedule;
use convene_app::meetings::reschedule_types::{
    CancelInput, CancelOutcome, MoveInput, SeriesChange, SeriesEditInput, SeriesEndInput,
};
use convene_app::meetings::types::Meeting;
use convene_app::state::AppState;

pub fn routes(api: Api) -> Api {
    api.post("/meetings/{id}/move", move_meeting)
        .post("/meetings/{id}/cancel", cancel_meeting)
        .patch("/meeting-series/{id}", change_series)
        .post("/meeting-series/{id}/end", end_series)
        .get("/meetings/{id}/research/late", late)
        .post("/meetings/{id}/research/remind", remind)
}

/// Moves a meeting that has not started; everyone invited is told, with the updated event.
#[utoipa::path(post, path = "/meetings/{id}/move", tag = "meetings", request_body = MoveInput, responses((status = 200, body = Meeting)))]
pub(super) async fn move_meeting(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
    Json(i): Json<MoveInput>,
) -> Result<axum::Json<Meeting>, AppError> {
    reschedule::move_meeting(&s, auth.actor(), id, i)
        .await
        .map(axum::Json)
}

/// Cancels a meeting that has not started; its cases and open actions go to the next meeting.
#[utoipa::path(post, path = "/meetings/{id}/cancel", tag = "meetings", request_body = CancelInput, responses((status = 200, body = CancelOutcome)))]
pub(super) async fn cancel_meeting(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
    Json(i): Json<CancelInput>,
) -> Result<axum::Json<CancelOutcome>, AppError> {
    reschedule::cancel_meeting(&s, auth.actor(), id, i)
        .await
        .map(axum::Json)
}

/// Changes the series from `from` on: its drafts are rescheduled, published meetings kept.
#[utoipa::path(patch, path = "/meeting-series/{id}", tag = "meetings", request_body = SeriesEditInput, responses((status = 200, body = SeriesChange)))]
pub(super) async fn change_series(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<SeriesId>,
    Json(i): Json<SeriesEditInput>,
) -> Result<axum::Json<SeriesChange>, AppError> {
    reschedule::edit_series(&s, auth.actor(), id, i)
        .await
        .map(axum::Json)
}

/// Ends the series after `last_day`: its later drafts are cancelled.
#[utoipa::path(post, path = "/meeting-series/{id}/end", tag = "meetings", request_body = SeriesEndInput, responses((status = 200, body = SeriesChange)))]
pub(super) async fn end_series(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<SeriesId>,
    Json(i): Json<SeriesEndInput>,
) -> Result<axum::Json<SeriesChange>, AppError> {
    reschedule::end_series(&s, auth.actor(), id, i)
        .await
        .map(axum::Json)
}

/// The agencies that have not returned research, with the cases (by reference).
#[utoipa::path(get, path = "/meetings/{id}/research/late", tag = "meetings", responses((status = 200, body = LateResearch)))]
pub(super) async fn late(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
) -> Result<axum::Json<LateResearch>, AppError> {
    late_research::service::late(&s, auth.actor(), id)
        .await
        .map(axum::Json)
}

/// One reminder to every late agency's regular representatives.
#[utoipa::path(post, path = "/meetings/{id}/research/remind", tag = "meetings", responses((status = 200, body = Reminded)))]
pub(super) async fn remind(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
) -> Result<axum::Json<Reminded>, AppError> {
    late_research::service::remind(&s, auth.actor(), id)
        .await
        .map(axum::Json)
}
