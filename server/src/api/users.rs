use super::extract::{Auth, Id, Json};
use super::Api;
use axum::extract::State;
use axum::http::StatusCode;
use convene_app::error::AppError;
use convene_app::ids::UserId;
use convene_app::state::AppState;
use convene_app::users::service;
use convene_app::users::types::{CreatedUser, NewUserInput, UserAccount, UserPatchInput};

pub fn routes(api: Api) -> Api {
    api.get("/users", list)
        .post("/users", create)
        .get("/users/{id}", get)
        .patch("/users/{id}", update)
}

async fn list(
    State(s): State<AppState>,
    auth: Auth,
) -> Result<axum::Json<Vec<UserAccount>>, AppError> {
    service::list(&s, auth.actor()).await.map(axum::Json)
}

async fn get(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<UserId>,
) -> Result<axum::Json<UserAccount>, AppError> {
    service::get(&s, auth.actor(), id).await.map(axum::Json)
}

async fn create(
    State(s): State<AppState>,
    auth: Auth,
    Json(input): Json<NewUserInput>,
) -> Result<(StatusCode, axum::Json<CreatedUser>), AppError> {
    let u = service::create(&s, auth.actor(), input).await?;
    Ok((StatusCode::CREATED, axum::Json(u)))
}

async fn update(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<UserId>,
    Json(input): Json<UserPatchInput>,
) -> Result<axum::Json<UserAccount>, AppError> {
    service::update(&s, auth.actor(), id, input)
        .await
        .map(axum::Json)
}
