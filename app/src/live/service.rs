//! Joining a live meeting and committing changes in order.

use super::changes::{self, Applied};
use super::hub::{Committed, Room, Sight, Viewer};
use super::protocol::*;
use super::snapshot::{event_json, hidden_json};
pub use super::snapshot::{replay, snapshot};
use super::store;
use super::text as t;
use crate::audit::store::{record, AuditEvent};
use crate::auth::case_access::Seen;
use crate::auth::policy::{authorize, Action as Do};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{MeetingId, UserId};
use crate::meetings::agenda::service as agenda;
use crate::meetings::agenda::types::ItemKind;
use crate::meetings::service::meeting_resource;
use crate::meetings::types::{Meeting, MeetingStatus};
use crate::state::AppState;
use std::collections::HashSet;
use std::sync::Arc;

pub(super) fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Who may join: someone who may see the meeting, once its agenda is published, after
/// acknowledging its confidentiality statement.
pub async fn admit(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
) -> Result<(Arc<Room>, Arc<Viewer>), AppError> {
    let mut conn = state.db.acquire().await?;
    let (meeting, resource) = meeting_resource(&mut conn, actor, id).await?;
    let actor = authorize(actor, Do::Read, resource)?;
    if !meeting.status.published() {
        return Err(AppError::conflict(t::NOT_PUBLISHED));
    }
    if crate::meetings::attendance::service::acknowledged_at(&mut conn, id, actor.user_id)
        .await?
        .is_none()
    {
        return Err(AppError::conflict(t::ACKNOWLEDGE_FIRST));
    }
    let agency = store::agency_sight(&mut conn, actor.agency_id).await?;
    // What the viewer may see is worked out by the snapshot or replay that follows, in the
    // same transaction as the reads it guards; until then they are sent nothing.
    let viewer = Viewer {
        conn: state.live.next_conn(),
        actor: actor.clone(),
        agency_name: agency.as_ref().map(|a| a.0.clone()),
        children_only: agency.is_some_and(|a| a.1),
        sight: Default::default(),
        kick: tokio::sync::watch::channel(None).0,
    };
    Ok((state.live.room(id), Arc::new(viewer)))
}

/// What the viewer may see now: the agenda's cases they may read, and the items after the
/// children's cut-off when their agency leaves then.
pub async fn sight(conn: &mut Conn, viewer: &Viewer, meeting: &Meeting) -> Result<Sight, AppError> {
    let items = agenda::live_items(conn, meeting.id).await?;
    let attending = meeting.status == MeetingStatus::InSession;
    let mut cases = HashSet::new();
    for case in items.iter().filter_map(|i| i.case_id) {
        let seen = Seen::OnAgenda {
            attending_in_session: attending,
        };
        if crate::auth::case_access::permits(conn, &viewer.actor, Do::Read, case, seen).await? {
            cases.insert(case);
        }
    }
    let live = store::state(conn, meeting.id).await?;
    let mut cut_off = HashSet::new();
    if viewer.children_only && live.children_done_at.is_some() {
        let last_children = items
            .iter()
            .filter(|i| i.kind() == ItemKind::NewCaseChildren)
            .map(|i| i.position)
            .max();
        let first_case = items
            .iter()
            .find(|i| i.kind().is_case())
            .map(|i| i.position);
        let end = last_children.or(first_case.map(|p| p - 1)).unwrap_or(0);
        cut_off = items
            .iter()
            .filter(|i| i.position > end)
            .map(|i| i.id)
            .collect();
    }
    Ok(Sight { cases, cut_off })
}

/// Numbers the event, stores it and audits who it will be shown to, in the caller's
/// transaction. The caller holds the room's write lock and publishes after committing.
pub async fn commit_event(
    conn: &mut Conn,
    room: &Room,
    user: UserId,
    key: Option<&str>,
    applied: Applied,
    op: &str,
    now: i64,
) -> Result<Committed, AppError> {
    let seq = store::next_seq(conn, room.meeting, now).await?;
    let body = serde_json::to_string(&applied.event).map_err(|e| {
        tracing::error!(error = %e, "live event not serialisable");
        AppError::Internal
    })?;
    store::insert_event(
        conn,
        store::NewEvent {
            meeting: room.meeting,
            seq,
            kind: applied.event.kind(),
            item: applied.item,
            case: applied.case,
            body: &body,
            user,
            key,
            at: now,
        },
    )
    .await?;
    record(
        conn,
        AuditEvent::new(Some(user), "live_change", "meeting")
            .id(room.meeting)
            .details(serde_json::json!({
                "seq": seq,
                "op": op,
                "item": applied.item.map(|i| i.0),
                "case": applied.case.map(|c| c.0),
                "shown_to": room.recipients(applied.item, applied.case).iter().map(|u| u.0).collect::<Vec<_>>(),
            })),
    )
    .await?;
    Ok(Committed {
        seq,
        item: applied.item,
        case: applied.case,
        json: event_json(seq, &body).into(),
        hidden_json: hidden_json(seq).into(),
        resync: applied.resync,
    })
}

/// A change committed and not yet broadcast. It keeps the room's order (its write lock) until
/// it is published, by `publish` or when dropped, so that the sender can be acknowledged
/// before the broadcast wakes everyone else's socket.
pub struct Committing<'a> {
    pub seq: i64,
    room: &'a Room,
    held: Option<(tokio::sync::MutexGuard<'a, ()>, Committed)>,
}

impl Committing<'_> {
    pub fn publish(mut self) {
        self.release();
    }

    fn release(&mut self) {
        if let Some((_order, committed)) = self.held.take() {
            // Published before `_order` is dropped: broadcast order stays commit order.
            self.room.publish(committed);
        }
    }
}

impl Drop for Committing<'_> {
    fn drop(&mut self) {
        self.release();
    }
}

/// Applies one change from a viewer: once per key, authorised, committed with its sequence
/// number. The caller acknowledges it, then publishes it (or drops it, which publishes too).
pub async fn apply<'a>(
    state: &AppState,
    room: &'a Room,
    viewer: &Viewer,
    key: &str,
    change: Change,
) -> Result<Committing<'a>, AppError> {
    if !valid_key(key) {
        return Err(AppError::validation("key", t::KEY_INVALID));
    }
    let op = change.name();
    let carry_over_limit = match change {
        Change::EndSession => {
            crate::settings::service::load(state)
                .await?
                .carry_over_limit
        }
        _ => 0,
    };
    let result = async {
        let order = room.write.lock().await;
        let now = crate::time::now();
        let mut tx = state.write().await?;
        if let Some(seq) =
            store::seq_for_key(&mut tx, room.meeting, viewer.actor.user_id, key).await?
        {
            return Ok(Committing {
                seq,
                room,
                held: None,
            });
        }
        let (meeting, resource) =
            meeting_resource(&mut tx, Some(&viewer.actor), room.meeting).await?;
        authorize(Some(&viewer.actor), Do::Read, resource)?;
        store::ensure(&mut tx, room.meeting, now).await?;
        let applied = changes::decide(
            &mut tx,
            viewer,
            &meeting,
            change,
            carry_over_limit,
            now,
            now_ms(),
        )
        .await?;
        let committed = commit_event(
            &mut tx,
            room,
            viewer.actor.user_id,
            Some(key),
            applied,
            op,
            now,
        )
        .await?;
        tx.commit().await?;
        room.committed(committed.seq);
        Ok::<_, AppError>(Committing {
            seq: committed.seq,
            room,
            held: Some((order, committed)),
        })
    }
    .await;
    match result {
        Err(e @ (AppError::Forbidden | AppError::NotFound)) => {
            refused(state, room.meeting, &viewer.actor, op, &e).await;
            Err(e)
        }
        other => other,
    }
}

/// A refused change is logged (without its content) and audited.
async fn refused(state: &AppState, meeting: MeetingId, actor: &Actor, op: &str, e: &AppError) {
    tracing::warn!(user = actor.user_id.0, meeting = meeting.0, op, error = %e, "live change refused");
    let write = async {
        let mut tx = state.write().await?;
        record(
            &mut tx,
            AuditEvent::new(Some(actor.user_id), "live_refused", "meeting")
                .id(meeting)
                .details(serde_json::json!({ "op": op, "error": e.to_string() })),
        )
        .await?;
        tx.commit().await?;
        Ok::<_, AppError>(())
    };
    if let Err(err) = write.await {
        tracing::error!(error = %err, "could not audit a refused live change");
    }
}
