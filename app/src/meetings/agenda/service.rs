//! Building, showing, changing and publishing a meeting's agenda.

use super::builder;
use super::store;
pub use super::store::ItemRow;
use super::types::*;
use crate::audit::store::{record, AuditEvent};
use crate::auth::case_access::Seen;
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::cases::criteria::Criteria;
use crate::cases::types::CaseStatus;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::i18n::Msg;
use crate::ids::{ItemId, MeetingId};
use crate::meetings::service::{meeting_resource, research_hours};
use crate::meetings::types::{Meeting, MeetingStatus};
use crate::meetings::{attendance, research, text as mt};
use crate::notices::types::NoticeKind;
use crate::outbox::service::{self as outbox, Tell};
use crate::state::AppState;

pub mod text {
    use crate::i18n::Msg;
    pub const NOT_BUILT: Msg = Msg("agenda-not-built");
    pub const ALREADY_PUBLISHED: Msg = Msg("agenda-already-published");
    pub const HELD: Msg = Msg("agenda-held");
    pub use crate::meetings::agenda::types::text::{MINUTES_INVALID, UNKNOWN_ITEM};
    pub const REASON_REQUIRED: Msg = Msg("agenda-reason-required");
    pub const NO_NEXT_MEETING: Msg = Msg("agenda-no-next-meeting");
    pub const TITLE_REQUIRED: Msg = Msg("agenda-title-required");
    pub const CASE_UNKNOWN: Msg = Msg("agenda-case-unknown");
    pub const POSITION_INVALID: Msg = Msg("agenda-position-invalid");
}

/// The items on the agenda now (removed ones left out), in order.
pub async fn live_items(conn: &mut Conn, meeting: MeetingId) -> Result<Vec<ItemRow>, AppError> {
    Ok(store::items(conn, meeting)
        .await?
        .into_iter()
        .filter(|i| i.removed_at.is_none())
        .collect())
}

/// The item a meeting opens on.
pub async fn first_item(conn: &mut Conn, meeting: MeetingId) -> Result<Option<ItemId>, AppError> {
    Ok(live_items(conn, meeting).await?.first().map(|i| i.id))
}

fn case_minutes_default(state_minutes: u32, kind: ItemKind) -> u32 {
    kind.default_minutes(state_minutes)
}

/// Puts the builder's planned items that are not on the agenda yet at the end of their
/// section. Nothing already there is moved, changed or brought back.
pub async fn build(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
) -> Result<Agenda, AppError> {
    let settings = crate::settings::service::load(state).await?;
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let (meeting, resource) = meeting_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Update, resource)?;
    if meeting.status.held() {
        return Err(AppError::conflict(text::HELD));
    }
    let previous = crate::meetings::store::neighbour(&mut tx, id, true).await?;
    let previous_at = match previous {
        Some(p) => crate::meetings::store::get(&mut tx, p, 0)
            .await?
            .map(|m| m.starts_at_unix),
        None => None,
    };
    let facts = store::case_facts(&mut tx, meeting.starts_at_unix).await?;
    let planned = builder::plan(&facts, meeting.starts_at_unix, previous_at);
    let existing = store::items(&mut tx, id).await?;
    let mut order: Vec<(ItemId, ItemKind)> = existing.iter().map(|r| (r.id, r.kind())).collect();
    let mut added = Vec::new();
    for (kind, case) in planned {
        let present = existing.iter().any(|r| match case {
            Some(c) => r.case_id == Some(c),
            None => r.case_id.is_none() && r.kind() == kind,
        });
        if present {
            continue;
        }
        let item = store::insert(
            &mut tx,
            id,
            kind,
            case,
            None,
            case_minutes_default(settings.case_item_minutes, kind),
            false,
            now,
        )
        .await?;
        // After the last item of the same or an earlier section.
        let at = order
            .iter()
            .rposition(|(_, k)| *k != ItemKind::Other && *k <= kind)
            .map(|i| i + 1)
            .unwrap_or(0);
        order.insert(at, (item, kind));
        added.push(item);
    }
    store::set_order(&mut tx, &order.iter().map(|(i, _)| *i).collect::<Vec<_>>()).await?;
    crate::actions::follow_up::bring_back(&mut tx, id, meeting.starts_at_unix).await?;
    store::mark_built(&mut tx, id, now).await?;
    if meeting.status.published() && !added.is_empty() {
        store::note_change(
            &mut tx,
            id,
            actor.user_id,
            &Msg("agenda-change-rebuilt").with(&[("count", added.len().into())]),
            now,
        )
        .await?;
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "build_agenda", "meeting")
            .id(id)
            .details(
                serde_json::json!({ "added_items": added.iter().map(|i| i.0).collect::<Vec<_>>() }),
            ),
    )
    .await?;
    tx.commit().await?;
    get(state, Some(actor), id).await
}

fn item_title(r: &ItemRow) -> String {
    match (&r.title, &r.reference) {
        (Some(t), _) => t.clone(),
        (None, Some(reference)) => reference.clone(),
        (None, None) => r.kind().section().to_string(),
    }
}

/// The agenda as the actor may see it. Reading case details on it is audited.
pub async fn get(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
) -> Result<Agenda, AppError> {
    let hours = research_hours(state).await?;
    let mut tx = state.write().await?;
    let (_, resource) = meeting_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Read, resource)?;
    let agenda = assemble(&mut tx, actor, id, hours).await?;
    let shown: Vec<i64> = agenda
        .items
        .iter()
        .filter(|i| i.details.is_some())
        .filter_map(|i| i.case_id.map(|c| c.0))
        .collect();
    if !shown.is_empty() {
        record(
            &mut tx,
            AuditEvent::new(Some(actor.user_id), "read", "agenda")
                .id(id)
                .details(serde_json::json!({ "cases": shown })),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(agenda)
}

async fn assemble(
    conn: &mut Conn,
    actor: &Actor,
    id: MeetingId,
    hours: u32,
) -> Result<Agenda, AppError> {
    let meeting: Meeting = crate::meetings::store::get(conn, id, hours)
        .await?
        .ok_or(AppError::NotFound)?;
    let rows = store::items(conn, id).await?;
    let lines = store::case_lines(conn, id).await?;
    let involvement = store::case_agencies(conn, id).await?;
    let returns = research::store::states(conn, id).await?;
    let acknowledged = attendance::store::acknowledged_at(conn, id, actor.user_id).await?;
    let in_session = meeting.status == MeetingStatus::InSession;
    let must_acknowledge = in_session && acknowledged.is_none();
    let brought_back = agenda_actions(conn, actor, id, must_acknowledge).await?;
    let mut items = Vec::new();
    let mut clock = meeting.starts_at_unix;
    let (live, removed): (Vec<&ItemRow>, Vec<&ItemRow>) =
        rows.iter().partition(|r| r.removed_at.is_none());
    for (n, r) in live.iter().chain(removed.iter()).enumerate() {
        let is_removed = r.removed_at.is_some();
        let details = match r.case_id {
            Some(case) if !must_acknowledge => {
                let line = lines.iter().find(|l| l.case_id == case);
                let involved = actor.agency_id.is_some_and(|a| {
                    involvement
                        .iter()
                        .any(|(c, ag, _, _)| *c == case && *ag == a)
                        || line.and_then(|l| l.lead_agency_id) == Some(a)
                });
                let may = authorize(
                    Some(actor),
                    Action::Read,
                    Resource::AgendaCase {
                        involved,
                        attending_in_session: in_session && acknowledged.is_some(),
                    },
                )
                .is_ok();
                match (may, line) {
                    (true, Some(l)) => Some(AgendaCaseDetails {
                        status: CaseStatus::parse(&l.status)
                            .or_internal("a known CaseStatus in the stored status")?,
                        criteria: Criteria {
                            dash_yes: l.dash_yes as u32,
                            visible_high_risk: l.visible_high_risk,
                            professional_judgement: l.professional_judgement,
                            potential_escalation: l.potential_escalation,
                            repeat: l.is_repeat,
                        },
                        children_count: l.children_count as u32,
                        referring_agencies: involvement
                            .iter()
                            .filter(|(c, _, _, reason)| *c == case && reason == "referring")
                            .map(|(_, _, name, _)| name.clone())
                            .collect(),
                        lead_agency: l.lead_agency.clone(),
                        referral_count: l.referral_count as u32,
                    }),
                    _ => None,
                }
            }
            _ => None,
        };
        let research = match (r.case_id, &details) {
            (Some(case), Some(_)) => returns
                .iter()
                .filter(|(c, _, _, _)| *c == case)
                .map(|(_, agency_id, agency_name, state)| ResearchChip {
                    agency_id: *agency_id,
                    agency_name: agency_name.clone(),
                    state: state.clone(),
                })
                .collect(),
            _ => vec![],
        };
        items.push(AgendaItem {
            id: r.id,
            position: n as u32 + 1,
            kind: r.kind(),
            title: item_title(r),
            case_id: r.case_id,
            reference: r.reference.clone(),
            details,
            research,
            minutes: r.minutes as u32,
            starts_unix: clock,
            manual: r.source == "manual",
            notes: r.notes.clone(),
            removed: is_removed,
            removed_reason: r.removed_reason.clone(),
            deferred_to: r.deferred_to,
            actions: if r.kind() == ItemKind::IncompleteActions {
                brought_back.clone()
            } else {
                vec![]
            },
        });
        if !is_removed {
            clock += r.minutes * 60;
        }
    }
    let previous = match crate::meetings::store::neighbour(conn, id, true).await? {
        Some(p) => {
            let pm = crate::meetings::store::get(conn, p, hours)
                .await?
                .or_internal("the previous meeting just found")?;
            Some(PreviousMeeting {
                id: p,
                starts_at_unix: pm.starts_at_unix,
                minutes_approved: store::minutes_approved(conn, p).await?,
            })
        }
        None => None,
    };
    let changes = if meeting.status.published() {
        store::changes(conn, id).await?
    } else {
        vec![]
    };
    Ok(Agenda {
        overrun_minutes: ((clock - meeting.ends_at_unix) / 60).max(0),
        expected_end_unix: clock,
        built: !rows.is_empty(),
        changes_since_publication: changes,
        must_acknowledge,
        previous_meeting: previous,
        marking: mt::MARKING.to_string(),
        viewer: actor.name.clone(),
        viewed_at: crate::time::rfc3339(crate::time::now()),
        meeting,
        items,
    })
}

/// The unfinished actions the agenda brought back, with their words and history for those who
/// may see the case.
async fn agenda_actions(
    conn: &mut Conn,
    actor: &Actor,
    meeting: MeetingId,
    held_back: bool,
) -> Result<Vec<AgendaAction>, AppError> {
    let mut out = Vec::new();
    for a in crate::actions::follow_up::on_agenda(conn, meeting).await? {
        let may = !held_back
            && crate::auth::case_access::permits(
                conn,
                actor,
                Action::Read,
                a.case_id,
                Seen::Directly,
            )
            .await?;
        let history = if may {
            crate::actions::service::history_in(conn, a.id).await?
        } else {
            vec![]
        };
        out.push(AgendaAction {
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
            history,
        });
    }
    Ok(out)
}

/// Applies the coordinator's changes in one transaction; after publication each is recorded
/// as a change the members see.
pub async fn change(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
    patch: AgendaPatch,
) -> Result<Agenda, AppError> {
    let settings = crate::settings::service::load(state).await?;
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let (meeting, resource) = meeting_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Update, resource)?;
    if meeting.status.held() {
        return Err(AppError::conflict(text::HELD));
    }
    let mut notes = Vec::new();
    for op in &patch.operations {
        let rows = store::items(&mut tx, id).await?;
        let find = |item: ItemId| {
            rows.iter()
                .find(|r| r.id == item)
                .ok_or_else(|| AppError::validation("item_id", text::UNKNOWN_ITEM))
        };
        match op {
            AgendaOp::Move { item_id, position } => {
                let r = find(*item_id)?;
                let mut order: Vec<ItemId> = rows
                    .iter()
                    .filter(|x| x.id != *item_id)
                    .map(|x| x.id)
                    .collect();
                if *position == 0 || *position as usize > order.len() + 1 {
                    return Err(AppError::validation("position", text::POSITION_INVALID));
                }
                order.insert(*position as usize - 1, *item_id);
                store::set_order(&mut tx, &order).await?;
                notes.push(Msg("agenda-change-moved").with(&[
                    ("title", item_title(r).into()),
                    ("position", (*position).into()),
                ]));
            }
            AgendaOp::Remove { item_id, reason } => {
                let r = find(*item_id)?;
                let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
                if reason.is_empty() {
                    return Err(AppError::validation("reason", text::REASON_REQUIRED));
                }
                store::set_removed(&mut tx, *item_id, Some((now, &reason)), None).await?;
                notes.push(Msg("agenda-change-removed").with(&[
                    ("title", item_title(r).into()),
                    ("reason", reason.clone().into()),
                ]));
            }
            AgendaOp::Restore { item_id } => {
                let r = find(*item_id)?;
                store::set_removed(&mut tx, *item_id, None, None).await?;
                notes.push(Msg("agenda-change-restored").with(&[("title", item_title(r).into())]));
            }
            AgendaOp::Defer { item_id } => {
                let r = find(*item_id)?;
                let next = crate::meetings::store::neighbour(&mut tx, id, false)
                    .await?
                    .ok_or_else(|| AppError::conflict(text::NO_NEXT_MEETING))?;
                store::insert(
                    &mut tx,
                    next,
                    r.kind(),
                    r.case_id,
                    r.title.as_deref(),
                    r.minutes as u32,
                    true,
                    now,
                )
                .await?;
                store::set_removed(
                    &mut tx,
                    *item_id,
                    Some((now, &Msg("agenda-deferred-reason").text())),
                    Some(next),
                )
                .await?;
                notes.push(Msg("agenda-change-deferred").with(&[("title", item_title(r).into())]));
            }
            AgendaOp::SetMinutes { item_id, minutes } => {
                let r = find(*item_id)?;
                if *minutes > 240 {
                    return Err(AppError::validation("minutes", text::MINUTES_INVALID));
                }
                store::set_minutes(&mut tx, *item_id, *minutes).await?;
                notes.push(Msg("agenda-change-minutes").with(&[
                    ("title", item_title(r).into()),
                    ("minutes", (*minutes).into()),
                ]));
            }
            AgendaOp::SetNotes {
                item_id,
                notes: text,
            } => {
                let r = find(*item_id)?;
                let t = text.trim();
                store::set_notes(&mut tx, *item_id, (!t.is_empty()).then_some(t)).await?;
                notes.push(Msg("agenda-change-notes").with(&[("title", item_title(r).into())]));
            }
            AgendaOp::Add {
                kind,
                title,
                case_id,
                minutes,
            } => {
                let title = title.as_deref().map(str::trim).filter(|t| !t.is_empty());
                if case_id.is_none() && title.is_none() {
                    return Err(AppError::validation("title", text::TITLE_REQUIRED));
                }
                if let Some(c) = case_id {
                    if !crate::auth::case_access::exists(&mut tx, *c).await? {
                        return Err(AppError::validation("case_id", text::CASE_UNKNOWN));
                    }
                }
                let m = minutes.unwrap_or(kind.default_minutes(settings.case_item_minutes));
                if m > 240 {
                    return Err(AppError::validation("minutes", text::MINUTES_INVALID));
                }
                store::insert(&mut tx, id, *kind, *case_id, title, m, true, now).await?;
                notes.push(
                    Msg("agenda-change-added")
                        .with(&[("title", title.unwrap_or(kind.section()).into())]),
                );
            }
        }
    }
    if meeting.status.published() {
        for n in &notes {
            store::note_change(&mut tx, id, actor.user_id, n, now).await?;
        }
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "update_agenda", "meeting")
            .id(id)
            .details(serde_json::json!({ "operations": patch.operations.len() })),
    )
    .await?;
    tx.commit().await?;
    get(state, Some(actor), id).await
}

pub async fn publish(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
) -> Result<Agenda, AppError> {
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let (meeting, resource) = meeting_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Update, resource)?;
    if meeting.status != MeetingStatus::Draft {
        return Err(AppError::conflict(text::ALREADY_PUBLISHED));
    }
    if store::items(&mut tx, id).await?.is_empty() {
        return Err(AppError::conflict(text::NOT_BUILT));
    }
    store::publish(&mut tx, id, now).await?;
    let told = Tell::new(NoticeKind::AgendaPublished, now)
        .meeting(id)
        .params(serde_json::json!({ "research_due": meeting.research_due_unix }));
    outbox::to_members(&mut tx, &told).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "publish_agenda", "meeting").id(id),
    )
    .await?;
    tx.commit().await?;
    get(state, Some(actor), id).await
}

/// The confidentiality acknowledgement of the signed-in person for this meeting.
pub async fn acknowledge(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
) -> Result<Agenda, AppError> {
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let (_, resource) = meeting_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Read, resource)?;
    attendance::store::acknowledge(&mut tx, id, actor.user_id, now).await?;
    record(
        &mut tx,
        AuditEvent::new(
            Some(actor.user_id),
            "acknowledge_confidentiality",
            "meeting",
        )
        .id(id),
    )
    .await?;
    tx.commit().await?;
    get(state, Some(actor), id).await
}
