use super::types::{MatchDecided, MatchDecisionInput, PendingMatch};
use crate::error::AppError;
use crate::ids::MatchId;
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn pending_matches() -> Result<Vec<PendingMatch>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::list(&state, actor.as_ref()).await)
}

#[server(prefix = "/_fn")]
pub async fn decide_match(id: MatchId, decision: String) -> Result<MatchDecided, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(
        super::service::decide(&state, actor.as_ref(), id, MatchDecisionInput { decision }).await,
    )
}
