use super::types::Notice;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_fn")]
pub async fn my_notices() -> Result<Vec<Notice>, AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::list(&state, actor.as_ref()).await)
}

#[server(prefix = "/_fn")]
pub async fn mark_notices_read() -> Result<(), AppError> {
    use crate::sfn::*;
    let (state, actor) = ctx()?;
    respond(super::service::mark_read(&state, actor.as_ref()).await)
}
