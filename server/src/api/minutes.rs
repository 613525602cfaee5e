use super::extract::{Auth, Id, Json, Query};
use super::Api;
use axum::extract::{Path, State};
use convene_app::error::AppError;
use convene_app::ids::{CommentId, MeetingId};
use convene_app::meetings::minutes::service;
use convene_app::meetings::minutes::types::*;
use convene_app::state::AppState;

pub fn routes(api: Api) -> Api {
    api.get("/meetings/{id}/minutes", get)
        .put("/meetings/{id}/minutes", put)
        .post("/meetings/{id}/minutes/circulate", circulate)
        .post("/meetings/{id}/minutes/approve", approve)
        .post("/meetings/{id}/minutes/comments", comment)
        .patch("/meetings/{id}/minutes/comments/{comment_id}", resolve)
        .post("/meetings/{id}/minutes/addenda", addendum)
}

#[utoipa::path(get, path = "/meetings/{id}/minutes", tag = "minutes", responses((status = 200, body = Minutes)))]
async fn get(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
    Query(q): Query<MinutesQuery>,
) -> Result<axum::Json<Minutes>, AppError> {
    service::get(&s, auth.actor(), id, q).await.map(axum::Json)
}

#[utoipa::path(put, path = "/meetings/{id}/minutes", tag = "minutes", responses((status = 200, body = Minutes)))]
async fn put(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
    Json(u): Json<MinutesUpdate>,
) -> Result<axum::Json<Minutes>, AppError> {
    service::update(&s, auth.actor(), id, u)
        .await
        .map(axum::Json)
}

/// The body is optional: without one, comments are taken for a week.
#[utoipa::path(post, path = "/meetings/{id}/minutes/circulate", tag = "minutes", request_body = Option<CirculateInput>, responses((status = 200, body = Minutes)))]
async fn circulate(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
    body: axum::body::Bytes,
) -> Result<axum::Json<Minutes>, AppError> {
    let input: CirculateInput = if body.iter().all(u8::is_ascii_whitespace) {
        CirculateInput::default()
    } else {
        serde_json::from_slice(&body).map_err(|e| {
            AppError::validation(
                "body",
                convene_app::i18n::Msg("api-body-unreadable")
                    .with(&[("detail", e.to_string().into())]),
            )
        })?
    };
    service::circulate(&s, auth.actor(), id, input)
        .await
        .map(axum::Json)
}

#[utoipa::path(post, path = "/meetings/{id}/minutes/approve", tag = "minutes", responses((status = 200, body = Minutes)))]
async fn approve(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
) -> Result<axum::Json<Minutes>, AppError> {
    service::approve(&s, auth.actor(), id).await.map(axum::Json)
}

#[utoipa::path(post, path = "/meetings/{id}/minutes/comments", tag = "minutes", responses((status = 200, body = Minutes)))]
async fn comment(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
    Json(c): Json<CommentInput>,
) -> Result<axum::Json<Minutes>, AppError> {
    service::comment(&s, auth.actor(), id, c)
        .await
        .map(axum::Json)
}

#[utoipa::path(patch, path = "/meetings/{id}/minutes/comments/{comment_id}", tag = "minutes", responses((status = 200, body = Minutes)))]
async fn resolve(
    State(s): State<AppState>,
    auth: Auth,
    Path((id, comment)): Path<(String, String)>,
    Json(r): Json<ResolveInput>,
) -> Result<axum::Json<Minutes>, AppError> {
    let id: MeetingId = id.parse().map_err(|_| AppError::NotFound)?;
    let comment: CommentId = comment.parse().map_err(|_| AppError::NotFound)?;
    service::resolve(&s, auth.actor(), id, comment, r)
        .await
        .map(axum::Json)
}

#[utoipa::path(post, path = "/meetings/{id}/minutes/addenda", tag = "minutes", responses((status = 200, body = Minutes)))]
async fn addendum(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
    Json(a): Json<AddendumInput>,
) -> Result<axum::Json<Minutes>, AppError> {
    service::add_addendum(&s, auth.actor(), id, a)
        .await
        .map(axum::Json)
}
