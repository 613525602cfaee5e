//! Actions in the room: agreed on a case item, or an earlier one's outcome recorded. The
//! actions domain does the work, the same as from the actions page or the HTTP API.

use super::changes::{in_session, item_for, Applied};
use super::hub::{Resync, Viewer};
use super::protocol::Event;
use super::text as t;
use crate::actions::types::{ActionPatchInput, NewActionInput};
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{ActionId, ItemId};
use crate::meetings::agenda::service as agenda;
use crate::meetings::agenda::types::ItemKind;
use crate::meetings::types::Meeting;

/// The item gives the action its case and meeting.
pub async fn agree(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    item_id: ItemId,
    action: NewActionInput,
) -> Result<Applied, AppError> {
    in_session(m)?;
    let item = item_for(conn, viewer, m, item_id).await?;
    let case = item
        .case_id
        .ok_or_else(|| AppError::validation("item_id", t::NOT_A_CASE_ITEM))?;
    let on_item = Some((m.id, case));
    let agreed =
        crate::actions::service::create_in(conn, Some(&viewer.actor), action, on_item).await?;
    Ok(Applied {
        item: Some(item.id),
        case: Some(case),
        resync: Resync::Agency(agreed.owner_agency_id),
        event: Event::ActionAgreed {
            item_id: item.id,
            action: agreed,
        },
    })
}

/// The outcome of an action this meeting brought back.
pub async fn record_outcome(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    action_id: ActionId,
    outcome: ActionPatchInput,
) -> Result<Applied, AppError> {
    in_session(m)?;
    // One the viewer may not see answers as one never brought back.
    let case = crate::actions::follow_up::on_agenda(conn, m.id)
        .await?
        .into_iter()
        .find(|a| a.id == action_id)
        .map(|a| a.case_id);
    if !case.is_some_and(|c| viewer.may_see(None, Some(c))) {
        return Err(AppError::validation("action_id", t::NOT_BROUGHT_BACK));
    }
    let input = crate::actions::OutcomeInput {
        change: outcome,
        brought_back_to: Some(m.id),
    };
    let after = crate::actions::record_outcome(conn, Some(&viewer.actor), action_id, input).await?;
    let item = agenda::live_items(conn, m.id)
        .await?
        .into_iter()
        .find(|i| i.kind() == ItemKind::IncompleteActions)
        .map(|i| i.id);
    Ok(Applied {
        item,
        case: Some(after.case_id),
        ..Applied::open(Event::Outcome { action: after })
    })
}
