//! Deciding a case's next step (at a meeting or between meetings), and reading what was
//! tried before and what an agenda's case items come back with.

use super::next_step::*;
use super::next_step_store as store;
use super::reviews;
use crate::audit::store::{record, AuditEvent};
use crate::auth::case_access::{self, case_resource, Seen};
use crate::auth::policy::{authorize, Action as Do, Resource};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::{CaseId, MeetingId};
use crate::state::AppState;

/// The decision belongs to the chair and coordinator, who keep the meeting's decisions; it
/// is asked as a case item of the agenda's (the same grant as the room's summary), after
/// need-to-know has found the case at all.
async fn decider<'a>(
    conn: &mut Conn,
    actor: Option<&'a Actor>,
    case: CaseId,
) -> Result<&'a Actor, AppError> {
    let resource = case_resource(conn, actor, case).await?;
    let actor = authorize(actor, Do::Read, resource)?;
    let involved = matches!(resource, Resource::Case { involved: true, .. });
    authorize(
        Some(actor),
        Do::Update,
        Resource::AgendaCase {
            involved,
            attending_in_session: false,
        },
    )
}

/// Records the next step; a review is put on the first meeting on or after its day when
/// that meeting exists already (else the periodic job does it when the meeting is created).
pub async fn decide(
    state: &AppState,
    actor: Option<&Actor>,
    case: CaseId,
    input: NextStepInput,
) -> Result<NextStepDone, AppError> {
    let minutes = crate::settings::service::load(state)
        .await?
        .case_item_minutes;
    let now = crate::time::now();
    let today = reviews::local_day(now);
    let mut tx = state.write().await?;
    let actor = decider(&mut tx, actor, case).await?;
    let at = match input.meeting()? {
        Some(m) => Some(
            store::item_on(&mut tx, m, case)
                .await?
                .map(|(item, starts)| (m, item, starts))
                .ok_or_else(|| AppError::validation("meeting_id", text::NOT_ON_AGENDA))?,
        ),
        None => None,
    };
    let base = at
        .map(|(_, _, starts)| reviews::local_day(starts))
        .unwrap_or(today);
    let step = input.parse(base, today)?;
    store::record(
        &mut tx,
        case,
        at.map(|(m, i, _)| (m, i)),
        &step,
        Some(actor.user_id),
        now,
    )
    .await?;
    store::apply(&mut tx, case, &step, now).await?;
    let placed_on = match &step {
        NextStep::Review { on, .. } => {
            reviews::place(&mut tx, case, *on, Some(actor.user_id), minutes, now).await?
        }
        _ => None,
    };
    let (review_on, close_reason) = match &step {
        NextStep::Review { on, .. } => (Some(on.to_string()), None),
        NextStep::Close(c) => (None, Some(c.reason().as_str())),
        NextStep::KeepOpen => (None, None),
    };
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "next_step", "case")
            .id(case)
            .details(serde_json::json!({
                "step": step.kind().as_str(),
                "meeting_id": at.map(|a| a.0 .0),
                "review_on": review_on,
                "close_reason": close_reason,
                "placed_on": placed_on.map(|m| m.0),
            })),
    )
    .await?;
    let decision = store::decisions(&mut tx, case)
        .await?
        .into_iter()
        .next()
        .or_internal("the decision just recorded")?;
    tx.commit().await?;
    Ok(NextStepDone {
        case_id: case,
        decision,
        placed_on,
    })
}

/// What was tried, inside the caller's transaction (the caller has checked need-to-know).
pub async fn tried_in(conn: &mut Conn, case: CaseId) -> Result<WhatWasTried, AppError> {
    let c = store::case_state(conn, case)
        .await?
        .ok_or(AppError::NotFound)?;
    let decisions = store::decisions(conn, case).await?;
    let mut actions = Vec::new();
    let mut all = crate::actions::service::on_case(conn, case).await?;
    all.reverse();
    for a in all.into_iter().filter(|a| a.status.is_final()) {
        let reason = crate::actions::service::history_in(conn, a.id)
            .await?
            .into_iter()
            .rev()
            .find(|h| h.to == a.status)
            .and_then(|h| h.reason);
        actions.push(TriedAction {
            id: a.id,
            owner_agency_name: a.owner_agency_name,
            kind: a.kind,
            text: a.text,
            due_on: a.due_on,
            status: a.status,
            barrier_category: a.barrier_category,
            barrier_text: a.barrier_text,
            reason,
        });
    }
    let closed_before = c.closing_code.is_some() || c.closing_reason.is_some();
    Ok(WhatWasTried {
        case_id: case,
        reference: c.reference,
        reopened: c.status != "closed" && closed_before && c.referrals > 1,
        closing_code: c.closing_code.as_deref().and_then(CloseReason::parse),
        closing_reason: c.closing_reason,
        decisions,
        actions,
    })
}

/// The case's earlier plans, outcomes and decisions; need-to-know applies and the read is
/// audited.
pub async fn what_was_tried(
    state: &AppState,
    actor: Option<&Actor>,
    case: CaseId,
) -> Result<WhatWasTried, AppError> {
    let mut tx = state.write().await?;
    let resource = case_resource(&mut tx, actor, case).await?;
    let actor = authorize(actor, Do::Read, resource)?;
    let tried = tried_in(&mut tx, case).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "read", "case")
            .id(case)
            .details(serde_json::json!({ "part": "what_was_tried" })),
    )
    .await?;
    tx.commit().await?;
    Ok(tried)
}

/// Beside each case item of the meeting's agenda that the actor may see: the last summary
/// and decisions from an earlier meeting, the open actions and what was tried. Cases the actor
/// may not see are left out; the read is audited with the cases shown.
pub async fn meeting_reviews(
    state: &AppState,
    actor: Option<&Actor>,
    meeting: MeetingId,
) -> Result<Vec<ReviewContext>, AppError> {
    let mut tx = state.write().await?;
    let (starts, published) = store::meeting_start(&mut tx, meeting)
        .await?
        .ok_or(AppError::NotFound)?;
    // Whoever may read the meeting's agenda; each case then follows need-to-know.
    let actor = authorize(actor, Do::Read, Resource::Meeting { published })?;
    let mut out = Vec::new();
    for (item, case, reference) in store::case_items(&mut tx, meeting).await? {
        if !case_access::permits(&mut tx, actor, Do::Read, case, Seen::Directly).await? {
            continue;
        }
        let last = store::last_summary(&mut tx, case, starts).await?;
        let open_actions = crate::actions::service::on_case(&mut tx, case)
            .await?
            .into_iter()
            .filter(|a| !a.status.is_final())
            .collect();
        out.push(ReviewContext {
            item_id: item,
            case_id: case,
            reference,
            last_meeting_id: last.as_ref().map(|l| l.0),
            last_meeting_unix: last.as_ref().map(|l| l.1),
            summary_md: last.as_ref().map(|l| l.2.clone()),
            decisions_md: last.map(|l| l.3),
            open_actions,
            tried: tried_in(&mut tx, case).await?,
        });
    }
    if !out.is_empty() {
        record(
            &mut tx,
            AuditEvent::new(Some(actor.user_id), "read", "agenda")
                .id(meeting)
                .details(serde_json::json!({
                    "part": "reviews",
                    "cases": out.iter().map(|c| c.case_id.0).collect::<Vec<_>>(),
                })),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(out)
}
