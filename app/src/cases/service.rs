//! Case use cases. Each authorizes (need-to-know: a case one may not see is "not found"),
//! runs in one transaction, and writes its audit row there, reads included.

use super::criteria::{self, Criteria};
use super::text as t;
use super::types::*;
use super::victim::name_key;
use super::{queries, store};
use crate::agencies::service as agencies;
use crate::audit::store::{record, AuditEvent};
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::{AppError, OrInternal, Problems};
use crate::ids::{AgencyId, CaseId};
use crate::state::AppState;
use chrono::NaiveDate;

fn today() -> NaiveDate {
    crate::time::local_today()
}

pub use crate::auth::case_access::case_resource;

/// Checks what needs the database: the agencies exist and are active, and a member refers
/// only for their own agency.
async fn check_referral_links(
    conn: &mut Conn,
    actor: &Actor,
    r: &Referral,
) -> Result<(), AppError> {
    let mut p = Problems::new();
    if !agencies::is_active(conn, r.referring_agency_id).await? {
        p.add("referring_agency_id", t::AGENCY_UNKNOWN);
    } else if authorize(
        Some(actor),
        Action::Create,
        Resource::Referral {
            own_agency: actor.agency_id == Some(r.referring_agency_id),
        },
    )
    .is_err()
    {
        p.add("referring_agency_id", t::OWN_AGENCY_ONLY);
    }
    if let Some(a) = r.victim_voice.advocate_agency_id {
        if !agencies::is_active(conn, a).await? {
            p.add("victim_voice.advocate_agency_id", t::AGENCY_UNKNOWN);
        }
    }
    p.into_result()
}

fn compute(r: &Referral, threshold: u32, earlier: &[NaiveDate]) -> Criteria {
    criteria::compute(&criteria::Inputs {
        checklist: &r.checklist,
        judgement_reasons: r.judgement_reasons.as_deref(),
        incidents_last_12_months: r.incidents_last_12_months,
        escalation_threshold: threshold,
        earlier_referrals: earlier,
        referred_on: r.referred_on,
    })
}

fn criteria_names(c: &Criteria) -> serde_json::Value {
    serde_json::json!({ "criteria": c.codes(), "dash_yes": c.dash_yes })
}

/// The first of the victim's cases that the actor may add a referral to, if any.
async fn visible_case(
    conn: &mut Conn,
    actor: &Actor,
    candidates: &[CaseId],
) -> Result<Option<CaseId>, AppError> {
    for id in candidates {
        let resource = case_resource(conn, Some(actor), *id).await?;
        if authorize(Some(actor), Action::Create, resource).is_ok() {
            return Ok(Some(*id));
        }
    }
    Ok(None)
}

/// Refers a victim. When the actor may already see her case the referral is added to it
/// (`existing_case`). Otherwise the answer is the same whether the register knows her or
/// not: a new case; if she is known, that case waits as a pending match for the coordinator
/// (see `matching`), and the repeat criterion is judged without the case the actor may not see.
pub async fn create(
    state: &AppState,
    actor: Option<&Actor>,
    input: ReferralInput,
) -> Result<CaseCreated, AppError> {
    let actor = authorize(actor, Action::Create, Resource::Cases)?;
    let r = input.parse(today())?;
    let Some(victim) = r.victim.clone() else {
        return Err(AppError::validation("victim", t::VICTIM_REQUIRED));
    };
    let threshold = crate::settings::service::load(state)
        .await?
        .escalation_incidents;
    let key = name_key(&victim.name);
    let now = crate::time::now();
    let mut tx = state.write().await?;
    check_referral_links(&mut tx, actor, &r).await?;
    let candidates = store::matching_cases(&mut tx, &key, victim.date_of_birth).await?;
    let existing = visible_case(&mut tx, actor, &candidates).await?;
    let earlier = match existing {
        Some(id) => store::referral_dates(&mut tx, id).await?,
        None => vec![],
    };
    let c = compute(&r, threshold, &earlier);
    if !c.any() {
        return Err(AppError::validation("criteria", t::NO_CRITERION));
    }
    let (id, reference) = match existing {
        Some(id) => (id, store::reference(&mut tx, id).await?),
        None => store::insert_case(&mut tx, &victim, &key, r.perpetrator.as_ref(), now).await?,
    };
    store::refresh_from_referral(&mut tx, id, &r, now).await?;
    if existing.is_some() {
        super::contact_update::from_referral(&mut tx, actor.user_id, id, &victim, now).await?;
    }
    crate::auth::case_access::involve(&mut tx, id, r.referring_agency_id, "referring", now).await?;
    let referral_id = store::insert_referral(&mut tx, id, &r, &c, actor.user_id, now).await?;
    let action = if existing.is_some() {
        "refer"
    } else {
        "create"
    };
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), action, "case")
            .id(id)
            .details(criteria_names(&c)),
    )
    .await?;
    if let (None, Some(known)) = (existing, candidates.first()) {
        let m = super::matching::store::insert(&mut tx, id, *known, now).await?;
        // On the match, not the case: the new case's timeline is the referrer's to read.
        record(
            &mut tx,
            AuditEvent::new(Some(actor.user_id), "hold", "case_match")
                .id(m)
                .details(serde_json::json!({ "case": id.0, "matched_case": known.0 })),
        )
        .await?;
        // The coordinator decides; nobody else learns that the person may be known.
        crate::outbox::service::to_roles(
            &mut tx,
            &[crate::auth::types::Role::Coordinator],
            &crate::outbox::service::Tell::new(
                crate::notices::types::NoticeKind::ReferralMatchPending,
                now,
            ),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(CaseCreated {
        id,
        reference,
        existing_case: existing.is_some(),
        referral_id,
        criteria: c,
    })
}

/// Refers an existing case again.
pub async fn add_referral(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    input: ReferralInput,
) -> Result<CaseCreated, AppError> {
    let threshold = crate::settings::service::load(state)
        .await?
        .escalation_incidents;
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let resource = case_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Create, resource)?;
    if input.victim.is_some() {
        return Err(AppError::validation("victim", t::VICTIM_NOT_HERE));
    }
    let r = input.parse(today())?;
    check_referral_links(&mut tx, actor, &r).await?;
    let earlier = store::referral_dates(&mut tx, id).await?;
    let c = compute(&r, threshold, &earlier);
    if !c.any() {
        return Err(AppError::validation("criteria", t::NO_CRITERION));
    }
    store::refresh_from_referral(&mut tx, id, &r, now).await?;
    crate::auth::case_access::involve(&mut tx, id, r.referring_agency_id, "referring", now).await?;
    let referral_id = store::insert_referral(&mut tx, id, &r, &c, actor.user_id, now).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "refer", "case")
            .id(id)
            .details(criteria_names(&c)),
    )
    .await?;
    let reference = store::reference(&mut tx, id).await?;
    tx.commit().await?;
    Ok(CaseCreated {
        id,
        reference,
        existing_case: true,
        referral_id,
        criteria: c,
    })
}

/// The criteria a referral would meet, before it is submitted; the referral form calls it as
/// it is filled in. It never looks the victim up in the register, so it answers a known and an
/// unknown person alike; given a case the actor may see (a further referral), that case's
/// earlier referrals count for the repeat criterion. Audited with its outcome only.
pub async fn assess(
    state: &AppState,
    actor: Option<&Actor>,
    case: Option<CaseId>,
    input: ReferralInput,
) -> Result<Assessment, AppError> {
    let actor = authorize(actor, Action::Create, Resource::Cases)?;
    let threshold = crate::settings::service::load(state)
        .await?
        .escalation_incidents;
    let mut tx = state.write().await?;
    // Answers typed so far; unanswered questions count as not "yes".
    let answers: Vec<_> = (0..24)
        .map(|i| {
            input
                .checklist
                .get(i)
                .and_then(|a| super::checklist::Answer::parse(a))
        })
        .collect();
    let unanswered = answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.is_none())
        .map(|(i, _)| i as u8 + 1)
        .collect();
    let checklist = super::checklist::Checklist(std::array::from_fn(|i| {
        answers[i].unwrap_or(super::checklist::Answer::Unknown)
    }));
    let referred_on =
        NaiveDate::parse_from_str(input.referred_on.trim(), "%Y-%m-%d").unwrap_or_else(|_| today());
    let earlier = match case {
        Some(id) => {
            let resource = case_resource(&mut tx, Some(actor), id).await?;
            authorize(Some(actor), Action::Create, resource)?;
            store::referral_dates(&mut tx, id).await?
        }
        None => vec![],
    };
    let incidents = crate::lenient::parse_int(&input.incidents_last_12_months, 0, 1000, "")
        .ok()
        .flatten()
        .unwrap_or(0) as u32;
    let c = criteria::compute(&criteria::Inputs {
        checklist: &checklist,
        judgement_reasons: input.judgement_reasons.as_deref(),
        incidents_last_12_months: incidents,
        escalation_threshold: threshold,
        earlier_referrals: &earlier,
        referred_on,
    });
    let outcome = if c.any() {
        "meets_criteria"
    } else {
        "meets_no_criterion"
    };
    let mut ev = AuditEvent::new(Some(actor.user_id), "assess", "referral")
        .details(serde_json::json!({ "outcome": outcome, "criteria": c.codes() }));
    if let Some(id) = case {
        ev = ev.id(id);
    }
    record(&mut tx, ev).await?;
    tx.commit().await?;
    Ok(Assessment {
        criteria: c,
        unanswered,
    })
}

fn parse_filter(f: &CaseFilter) -> Result<(Option<CaseStatus>, Option<AgencyId>), AppError> {
    let mut p = Problems::new();
    let status = f
        .status
        .as_deref()
        .filter(|s| !s.is_empty())
        .and_then(|s| p.take("status", CaseStatus::parse(s)));
    let agency = f.agency_id.as_deref().and_then(|s| {
        p.take(
            "agency_id",
            s.parse::<i64>()
                .map(AgencyId)
                .map_err(|_| t::AGENCY_UNKNOWN.to_string()),
        )
    });
    p.into_result()?;
    Ok((status, agency))
}

pub async fn list(
    state: &AppState,
    actor: Option<&Actor>,
    filter: CaseFilter,
) -> Result<Vec<CaseSummary>, AppError> {
    let actor = authorize(actor, Action::Read, Resource::Cases)?;
    let (status, agency) = parse_filter(&filter)?;
    let visible_to = crate::auth::policy::case_scope(actor).visible_to();
    let mut tx = state.write().await?;
    let cases = queries::list(&mut tx, visible_to, status, agency, crate::time::now()).await?;
    let ids: Vec<i64> = cases.iter().map(|c| c.id.0).collect();
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "list", "case")
            .details(serde_json::json!({ "cases": ids })),
    )
    .await?;
    tx.commit().await?;
    Ok(cases)
}

pub async fn get(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
) -> Result<CaseDetail, AppError> {
    let mut tx = state.write().await?;
    let resource = case_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Read, resource)?;
    let detail = detail(&mut tx, id, crate::time::now())
        .await?
        .ok_or(AppError::NotFound)?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "read", "case").id(id),
    )
    .await?;
    tx.commit().await?;
    Ok(detail)
}

pub async fn timeline(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
) -> Result<Vec<TimelineEntry>, AppError> {
    let mut tx = state.write().await?;
    let resource = case_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Read, resource)?;
    // Why someone asked to see a restricted detail is for those who oversee the case (and the
    // audit log), not for every reader of the timeline.
    let with_reasons = authorize(Some(actor), Action::Assign, resource).is_ok();
    let entries = queries::timeline(&mut tx, id, with_reasons).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "read", "case")
            .id(id)
            .details(serde_json::json!({ "part": "timeline" })),
    )
    .await?;
    tx.commit().await?;
    Ok(entries)
}

/// Shows one restricted field. The reason is required and kept in the audit row.
pub async fn reveal(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    input: RevealInput,
) -> Result<Revealed, AppError> {
    let mut tx = state.write().await?;
    let resource = case_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Reveal, resource)?;
    let mut p = Problems::new();
    let field = p.take("field", RestrictedField::parse(&input.field));
    let reason = input
        .reason
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if reason.is_empty() {
        p.add("reason", t::REASON_REQUIRED);
    } else if reason.chars().count() > 500 {
        p.add("reason", t::REASON_TOO_LONG);
    }
    p.into_result()?;
    let field = field.expect("checked");
    let value = queries::restricted_value(&mut tx, id, field).await?;
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "reveal", "case")
            .id(id)
            .reason(reason)
            .details(serde_json::json!({ "field": field.as_str() })),
    )
    .await?;
    tx.commit().await?;
    Ok(Revealed { field, value })
}

pub async fn update(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    input: CasePatchInput,
) -> Result<CaseDetail, AppError> {
    let now = crate::time::now();
    let mut tx = state.write().await?;
    let resource = case_resource(&mut tx, actor, id).await?;
    let actor = authorize(actor, Action::Update, resource)?;
    let patch = input.parse(today())?;
    if patch.lead_agency_id.is_some() || patch.added_agency_ids.is_some() {
        authorize(Some(actor), Action::Assign, resource)?;
    }
    let mut p = Problems::new();
    // Closing needs a reason (kept for the record; erased with the case's personal data).
    if patch.status == Some(CaseStatus::Closed)
        && patch.closing_reason.is_none()
        && !store::is_closed(&mut tx, id).await?
    {
        p.add("closing_reason", t::CLOSING_REASON_REQUIRED);
    }
    if let Some(Some(a)) = patch.lead_agency_id {
        if !agencies::is_active(&mut tx, a).await? {
            p.add("lead_agency_id", t::AGENCY_UNKNOWN);
        }
    }
    for a in patch.added_agency_ids.iter().flatten() {
        if !agencies::is_active(&mut tx, *a).await? {
            p.add("added_agency_ids", t::AGENCY_UNKNOWN);
        }
    }
    // A lead agency or added agency named in the same change counts as involved already.
    let also: Vec<AgencyId> = patch
        .lead_agency_id
        .flatten()
        .into_iter()
        .chain(patch.added_agency_ids.iter().flatten().copied())
        .collect();
    super::people::check(&mut tx, id, &patch, &also, &mut p).await?;
    p.into_result()?;
    let was = super::people::before(&mut tx, id).await?;
    store::apply_patch(&mut tx, id, &patch, now).await?;
    super::people::tell_new(&mut tx, id, was, &patch, now).await?;
    let mut changed = Vec::new();
    for (name, set) in [
        ("status", patch.status.is_some()),
        ("lead_agency", patch.lead_agency_id.is_some()),
        ("case_manager", patch.case_manager_id.is_some()),
        ("case_responsible", patch.case_responsible_id.is_some()),
        ("added_agencies", patch.added_agency_ids.is_some()),
        (
            "initial_assessment_on",
            patch.initial_assessment_on.is_some(),
        ),
        ("intervention_plan_on", patch.intervention_plan_on.is_some()),
    ] {
        if set {
            changed.push(name);
        }
    }
    record(
        &mut tx,
        AuditEvent::new(Some(actor.user_id), "update", "case")
            .id(id)
            .details(serde_json::json!({ "changed": changed })),
    )
    .await?;
    let detail = detail(&mut tx, id, now)
        .await?
        .or_internal("the case just changed, in the same transaction")?;
    tx.commit().await?;
    Ok(detail)
}

/// The case as its page shows it, with every action agreed on it.
pub(super) async fn detail(
    conn: &mut crate::db::Conn,
    id: CaseId,
    now: i64,
) -> Result<Option<CaseDetail>, AppError> {
    let Some(mut d) = queries::detail(conn, id, now).await? else {
        return Ok(None);
    };
    d.actions = crate::actions::service::on_case(conn, id).await?;
    Ok(Some(d))
}
