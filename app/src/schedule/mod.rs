//! What happens because time passes: each domain's periodic work (reminders, series kept
//! six meetings ahead, reviews placed on agendas), then the outbox's pass that tells people.
//! One tick at a given `now`, so that tests can run "seven days later" without waiting.

use crate::error::AppError;
use crate::outbox::worker::{self, Post};
use crate::state::AppState;

/// Everything due at `now`. Each job is idempotent: a second tick at the same time changes
/// nothing. A job that fails is logged and the others still run.
pub async fn tick(state: &AppState, post: &Post, now: i64) -> Result<(), AppError> {
    let jobs: [(&str, JobResult); 1] = [(
        "actions",
        crate::actions::reminders::run_due(state, now).await,
    )];
    for (name, r) in jobs {
        if let Err(e) = r {
            tracing::error!(job = name, error = ?e, "a periodic job failed");
        }
    }
    worker::pass(state, post, now).await
}

type JobResult = Result<(), AppError>;
