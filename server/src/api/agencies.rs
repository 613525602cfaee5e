use super::extract::{Auth, Id, Json};
use super::Api;
use axum::extract::State;
use axum::http::StatusCode;
use convene_app::agencies::service;
use convene_app::agencies::types::{Agency, AgencyPatchInput, NewAgencyInput};
use convene_app::error::AppError;
use convene_app::ids::AgencyId;
use convene_app::state::AppState;

pub fn routes(api: Api) -> Api {
    api.get("/agencies", list)
        .post("/agencies", create)
        .get("/agencies/{id}", get)
        .patch("/agencies/{id}", update)
}

#[utoipa::path(get, path = "/agencies", tag = "agencies", responses((status = 200, body = Vec<Agency>)))]
async fn list(State(s): State<AppState>, auth: Auth) -> Result<axum::Json<Vec<Agency>>, AppError> {
    service::list(&s, auth.actor()).await.map(axum::Json)
}

#[utoipa::path(get, path = "/agencies/{id}", tag = "agencies", responses((status = 200, body = Agency)))]
async fn get(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<AgencyId>,
) -> Result<axum::Json<Agency>, AppError> {
    service::get(&s, auth.actor(), id).await.map(axum::Json)
}

#[utoipa::path(post, path = "/agencies", tag = "agencies", responses((status = 201, body = Agency)))]
async fn create(
    State(s): State<AppState>,
    auth: Auth,
    Json(input): Json<NewAgencyInput>,
) -> Result<(StatusCode, axum::Json<Agency>), AppError> {
    let a = service::create(&s, auth.actor(), input).await?;
    Ok((StatusCode::CREATED, axum::Json(a)))
}

#[utoipa::path(patch, path = "/agencies/{id}", tag = "agencies", responses((status = 200, body = Agency)))]
async fn update(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<AgencyId>,
    Json(input): Json<AgencyPatchInput>,
) -> Result<axum::Json<Agency>, AppError> {
    service::update(&s, auth.actor(), id, input)
        .await
        .map(axum::Json)
}
