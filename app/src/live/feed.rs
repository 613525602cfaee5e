//! The live screen's side of a meeting starting or closing, whichever door moved it: the
//! hub implements the feed that meetings publish to.

use super::changes::{pause, Applied};
use super::hub::{LiveHub, Resync};
use super::protocol::Event;
use super::service::{commit_event, now_ms};
use super::store;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::MeetingId;
use crate::meetings::feed::{AfterCommit, Boxed, MeetingFeed, MeetingScreen, StatusChange};
use std::sync::Mutex;

/// The room follows the status: the running item's timer stops, and the current item is the
/// one the meeting opens on (none once closed).
async fn follow_status(
    conn: &mut Conn,
    change: StatusChange,
    now_ms: i64,
) -> Result<Applied, AppError> {
    store::ensure(conn, change.meeting, change.now).await?;
    let mut timers = vec![];
    if let Some(cur) = store::state(conn, change.meeting).await?.current_item_id {
        if let Some(tm) = pause(conn, cur, now_ms).await? {
            timers.push((cur, tm));
        }
    }
    store::set_current(conn, change.meeting, change.first_item).await?;
    Ok(Applied {
        item: None,
        case: None,
        resync: Resync::Everyone,
        event: Event::Status {
            status: change.status,
            current_item_id: change.first_item,
            timers,
        },
    })
}

/// A change made outside the room (the HTTP API, the meeting page) is numbered and shown as
/// the room's own.
impl MeetingScreen for LiveHub {
    fn status_changed<'a>(
        &'a self,
        conn: &'a mut Conn,
        change: StatusChange,
    ) -> Boxed<'a, Result<AfterCommit, AppError>> {
        Box::pin(async move {
            let room = self.room(change.meeting);
            let applied = follow_status(conn, change, now_ms()).await?;
            let c =
                commit_event(conn, &room, change.by, None, applied, "status", change.now).await?;
            Ok(AfterCommit::new(move || {
                room.committed(c.seq);
                room.publish(c);
            }))
        })
    }
}

impl MeetingFeed for LiveHub {
    fn turn(&self, meeting: MeetingId) -> Boxed<'_, Box<dyn Send>> {
        let order = self.room(meeting).write.clone();
        Box::pin(async move { Box::new(order.lock_owned().await) as Box<dyn Send> })
    }
}

/// A change made in the room: the room commits it under the sender's key, so the screen only
/// keeps what to commit.
pub(super) struct InTheRoom {
    now_ms: i64,
    applied: Mutex<Option<Applied>>,
}

impl InTheRoom {
    pub(super) fn new(now_ms: i64) -> Self {
        InTheRoom {
            now_ms,
            applied: Mutex::new(None),
        }
    }

    pub(super) fn applied(self) -> Result<Applied, AppError> {
        self.applied
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .ok_or_else(|| {
                tracing::error!("a status change reached no screen");
                AppError::Internal
            })
    }
}

impl MeetingScreen for InTheRoom {
    fn status_changed<'a>(
        &'a self,
        conn: &'a mut Conn,
        change: StatusChange,
    ) -> Boxed<'a, Result<AfterCommit, AppError>> {
        Box::pin(async move {
            let applied = follow_status(conn, change, self.now_ms).await?;
            *self.applied.lock().unwrap_or_else(|e| e.into_inner()) = Some(applied);
            Ok(AfterCommit::nothing())
        })
    }
}
