//! Server functions for the meeting pages. Each decodes, calls one use case, maps the error.

use super::agenda::types::Agenda;
use super::attendance::{AgencyContinuity, AttendanceRow};
use super::research::{CaseResearch, ResearchGrid};
use super::types::{Meeting, SeriesInput};
use crate::error::AppError;
use crate::ids::{CaseId, ItemId, MeetingId, UserId};
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::agenda::types::{AgendaOpForm, AgendaPatch},
    super::attendance::{AttendanceEntry, AttendanceUpdate},
    super::research::ResearchInput,
    super::types::{MeetingPatchInput, NewMeetingInput},
};

pub use super::minutes::server_fns::*;

#[server(prefix = "/_fn")]
pub async fn list_meetings() -> Result<Vec<Meeting>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::list(&state, actor.as_ref(), None, None).await)
}

#[server(prefix = "/_fn")]
pub async fn schedule_meeting(
    starts_at: String,
    duration_minutes: Option<String>,
    place: Option<String>,
    video_link: Option<String>,
    chair_id: Option<String>,
) -> Result<Meeting, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let input = NewMeetingInput {
        starts_at,
        duration_minutes,
        place,
        video_link,
        chair_id,
    };
    respond(super::service::create(&state, actor.as_ref(), input).await)
}

#[server(prefix = "/_fn")]
pub async fn set_up_series(input: SeriesInput) -> Result<Vec<Meeting>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::create_series(&state, actor.as_ref(), input).await)
}

/// Starts or closes the meeting, and answers with the agenda as it now stands for the actor.
#[server(prefix = "/_fn")]
pub async fn move_meeting_on(id: MeetingId, status: String) -> Result<Agenda, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let input = MeetingPatchInput {
        status: Some(status),
        ..Default::default()
    };
    respond(super::service::update(&state, actor.as_ref(), id, input).await)?;
    respond(super::agenda::service::get(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn get_agenda(id: MeetingId) -> Result<Agenda, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::agenda::service::get(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn build_agenda(id: MeetingId) -> Result<Agenda, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::agenda::service::build(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn publish_agenda(id: MeetingId) -> Result<Agenda, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::agenda::service::publish(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn acknowledge_confidentiality(id: MeetingId) -> Result<Agenda, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::agenda::service::acknowledge(&state, actor.as_ref(), id).await)
}

/// One change to the agenda from the agenda page's buttons and small forms: the same
/// `AgendaOp` the HTTP API takes, through the same use case.
#[server(prefix = "/_fn")]
pub async fn change_agenda(
    id: MeetingId,
    op: String,
    item_id: Option<ItemId>,
    position: Option<u32>,
    reason: Option<String>,
    minutes: Option<String>,
    title: Option<String>,
) -> Result<Agenda, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let form = AgendaOpForm {
        op,
        item_id,
        position,
        reason,
        minutes,
        title,
    };
    let operations = vec![respond(form.op())?];
    let patch = AgendaPatch { operations };
    respond(super::agenda::service::change(&state, actor.as_ref(), id, patch).await)
}

#[server(prefix = "/_fn")]
pub async fn get_research(id: MeetingId, case_id: CaseId) -> Result<CaseResearch, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::research::service::get(&state, actor.as_ref(), id, case_id).await)
}

#[server(prefix = "/_fn")]
pub async fn save_research(
    id: MeetingId,
    case_id: CaseId,
    state_choice: String,
    body_md: Option<String>,
    agency_id: Option<String>,
) -> Result<CaseResearch, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let input = ResearchInput {
        agency_id,
        state: state_choice,
        body_md,
    };
    respond(super::research::service::put(&state, actor.as_ref(), id, case_id, input).await)
}

#[server(prefix = "/_fn")]
pub async fn get_research_grid(id: MeetingId) -> Result<ResearchGrid, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::research::service::grid(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn get_attendance(id: MeetingId) -> Result<Vec<AttendanceRow>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::attendance::service::get(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn set_attendance(
    id: MeetingId,
    user_id: UserId,
    status: String,
) -> Result<Vec<AttendanceRow>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let update = AttendanceUpdate {
        entries: vec![AttendanceEntry { user_id, status }],
    };
    respond(super::attendance::service::put(&state, actor.as_ref(), id, update).await)
}

#[server(prefix = "/_fn")]
pub async fn attendance_continuity() -> Result<Vec<AgencyContinuity>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::attendance::service::continuity(&state, actor.as_ref(), None, None).await)
}

#[server(prefix = "/_fn")]
pub async fn calendar_link(renew: Option<String>) -> Result<String, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::calendar_link(&state, actor.as_ref(), renew.is_some()).await)
}
