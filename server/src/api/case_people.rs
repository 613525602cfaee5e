//! Who manages a case, and the victim's contact details: `PUT /cases/{id}/people` and
//! `PUT /cases/{id}/contact`.

use super::extract::{Auth, Id, Json};
use super::Api;
use axum::extract::State;
use convene_app::cases::types::{CaseDetail, CasePeopleInput, ContactInput, ContactUpdated};
use convene_app::cases::{contact_update, people};
use convene_app::error::AppError;
use convene_app::ids::CaseId;
use convene_app::state::AppState;

pub fn routes(api: Api) -> Api {
    api.put("/cases/{id}/people", set_people)
        .put("/cases/{id}/contact", update_contact)
}

/// Names the case manager and the case responsible (both; empty or absent is nobody). Each
/// must be an active person of an agency involved with the case; whoever is newly named is told.
#[utoipa::path(put, path = "/cases/{id}/people", tag = "cases", responses((status = 200, body = CaseDetail)))]
async fn set_people(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<CaseId>,
    Json(input): Json<CasePeopleInput>,
) -> Result<axum::Json<CaseDetail>, AppError> {
    people::set(&s, auth.actor(), id, input)
        .await
        .map(axum::Json)
}

/// Changes safe-to-contact and the victim's contact details, with a reason (its category and
/// an explanation, of which only the length is kept). Answers which fields changed.
#[utoipa::path(put, path = "/cases/{id}/contact", tag = "cases", responses((status = 200, body = ContactUpdated)))]
async fn update_contact(
    State(s): State<AppState>,
    auth: Auth,
    Id(id): Id<CaseId>,
    Json(input): Json<ContactInput>,
) -> Result<axum::Json<ContactUpdated>, AppError> {
    contact_update::update(&s, auth.actor(), id, input)
        .await
        .map(axum::Json)
}
