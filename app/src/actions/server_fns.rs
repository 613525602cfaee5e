//! Server functions for the action pages.

use super::types::{Action, ActionFilter, ActionReport, BarrierGroup, HistoryEntry, Notification};
#[cfg(feature = "ssr")]
use super::types::{ActionPatchInput, BarrierInput, NewActionInput};
use crate::error::AppError;
use crate::ids::ActionId;
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn list_actions(
    #[server(default)] filter: ActionFilter,
) -> Result<Vec<Action>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::list(&state, actor.as_ref(), filter).await)
}

#[server(prefix = "/_fn")]
pub async fn my_actions() -> Result<Vec<Action>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::mine(&state, actor.as_ref()).await)
}

#[server(prefix = "/_fn")]
pub async fn action_history(id: ActionId) -> Result<Vec<HistoryEntry>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::history(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn agree_action(input: NewActionInputForm) -> Result<Action, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let input = NewActionInput {
        case_id: input.case_id,
        meeting_id: input.meeting_id.filter(|s| !s.is_empty()),
        owner_agency_id: input.owner_agency_id.filter(|s| !s.is_empty()),
        owner_user_id: input.owner_user_id.filter(|s| !s.is_empty()),
        kind: input.kind.unwrap_or_default(),
        text: input.text.unwrap_or_default(),
        due_on: input.due_on.unwrap_or_default(),
        what_is_different: input.what_is_different,
    };
    respond(super::service::create(&state, actor.as_ref(), input).await)
}

/// The new-action form's fields, all text as browsers send them.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewActionInputForm {
    #[serde(default)]
    pub case_id: Option<String>,
    #[serde(default)]
    pub meeting_id: Option<String>,
    #[serde(default)]
    pub owner_agency_id: Option<String>,
    #[serde(default)]
    pub owner_user_id: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub due_on: Option<String>,
    #[serde(default)]
    pub what_is_different: Option<String>,
}

/// The update form's fields, as browsers send them; empty means "not given".
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ActionUpdateForm {
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub barrier_category: Option<String>,
    #[serde(default)]
    pub barrier_text: Option<String>,
    #[serde(default)]
    pub due_on: Option<String>,
    #[serde(default)]
    pub superseded_by: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The update form: status (with reason and barrier), note, new due date.
#[server(prefix = "/_fn")]
pub async fn update_action(id: ActionId, form: ActionUpdateForm) -> Result<Action, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let empty = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    let input = ActionPatchInput {
        status: empty(form.status),
        reason: empty(form.reason),
        barrier: empty(form.barrier_category).map(|category| BarrierInput {
            category,
            text: empty(form.barrier_text),
        }),
        due_on: empty(form.due_on),
        superseded_by: empty(form.superseded_by),
        note: empty(form.note),
        meeting_id: None,
    };
    respond(super::service::update(&state, actor.as_ref(), id, input).await)
}

#[server(prefix = "/_fn")]
pub async fn my_notifications() -> Result<Vec<Notification>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::notifications(&state, actor.as_ref()).await)
}

#[server(prefix = "/_fn")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::mark_read(&state, actor.as_ref()).await)
}

#[server(prefix = "/_fn")]
pub async fn get_action_report(
    from: Option<String>,
    to: Option<String>,
) -> Result<ActionReport, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(
        super::reports::report(&state, actor.as_ref(), super::reports::Period { from, to }).await,
    )
}

#[server(prefix = "/_fn")]
pub async fn get_barrier_register(
    from: Option<String>,
    to: Option<String>,
) -> Result<Vec<BarrierGroup>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(
        super::reports::barriers(&state, actor.as_ref(), super::reports::Period { from, to }).await,
    )
}
