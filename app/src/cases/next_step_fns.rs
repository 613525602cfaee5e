//! The browser's doors to next steps: decode, one use case, map the error.

use super::next_step::{NextStepDone, NextStepInput, ReviewContext, WhatWasTried};
use crate::error::AppError;
use crate::ids::{CaseId, MeetingId};
use leptos::prelude::*;

/// The next-step form, on the agenda item (with its meeting) or on the case page.
#[server(prefix = "/_fn")]
pub async fn decide_next_step(id: CaseId, form: NextStepInput) -> Result<NextStepDone, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::next_step_service::decide(&state, actor.as_ref(), id, form).await)
}

#[server(prefix = "/_fn")]
pub async fn case_what_was_tried(id: CaseId) -> Result<WhatWasTried, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::next_step_service::what_was_tried(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn meeting_reviews(id: MeetingId) -> Result<Vec<ReviewContext>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::next_step_service::meeting_reviews(&state, actor.as_ref(), id).await)
}
