//! The chair's moves in the room: from item to item, the item's timer, the end of the
//! children's cases.

use super::changes::{in_session, pause, Applied};
use super::hub::{Resync, Viewer};
use super::protocol::{Event, Timer};
use super::store;
use super::text as t;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::ItemId;
use crate::meetings::agenda::service as agenda;
use crate::meetings::lifecycle::chair;
use crate::meetings::types::Meeting;

pub enum Step {
    Next,
    Previous,
    To(ItemId),
}

/// Everyone follows the chair to another item; the one left stops its timer.
pub async fn go(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    step: Step,
    now_ms: i64,
) -> Result<Applied, AppError> {
    chair(Some(&viewer.actor), m)?;
    in_session(m)?;
    let current = store::state(conn, m.id).await?.current_item_id;
    let items = agenda::live_items(conn, m.id).await?;
    let at = current.and_then(|c| items.iter().position(|i| i.id == c));
    let target = match (step, at) {
        (Step::To(item_id), _) => items
            .iter()
            .find(|i| i.id == item_id)
            .map(|i| i.id)
            .ok_or_else(|| AppError::validation("item_id", t::UNKNOWN_ITEM))?,
        (Step::Next, None) => items
            .first()
            .map(|i| i.id)
            .ok_or_else(|| AppError::conflict(t::NO_NEXT))?,
        (Step::Next, Some(n)) => items
            .get(n + 1)
            .map(|i| i.id)
            .ok_or_else(|| AppError::conflict(t::NO_NEXT))?,
        (Step::Previous, Some(n)) if n > 0 => items[n - 1].id,
        (Step::Previous, _) => return Err(AppError::conflict(t::NO_PREVIOUS)),
    };
    let mut timers = vec![];
    if let Some(cur) = current.filter(|c| *c != target) {
        if let Some(tm) = pause(conn, cur, now_ms).await? {
            timers.push((cur, tm));
        }
    }
    store::set_current(conn, m.id, Some(target)).await?;
    Ok(Applied::open(Event::Current {
        item_id: Some(target),
        timers,
    }))
}

/// Starts (`running`) or pauses the current item's timer.
pub async fn timer(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    running: bool,
    now_ms: i64,
) -> Result<Applied, AppError> {
    chair(Some(&viewer.actor), m)?;
    in_session(m)?;
    let item = store::state(conn, m.id)
        .await?
        .current_item_id
        .ok_or_else(|| AppError::conflict(t::NO_CURRENT))?;
    let timer = store::timer(conn, item).await?;
    let next = match (running, timer.running_since_ms) {
        (true, None) => Timer {
            used_ms: timer.used_ms,
            running_since_ms: Some(now_ms),
        },
        (false, Some(_)) => Timer {
            used_ms: timer.used_at(now_ms),
            running_since_ms: None,
        },
        _ => timer,
    };
    store::set_timer(conn, item, next).await?;
    Ok(Applied {
        item: Some(item),
        ..Applied::open(Event::Timer {
            item_id: item,
            timer: next,
        })
    })
}

/// The children's cases are over: children's-services-only agencies leave.
pub async fn children_done(
    conn: &mut Conn,
    viewer: &Viewer,
    m: &Meeting,
    now: i64,
) -> Result<Applied, AppError> {
    chair(Some(&viewer.actor), m)?;
    in_session(m)?;
    store::set_children_done(conn, m.id, now).await?;
    Ok(Applied {
        resync: Resync::Everyone,
        ..Applied::open(Event::ChildrenDone)
    })
}
