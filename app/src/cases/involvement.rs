//! Involvement through research: an agency that tells the group it holds information on a
//! case comes to see it (as the practice says), its people are told, and the coordinator or
//! chair may withdraw it.

use super::service::case_resource;
use super::text as t;
use super::types::{CaseDetail, WithdrawResearchInput};
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::{AgencyId, CaseId};
use crate::notices::service::{self as notices, NewNotice};
use crate::notices::types::NoticeKind;
use crate::state::AppState;

/// Records that `agency` holds information on `case`; its people are told the first time.
pub async fn through_research(
    conn: &mut Conn,
    case: CaseId,
    agency: AgencyId,
    now: i64,
) -> Result<(), AppError> {
    if crate::auth::case_access::involve(conn, case, agency, "research", now).await? {
        let n = NewNotice::new(NoticeKind::InvolvedThroughResearch, now).case(case);
        notices::to_agency(conn, agency, &n).await?;
    }
    Ok(())
}

/// Withdraws an agency's involvement that came from research (its other reasons stay).
pub async fn withdraw_research(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    input: WithdrawResearchInput,
) -> Result<CaseDetail, AppError> {
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let resource = case_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Assign, resource)?;
    let agency = input
        .agency_id
        .as_deref()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .map(AgencyId)
        .ok_or_else(|| AppError::validation("agency_id", t::NOT_INVOLVED_THROUGH_RESEARCH))?;
    if !super::store::withdraw(&mut tx, id, agency, "research").await? {
        return Err(AppError::validation(
            "agency_id",
            t::NOT_INVOLVED_THROUGH_RESEARCH,
        ));
    }
    let n = NewNotice::new(NoticeKind::InvolvementWithdrawn, now).case(id);
    notices::to_agency(&mut tx, agency, &n).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "withdraw_research", "case")
            .id(id)
            .details(serde_json::json!({ "agency_id": agency.0 })),
    )
    .await?;
    let detail = super::service::detail(&mut tx, id, now)
        .await?
        .or_internal("the case just changed, in the same transaction")?;
    tx.commit().await?;
    Ok(detail)
}
