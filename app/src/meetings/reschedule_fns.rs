//! Server functions for moving and cancelling meetings, changing and ending a series, and
//! late research. Each decodes, calls one use case, maps the error.

use super::late_research::{LateResearch, Reminded};
#[cfg(feature = "ssr")]
use super::reschedule_types::{CancelInput, MoveInput, SeriesEndInput};
use super::reschedule_types::{CancelOutcome, SeriesChange, SeriesEditInput};
use super::types::{Meeting, Series};
use crate::error::AppError;
use crate::ids::{MeetingId, SeriesId};
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn list_series() -> Result<Vec<Series>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::series(&state, actor.as_ref()).await)
}

#[server(prefix = "/_fn")]
pub async fn move_meeting(
    id: MeetingId,
    starts_at: String,
    duration_minutes: Option<String>,
    place: Option<String>,
    reason: String,
) -> Result<Meeting, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let input = MoveInput {
        starts_at,
        duration_minutes: duration_minutes.filter(|d| !d.trim().is_empty()),
        place,
        reason,
    };
    respond(super::reschedule::move_meeting(&state, actor.as_ref(), id, input).await)
}

#[server(prefix = "/_fn")]
pub async fn cancel_meeting(id: MeetingId, reason: String) -> Result<CancelOutcome, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let input = CancelInput { reason };
    respond(super::reschedule::cancel_meeting(&state, actor.as_ref(), id, input).await)
}

#[server(prefix = "/_fn")]
pub async fn change_series(id: SeriesId, input: SeriesEditInput) -> Result<SeriesChange, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    // A form sends every field; an empty one means "as it is".
    let keep = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    let input = SeriesEditInput {
        every_weeks: keep(input.every_weeks),
        weekday: keep(input.weekday),
        duration_minutes: keep(input.duration_minutes),
        ..input
    };
    respond(super::reschedule::edit_series(&state, actor.as_ref(), id, input).await)
}

#[server(prefix = "/_fn")]
pub async fn end_series(id: SeriesId, last_day: String) -> Result<SeriesChange, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let input = SeriesEndInput { last_day };
    respond(super::reschedule::end_series(&state, actor.as_ref(), id, input).await)
}

#[server(prefix = "/_fn")]
pub async fn get_late_research(id: MeetingId) -> Result<LateResearch, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::late_research::service::late(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn remind_late_research(id: MeetingId) -> Result<Reminded, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::late_research::service::remind(&state, actor.as_ref(), id).await)
}
