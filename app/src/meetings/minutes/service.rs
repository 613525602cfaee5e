//! Minutes use cases. Reading them is reading case data: audited, and need-to-know through
//! each agency's extract.

use super::store;
use super::text as t;
use super::types::*;
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, case_scope, Action, CaseScope, Resource};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::{AppError, OrInternal, Problems};
use crate::ids::{AgencyId, CommentId, MeetingId};
use crate::meetings::service::meeting_resource;
use crate::meetings::text::MARKING;
use crate::meetings::types::MeetingStatus;
use crate::notices::types::NoticeKind;
use crate::outbox::service::{self as outbox, Tell};
use crate::state::AppState;

async fn involved_cases(conn: &mut Conn, agency: AgencyId) -> Result<Vec<i64>, AppError> {
    store::involved_cases(conn, agency).await
}

/// The minutes for the actor: the whole document for the chair and coordinator (or one
/// agency's extract when they ask), the actor's own agency's extract for everyone else.
pub async fn get(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
    query: MinutesQuery,
) -> Result<Minutes, AppError> {
    let hours = crate::meetings::service::research_hours(state).await?;
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let (meeting, resource) = meeting_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Read, resource)?;
    let staff = authorize(Some(actor), Action::Update, resource).is_ok();
    let head = match store::head(&mut tx, id).await? {
        Some(h) => h,
        None if staff && meeting.status.held() => {
            super::assemble::draft(&mut tx, &meeting, now).await?;
            record(
                &mut tx,
                AuditEvent::new(Some(actor.user_id), "create", "minutes").id(id),
            )
            .await?;
            store::head(&mut tx, id)
                .await?
                .or_internal("the minutes head just written")?
        }
        None if staff => return Err(AppError::conflict(t::NOT_YET)),
        None => return Err(AppError::NotFound),
    };
    let status = MinutesStatus::parse(&head.status)
        .or_internal("a known MinutesStatus in the stored status")?;
    if !staff && status == MinutesStatus::Draft {
        return Err(AppError::NotFound);
    }
    let asked =
        match query.agency_id.as_deref() {
            Some(raw) => Some(raw.parse::<i64>().map(AgencyId).map_err(|_| {
                AppError::validation("agency_id", crate::cases::text::AGENCY_UNKNOWN)
            })?),
            None => None,
        };
    let may_read_extract = |a: AgencyId| {
        let own_agency = actor.agency_id == Some(a);
        authorize(
            Some(actor),
            Action::Read,
            Resource::MinutesExtract { own_agency },
        )
        .is_ok()
    };
    let extract_for = match (asked, case_scope(actor)) {
        (Some(a), _) if may_read_extract(a) => Some(a),
        (_, CaseScope::All) => None,
        (_, CaseScope::Agency(a)) => Some(a),
        // Someone who sees no agency's cases (an observer) gets the general items only.
        (_, CaseScope::Nothing) => Some(AgencyId(0)),
    };
    let mut sections = store::sections(&mut tx, id).await?;
    let mut comments = store::comments(&mut tx, id).await?;
    if let Some(agency) = extract_for {
        let mine = involved_cases(&mut tx, agency).await?;
        sections.retain(|s| s.case_id.is_none_or(|c| mine.contains(&c.0)));
        let kept: Vec<_> = sections.iter().map(|s| s.id).collect();
        comments.retain(|c| c.section_id.is_none_or(|s| kept.contains(&s)));
        if !staff {
            comments.retain(|c| c.author_id == actor.user_id || c.status != "open");
        }
    }
    let cases: Vec<i64> = sections
        .iter()
        .filter_map(|s| s.case_id.map(|c| c.0))
        .collect();
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "read", "minutes")
            .id(id)
            .details(
                serde_json::json!({ "cases": cases, "extract_for": extract_for.map(|a| a.0) }),
            ),
    )
    .await?;
    let addenda = store::addenda(&mut tx, id).await?;
    let meeting = crate::meetings::store::get(&mut tx, id, hours)
        .await?
        .or_internal("the meeting whose minutes were just read")?;
    tx.commit().await?;
    Ok(Minutes {
        meeting,
        status,
        version: head.version,
        review_deadline: head.review_deadline.map(crate::time::rfc3339),
        approved_at: head.approved_at.map(crate::time::rfc3339),
        approved_by: head.approved_by,
        sections,
        comments,
        addenda,
        extract_for,
        marking: MARKING.into(),
        viewer: actor.name.clone(),
        viewed_at: crate::time::rfc3339(now),
    })
}

async fn staff_head(
    conn: &mut Conn,
    actor: Option<&Actor>,
    id: MeetingId,
    action: Action,
) -> Result<(Actor, store::Head, MinutesStatus), AppError> {
    let (_, resource) = meeting_resource(conn, actor, id).await?;
    let actor = authorize(actor, action, resource)?.clone();
    let head = store::head(conn, id)
        .await?
        .ok_or_else(|| AppError::conflict(t::NOT_YET))?;
    let status = MinutesStatus::parse(&head.status)
        .or_internal("a known MinutesStatus in the stored status")?;
    Ok((actor, head, status))
}

pub async fn update(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
    input: MinutesUpdate,
) -> Result<Minutes, AppError> {
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let (actor, _, status) = staff_head(&mut tx, actor, id, Action::Update).await?;
    if status == MinutesStatus::Approved {
        return Err(AppError::conflict(t::LOCKED));
    }
    let known: Vec<_> = store::sections(&mut tx, id)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let mut p = Problems::new();
    for (i, e) in input.sections.iter().enumerate() {
        if !known.contains(&e.id) {
            p.add(&format!("sections.{i}.id"), t::UNKNOWN_SECTION);
        }
        if e.body_md.chars().count() > 20_000 {
            p.add(&format!("sections.{i}.body_md"), t::TOO_LONG);
        }
    }
    p.into_result()?;
    if !store::save(&mut tx, id, input.version, &input.sections, now).await? {
        return Err(AppError::conflict(t::STALE));
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "update", "minutes")
            .id(id)
            .details(serde_json::json!({ "sections": input.sections.len() })),
    )
    .await?;
    tx.commit().await?;
    get(state, Some(&actor), id, MinutesQuery::default()).await
}

pub async fn circulate(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
    input: CirculateInput,
) -> Result<Minutes, AppError> {
    let now = crate::time::now();
    let today = crate::time::local_today();
    let deadline = match input
        .review_deadline
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => today + chrono::Days::new(7),
        Some(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .filter(|d| *d >= today)
            .ok_or_else(|| AppError::validation("review_deadline", t::DEADLINE_INVALID))?,
    };
    // The whole of the last day counts.
    let deadline_at = crate::time::local_day_start(deadline + chrono::Days::new(1)) - 1;
    let mut tx = state.write().await?;
    let (actor, _, status) = staff_head(&mut tx, actor, id, Action::Update).await?;
    if status != MinutesStatus::Draft {
        return Err(AppError::conflict(t::NOT_DRAFT));
    }
    store::set_status(
        &mut tx,
        id,
        MinutesStatus::Circulated,
        Some(deadline_at),
        None,
        now,
    )
    .await?;
    let told = Tell::new(NoticeKind::MinutesCirculated, now)
        .meeting(id)
        .params(serde_json::json!({ "deadline": deadline_at }))
        .urgent();
    outbox::to_members(&mut tx, &told).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "circulate", "minutes").id(id),
    )
    .await?;
    tx.commit().await?;
    get(state, Some(&actor), id, MinutesQuery::default()).await
}

/// A member's comment or proposed correction, while the minutes are out for review.
pub async fn comment(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
    input: CommentInput,
) -> Result<Minutes, AppError> {
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let (_, resource) = meeting_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Create, resource)?;
    let head = store::head(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let status = MinutesStatus::parse(&head.status)
        .or_internal("a known MinutesStatus in the stored status")?;
    if status != MinutesStatus::Circulated {
        return Err(AppError::conflict(t::NOT_REVIEWING));
    }
    if head.review_deadline.is_some_and(|d| now > d) {
        return Err(AppError::conflict(t::REVIEW_CLOSED));
    }
    let mut p = Problems::new();
    if input.body.trim().is_empty() {
        p.add("body", t::BODY_REQUIRED);
    }
    if input.body.chars().count() > 20_000
        || input
            .proposed_text
            .as_ref()
            .is_some_and(|s| s.chars().count() > 20_000)
    {
        p.add("body", t::TOO_LONG);
    }
    p.into_result()?;
    if let Some(section) = input.section_id {
        // The section must be one the actor can see (in their extract).
        let visible = get_sections_for(&mut tx, actor, id).await?;
        if !visible.contains(&section) {
            return Err(AppError::validation("section_id", t::UNKNOWN_SECTION));
        }
    }
    store::add_comment(&mut tx, id, actor.user_id, &input, now).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "comment", "minutes").id(id),
    )
    .await?;
    tx.commit().await?;
    get(state, Some(actor), id, MinutesQuery::default()).await
}

async fn get_sections_for(
    conn: &mut Conn,
    actor: &Actor,
    id: MeetingId,
) -> Result<Vec<crate::ids::SectionId>, AppError> {
    let sections = store::sections(conn, id).await?;
    let mine = match case_scope(actor) {
        CaseScope::All => return Ok(sections.into_iter().map(|s| s.id).collect()),
        CaseScope::Agency(a) => involved_cases(conn, a).await?,
        CaseScope::Nothing => vec![],
    };
    Ok(sections
        .into_iter()
        .filter(|s| s.case_id.is_none_or(|c| mine.contains(&c.0)))
        .map(|s| s.id)
        .collect())
}

pub async fn resolve(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
    comment: CommentId,
    input: ResolveInput,
) -> Result<Minutes, AppError> {
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let (actor, _, status) = staff_head(&mut tx, actor, id, Action::Update).await?;
    if status == MinutesStatus::Approved {
        return Err(AppError::conflict(t::LOCKED));
    }
    let s = input.status.trim();
    if s != "accepted" && s != "declined" {
        return Err(AppError::validation("status", t::RESOLUTION_INVALID));
    }
    let note = input
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if !store::resolve(&mut tx, id, comment, s, note, actor.user_id, now).await? {
        return Err(AppError::conflict(t::ALREADY_RESOLVED));
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "resolve_comment", "minutes")
            .id(id)
            .details(serde_json::json!({ "comment": comment.0, "status": s })),
    )
    .await?;
    tx.commit().await?;
    get(state, Some(&actor), id, MinutesQuery::default()).await
}

/// The chair approves: the minutes lock and the meeting's record is final.
pub async fn approve(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
) -> Result<Minutes, AppError> {
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let (actor, _, status) = staff_head(&mut tx, actor, id, Action::Approve).await?;
    match status {
        MinutesStatus::Approved => return Err(AppError::conflict(t::LOCKED)),
        MinutesStatus::Draft => return Err(AppError::conflict(t::NOT_CIRCULATED)),
        MinutesStatus::Circulated => {}
    }
    if store::comments(&mut tx, id)
        .await?
        .iter()
        .any(|c| c.status == "open")
    {
        return Err(AppError::conflict(t::OPEN_COMMENTS));
    }
    store::set_status(
        &mut tx,
        id,
        MinutesStatus::Approved,
        None,
        Some(actor.user_id),
        now,
    )
    .await?;
    crate::meetings::store::set_status(&mut tx, id, MeetingStatus::MinutesApproved, now).await?;
    outbox::to_members(
        &mut tx,
        &Tell::new(NoticeKind::MinutesApproved, now).meeting(id),
    )
    .await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "approve", "minutes").id(id),
    )
    .await?;
    tx.commit().await?;
    get(state, Some(&actor), id, MinutesQuery::default()).await
}

pub async fn add_addendum(
    state: &AppState,
    actor: Option<&Actor>,
    id: MeetingId,
    input: AddendumInput,
) -> Result<Minutes, AppError> {
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let (actor, _, status) = staff_head(&mut tx, actor, id, Action::Update).await?;
    if status != MinutesStatus::Approved {
        return Err(AppError::conflict(t::NOT_APPROVED));
    }
    let body = input.body_md.trim();
    if body.is_empty() {
        return Err(AppError::validation("body_md", t::BODY_REQUIRED));
    }
    if body.chars().count() > 20_000 {
        return Err(AppError::validation("body_md", t::TOO_LONG));
    }
    store::add_addendum(&mut tx, id, actor.user_id, body, now).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "addendum", "minutes").id(id),
    )
    .await?;
    tx.commit().await?;
    get(state, Some(&actor), id, MinutesQuery::default()).await
}
