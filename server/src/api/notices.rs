use super::extract::Auth;
use super::Api;
use axum::extract::State;
use axum::http::StatusCode;
use convene_app::error::AppError;
use convene_app::notices::service;
use convene_app::notices::types::Notice;
use convene_app::state::AppState;

pub fn routes(api: Api) -> Api {
    api.get("/me/notices", list)
        .post("/me/notices/read", mark_read)
}

#[utoipa::path(get, path = "/me/notices", tag = "notices", responses((status = 200, body = Vec<Notice>)))]
async fn list(State(s): State<AppState>, auth: Auth) -> Result<axum::Json<Vec<Notice>>, AppError> {
    service::list(&s, auth.actor()).await.map(axum::Json)
}

#[utoipa::path(post, path = "/me/notices/read", tag = "notices", responses((status = 204, description = "All marked read")))]
async fn mark_read(State(s): State<AppState>, auth: Auth) -> Result<StatusCode, AppError> {
    service::mark_read(&s, auth.actor()).await?;
    Ok(StatusCode::NO_CONTENT)
}
