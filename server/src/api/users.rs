use super::extract::{Auth, Id, Json};
use super::Api;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use convene_app::error::AppError;
use convene_app::ids::{AccessRequestId, UserId};
use convene_app::state::AppState;
use convene_app::users::access::reset::{self, Reset};
use convene_app::users::access::service as access;
use convene_app::users::access::types::{AccessRequest, Confirmed};
use convene_app::users::service;
use convene_app::users::types::{NewUserInput, UserAccount, UserPatchInput};

pub fn routes(api: Api) -> Api {
    api.get("/users", list)
        .post("/users", create)
        .get("/users/{id}", get)
        .patch("/users/{id}", update)
        .post("/users/{id}/password-reset", reset_password)
        .post("/users/{id}/totp-reset", reset_totp)
        .get("/access-requests", requests)
        .post("/access-requests/{id}/confirm", confirm)
        .post("/access-requests/{id}/refuse", refuse)
        .post("/access-requests/{id}/withdraw", withdraw)
}

/// A change that waits for a second person answers 202 with the request.
fn asked(r: AccessRequest) -> Response {
    (StatusCode::ACCEPTED, axum::Json(r)).into_response()
}

#[utoipa::path(get, path = "/users", tag = "users", responses((status = 200, body = Vec<UserAccount>)))]
async fn list(
    State(s): State<AppState>,
    auth: Auth,
) -> Result<axum::Json<Vec<UserAccount>>, AppError> {
    service::list(&s, auth.actor()).await.map(axum::Json)
}

#[utoipa::path(get, path = "/users/{id}", tag = "users", responses((status = 200, body = UserAccount)))]
async fn get(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<UserId>,
) -> Result<axum::Json<UserAccount>, AppError> {
    service::get(&s, auth.actor(), id).await.map(axum::Json)
}

#[utoipa::path(post, path = "/users", tag = "users", responses((status = 201, body = convene_app::users::types::CreatedUser), (status = 202, body = AccessRequest, description = "The account waits for a second person to confirm it")))]
async fn create(
    State(s): State<AppState>,
    auth: Auth,
    Json(input): Json<NewUserInput>,
) -> Result<Response, AppError> {
    let mut u = service::create(&s, auth.actor(), input).await?;
    Ok(match u.request.take() {
        Some(r) => asked(r),
        None => (StatusCode::CREATED, axum::Json(u)).into_response(),
    })
}

#[utoipa::path(patch, path = "/users/{id}", tag = "users", responses((status = 200, body = UserAccount), (status = 202, body = AccessRequest, description = "The change waits for a second person to confirm it")))]
async fn update(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<UserId>,
    Json(input): Json<UserPatchInput>,
) -> Result<Response, AppError> {
    let u = service::update(&s, auth.actor(), id, input).await?;
    Ok(match u.request {
        Some(r) => asked(r),
        None => axum::Json(u.user).into_response(),
    })
}

async fn answer_reset(
    s: AppState,
    auth: Auth,
    id: UserId,
    what: Reset,
) -> Result<Response, AppError> {
    let mut r = reset::reset(&s, auth.actor(), id, what).await?;
    Ok(match r.request.take() {
        Some(req) => asked(req),
        None => axum::Json(r).into_response(),
    })
}

#[utoipa::path(post, path = "/users/{id}/password-reset", tag = "users", responses((status = 200, body = convene_app::users::access::types::ResetOutcome), (status = 202, body = AccessRequest, description = "The reset waits for a second person to confirm it")))]
async fn reset_password(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<UserId>,
) -> Result<Response, AppError> {
    answer_reset(s, auth, id, Reset::Password).await
}

#[utoipa::path(post, path = "/users/{id}/totp-reset", tag = "users", responses((status = 200, body = convene_app::users::access::types::ResetOutcome), (status = 202, body = AccessRequest, description = "The reset waits for a second person to confirm it")))]
async fn reset_totp(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<UserId>,
) -> Result<Response, AppError> {
    answer_reset(s, auth, id, Reset::Totp).await
}

#[utoipa::path(get, path = "/access-requests", tag = "users", responses((status = 200, body = Vec<AccessRequest>)))]
async fn requests(
    State(s): State<AppState>,
    auth: Auth,
) -> Result<axum::Json<Vec<AccessRequest>>, AppError> {
    access::list(&s, auth.actor()).await.map(axum::Json)
}

#[utoipa::path(post, path = "/access-requests/{id}/confirm", tag = "users", responses((status = 200, body = Confirmed)))]
async fn confirm(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<AccessRequestId>,
) -> Result<axum::Json<Confirmed>, AppError> {
    access::confirm(&s, auth.actor(), id).await.map(axum::Json)
}

#[utoipa::path(post, path = "/access-requests/{id}/refuse", tag = "users", responses((status = 200, body = AccessRequest)))]
async fn refuse(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<AccessRequestId>,
) -> Result<axum::Json<AccessRequest>, AppError> {
    access::refuse(&s, auth.actor(), id).await.map(axum::Json)
}

#[utoipa::path(post, path = "/access-requests/{id}/withdraw", tag = "users", responses((status = 200, body = AccessRequest)))]
async fn withdraw(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<AccessRequestId>,
) -> Result<axum::Json<AccessRequest>, AppError> {
    access::withdraw(&s, auth.actor(), id).await.map(axum::Json)
}
