//! Deciding pending matches: the coordinator's and chair's work (`Assign` on the register).

use super::store;
use super::types::*;
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::cases::criteria::within_twelve_months;
use crate::cases::store as cases;
use crate::cases::text as t;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{CaseId, MatchId};
use crate::notices::service::{self as notices, NewNotice};
use crate::notices::types::NoticeKind;
use crate::state::AppState;

/// The matches waiting for a decision. Audited: the list names cases.
pub async fn list(state: &AppState, actor: Option<&Actor>) -> Result<Vec<PendingMatch>, AppError> {
    let actor = authorize(actor, Action::Assign, Resource::Cases)?;
    let mut tx = state.write().await?;
    let rows = store::pending(&mut tx).await?;
    let ids: Vec<i64> = rows.iter().map(|m| m.id.0).collect();
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "list", "case_match")
            .details(serde_json::json!({ "matches": ids })),
    )
    .await?;
    tx.commit().await?;
    Ok(rows)
}

/// Confirms (the same victim: the provisional case is merged into the known one, whose
/// agencies then include the referrer's) or rejects (another person: the provisional case
/// stays a case of its own).
pub async fn decide(
    state: &AppState,
    actor: Option<&Actor>,
    id: MatchId,
    input: MatchDecisionInput,
) -> Result<MatchDecided, AppError> {
    let actor = authorize(actor, Action::Assign, Resource::Cases)?;
    let decision =
        Decision::parse(&input.decision).map_err(|m| AppError::validation("decision", m))?;
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let Some(m) = store::pending_one(&mut tx, id).await? else {
        return Err(if store::exists(&mut tx, id).await? {
            AppError::conflict(t::MATCH_DECIDED)
        } else {
            AppError::NotFound
        });
    };
    store::decide(&mut tx, id, decision.state(), actor.user_id, now).await?;
    let ids = serde_json::json!({ "case": m.case_id.0, "matched_case": m.matched_case_id.0 });
    let (action, case_id, reference) = match decision {
        Decision::Confirm => {
            let told = store::agencies_of(&mut tx, m.case_id).await?;
            merge(&mut tx, m.case_id, m.matched_case_id, now).await?;
            // The referring agency now sees the known case; without a word its own case would
            // simply start to answer "not found".
            let n = NewNotice::new(NoticeKind::ReferralLinked, now).case(m.matched_case_id);
            for agency in told {
                notices::to_agency(&mut tx, agency, &n).await?;
            }
            record(
                &mut tx,
                AuditEvent::new(Some(actor.user_id), "merge", "case")
                    .id(m.matched_case_id)
                    .details(serde_json::json!({
                        "merged_case": m.case_id.0,
                        "merged_reference": m.case_reference,
                    })),
            )
            .await?;
            ("confirm", m.matched_case_id, m.matched_reference)
        }
        // Nothing is written on the provisional case itself: its timeline is the referrer's
        // to read, and must not tell that a match was ever considered.
        Decision::Reject => ("reject", m.case_id, m.case_reference),
    };
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), action, "case_match")
            .id(id)
            .details(ids),
    )
    .await?;
    tx.commit().await?;
    Ok(MatchDecided {
        id,
        decision,
        case_id,
        reference,
    })
}

/// Everything of `from` moves to `into`; the children lists are merged and referrals a year
/// apart or less are marked as repeats of each other.
async fn merge(conn: &mut Conn, from: CaseId, into: CaseId, now: i64) -> Result<(), AppError> {
    let known = cases::children(conn, into).await?;
    let reported = cases::children(conn, from).await?;
    cases::replace_children(
        conn,
        into,
        &crate::cases::children::merge(&known, &reported),
    )
    .await?;
    let old = store::referral_days(conn, into).await?;
    let moved = store::referral_days(conn, from).await?;
    for (a_id, a) in &old {
        for (b_id, b) in &moved {
            if within_twelve_months(*a, *b) {
                store::mark_repeat(conn, *b_id).await?;
            }
            if within_twelve_months(*b, *a) {
                store::mark_repeat(conn, *a_id).await?;
            }
        }
    }
    store::move_case(conn, from, into, now).await
}
