//! Recording what came of an action: from the actions page, the HTTP API, or the live meeting
//! the action was brought back to. One way for all three.

use super::text as t;
use super::types::{Action, ActionPatchInput};
use crate::auth::policy::{authorize, Action as Do, Resource};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{ActionId, MeetingId};

/// A change to an action, and the meeting it was brought back to if it is recorded there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeInput {
    pub change: ActionPatchInput,
    pub brought_back_to: Option<MeetingId>,
}

impl From<ActionPatchInput> for OutcomeInput {
    fn from(change: ActionPatchInput) -> Self {
        OutcomeInput {
            change,
            brought_back_to: None,
        }
    }
}

/// Changes the action inside the caller's transaction. At a meeting it must be among the
/// actions that meeting brought back; the outcome is then recorded as the meeting's.
pub async fn record_outcome(
    tx: &mut Conn,
    actor: Option<&Actor>,
    id: ActionId,
    input: OutcomeInput,
) -> Result<Action, AppError> {
    if let Some(meeting) = input.brought_back_to {
        let brought_back = super::follow_up::on_agenda(tx, meeting).await?;
        let Some(before) = brought_back.iter().find(|a| a.id == id) else {
            return Err(AppError::validation("action_id", t::NOT_BROUGHT_BACK));
        };
        // Seen in the room (an observer attending sees it too), so refused as forbidden
        // rather than as the "not found" of the case outside the meeting.
        authorize(
            actor,
            Do::Update,
            Resource::CaseAction {
                involved: true,
                own_agency: actor.and_then(|a| a.agency_id) == Some(before.owner_agency_id),
            },
        )?;
    }
    super::service::update_in(tx, actor, id, input.change, input.brought_back_to).await
}
