//! What happens because time passes: each domain's periodic work (reminders, series kept
//! six meetings ahead, reviews placed on agendas), then the outbox's pass that tells people.
//! One tick at a given `now`, so that tests can run "seven days later" without waiting.

use crate::error::AppError;
use crate::outbox::worker::{self, Post};
use crate::state::AppState;

/// Everything due at `now`. Each job is idempotent: a second tick at the same time changes
/// nothing. A job that fails is logged and the others still run.
pub async fn tick(state: &AppState, post: &Post, now: i64) -> Result<(), AppError> {
    // In this order: a series' new meetings exist before reviews look for the first meeting on
    // or after their date, and everything written before the worker's pass is told in it.
    let jobs: [(&str, JobResult); 5] = [
        (
            "series",
            crate::meetings::series_job::run_due(state, now).await,
        ),
        ("reviews", crate::cases::reviews::run_due(state, now).await),
        (
            "actions",
            crate::actions::reminders::run_due(state, now).await,
        ),
        (
            "meetings",
            crate::meetings::reminders::run_due(state, now).await,
        ),
        (
            "deadlines",
            crate::cases::deadline_reminders::run_due(state, now).await,
        ),
    ];
    for (name, r) in jobs {
        if let Err(e) = r {
            tracing::error!(job = name, error = ?e, "a periodic job failed");
        }
    }
    worker::pass(state, post, now).await
}

/// Runs until `stop` resolves: a pass every `every`, or sooner when woken.
pub async fn run(
    state: AppState,
    post: Post,
    every: std::time::Duration,
    stop: impl std::future::Future<Output = ()> + Send,
) {
    tokio::pin!(stop);
    loop {
        let now = state.clock.now();
        if let Err(e) = tick(&state, &post, now).await {
            tracing::error!(error = ?e, "the scheduler: a pass failed; trying again later");
        }
        tokio::select! {
            _ = &mut stop => return,
            _ = state.outbox_wake.notified() => {}
            _ = tokio::time::sleep(every) => {}
        }
    }
}

type JobResult = Result<(), AppError>;
