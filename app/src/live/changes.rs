//! What each change does, inside the caller's transaction: one use case per message, each
//! authorised against the one policy before anything is written.

use super::feed::InTheRoom;
use super::hub::{Resync, Viewer};
use super::protocol::{Change, Event, Timer};
use super::text as t;
use super::{agreed, record, session, store};
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{CaseId, ItemId};
use crate::meetings::agenda::service::{self as agenda, ItemRow};
use crate::meetings::lifecycle;
use crate::meetings::types::{Meeting, MeetingStatus};

pub struct Applied {
    pub event: Event,
    pub item: Option<ItemId>,
    pub case: Option<CaseId>,
    pub resync: Resync,
}

impl Applied {
    pub(super) fn open(event: Event) -> Self {
        Applied {
            event,
            item: None,
            case: None,
            resync: Resync::Nobody,
        }
    }
}

pub(super) fn in_session(m: &Meeting) -> Result<(), AppError> {
    if m.status == MeetingStatus::InSession {
        Ok(())
    } else {
        Err(AppError::conflict(t::NOT_IN_SESSION))
    }
}

/// The item, if it is on the agenda and the viewer may see it (otherwise it does not exist).
pub(super) async fn item_for(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    id: ItemId,
) -> Result<ItemRow, AppError> {
    agenda::live_items(conn, m.id)
        .await?
        .into_iter()
        .find(|i| i.id == id && viewer.may_see(Some(i.id), i.case_id))
        .ok_or_else(|| AppError::validation("item_id", t::UNKNOWN_ITEM))
}

/// Pauses the item's timer if it runs; returns its timer when it changed.
pub(super) async fn pause(
    conn: &mut Conn,
    item: ItemId,
    now_ms: i64,
) -> Result<Option<Timer>, AppError> {
    let timer = store::timer(conn, item).await?;
    if timer.running_since_ms.is_none() {
        return Ok(None);
    }
    let paused = Timer {
        used_ms: timer.used_at(now_ms),
        running_since_ms: None,
    };
    store::set_timer(conn, item, paused).await?;
    Ok(Some(paused))
}

pub async fn decide(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    change: Change,
    carry_over_limit: u32,
    now: i64,
    now_ms: i64,
) -> Result<Applied, AppError> {
    let actor = Some(&viewer.actor);
    match change {
        Change::StartSession => {
            let room = InTheRoom::new(now_ms);
            // Nothing to show afterwards: the room commits the change under its key.
            lifecycle::start(conn, actor, m, &room, now).await?.run();
            room.applied()
        }
        Change::EndSession => {
            let room = InTheRoom::new(now_ms);
            lifecycle::close(conn, actor, m, carry_over_limit, &room, now)
                .await?
                .run();
            room.applied()
        }
        Change::Next => session::go(conn, viewer, m, session::Step::Next, now_ms).await,
        Change::Previous => session::go(conn, viewer, m, session::Step::Previous, now_ms).await,
        Change::GoTo { item_id } => {
            session::go(conn, viewer, m, session::Step::To(item_id), now_ms).await
        }
        Change::Timer { running } => session::timer(conn, viewer, m, running, now_ms).await,
        Change::ChildrenDone => session::children_done(conn, viewer, m, now).await,
        Change::Contribute { item_id, body } => {
            record::contribute(conn, viewer, m, item_id, &body, now).await
        }
        Change::SaveSummary {
            item_id,
            base_version,
            summary,
            decisions,
        } => {
            let text = record::SummaryText {
                base_version,
                summary,
                decisions,
            };
            record::save_summary(conn, viewer, m, item_id, text, now).await
        }
        Change::AgreeAction { item_id, action } => {
            agreed::agree(conn, viewer, m, item_id, action).await
        }
        Change::RecordOutcome { action_id, outcome } => {
            agreed::record_outcome(conn, viewer, m, action_id, outcome).await
        }
    }
}
