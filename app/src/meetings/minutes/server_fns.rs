use super::types::Minutes;
#[cfg(feature = "ssr")]
use super::types::*;
use crate::error::AppError;
use crate::ids::{CommentId, MeetingId, SectionId};
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn get_minutes(id: MeetingId, agency_id: Option<String>) -> Result<Minutes, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::get(&state, actor.as_ref(), id, MinutesQuery { agency_id }).await)
}

#[server(prefix = "/_fn")]
pub async fn save_minutes_section(
    id: MeetingId,
    version: i64,
    section_id: SectionId,
    body_md: String,
) -> Result<Minutes, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let input = MinutesUpdate {
        version,
        sections: vec![SectionEdit {
            id: section_id,
            body_md,
        }],
    };
    respond(super::service::update(&state, actor.as_ref(), id, input).await)
}

#[server(prefix = "/_fn")]
pub async fn circulate_minutes(
    id: MeetingId,
    review_deadline: Option<String>,
) -> Result<Minutes, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(
        super::service::circulate(
            &state,
            actor.as_ref(),
            id,
            CirculateInput { review_deadline },
        )
        .await,
    )
}

#[server(prefix = "/_fn")]
pub async fn comment_on_minutes(
    id: MeetingId,
    section_id: Option<SectionId>,
    body: String,
    proposed_text: Option<String>,
) -> Result<Minutes, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(
        super::service::comment(
            &state,
            actor.as_ref(),
            id,
            CommentInput {
                section_id,
                body,
                proposed_text,
            },
        )
        .await,
    )
}

#[server(prefix = "/_fn")]
pub async fn resolve_minutes_comment(
    id: MeetingId,
    comment_id: CommentId,
    status: String,
    note: Option<String>,
) -> Result<Minutes, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(
        super::service::resolve(
            &state,
            actor.as_ref(),
            id,
            comment_id,
            ResolveInput { status, note },
        )
        .await,
    )
}

#[server(prefix = "/_fn")]
pub async fn approve_minutes(id: MeetingId) -> Result<Minutes, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::approve(&state, actor.as_ref(), id).await)
}

#[server(prefix = "/_fn")]
pub async fn add_minutes_addendum(id: MeetingId, body_md: String) -> Result<Minutes, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(
        super::service::add_addendum(&state, actor.as_ref(), id, AddendumInput { body_md }).await,
    )
}
