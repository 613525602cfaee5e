//! Action use cases. Actions are case data: need-to-know decides who sees them, and a member
//! changes only their own agency's.

use super::store::{self, Query};
use super::text as t;
use super::types::*;
use crate::audit::store::{record, AuditEvent};
use crate::auth::case_access::case_resource;
use crate::auth::policy::{authorize, Action as Do, Resource};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::{AppError, OrInternal, Problems};
use crate::ids::{ActionId, AgencyId, CaseId, MeetingId, UserId};
use crate::state::AppState;

/// Agrees an action (chair or coordinator). The owning agency becomes involved with the case.
pub async fn create(
    state: &AppState,
    actor: Option<&Actor>,
    input: NewActionInput,
) -> Result<Action, AppError> {
    authorize(actor, Do::Create, Resource::Cases)?;
    let mut tx = state.write().await?;
    let created = create_in(&mut tx, actor, input, None).await?;
    tx.commit().await?;
    Ok(created)
}

/// Agrees an action inside the caller's transaction; on a case item of a meeting, the item
/// gives its case and meeting (the live meeting commits it with its sequence number).
pub async fn create_in(
    tx: &mut Conn,
    actor: Option<&Actor>,
    input: NewActionInput,
    on_item: Option<(MeetingId, CaseId)>,
) -> Result<Action, AppError> {
    let actor = authorize(actor, Do::Create, Resource::Cases)?;
    authorize(
        Some(actor),
        Do::Create,
        Resource::CaseAction {
            involved: false,
            own_agency: false,
        },
    )?;
    let a = input.parse_at(on_item)?;
    let now = crate::time::now();

    let resource = case_resource(tx, Some(actor), a.case_id).await?;
    authorize(Some(actor), Do::Update, resource)?;
    let mut p = Problems::new();
    if !crate::agencies::service::is_active(tx, a.owner_agency_id).await? {
        p.add("owner_agency_id", crate::agencies::text::AGENCY_UNKNOWN);
    }
    if let Some(u) = a.owner_user_id {
        let agency = store::active_user_agency(tx, u).await?;
        if agency.flatten() != Some(a.owner_agency_id) {
            p.add("owner_user_id", t::PERSON_NOT_IN_AGENCY);
        }
    }
    if let Some(m) = a.meeting_id {
        if !store::meeting_exists(tx, m).await? {
            p.add("meeting_id", t::MEETING_INVALID);
        }
    }
    if a.what_is_different.is_none()
        && store::failed_before(tx, a.case_id, a.owner_agency_id, a.kind).await?
    {
        p.add("what_is_different", t::WHAT_IS_DIFFERENT);
    }
    p.into_result()?;
    let id = store::insert(tx, &a, actor.user_id, now).await?;
    crate::auth::case_access::involve(tx, a.case_id, a.owner_agency_id, "action", now).await?;
    store::notify_agency(tx, a.owner_agency_id, "assigned", id, now).await?;
    super::reminders::tell_assigned(tx, id, &a, now).await?;
    record(
        tx,
        AuditEvent::new(Some(actor.user_id), "create", "action")
            .id(id)
            .details(serde_json::json!({ "case": a.case_id.0 })),
    )
    .await?;
    store::get(tx, id)
        .await?
        .or_internal("the action just written")
}

fn parse_filter(f: &ActionFilter) -> Result<Query, AppError> {
    let mut p = Problems::new();
    let num = |p: &mut Problems, field: &str, v: &Option<String>| {
        v.as_deref().and_then(|s| {
            p.take(
                field,
                s.parse::<i64>()
                    .map_err(|_| super::text::NUMBER_INVALID.to_string()),
            )
        })
    };
    let q = Query {
        agency: num(&mut p, "agency_id", &f.agency_id).map(AgencyId),
        case: num(&mut p, "case_id", &f.case_id).map(CaseId),
        meeting: num(&mut p, "meeting_id", &f.meeting_id).map(MeetingId),
        status: f
            .status
            .as_deref()
            .filter(|s| !s.is_empty())
            .and_then(|s| p.take("status", ActionStatus::parse(s))),
        overdue: matches!(f.overdue.as_deref(), Some("true" | "1" | "on" | "yes")),
        ..Default::default()
    };
    p.into_result()?;
    Ok(q)
}

/// Actions on the cases the actor may see, filtered.
pub async fn list(
    state: &AppState,
    actor: Option<&Actor>,
    filter: ActionFilter,
) -> Result<Vec<Action>, AppError> {
    let actor = authorize(actor, Do::Read, Resource::Cases)?;
    let mut q = parse_filter(&filter)?;
    q.visible_to = crate::auth::policy::case_scope(actor).visible_to();
    let mut tx = state.write().await?;
    let list = store::list(&mut tx, &q).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "list", "action").details(
            serde_json::json!({ "actions": list.iter().map(|a| a.id.0).collect::<Vec<_>>() }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(list)
}

async fn visible(
    conn: &mut Conn,
    actor: Option<&Actor>,
    id: ActionId,
) -> Result<(Action, Resource), AppError> {
    let a = store::get(conn, id).await?;
    let Some(a) = a else {
        authorize(actor, Do::Read, Resource::Cases).map_err(|e| {
            if actor.is_none() {
                e
            } else {
                AppError::NotFound
            }
        })?;
        return Err(AppError::NotFound);
    };
    let resource = case_resource(conn, actor, a.case_id).await?;
    authorize(actor, Do::Read, resource)?;
    Ok((a, resource))
}

pub async fn get(
    state: &AppState,
    actor: Option<&Actor>,
    id: ActionId,
) -> Result<Action, AppError> {
    let mut tx = state.write().await?;
    let (a, _) = visible(&mut tx, actor, id).await?;
    record(
        &mut tx,
        AuditEvent::new(actor.map(|a| a.user_id), "read", "action").id(id),
    )
    .await?;
    tx.commit().await?;
    Ok(a)
}

/// An action's history inside the caller's transaction (the caller has checked the reader
/// may see its case).
pub async fn history_in(conn: &mut Conn, id: ActionId) -> Result<Vec<HistoryEntry>, AppError> {
    store::history_of(conn, id).await
}

pub async fn history(
    state: &AppState,
    actor: Option<&Actor>,
    id: ActionId,
) -> Result<Vec<HistoryEntry>, AppError> {
    let mut tx = state.write().await?;
    visible(&mut tx, actor, id).await?;
    let h = store::history_of(&mut tx, id).await?;
    record(
        &mut tx,
        AuditEvent::new(actor.map(|a| a.user_id), "read", "action")
            .id(id)
            .details(serde_json::json!({ "part": "history" })),
    )
    .await?;
    tx.commit().await?;
    Ok(h)
}

/// Changes an action: its status (with a reason for not done and superseded, and a barrier
/// for not done), a progress note, or a new due date. Every change goes into its history.
pub async fn update(
    state: &AppState,
    actor: Option<&Actor>,
    id: ActionId,
    input: ActionPatchInput,
) -> Result<Action, AppError> {
    let mut tx = state.write().await?;
    let after = super::record_outcome(&mut tx, actor, id, input.into()).await?;
    tx.commit().await?;
    Ok(after)
}

/// Changes an action inside the caller's transaction (through `record_outcome`); `at` is the
/// meeting the outcome is recorded at, when it is.
pub(super) async fn update_in(
    tx: &mut Conn,
    actor: Option<&Actor>,
    id: ActionId,
    input: ActionPatchInput,
    at: Option<MeetingId>,
) -> Result<Action, AppError> {
    let now = crate::time::now();

    let (before, _) = visible(tx, actor, id).await?;
    let actor = authorize(
        actor,
        Do::Update,
        Resource::CaseAction {
            // `visible` has answered "not found" already for a case the actor may not see.
            involved: true,
            own_agency: actor.and_then(|a| a.agency_id) == Some(before.owner_agency_id),
        },
    )?;
    let mut patch = input.parse()?;
    if at.is_some() {
        patch.meeting_id = at;
    }
    if before.status.is_final() {
        return Err(AppError::conflict(t::ALREADY_FINAL));
    }
    if let Some(other) = patch.superseded_by {
        let same_case = store::get(tx, other)
            .await?
            .is_some_and(|o| o.case_id == before.case_id && o.id != id);
        if !same_case {
            return Err(AppError::validation("superseded_by", t::SUPERSEDED_INVALID));
        }
    }
    store::apply(tx, id, &patch, now).await?;
    let to = patch.status.unwrap_or(before.status);
    let due = (patch.due_on.map(|_| before.due_on), patch.due_on);
    store::history(
        tx,
        id,
        actor.user_id,
        patch.meeting_id,
        Some(before.status),
        to,
        patch.reason.as_deref(),
        patch.note.as_deref(),
        due,
        now,
    )
    .await?;
    record(
        tx,
        AuditEvent::new(Some(actor.user_id), "update", "action")
            .id(id)
            .reason(patch.reason.clone().unwrap_or_default())
            .details(serde_json::json!({ "from": before.status.as_str(), "to": to.as_str() })),
    )
    .await?;
    store::get(tx, id)
        .await?
        .or_internal("the action just written")
}

/// The case's actions, for its page (the caller has checked the reader may see the case).
pub async fn on_case(conn: &mut Conn, case: CaseId) -> Result<Vec<Action>, AppError> {
    store::list(
        conn,
        &Query {
            case: Some(case),
            ..Default::default()
        },
    )
    .await
}

/// The actions agreed at the meeting, for the live screen and the minutes (each shows them as
/// its reader may see them).
pub async fn agreed_at(conn: &mut Conn, meeting: MeetingId) -> Result<Vec<Action>, AppError> {
    store::list(
        conn,
        &Query {
            meeting: Some(meeting),
            ..Default::default()
        },
    )
    .await
}

/// The actor's agency's actions that are still open, overdue first.
pub async fn mine(state: &AppState, actor: Option<&Actor>) -> Result<Vec<Action>, AppError> {
    let actor = authorize(actor, Do::Read, crate::auth::policy::Resource::OwnAccount)?;
    // An agency's own actions, for those who see their agency's cases (the chair and
    // coordinator see theirs too); admins and observers have none to do.
    let Some(agency) = actor.agency_id.filter(|_| {
        authorize(
            Some(actor),
            Do::Update,
            Resource::CaseAction {
                involved: true,
                own_agency: true,
            },
        )
        .is_ok()
    }) else {
        return Ok(vec![]);
    };
    let mut tx = state.write().await?;
    let q = Query {
        agency: Some(agency),
        visible_to: Some(Some(agency)),
        ..Default::default()
    };
    let open: Vec<Action> = store::list(&mut tx, &q)
        .await?
        .into_iter()
        .filter(|a| !a.status.is_final())
        .collect();
    let ids: Vec<i64> = open.iter().map(|a| a.id.0).collect();
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "list", "action")
            .details(serde_json::json!({ "part": "mine", "actions": ids })),
    )
    .await?;
    tx.commit().await?;
    Ok(open)
}

/// The actor's notifications (due-soon and overdue ones are written by the reminders' job).
pub async fn notifications(
    state: &AppState,
    actor: Option<&Actor>,
) -> Result<Vec<Notification>, AppError> {
    let actor = authorize(actor, Do::Read, crate::auth::policy::Resource::OwnAccount)?;
    let mut tx = state.write().await?;
    let rows = store::notifications(&mut tx, actor.user_id).await?;
    // They name cases by reference and tell what was agreed on them.
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "read", "notifications")
            .details(serde_json::json!({ "count": rows.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .map(|r| Notification {
            id: r.id,
            text: format!("{}: {}", super::notification_label(&r.kind), r.text),
            kind: r.kind,
            action_id: r.action_id,
            reference: r.reference,
            created_at: crate::time::rfc3339(r.created_at),
            read: r.read_at.is_some(),
        })
        .collect())
}

pub async fn mark_read(state: &AppState, actor: Option<&Actor>) -> Result<(), AppError> {
    let actor = authorize(actor, Do::Update, crate::auth::policy::Resource::OwnAccount)?;
    let mut tx = state.write().await?;
    store::mark_notifications_read(&mut tx, actor.user_id, crate::time::now()).await?;
    // The home page shows action notifications and other notices as one list.
    crate::notices::service::mark_read_in(&mut tx, actor.user_id, crate::time::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether the user may be assigned an action for this agency (used by forms).
pub async fn agency_people(
    conn: &mut Conn,
    agency: AgencyId,
) -> Result<Vec<(UserId, String)>, AppError> {
    store::agency_people(conn, agency).await
}
