//! The outbox for the admin, and each person's choice of what Convene emails them.

use super::extract::{Auth, Id, Json, Query};
use super::Api;
use axum::extract::State;
use axum::http::StatusCode;
use convene_app::error::AppError;
use convene_app::outbox::types::{OutboxEntry, OutboxQuery, Preference, PreferencesInput};
use convene_app::outbox::{prefs, service};
use convene_app::state::AppState;

pub fn routes(api: Api) -> Api {
    api.get("/outbox", list)
        .post("/outbox/{id}/retry", retry)
        .get("/me/notification-preferences", mine)
        .put("/me/notification-preferences", set_mine)
}

#[utoipa::path(get, path = "/outbox", tag = "outbox", params(OutboxQuery),
    responses((status = 200, body = Vec<OutboxEntry>)))]
async fn list(
    State(s): State<AppState>,
    auth: Auth,
    Query(q): Query<OutboxQuery>,
) -> Result<axum::Json<Vec<OutboxEntry>>, AppError> {
    service::list(&s, auth.actor(), &q).await.map(axum::Json)
}

#[utoipa::path(post, path = "/outbox/{id}/retry", tag = "outbox",
    params(("id" = i64, Path, description = "The message")),
    responses((status = 204, description = "Back in the queue (409: it did not fail)")))]
async fn retry(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<i64>,
) -> Result<StatusCode, AppError> {
    service::retry(&s, auth.actor(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/me/notification-preferences", tag = "outbox",
    responses((status = 200, body = Vec<Preference>)))]
async fn mine(
    State(s): State<AppState>,
    auth: Auth,
) -> Result<axum::Json<Vec<Preference>>, AppError> {
    prefs::mine(&s, auth.actor()).await.map(axum::Json)
}

#[utoipa::path(put, path = "/me/notification-preferences", tag = "outbox", request_body = PreferencesInput,
    responses((status = 200, body = Vec<Preference>, description = "Saved (422 names each choice that is not known or turns a mandatory kind off)")))]
async fn set_mine(
    State(s): State<AppState>,
    auth: Auth,
    Json(input): Json<PreferencesInput>,
) -> Result<axum::Json<Vec<Preference>>, AppError> {
    prefs::set_mine(&s, auth.actor(), &input)
        .await
        .map(axum::Json)
}
