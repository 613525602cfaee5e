use super::types::{
    Assessment, CaseCreated, CaseDetail, CaseFilter, CaseForm, CaseSummary, ReferralInput,
    Revealed, TimelineEntry,
};
#[cfg(feature = "ssr")]
use super::types::{RevealInput, WithdrawResearchInput};
use crate::error::AppError;
use crate::ids::CaseId;
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn list_cases(
    #[server(default)] filter: CaseFilter,
) -> Result<Vec<CaseSummary>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::list(&state, actor.as_ref(), filter).await)
}

#[server(prefix = "/_fn")]
pub async fn get_case(id: CaseId) -> Result<CaseDetail, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::get(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn case_timeline(id: CaseId) -> Result<Vec<TimelineEntry>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::timeline(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn refer_case(input: ReferralInput) -> Result<CaseCreated, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::create(&state, actor.as_ref(), input).await)
}

#[server(prefix = "/_fn")]
pub async fn refer_again(case_id: CaseId, input: ReferralInput) -> Result<CaseCreated, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::add_referral(&state, actor.as_ref(), case_id, input).await)
}

#[server(prefix = "/_fn")]
pub async fn assess_referral(
    case_id: Option<CaseId>,
    input: ReferralInput,
) -> Result<Assessment, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::assess(&state, actor.as_ref(), case_id, input).await)
}

#[server(prefix = "/_fn")]
pub async fn reveal_field(id: CaseId, field: String, reason: String) -> Result<Revealed, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::reveal(&state, actor.as_ref(), id, RevealInput { field, reason }).await)
}

/// The case management form.
#[server(prefix = "/_fn")]
pub async fn update_case(id: CaseId, form: CaseForm) -> Result<CaseDetail, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::update(&state, actor.as_ref(), id, form.into_patch()).await)
}

/// The coordinator's or chair's withdrawal of an agency's involvement through research.
#[server(prefix = "/_fn")]
pub async fn withdraw_research_involvement(
    id: CaseId,
    agency_id: String,
) -> Result<CaseDetail, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let input = WithdrawResearchInput {
        agency_id: Some(agency_id),
    };
    respond(super::involvement::withdraw_research(&state, actor.as_ref(), id, input).await)
}
