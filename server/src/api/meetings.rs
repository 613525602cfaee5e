use super::extract::{Auth, Id, Json, Query};
use super::Api;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use convene_app::error::AppError;
use convene_app::ids::{CaseId, MeetingId};
use convene_app::meetings::agenda::types::{Agenda, AgendaPatch};
use convene_app::meetings::attendance::{self, AgencyContinuity, AttendanceRow, AttendanceUpdate};
use convene_app::meetings::research::{self, CaseResearch, ResearchGrid, ResearchInput};
use convene_app::meetings::types::{
    Meeting, MeetingPatchInput, NewMeetingInput, Series, SeriesInput,
};
use convene_app::meetings::{agenda, service};
use convene_app::state::AppState;
use serde::Deserialize;

pub fn routes(api: Api) -> Api {
    api.get("/meetings", list)
        .post("/meetings", create)
        .get("/meetings/{id}", get)
        .also("get", "/meetings/{id}.ics")
        .patch("/meetings/{id}", update)
        .get("/meeting-series", series)
        .post("/meeting-series", create_series)
        .post("/meetings/{id}/agenda/build", build)
        .get("/meetings/{id}/agenda", get_agenda)
        .patch("/meetings/{id}/agenda", change_agenda)
        .post("/meetings/{id}/publish", publish)
        .post("/meetings/{id}/acknowledge", acknowledge)
        .get("/meetings/{id}/research", grid)
        .get("/meetings/{id}/research/{case_id}", get_research)
        .put("/meetings/{id}/research/{case_id}", put_research)
        .get("/meetings/{id}/attendance", get_attendance)
        .put("/meetings/{id}/attendance", put_attendance)
        .get("/reports/attendance", continuity)
        .get("/me/calendar", calendar_link)
        .post("/me/calendar", renew_calendar_link)
        .get_as(
            "/calendar/{token}",
            "/calendar/{token}.ics",
            true,
            calendar_feed,
        )
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
struct Range {
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
}

fn instant(field: &str, v: &Option<String>) -> Result<Option<i64>, AppError> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => {
            let s = if s.len() == 10 {
                format!("{s}T00:00")
            } else {
                s.to_string()
            };
            convene_app::meetings::types::parse_instant(&s)
                .map(Some)
                .map_err(|m| AppError::validation(field, m))
        }
    }
}

#[utoipa::path(get, path = "/meetings", tag = "meetings", responses((status = 200, body = Vec<Meeting>)))]
async fn list(
    State(s): State<AppState>,
    auth: Auth,
    Query(r): Query<Range>,
) -> Result<axum::Json<Vec<Meeting>>, AppError> {
    let (from, to) = (instant("from", &r.from)?, instant("to", &r.to)?);
    service::list(&s, auth.actor(), from, to)
        .await
        .map(axum::Json)
}

#[utoipa::path(post, path = "/meetings", tag = "meetings", responses((status = 201, body = Meeting)))]
async fn create(
    State(s): State<AppState>,
    auth: Auth,
    Json(i): Json<NewMeetingInput>,
) -> Result<(StatusCode, axum::Json<Meeting>), AppError> {
    Ok((
        StatusCode::CREATED,
        axum::Json(service::create(&s, auth.actor(), i).await?),
    ))
}

fn calendar_file(body: String, name: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// `/meetings/{id}` as JSON, or `/meetings/{id}.ics` as an iCalendar file.
#[utoipa::path(get, path = "/meetings/{id}", tag = "meetings", responses((status = 200, body = Meeting)))]
async fn get(
    State(s): State<AppState>,
    auth: Auth,
    Path(raw): Path<String>,
) -> Result<Response, AppError> {
    let (id, ics) = match raw.strip_suffix(".ics") {
        Some(n) => (n, true),
        None => (raw.as_str(), false),
    };
    let id: MeetingId = id.parse().map_err(|_| AppError::NotFound)?;
    if ics {
        Ok(calendar_file(
            service::ics(&s, auth.actor(), id).await?,
            &format!("meeting-{id}.ics"),
        ))
    } else {
        Ok(axum::Json(service::get(&s, auth.actor(), id).await?).into_response())
    }
}

#[utoipa::path(patch, path = "/meetings/{id}", tag = "meetings", responses((status = 200, body = Meeting)))]
async fn update(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
    Json(i): Json<MeetingPatchInput>,
) -> Result<axum::Json<Meeting>, AppError> {
    service::update(&s, auth.actor(), id, i)
        .await
        .map(axum::Json)
}

#[utoipa::path(get, path = "/meeting-series", tag = "meetings", responses((status = 200, body = Vec<Series>)))]
async fn series(
    State(s): State<AppState>,
    auth: Auth,
) -> Result<axum::Json<Vec<Series>>, AppError> {
    service::series(&s, auth.actor()).await.map(axum::Json)
}

#[utoipa::path(post, path = "/meeting-series", tag = "meetings", responses((status = 201, body = Vec<Meeting>)))]
async fn create_series(
    State(s): State<AppState>,
    auth: Auth,
    Json(i): Json<SeriesInput>,
) -> Result<(StatusCode, axum::Json<Vec<Meeting>>), AppError> {
    Ok((
        StatusCode::CREATED,
        axum::Json(service::create_series(&s, auth.actor(), i).await?),
    ))
}

#[utoipa::path(post, path = "/meetings/{id}/agenda/build", tag = "meetings", responses((status = 200, body = Agenda)))]
async fn build(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
) -> Result<axum::Json<Agenda>, AppError> {
    agenda::service::build(&s, auth.actor(), id)
        .await
        .map(axum::Json)
}

#[utoipa::path(get, path = "/meetings/{id}/agenda", tag = "meetings", responses((status = 200, body = Agenda)))]
async fn get_agenda(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
) -> Result<axum::Json<Agenda>, AppError> {
    agenda::service::get(&s, auth.actor(), id)
        .await
        .map(axum::Json)
}

#[utoipa::path(patch, path = "/meetings/{id}/agenda", tag = "meetings", responses((status = 200, body = Agenda)))]
async fn change_agenda(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
    Json(p): Json<AgendaPatch>,
) -> Result<axum::Json<Agenda>, AppError> {
    agenda::service::change(&s, auth.actor(), id, p)
        .await
        .map(axum::Json)
}

#[utoipa::path(post, path = "/meetings/{id}/publish", tag = "meetings", responses((status = 200, body = Agenda)))]
async fn publish(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
) -> Result<axum::Json<Agenda>, AppError> {
    agenda::service::publish(&s, auth.actor(), id)
        .await
        .map(axum::Json)
}

#[utoipa::path(post, path = "/meetings/{id}/acknowledge", tag = "meetings", responses((status = 200, body = Agenda)))]
async fn acknowledge(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
) -> Result<axum::Json<Agenda>, AppError> {
    agenda::service::acknowledge(&s, auth.actor(), id)
        .await
        .map(axum::Json)
}

#[utoipa::path(get, path = "/meetings/{id}/research", tag = "meetings", responses((status = 200, body = ResearchGrid)))]
async fn grid(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
) -> Result<axum::Json<ResearchGrid>, AppError> {
    research::service::grid(&s, auth.actor(), id)
        .await
        .map(axum::Json)
}

fn ids(raw: (String, String)) -> Result<(MeetingId, CaseId), AppError> {
    Ok((
        raw.0.parse().map_err(|_| AppError::NotFound)?,
        raw.1.parse().map_err(|_| AppError::NotFound)?,
    ))
}

#[utoipa::path(get, path = "/meetings/{id}/research/{case_id}", tag = "meetings", responses((status = 200, body = CaseResearch)))]
async fn get_research(
    State(s): State<AppState>,
    auth: Auth,
    Path(raw): Path<(String, String)>,
) -> Result<axum::Json<CaseResearch>, AppError> {
    let (m, c) = ids(raw)?;
    research::service::get(&s, auth.actor(), m, c)
        .await
        .map(axum::Json)
}

#[utoipa::path(put, path = "/meetings/{id}/research/{case_id}", tag = "meetings", responses((status = 200, body = CaseResearch)))]
async fn put_research(
    State(s): State<AppState>,
    auth: Auth,
    Path(raw): Path<(String, String)>,
    Json(i): Json<ResearchInput>,
) -> Result<axum::Json<CaseResearch>, AppError> {
    let (m, c) = ids(raw)?;
    research::service::put(&s, auth.actor(), m, c, i)
        .await
        .map(axum::Json)
}

#[utoipa::path(get, path = "/meetings/{id}/attendance", tag = "meetings", responses((status = 200, body = Vec<AttendanceRow>)))]
async fn get_attendance(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
) -> Result<axum::Json<Vec<AttendanceRow>>, AppError> {
    attendance::service::get(&s, auth.actor(), id)
        .await
        .map(axum::Json)
}

#[utoipa::path(put, path = "/meetings/{id}/attendance", tag = "meetings", responses((status = 200, body = Vec<AttendanceRow>)))]
async fn put_attendance(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<MeetingId>,
    Json(u): Json<AttendanceUpdate>,
) -> Result<axum::Json<Vec<AttendanceRow>>, AppError> {
    attendance::service::put(&s, auth.actor(), id, u)
        .await
        .map(axum::Json)
}

#[utoipa::path(get, path = "/reports/attendance", tag = "meetings", responses((status = 200, body = Vec<AgencyContinuity>)))]
async fn continuity(
    State(s): State<AppState>,
    auth: Auth,
    Query(r): Query<Range>,
) -> Result<axum::Json<Vec<AgencyContinuity>>, AppError> {
    let (from, to) = (instant("from", &r.from)?, instant("to", &r.to)?);
    attendance::service::continuity(&s, auth.actor(), from, to)
        .await
        .map(axum::Json)
}

#[utoipa::path(get, path = "/me/calendar", tag = "meetings", responses((status = 200, body = super::openapi::CalendarLink)))]
async fn calendar_link(
    State(s): State<AppState>,
    auth: Auth,
) -> Result<axum::Json<serde_json::Value>, AppError> {
    let path = service::calendar_link(&s, auth.actor(), false).await?;
    Ok(axum::Json(serde_json::json!({ "path": path })))
}

#[utoipa::path(post, path = "/me/calendar", tag = "meetings", responses((status = 200, body = super::openapi::CalendarLink)))]
async fn renew_calendar_link(
    State(s): State<AppState>,
    auth: Auth,
) -> Result<axum::Json<serde_json::Value>, AppError> {
    let path = service::calendar_link(&s, auth.actor(), true).await?;
    Ok(axum::Json(serde_json::json!({ "path": path })))
}

#[utoipa::path(get, path = "/calendar/{token}.ics", tag = "meetings", security(()), params(("token" = String, Path, description = "The secret token of the feed")), responses((status = 200, description = "The iCalendar feed of the meetings this person may attend", content_type = "text/calendar", body = String)))]
async fn calendar_feed(
    State(s): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Response, AppError> {
    let token = raw.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    Ok(calendar_file(
        service::calendar_feed(&s, token).await?,
        "convene.ics",
    ))
}
