//! Starting and closing a meeting: the one way, whichever door asks (the HTTP API, the
//! meeting page or the live screen). The caller holds the meeting's turn
//! (`MeetingFeed::turn`), owns the transaction and runs the returned `AfterCommit` once it
//! has committed.

use super::feed::{AfterCommit, MeetingScreen, StatusChange};
use super::text as t;
use super::types::{Meeting, MeetingStatus};
use super::{agenda, store};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::AppError;

/// The actor may run the meeting (move it on, run its items): the policy's update of it.
pub fn chair<'a>(actor: Option<&'a Actor>, m: &Meeting) -> Result<&'a Actor, AppError> {
    let resource = Resource::Meeting {
        published: m.status.published(),
    };
    authorize(actor, Action::Update, resource)
}

/// Opens the meeting on the first item of its agenda.
pub async fn start(
    conn: &mut Conn,
    actor: Option<&Actor>,
    m: &Meeting,
    screen: &dyn MeetingScreen,
    now: i64,
) -> Result<AfterCommit, AppError> {
    let actor = chair(actor, m)?;
    if m.status != MeetingStatus::AgendaPublished {
        return Err(AppError::conflict(t::CANNOT_START));
    }
    let first = agenda::service::first_item(conn, m.id)
        .await?
        .ok_or_else(|| AppError::conflict(t::NO_ITEMS))?;
    store::set_status(conn, m.id, MeetingStatus::InSession, now).await?;
    let change = StatusChange {
        meeting: m.id,
        by: actor.user_id,
        status: MeetingStatus::InSession,
        first_item: Some(first),
        now,
    };
    screen.status_changed(conn, change).await
}

/// Closes the meeting: the running item's timer stops, and unfinished actions are carried
/// over to the next meeting (escalated past the group's limit).
pub async fn close(
    conn: &mut Conn,
    actor: Option<&Actor>,
    m: &Meeting,
    carry_over_limit: u32,
    screen: &dyn MeetingScreen,
    now: i64,
) -> Result<AfterCommit, AppError> {
    let actor = chair(actor, m)?;
    if m.status != MeetingStatus::InSession {
        return Err(AppError::conflict(t::NOT_IN_SESSION));
    }
    store::set_status(conn, m.id, MeetingStatus::Closed, now).await?;
    crate::actions::follow_up::on_close(conn, m.id, actor.user_id, carry_over_limit, now).await?;
    let change = StatusChange {
        meeting: m.id,
        by: actor.user_id,
        status: MeetingStatus::Closed,
        first_item: None,
        now,
    };
    screen.status_changed(conn, change).await
}
