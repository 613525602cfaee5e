use super::extract::{Auth, Id, Json, Query};
use super::Api;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use convene_app::actions::reports::{self, Period};
use convene_app::actions::service;
use convene_app::actions::types::{
    Action, ActionFilter, ActionPatchInput, ActionReport, BarrierGroup, HistoryEntry,
    NewActionInput, Notification,
};
use convene_app::error::AppError;
use convene_app::ids::ActionId;
use convene_app::state::AppState;

pub fn routes(api: Api) -> Api {
    api.get("/actions", list)
        .post("/actions", create)
        .get_as("/actions.csv", "/actions.csv", false, csv)
        .get("/actions/{id}", get)
        .patch("/actions/{id}", update)
        .get("/actions/{id}/history", history)
        .get("/reports/actions", report)
        .get("/barriers", barriers)
        .get("/me/actions", mine)
        .get("/me/notifications", notifications)
        .post("/me/notifications/read", mark_read)
}

#[utoipa::path(get, path = "/actions", tag = "actions", responses((status = 200, body = Vec<Action>)))]
async fn list(
    State(s): State<AppState>,
    auth: Auth,
    Query(f): Query<ActionFilter>,
) -> Result<axum::Json<Vec<Action>>, AppError> {
    service::list(&s, auth.actor(), f).await.map(axum::Json)
}

#[utoipa::path(post, path = "/actions", tag = "actions", responses((status = 201, body = Action)))]
async fn create(
    State(s): State<AppState>,
    auth: Auth,
    Json(i): Json<NewActionInput>,
) -> Result<(StatusCode, axum::Json<Action>), AppError> {
    Ok((
        StatusCode::CREATED,
        axum::Json(service::create(&s, auth.actor(), i).await?),
    ))
}

#[utoipa::path(get, path = "/actions.csv", tag = "actions", responses((status = 200, description = "The actions as CSV", content_type = "text/csv", body = String)))]
async fn csv(
    State(s): State<AppState>,
    auth: Auth,
    Query(f): Query<ActionFilter>,
) -> Result<Response, AppError> {
    let body = reports::csv(&s, auth.actor(), f).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"actions.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}

#[utoipa::path(get, path = "/actions/{id}", tag = "actions", responses((status = 200, body = Action)))]
async fn get(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<ActionId>,
) -> Result<axum::Json<Action>, AppError> {
    service::get(&s, auth.actor(), id).await.map(axum::Json)
}

#[utoipa::path(patch, path = "/actions/{id}", tag = "actions", responses((status = 200, body = Action)))]
async fn update(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<ActionId>,
    Json(p): Json<ActionPatchInput>,
) -> Result<axum::Json<Action>, AppError> {
    service::update(&s, auth.actor(), id, p)
        .await
        .map(axum::Json)
}

#[utoipa::path(get, path = "/actions/{id}/history", tag = "actions", responses((status = 200, body = Vec<HistoryEntry>)))]
async fn history(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<ActionId>,
) -> Result<axum::Json<Vec<HistoryEntry>>, AppError> {
    service::history(&s, auth.actor(), id).await.map(axum::Json)
}

#[utoipa::path(get, path = "/reports/actions", tag = "actions", responses((status = 200, body = ActionReport)))]
async fn report(
    State(s): State<AppState>,
    auth: Auth,
    Query(p): Query<Period>,
) -> Result<axum::Json<ActionReport>, AppError> {
    reports::report(&s, auth.actor(), p).await.map(axum::Json)
}

#[utoipa::path(get, path = "/barriers", tag = "actions", responses((status = 200, body = Vec<BarrierGroup>)))]
async fn barriers(
    State(s): State<AppState>,
    auth: Auth,
    Query(p): Query<Period>,
) -> Result<axum::Json<Vec<BarrierGroup>>, AppError> {
    reports::barriers(&s, auth.actor(), p).await.map(axum::Json)
}

#[utoipa::path(get, path = "/me/actions", tag = "actions", responses((status = 200, body = Vec<Action>)))]
async fn mine(State(s): State<AppState>, auth: Auth) -> Result<axum::Json<Vec<Action>>, AppError> {
    service::mine(&s, auth.actor()).await.map(axum::Json)
}

#[utoipa::path(get, path = "/me/notifications", tag = "actions", responses((status = 200, body = Vec<Notification>)))]
async fn notifications(
    State(s): State<AppState>,
    auth: Auth,
) -> Result<axum::Json<Vec<Notification>>, AppError> {
    service::notifications(&s, auth.actor())
        .await
        .map(axum::Json)
}

#[utoipa::path(post, path = "/me/notifications/read", tag = "actions", responses((status = 204, description = "All marked read")))]
async fn mark_read(State(s): State<AppState>, auth: Auth) -> Result<StatusCode, AppError> {
    service::mark_read(&s, auth.actor()).await?;
    Ok(StatusCode::NO_CONTENT)
}
