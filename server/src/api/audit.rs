use super::extract::{Auth, Query};
use super::Api;
use axum::extract::State;
use convene_app::audit::service;
use convene_app::audit::types::{AuditFilter, AuditPage};
use convene_app::error::AppError;
use convene_app::state::AppState;

pub fn routes(api: Api) -> Api {
    api.get("/audit", browse)
}

#[utoipa::path(get, path = "/audit", tag = "audit", responses((status = 200, body = AuditPage)))]
async fn browse(
    State(s): State<AppState>,
    auth: Auth,
    Query(filter): Query<AuditFilter>,
) -> Result<axum::Json<AuditPage>, AppError> {
    service::browse(&s, auth.actor(), filter)
        .await
        .map(axum::Json)
}
