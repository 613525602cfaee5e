//! Next steps for a case (review, keep open, close with a reason), what was tried before, and
//! what a meeting's case items come back with. Thin doors onto `cases::next_step_service`.

use super::extract::{Auth, Id, Json};
use super::Api;
use axum::extract::State;
use convene_app::cases::next_step::{NextStepDone, NextStepInput, ReviewContext, WhatWasTried};
use convene_app::cases::next_step_service as service;
use convene_app::error::AppError;
use convene_app::ids::{CaseId, MeetingId};
use convene_app::state::AppState;

pub fn routes(api: Api) -> Api {
    api.put("/cases/{id}/next-step", next_step)
        .get("/cases/{id}/what-was-tried", what_was_tried)
        .get("/meetings/{id}/reviews", meeting_reviews)
}

/// Records what comes next for the case. With `meeting_id` it is the decision of that
/// meeting (the case must be on its agenda; "in N weeks" counts from the meeting's day).
#[utoipa::path(put, path = "/cases/{id}/next-step", tag = "cases", request_body = NextStepInput,
    responses((status = 200, body = NextStepDone)))]
pub(super) async fn next_step(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<CaseId>,
    Json(input): Json<NextStepInput>,
) -> Result<axum::Json<NextStepDone>, AppError> {
    service::decide(&s, auth.actor(), id, input)
        .await
        .map(axum::Json)
}

#[utoipa::path(get, path = "/cases/{id}/what-was-tried", tag = "cases",
    responses((status = 200, body = WhatWasTried)))]
pub(super) async fn what_was_tried(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<CaseId>,
) -> Result<axum::Json<WhatWasTried>, AppError> {
    service::what_was_tried(&s, auth.actor(), id)
        .await
        .map(axum::Json)
}

/// For each case item of the agenda the reader may see: the last summary and decisions, the
/// open actions and what was tried.
#[utoipa::path(get, path = "/meetings/{id}/reviews", tag = "meetings",
    responses((status = 200, body = Vec<ReviewContext>)))]
pub(super) async fn meeting_reviews(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
) -> Result<axum::Json<Vec<ReviewContext>>, AppError> {
    service::meeting_reviews(&s, auth.actor(), id)
        .await
        .map(axum::Json)
}
