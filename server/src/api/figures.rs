//! A case's aggregate fields, the case figures report, the list behind a figure and the data
//! return (CSV and JSON).

use super::extract::{Auth, Id, Json, Query};
use super::Api;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use convene_app::error::AppError;
use convene_app::figures::data_return::DataReturn;
use convene_app::figures::period::ReportQuery;
use convene_app::figures::report::{CaseReport, FigureList};
use convene_app::figures::service;
use convene_app::figures::types::{CaseFiguresInput, CaseFiguresView};
use convene_app::ids::CaseId;
use convene_app::state::AppState;

pub fn routes(api: Api) -> Api {
    api.get("/cases/{id}/figures", get)
        .put("/cases/{id}/figures", put)
        .get("/reports/cases", report)
        .get("/reports/cases/list", list)
        .get("/reports/data-return.csv", data_return_csv)
        .get("/reports/data-return.json", data_return_json)
}

#[utoipa::path(get, path = "/cases/{id}/figures", tag = "figures", responses((status = 200, body = CaseFiguresView)))]
async fn get(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<CaseId>,
) -> Result<axum::Json<CaseFiguresView>, AppError> {
    service::get(&s, auth.actor(), id).await.map(axum::Json)
}

#[utoipa::path(put, path = "/cases/{id}/figures", tag = "figures", request_body = CaseFiguresInput, responses((status = 200, body = CaseFiguresView)))]
async fn put(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<CaseId>,
    Json(i): Json<CaseFiguresInput>,
) -> Result<axum::Json<CaseFiguresView>, AppError> {
    service::put(&s, auth.actor(), id, i).await.map(axum::Json)
}

#[utoipa::path(get, path = "/reports/cases", tag = "figures", params(ReportQuery), responses((status = 200, body = CaseReport)))]
async fn report(
    State(s): State<AppState>,
    auth: Auth,
    Query(q): Query<ReportQuery>,
) -> Result<axum::Json<CaseReport>, AppError> {
    service::report(&s, auth.actor(), q).await.map(axum::Json)
}

#[utoipa::path(get, path = "/reports/cases/list", tag = "figures", params(ReportQuery), responses((status = 200, body = FigureList)))]
async fn list(
    State(s): State<AppState>,
    auth: Auth,
    Query(q): Query<ReportQuery>,
) -> Result<axum::Json<FigureList>, AppError> {
    service::figure_list(&s, auth.actor(), q)
        .await
        .map(axum::Json)
}

#[utoipa::path(get, path = "/reports/data-return.csv", tag = "figures", params(ReportQuery), responses((status = 200, description = "The data return as CSV (docs/data-return.md)", content_type = "text/csv", body = String)))]
async fn data_return_csv(
    State(s): State<AppState>,
    auth: Auth,
    Query(q): Query<ReportQuery>,
) -> Result<Response, AppError> {
    let body = service::data_return_csv(&s, auth.actor(), q).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"data-return.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}

#[utoipa::path(get, path = "/reports/data-return.json", tag = "figures", params(ReportQuery), responses((status = 200, body = DataReturn)))]
async fn data_return_json(
    State(s): State<AppState>,
    auth: Auth,
    Query(q): Query<ReportQuery>,
) -> Result<axum::Json<DataReturn>, AppError> {
    service::data_return(&s, auth.actor(), q)
        .await
        .map(axum::Json)
}
