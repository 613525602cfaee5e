use super::extract::{Auth, Json};
use super::Api;
use axum::extract::State;
use convene_app::error::AppError;
use convene_app::settings::service;
use convene_app::settings::types::{Settings, SettingsPatch};
use convene_app::state::AppState;

pub fn routes(api: Api) -> Api {
    api.get("/settings", get).patch("/settings", update)
}

#[utoipa::path(get, path = "/settings", tag = "settings", responses((status = 200, body = Settings)))]
async fn get(State(s): State<AppState>, auth: Auth) -> Result<axum::Json<Settings>, AppError> {
    service::get(&s, auth.actor()).await.map(axum::Json)
}

#[utoipa::path(patch, path = "/settings", tag = "settings", responses((status = 200, body = Settings)))]
async fn update(
    State(s): State<AppState>,
    auth: Auth,
    Json(patch): Json<SettingsPatch>,
) -> Result<axum::Json<Settings>, AppError> {
    service::update(&s, auth.actor(), patch)
        .await
        .map(axum::Json)
}
