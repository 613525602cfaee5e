//! Who manages a case: the case manager and the case responsible, chosen among the active
//! people of the agencies involved with it. Whoever is newly named is told at once.

use super::contact_store as store;
use super::types::{CaseDetail, CasePatch, CasePeopleInput};
use crate::audit::store::{record, AuditEvent};
use crate::auth::case_access::case_resource;
use crate::auth::policy::{authorize, Action};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::{AppError, OrInternal, Problems};
use crate::i18n::Msg;
use crate::ids::{AgencyId, CaseId, UserId};
use crate::notices::types::NoticeKind;
use crate::outbox::service::{self as outbox, Tell};
use crate::state::AppState;

const NOT_INVOLVED: Msg = Msg("contact-person-not-involved");

/// Checks the people a change names: each must be active and belong to an agency involved
/// with the case (or to one the same change involves, `also`). Problems go to `p`.
pub(super) async fn check(
    conn: &mut Conn,
    case: CaseId,
    patch: &CasePatch,
    also: &[AgencyId],
    p: &mut Problems,
) -> Result<(), AppError> {
    for (field, user) in [
        ("case_manager_id", patch.case_manager_id),
        ("case_responsible_id", patch.case_responsible_id),
    ] {
        if let Some(Some(u)) = user {
            if !super::store::is_case_worker(conn, u).await? {
                p.add(field, super::text::MANAGER_INVALID);
            } else if !store::of_involved_agency(conn, case, u, also).await? {
                p.add(field, NOT_INVOLVED);
            }
        }
    }
    Ok(())
}

/// Who was named before the change, to tell only those newly named.
pub(super) async fn before(
    conn: &mut Conn,
    case: CaseId,
) -> Result<(Option<UserId>, Option<UserId>), AppError> {
    store::people(conn, case).await
}

/// Tells each person the change newly names, in the change's transaction.
pub(super) async fn tell_new(
    conn: &mut Conn,
    case: CaseId,
    before: (Option<UserId>, Option<UserId>),
    patch: &CasePatch,
    now: i64,
) -> Result<(), AppError> {
    for (kind, was, now_named) in [
        (
            NoticeKind::CaseManagerAssigned,
            before.0,
            patch.case_manager_id,
        ),
        (
            NoticeKind::CaseResponsibleAssigned,
            before.1,
            patch.case_responsible_id,
        ),
    ] {
        if let Some(Some(u)) = now_named {
            if was != Some(u) {
                let t = Tell::new(kind, now).case(case).urgent();
                outbox::to_user(conn, u, &t).await?;
            }
        }
    }
    Ok(())
}

/// Sets both people at once (`PUT /cases/{id}/people`, the case page's form). Allowed to
/// whoever may change the case (the chair, the coordinator, the lead agency).
pub async fn set(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    input: CasePeopleInput,
) -> Result<CaseDetail, AppError> {
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let resource = case_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Update, resource)?;
    let people = input.parse()?;
    let patch = CasePatch {
        case_manager_id: Some(people.case_manager_id),
        case_responsible_id: Some(people.case_responsible_id),
        ..CasePatch::default()
    };
    let mut p = Problems::new();
    check(&mut tx, id, &patch, &[], &mut p).await?;
    p.into_result()?;
    let was = before(&mut tx, id).await?;
    super::store::apply_patch(&mut tx, id, &patch, now).await?;
    tell_new(&mut tx, id, was, &patch, now).await?;
    let mut changed = Vec::new();
    if was.0 != people.case_manager_id {
        changed.push("case_manager");
    }
    if was.1 != people.case_responsible_id {
        changed.push("case_responsible");
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "update", "case")
            .id(id)
            .details(serde_json::json!({ "changed": changed })),
    )
    .await?;
    let detail = super::service::detail(&mut tx, id, now)
        .await?
        .or_internal("the case just changed, in the same transaction")?;
    tx.commit().await?;
    Ok(detail)
}
