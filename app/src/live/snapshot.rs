//! The meeting as a viewer may see it: the snapshot, and the replay of what they missed.

use super::hub::{Room, Viewer};
use super::protocol::*;
use super::service::{now_ms, sight};
use super::store;
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action as Do, Resource};
use crate::db::Conn;
use crate::error::AppError;
use crate::meetings::agenda::service as agenda;
use crate::meetings::agenda::types::{AgendaAction, ItemKind};
use crate::meetings::service::meeting_resource;
use crate::meetings::types::Meeting;
use crate::state::AppState;

/// The meeting as the viewer may see it, with the sequence number it is current to.
/// Showing case details is a read of case data: it is audited in the same transaction.
pub async fn snapshot(
    state: &AppState,
    room: &Room,
    viewer: &Viewer,
) -> Result<LiveState, AppError> {
    let mut tx = state.write().await?;
    let (meeting, resource) = meeting_resource(&mut tx, Some(&viewer.actor), room.meeting).await?;
    authorize(Some(&viewer.actor), Do::Read, resource)?;
    viewer.set_sight(sight(&mut tx, viewer, &meeting).await?);
    let (live_state, shown) = assemble(&mut tx, room, viewer, &meeting, resource).await?;
    if !shown.is_empty() {
        record(
            &mut tx,
            AuditEvent::new(Some(viewer.actor.user_id), "read", "live_meeting")
                .id(meeting.id)
                .details(serde_json::json!({ "cases": shown })),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(live_state)
}

async fn assemble(
    conn: &mut Conn,
    room: &Room,
    viewer: &Viewer,
    meeting: &Meeting,
    resource: Resource,
) -> Result<(LiveState, Vec<i64>), AppError> {
    let live = store::state(conn, meeting.id).await?;
    let contributions = store::contributions(conn, meeting.id).await?;
    let summaries = store::summaries(conn, meeting.id).await?;
    let agreed = crate::actions::service::agreed_at(conn, meeting.id).await?;
    let earlier: Vec<AgendaAction> = crate::actions::follow_up::on_agenda(conn, meeting.id)
        .await?
        .into_iter()
        .map(|a| {
            let may = viewer.may_see(None, Some(a.case_id));
            AgendaAction {
                id: a.id,
                case_id: a.case_id,
                reference: a.reference,
                owner_agency_name: a.owner_agency_name,
                kind: a.kind,
                due_on: a.due_on,
                status: a.status,
                overdue: a.overdue,
                carried_over: a.carried_over,
                escalated: a.escalated,
                text: may.then_some(a.text),
                history: vec![],
            }
        })
        .collect();
    let timers = store::timers(conn, meeting.id).await?;
    let mut shown = Vec::new();
    let mut items = Vec::new();
    let rows = agenda::live_items(conn, meeting.id).await?;
    let cases: Vec<_> = rows.iter().filter_map(|r| r.case_id).collect();
    let not_safe = crate::cases::contact_update::not_safe_in(conn, &cases).await?;
    for (n, r) in rows.into_iter().enumerate() {
        if !viewer.may_see(Some(r.id), None) {
            continue;
        }
        let visible = viewer.may_see(Some(r.id), r.case_id);
        if let (true, Some(c)) = (visible, r.case_id) {
            shown.push(c.0);
        }
        let kind = r.kind();
        items.push(LiveItem {
            id: r.id,
            position: n as u32 + 1,
            kind,
            title: match (&r.title, &r.reference) {
                (Some(t), _) => t.clone(),
                (None, Some(reference)) => reference.clone(),
                (None, None) => kind.section().to_string(),
            },
            minutes: r.minutes as u32,
            timer: timers.get(&r.id).copied().unwrap_or_default(),
            case_id: r.case_id,
            visible,
            not_safe_to_contact: visible && r.case_id.is_some_and(|c| not_safe.contains(&c)),
            contributions: contributions
                .iter()
                .filter(|(i, _)| visible && *i == r.id)
                .map(|(_, c)| c.clone())
                .collect(),
            summary: summaries
                .iter()
                .find(|(i, _)| visible && *i == r.id)
                .map(|(_, s)| s.clone())
                .unwrap_or_default(),
            actions: agreed
                .iter()
                .filter(|a| visible && r.case_id == Some(a.case_id))
                .cloned()
                .collect(),
            earlier: if kind == ItemKind::IncompleteActions {
                earlier.clone()
            } else {
                vec![]
            },
        });
    }
    let chairs = authorize(Some(&viewer.actor), Do::Update, resource).is_ok();
    let agencies = crate::agencies::service::all_in(conn)
        .await?
        .into_iter()
        .filter(|a| a.active)
        .map(|a| AgencyChoice {
            id: a.id,
            name: a.name,
        })
        .collect();
    let children_done = live.children_done_at.is_some();
    Ok((
        LiveState {
            meeting_id: meeting.id,
            seq: live.seq,
            title: super::text::MEETING_OF.with(&[(
                "when",
                crate::time::format_local(meeting.starts_at_unix).into(),
            )]),
            status: meeting.status,
            current_item_id: live.current_item_id,
            children_done,
            left_after_children: viewer.children_only && children_done,
            may_chair: chairs,
            may_record: chairs,
            items,
            agencies,
            people: room.people(),
            now_ms: now_ms(),
        },
        shown,
    ))
}

/// What the viewer missed after `after`, as messages ready to send; `None` when a snapshot
/// serves better (too far behind, or what they may see has changed since).
pub async fn replay(
    state: &AppState,
    room: &Room,
    viewer: &Viewer,
    after: i64,
) -> Result<Option<(i64, Vec<String>)>, AppError> {
    let mut tx = state.write().await?;
    let (meeting, resource) = meeting_resource(&mut tx, Some(&viewer.actor), room.meeting).await?;
    authorize(Some(&viewer.actor), Do::Read, resource)?;
    let live = store::state(&mut tx, meeting.id).await?;
    if after > live.seq || live.seq - after > MAX_REPLAY {
        return Ok(None);
    }
    let rows = store::events_after(&mut tx, meeting.id, after).await?;
    if rows.iter().any(|r| {
        r.body.starts_with(r#"{"kind":"status""#)
            || r.body.starts_with(r#"{"kind":"children_done""#)
            || r.body.starts_with(r#"{"kind":"action_agreed""#)
    }) {
        return Ok(None);
    }
    viewer.set_sight(sight(&mut tx, viewer, &meeting).await?);
    let mut shown = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        if viewer.may_see(r.item_id, r.case_id) {
            if let Some(c) = r.case_id {
                shown.push(c.0);
            }
            out.push(event_json(r.seq, &r.body));
        } else {
            out.push(hidden_json(r.seq));
        }
    }
    if !shown.is_empty() {
        shown.sort();
        shown.dedup();
        record(
            &mut tx,
            AuditEvent::new(Some(viewer.actor.user_id), "read", "live_meeting")
                .id(meeting.id)
                .details(serde_json::json!({ "cases": shown, "replayed_after": after })),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Some((live.seq, out)))
}

pub(super) fn event_json(seq: i64, body: &str) -> String {
    format!(r#"{{"type":"event","seq":{seq},"event":{body}}}"#)
}

pub(super) fn hidden_json(seq: i64) -> String {
    format!(r#"{{"type":"hidden","seq":{seq}}}"#)
}
