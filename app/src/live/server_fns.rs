//! The live page's server functions: its state for the first render (so a reload is never
//! blank), and the confidentiality acknowledgement that opens it.

use super::protocol::LiveState;
use crate::error::AppError;
use crate::ids::MeetingId;
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn get_live_state(id: MeetingId) -> Result<LiveState, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    let r = async {
        let (room, viewer) = super::service::admit(&state, actor.as_ref(), id).await?;
        super::service::snapshot(&state, &room, &viewer).await
    }
    .await;
    respond(r)
}

#[server(prefix = "/_fn")]
pub async fn acknowledge_live(id: MeetingId) -> Result<(), AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(
        crate::meetings::agenda::service::acknowledge(&state, actor.as_ref(), id)
            .await
            .map(|_| ()),
    )
}
