use super::extract::{Auth, Id, Json, Query};
use super::Api;
use axum::extract::State;
use axum::http::StatusCode;
use convene_app::cases::matching::service as matching;
use convene_app::cases::matching::types::{MatchDecided, MatchDecisionInput, PendingMatch};
use convene_app::cases::types::{
    Assessment, CaseCreated, CaseDetail, CaseFilter, CasePatchInput, CaseSummary, ReferralInput,
    RevealInput, Revealed, TimelineEntry, WithdrawResearchInput,
};
use convene_app::cases::{involvement, service};
use convene_app::error::AppError;
use convene_app::ids::{CaseId, MatchId};
use convene_app::state::AppState;
use serde::Deserialize;

pub fn routes(api: Api) -> Api {
    api.get("/cases", list)
        .post("/cases", create)
        .post("/cases/assess", assess)
        .get("/cases/{id}", get)
        .patch("/cases/{id}", update)
        .post("/cases/{id}/referrals", refer_again)
        .post("/cases/{id}/reveal", reveal)
        .get("/cases/{id}/timeline", timeline)
        .post("/cases/{id}/withdraw-research", withdraw_research)
        .get("/case-matches", pending_matches)
        .post("/case-matches/{id}", decide_match)
}

#[utoipa::path(get, path = "/cases", tag = "cases", responses((status = 200, body = Vec<CaseSummary>)))]
async fn list(
    State(s): State<AppState>,
    auth: Auth,
    Query(f): Query<CaseFilter>,
) -> Result<axum::Json<Vec<CaseSummary>>, AppError> {
    service::list(&s, auth.actor(), f).await.map(axum::Json)
}

#[utoipa::path(post, path = "/cases", tag = "cases", responses((status = 201, body = CaseCreated)))]
async fn create(
    State(s): State<AppState>,
    auth: Auth,
    Json(input): Json<ReferralInput>,
) -> Result<(StatusCode, axum::Json<CaseCreated>), AppError> {
    let c = service::create(&s, auth.actor(), input).await?;
    Ok((StatusCode::CREATED, axum::Json(c)))
}

#[derive(Deserialize, utoipa::ToSchema)]
struct AssessBody {
    #[serde(default)]
    case_id: Option<CaseId>,
    #[serde(flatten)]
    input: ReferralInput,
}

#[utoipa::path(post, path = "/cases/assess", tag = "cases", responses((status = 200, body = Assessment)))]
async fn assess(
    State(s): State<AppState>,
    auth: Auth,
    Json(b): Json<AssessBody>,
) -> Result<axum::Json<Assessment>, AppError> {
    service::assess(&s, auth.actor(), b.case_id, b.input)
        .await
        .map(axum::Json)
}

#[utoipa::path(get, path = "/cases/{id}", tag = "cases", responses((status = 200, body = CaseDetail)))]
async fn get(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<CaseId>,
) -> Result<axum::Json<CaseDetail>, AppError> {
    service::get(&s, auth.actor(), id).await.map(axum::Json)
}

#[utoipa::path(patch, path = "/cases/{id}", tag = "cases", responses((status = 200, body = CaseDetail)))]
async fn update(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<CaseId>,
    Json(input): Json<CasePatchInput>,
) -> Result<axum::Json<CaseDetail>, AppError> {
    service::update(&s, auth.actor(), id, input)
        .await
        .map(axum::Json)
}

#[utoipa::path(post, path = "/cases/{id}/referrals", tag = "cases", responses((status = 201, body = CaseCreated)))]
async fn refer_again(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<CaseId>,
    Json(input): Json<ReferralInput>,
) -> Result<(StatusCode, axum::Json<CaseCreated>), AppError> {
    let c = service::add_referral(&s, auth.actor(), id, input).await?;
    Ok((StatusCode::CREATED, axum::Json(c)))
}

#[utoipa::path(post, path = "/cases/{id}/reveal", tag = "cases", responses((status = 200, body = Revealed)))]
async fn reveal(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<CaseId>,
    Json(input): Json<RevealInput>,
) -> Result<axum::Json<Revealed>, AppError> {
    service::reveal(&s, auth.actor(), id, input)
        .await
        .map(axum::Json)
}

#[utoipa::path(get, path = "/cases/{id}/timeline", tag = "cases", responses((status = 200, body = Vec<TimelineEntry>)))]
async fn timeline(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<CaseId>,
) -> Result<axum::Json<Vec<TimelineEntry>>, AppError> {
    service::timeline(&s, auth.actor(), id)
        .await
        .map(axum::Json)
}

#[utoipa::path(post, path = "/cases/{id}/withdraw-research", tag = "cases", responses((status = 200, body = CaseDetail)))]
async fn withdraw_research(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<CaseId>,
    Json(input): Json<WithdrawResearchInput>,
) -> Result<axum::Json<CaseDetail>, AppError> {
    involvement::withdraw_research(&s, auth.actor(), id, input)
        .await
        .map(axum::Json)
}

#[utoipa::path(get, path = "/case-matches", tag = "cases", responses((status = 200, body = Vec<PendingMatch>)))]
async fn pending_matches(
    State(s): State<AppState>,
    auth: Auth,
) -> Result<axum::Json<Vec<PendingMatch>>, AppError> {
    matching::list(&s, auth.actor()).await.map(axum::Json)
}

#[utoipa::path(post, path = "/case-matches/{id}", tag = "cases", responses((status = 200, body = MatchDecided)))]
async fn decide_match(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MatchId>,
    Json(input): Json<MatchDecisionInput>,
) -> Result<axum::Json<MatchDecided>, AppError> {
    matching::decide(&s, auth.actor(), id, input)
        .await
        .map(axum::Json)
}
