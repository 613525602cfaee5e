//! Reading cases for people: lists, the case page, the timeline, and (audited by the caller)
//! the restricted fields.

use super::checklist::Checklist;
use super::criteria::Criteria;
use super::store::{day, opt_day};
use super::types::*;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::{AgencyId, CaseId, ReferralId, UserId};
use std::collections::BTreeMap;

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: CaseId,
    reference: String,
    status: String,
    lead_agency_id: Option<AgencyId>,
    lead_agency_name: Option<String>,
    children_count: i64,
    referral_count: i64,
    referred_on: String,
    registered_at: i64,
    dash_yes: i64,
    visible_high_risk: bool,
    professional_judgement: bool,
    potential_escalation: bool,
    is_repeat: bool,
    initial_assessment_on: Option<String>,
    intervention_plan_on: Option<String>,
}

const SUMMARY_SELECT: &str = "
    SELECT c.id, c.reference, c.status, c.lead_agency_id, la.name AS lead_agency_name,
           (SELECT COUNT(*) FROM case_children ch WHERE ch.case_id = c.id) AS children_count,
           (SELECT COUNT(*) FROM referrals rr WHERE rr.case_id = c.id) AS referral_count,
           r.referred_on, r.registered_at, r.dash_yes, r.visible_high_risk, r.professional_judgement,
           r.potential_escalation, r.is_repeat, r.initial_assessment_on, r.intervention_plan_on
    FROM cases c
    JOIN referrals r ON r.id = (SELECT id FROM referrals x WHERE x.case_id = c.id ORDER BY x.referred_on DESC, x.id DESC LIMIT 1)
    LEFT JOIN agencies la ON la.id = c.lead_agency_id";

fn to_summary(r: SummaryRow, now: i64) -> Result<CaseSummary, AppError> {
    let status =
        CaseStatus::parse(&r.status).or_internal("a known CaseStatus in the stored status")?;
    Ok(CaseSummary {
        id: r.id,
        reference: r.reference,
        status,
        lead_agency_id: r.lead_agency_id,
        lead_agency_name: r.lead_agency_name,
        children_count: r.children_count as u32,
        referral_count: r.referral_count as u32,
        last_referred_on: day(&r.referred_on)?,
        criteria: Criteria {
            dash_yes: r.dash_yes as u32,
            visible_high_risk: r.visible_high_risk,
            professional_judgement: r.professional_judgement,
            potential_escalation: r.potential_escalation,
            repeat: r.is_repeat,
        },
        deadlines: super::deadlines::compute(
            status,
            r.registered_at,
            opt_day(r.initial_assessment_on)?,
            opt_day(r.intervention_plan_on)?,
            now,
        ),
    })
}

/// Cases for a list, newest referral first. `visible_to`: only cases that agency is involved
/// with (or leads); `None`: all.
pub async fn list(
    conn: &mut Conn,
    visible_to: Option<Option<AgencyId>>,
    status: Option<CaseStatus>,
    agency: Option<AgencyId>,
    now: i64,
) -> Result<Vec<CaseSummary>, AppError> {
    let visible = visible_to.flatten();
    // Each filter applies only when given.
    let rows: Vec<SummaryRow> = sqlx::query_as(LIST)
        .bind(visible_to.is_some())
        .bind(visible)
        .bind(visible)
        .bind(status.map(|s| s.as_str()))
        .bind(status.map(|s| s.as_str()))
        .bind(agency)
        .bind(agency)
        .bind(agency)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter().map(|r| to_summary(r, now)).collect()
}

pub async fn summary(
    conn: &mut Conn,
    id: CaseId,
    now: i64,
) -> Result<Option<CaseSummary>, AppError> {
    let row: Option<SummaryRow> = sqlx::query_as(SUMMARY)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| to_summary(r, now)).transpose()
}

async fn person(conn: &mut Conn, id: Option<UserId>) -> Result<Option<PersonRef>, AppError> {
    let Some(id) = id else { return Ok(None) };
    let row: Option<(UserId, String, Option<String>)> = sqlx::query_as(PERSON)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(id, name, agency_name)| PersonRef {
        id,
        name,
        agency_name,
    }))
}

pub async fn involved_agencies(
    conn: &mut Conn,
    case: CaseId,
) -> Result<Vec<InvolvedAgency>, AppError> {
    let rows: Vec<(AgencyId, String, String)> = sqlx::query_as(INVOLVED_AGENCIES)
        .bind(case)
        .fetch_all(&mut *conn)
        .await?;
    let mut map: BTreeMap<(String, i64), InvolvedAgency> = BTreeMap::new();
    for (id, name, reason) in rows {
        map.entry((name.to_lowercase(), id.0))
            .or_insert_with(|| InvolvedAgency {
                id,
                name,
                reasons: vec![],
            })
            .reasons
            .push(reason);
    }
    Ok(map.into_values().collect())
}

#[derive(sqlx::FromRow)]
struct ReferralRow {
    id: ReferralId,
    referred_on: String,
    registered_at: i64,
    referring_agency_id: AgencyId,
    referring_agency_name: String,
    referrer: Option<String>,
    checklist: String,
    dash_yes: i64,
    visible_high_risk: bool,
    professional_judgement: bool,
    potential_escalation: bool,
    is_repeat: bool,
    judgement_reasons: Option<String>,
    incidents_last_12_months: i64,
    victim_informed: String,
    consent_to_share: String,
    lawful_basis: Option<String>,
    advocate_name: Option<String>,
    advocate_agency_name: Option<String>,
    victim_views: Option<String>,
    children_count: i64,
    initial_assessment_on: Option<String>,
    intervention_plan_on: Option<String>,
}

pub async fn referrals(conn: &mut Conn, case: CaseId) -> Result<Vec<ReferralView>, AppError> {
    let rows: Vec<ReferralRow> = sqlx::query_as(REFERRALS)
        .bind(case)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(ReferralView {
                id: r.id,
                referred_on: day(&r.referred_on)?,
                registered_at: crate::time::rfc3339(r.registered_at),
                referring_agency_id: r.referring_agency_id,
                referring_agency_name: r.referring_agency_name,
                referrer: r.referrer,
                criteria: Criteria {
                    dash_yes: r.dash_yes as u32,
                    visible_high_risk: r.visible_high_risk,
                    professional_judgement: r.professional_judgement,
                    potential_escalation: r.potential_escalation,
                    repeat: r.is_repeat,
                },
                checklist: Checklist::from_codes(&r.checklist)
                    .or_internal("stored checklist codes are known")?
                    .0
                    .to_vec(),
                judgement_reasons: r.judgement_reasons,
                incidents_last_12_months: r.incidents_last_12_months as u32,
                victim_informed: VictimInformed::parse(&r.victim_informed)
                    .or_internal("a known VictimInformed in the stored victim_informed")?,
                consent_to_share: ConsentToShare::parse(&r.consent_to_share)
                    .or_internal("a known ConsentToShare in the stored consent_to_share")?,
                lawful_basis: r.lawful_basis,
                advocate_name: r.advocate_name,
                advocate_agency_name: r.advocate_agency_name,
                victim_views: r.victim_views,
                children_count: r.children_count as u32,
                initial_assessment_on: opt_day(r.initial_assessment_on)?,
                intervention_plan_on: opt_day(r.intervention_plan_on)?,
            })
        })
        .collect()
}

#[derive(sqlx::FromRow)]
struct CaseRow {
    status: String,
    lead_agency_id: Option<AgencyId>,
    case_manager_id: Option<UserId>,
    case_responsible_id: Option<UserId>,
    has_perpetrator: bool,
    has_contact: bool,
    safe_to_contact: bool,
}

pub async fn detail(conn: &mut Conn, id: CaseId, now: i64) -> Result<Option<CaseDetail>, AppError> {
    let Some(summary) = summary(conn, id, now).await? else {
        return Ok(None);
    };
    let row: CaseRow = sqlx::query_as(DETAIL_1)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    let agencies = involved_agencies(conn, id).await?;
    let lead_agency = match row.lead_agency_id {
        None => None,
        Some(l) => Some(match agencies.iter().find(|a| a.id == l) {
            Some(a) => a.clone(),
            None => {
                let name: String = sqlx::query_scalar(DETAIL_2)
                    .bind(l)
                    .fetch_one(&mut *conn)
                    .await?;
                InvolvedAgency {
                    id: l,
                    name,
                    reasons: vec!["lead".into()],
                }
            }
        }),
    };
    let ages: Vec<i64> = sqlx::query_scalar(DETAIL_3)
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    let mut restricted = vec![
        RestrictedField::VictimName,
        RestrictedField::VictimDateOfBirth,
        RestrictedField::SafeToContact,
    ];
    if row.has_contact {
        restricted.push(RestrictedField::VictimSafeContact);
    }
    if row.has_perpetrator {
        restricted.push(RestrictedField::PerpetratorName);
        restricted.push(RestrictedField::PerpetratorDateOfBirth);
    }
    if !ages.is_empty() {
        restricted.push(RestrictedField::ChildrenInitials);
    }
    Ok(Some(CaseDetail {
        id,
        reference: summary.reference,
        status: CaseStatus::parse(&row.status)
            .or_internal("a known CaseStatus in the stored status")?,
        lead_agency,
        case_manager: person(conn, row.case_manager_id).await?,
        case_responsible: person(conn, row.case_responsible_id).await?,
        agencies,
        children_ages: ages.into_iter().map(|a| a as u8).collect(),
        has_perpetrator_details: row.has_perpetrator,
        referrals: referrals(conn, id).await?,
        deadlines: summary.deadlines,
        restricted,
        not_safe_to_contact: !row.safe_to_contact,
        actions: Vec::new(),
    }))
}

pub async fn restricted_value(
    conn: &mut Conn,
    id: CaseId,
    field: RestrictedField,
) -> Result<serde_json::Value, AppError> {
    use serde_json::Value;
    let sql = match field {
        RestrictedField::VictimName => VICTIM_NAME,
        RestrictedField::VictimDateOfBirth => VICTIM_DOB,
        RestrictedField::VictimSafeContact => VICTIM_SAFE_CONTACT,
        RestrictedField::SafeToContact => SAFE_TO_CONTACT,
        RestrictedField::PerpetratorName => PERPETRATOR_NAME,
        RestrictedField::PerpetratorDateOfBirth => PERPETRATOR_DOB,
        RestrictedField::ChildrenInitials => {
            let rows: Vec<(String, i64)> = sqlx::query_as(RESTRICTED_VALUE_1)
                .bind(id)
                .fetch_all(&mut *conn)
                .await?;
            return Ok(Value::Array(
                rows.into_iter()
                    .map(|(i, a)| serde_json::json!({ "initials": i, "age": a }))
                    .collect(),
            ));
        }
    };
    if field == RestrictedField::SafeToContact {
        let v: bool = sqlx::query_scalar(SAFE_TO_CONTACT)
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
        return Ok(Value::Bool(v));
    }
    let v: Option<String> = sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(v.map(Value::String).unwrap_or(Value::Null))
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    at: i64,
    action: String,
    who: Option<String>,
    reason: Option<String>,
    details: Option<String>,
}

/// `with_reasons`: show the reasons given for revealing restricted details.
pub async fn timeline(
    conn: &mut Conn,
    id: CaseId,
    with_reasons: bool,
) -> Result<Vec<TimelineEntry>, AppError> {
    let rows: Vec<AuditRow> = sqlx::query_as(TIMELINE)
        .bind(id.to_string())
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| TimelineEntry {
            at: crate::time::rfc3339(r.at),
            at_unix: r.at,
            what: super::text_for_action(&r.action),
            who: r.who,
            detail: r
                .reason
                .filter(|_| with_reasons || r.action != "reveal")
                .or(r.details.and_then(|d| super::describe_details(&d))),
        })
        .collect())
}

crate::statements! {
    SUMMARY = crate::sql!(SUMMARY_SELECT, " WHERE c.id = ?");
    PERSON = "SELECT u.id, u.name, a.name FROM users u LEFT JOIN agencies a ON a.id = u.agency_id WHERE u.id = ?";
    INVOLVED_AGENCIES = "SELECT a.id, a.name, ca.reason FROM case_agencies ca JOIN agencies a ON a.id = ca.agency_id
         WHERE ca.case_id = ? ORDER BY a.name COLLATE NOCASE, ca.reason";
    REFERRALS = "SELECT r.id, r.referred_on, r.registered_at, r.referring_agency_id, a.name AS referring_agency_name,
                COALESCE(r.referrer_name, u.name) AS referrer, r.checklist, r.dash_yes, r.visible_high_risk,
                r.professional_judgement, r.potential_escalation, r.is_repeat, r.judgement_reasons,
                r.incidents_last_12_months, r.victim_informed, r.consent_to_share, r.lawful_basis,
                r.advocate_name, aa.name AS advocate_agency_name, r.victim_views, r.children_count,
                r.initial_assessment_on, r.intervention_plan_on
         FROM referrals r
         JOIN agencies a ON a.id = r.referring_agency_id
         LEFT JOIN users u ON u.id = r.referring_user_id
         LEFT JOIN agencies aa ON aa.id = r.advocate_agency_id
         WHERE r.case_id = ? ORDER BY r.referred_on, r.id";
    DETAIL_1 = "SELECT status, lead_agency_id, case_manager_id, case_responsible_id,
                (perpetrator_name IS NOT NULL OR perpetrator_dob IS NOT NULL) AS has_perpetrator,
                (victim_safe_contact IS NOT NULL) AS has_contact, safe_to_contact
         FROM cases WHERE id = ?";
    DETAIL_2 = "SELECT name FROM agencies WHERE id = ?";
    DETAIL_3 = "SELECT age FROM case_children WHERE case_id = ? ORDER BY age DESC";
    RESTRICTED_VALUE_1 = "SELECT initials, age FROM case_children WHERE case_id = ? ORDER BY age DESC";
    TIMELINE = "SELECT a.at, a.action, u.name AS who, a.reason, a.details FROM audit_log a
         LEFT JOIN users u ON u.id = a.actor_user_id
         WHERE a.entity = 'case' AND a.entity_id = ? AND a.action NOT IN ('read', 'list', 'assess')
         ORDER BY a.id";
    LIST = crate::sql!(
        SUMMARY_SELECT,
        " WHERE c.merged_into IS NULL
           AND (? = 0 OR c.lead_agency_id = ?
              OR EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = c.id AND ca.agency_id = ?))
           AND (? IS NULL OR c.status = ?)
           AND (? IS NULL OR c.lead_agency_id = ?
              OR EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = c.id AND ca.agency_id = ?))
         ORDER BY r.referred_on DESC, c.id DESC"
    );
    VICTIM_NAME = "SELECT victim_name FROM cases WHERE id = ?";
    VICTIM_DOB = "SELECT victim_dob FROM cases WHERE id = ?";
    VICTIM_SAFE_CONTACT = "SELECT victim_safe_contact FROM cases WHERE id = ?";
    SAFE_TO_CONTACT = "SELECT safe_to_contact FROM cases WHERE id = ?";
    PERPETRATOR_NAME = "SELECT perpetrator_name FROM cases WHERE id = ?";
    PERPETRATOR_DOB = "SELECT perpetrator_dob FROM cases WHERE id = ?";
}
