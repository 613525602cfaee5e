//! How a meeting tells whoever shows it live that it moved on. Meetings define the interface
//! and the live screen implements it (`AppState::feed` holds it), so meetings never depend on
//! the live screen.

use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{ItemId, MeetingId, UserId};
use crate::meetings::types::MeetingStatus;
use std::future::Future;
use std::pin::Pin;

pub type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A meeting started (with the item it opens on) or closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusChange {
    pub meeting: MeetingId,
    pub by: UserId,
    pub status: MeetingStatus,
    pub first_item: Option<ItemId>,
    pub now: i64,
}

/// What is left to do once the transaction has committed: show the change.
#[must_use = "run it after the commit, or the change is never shown"]
pub struct AfterCommit(Option<Box<dyn FnOnce() + Send>>);

impl AfterCommit {
    pub fn nothing() -> Self {
        AfterCommit(None)
    }

    pub fn new(f: impl FnOnce() + Send + 'static) -> Self {
        AfterCommit(Some(Box::new(f)))
    }

    pub fn run(self) {
        if let Some(f) = self.0 {
            f();
        }
    }
}

/// Where a status change goes, inside the transaction that made it.
pub trait MeetingScreen: Send + Sync {
    /// The screen follows the change in the same transaction (closing stops the running
    /// item's timer) and records it to be shown after the commit.
    fn status_changed<'a>(
        &'a self,
        conn: &'a mut Conn,
        change: StatusChange,
    ) -> Boxed<'a, Result<AfterCommit, AppError>>;
}

/// Every meeting's screen, as the application state holds it.
pub trait MeetingFeed: MeetingScreen {
    /// Waits for the meeting's turn: its changes are committed and shown one at a time, so
    /// hold the guard from before the transaction until `AfterCommit::run`.
    fn turn(&self, meeting: MeetingId) -> Boxed<'_, Box<dyn Send>>;
}
