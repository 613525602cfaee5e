//! Case and referral rows. Restricted columns are read only by `restricted_value`.

use super::criteria::Criteria;
use super::types::*;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::{AgencyId, CaseId, ReferralId, UserId};
use chrono::NaiveDate;

pub(super) fn day(s: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").or_internal("a stored date as YYYY-MM-DD")
}

pub(super) fn opt_day(s: Option<String>) -> Result<Option<NaiveDate>, AppError> {
    s.as_deref().map(day).transpose()
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Every live case of the victim (same name key and date of birth), oldest first.
pub async fn matching_cases(
    conn: &mut Conn,
    key: &str,
    dob: NaiveDate,
) -> Result<Vec<CaseId>, AppError> {
    Ok(sqlx::query_scalar(MATCHING_CASES)
        .bind(key)
        .bind(iso(dob))
        .fetch_all(&mut *conn)
        .await?)
}

pub async fn referral_dates(conn: &mut Conn, case: CaseId) -> Result<Vec<NaiveDate>, AppError> {
    let rows: Vec<String> = sqlx::query_scalar(REFERRAL_DATES)
        .bind(case)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(|s| day(s)).collect()
}

pub async fn insert_case(
    conn: &mut Conn,
    victim: &Victim,
    key: &str,
    perpetrator: Option<&Perpetrator>,
    now: i64,
) -> Result<(CaseId, String), AppError> {
    let year: i64 = chrono::DateTime::from_timestamp(now, 0)
        .map(|t| t.format("%Y").to_string().parse().unwrap_or(1970))
        .unwrap_or(1970);
    let seq: i64 = sqlx::query_scalar(INSERT_CASE_1)
        .bind(year)
        .fetch_one(&mut *conn)
        .await?;
    let reference = format!("C-{year}-{seq:04}");
    let id: i64 = sqlx::query_scalar(INSERT_CASE_2)
        .bind(&reference)
        .bind(year)
        .bind(seq)
        .bind(&victim.name)
        .bind(key)
        .bind(iso(victim.date_of_birth))
        .bind(&victim.safe_contact)
        .bind(victim.safe_to_contact)
        .bind(perpetrator.and_then(|p| p.name.clone()))
        .bind(perpetrator.and_then(|p| p.date_of_birth).map(iso))
        .bind(now)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    Ok((CaseId(id), reference))
}

pub async fn reference(conn: &mut Conn, id: CaseId) -> Result<String, AppError> {
    Ok(sqlx::query_scalar(REFERENCE)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?)
}

pub async fn children(conn: &mut Conn, case: CaseId) -> Result<Vec<Child>, AppError> {
    let rows: Vec<(String, i64)> = sqlx::query_as(CHILDREN)
        .bind(case)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(initials, age)| Child {
            initials,
            age: age.clamp(0, 17) as u8,
        })
        .collect())
}

pub async fn replace_children(
    conn: &mut Conn,
    case: CaseId,
    children: &[Child],
) -> Result<(), AppError> {
    sqlx::query(REPLACE_CHILDREN_1)
        .bind(case)
        .execute(&mut *conn)
        .await?;
    for c in children {
        sqlx::query(REPLACE_CHILDREN_2)
            .bind(case)
            .bind(&c.initials)
            .bind(c.age as i64)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// A new referral brings the latest word on the perpetrator and adds the children it reports
/// to those already known.
pub async fn refresh_from_referral(
    conn: &mut Conn,
    case: CaseId,
    r: &Referral,
    now: i64,
) -> Result<(), AppError> {
    let known = children(conn, case).await?;
    replace_children(conn, case, &super::children::merge(&known, &r.children)).await?;
    if let Some(p) = &r.perpetrator {
        sqlx::query(REFRESH_FROM_REFERRAL_1)
            .bind(&p.name)
            .bind(p.date_of_birth.map(iso))
            .bind(case)
            .execute(&mut *conn)
            .await?;
    }
    // A case that comes back after closing is a referral again.
    sqlx::query(REFRESH_FROM_REFERRAL_2)
        .bind(now)
        .bind(case)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ends one reason an agency may see a case; `true` when there was one.
pub async fn withdraw(
    conn: &mut Conn,
    case: CaseId,
    agency: AgencyId,
    reason: &str,
) -> Result<bool, AppError> {
    let r = sqlx::query(WITHDRAW)
        .bind(case)
        .bind(agency)
        .bind(reason)
        .execute(&mut *conn)
        .await?;
    Ok(r.rows_affected() > 0)
}

pub async fn insert_referral(
    conn: &mut Conn,
    case: CaseId,
    r: &Referral,
    c: &Criteria,
    by: UserId,
    now: i64,
) -> Result<ReferralId, AppError> {
    let id: i64 = sqlx::query_scalar(INSERT_REFERRAL)
        .bind(case)
        .bind(iso(r.referred_on))
        .bind(now)
        .bind(r.referring_agency_id)
        .bind(by)
        .bind(&r.referrer_name)
        .bind(r.checklist.to_codes())
        .bind(c.dash_yes as i64)
        .bind(&r.judgement_reasons)
        .bind(r.incidents_last_12_months as i64)
        .bind(c.visible_high_risk)
        .bind(c.professional_judgement)
        .bind(c.potential_escalation)
        .bind(c.repeat)
        .bind(r.consent.victim_informed.as_str())
        .bind(r.consent.consent_to_share.as_str())
        .bind(&r.consent.lawful_basis)
        .bind(&r.victim_voice.advocate_name)
        .bind(r.victim_voice.advocate_agency_id)
        .bind(&r.victim_voice.views)
        .bind(r.children.len() as i64)
        .bind(by)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    Ok(ReferralId(id))
}

pub async fn apply_patch(
    conn: &mut Conn,
    id: CaseId,
    p: &CasePatch,
    now: i64,
) -> Result<(), AppError> {
    // Each field is set only when the patch names it: (given, value) pairs. closed_at starts
    // the retention clock: set on closing (kept when already closed), cleared on reopening.
    let status = p.status.map(|s| s.as_str());
    sqlx::query(APPLY_PATCH)
        .bind(now)
        .bind(status.is_some())
        .bind(status)
        .bind(now)
        .bind(status.is_some() && p.closing_reason.is_some())
        .bind(&p.closing_reason)
        .bind(status.is_some())
        .bind(status)
        .bind(p.lead_agency_id.is_some())
        .bind(p.lead_agency_id.flatten())
        .bind(p.case_manager_id.is_some())
        .bind(p.case_manager_id.flatten())
        .bind(p.case_responsible_id.is_some())
        .bind(p.case_responsible_id.flatten())
        .bind(id)
        .execute(&mut *conn)
        .await?;

    if let Some(v) = p.lead_agency_id {
        sqlx::query(FORGET_LEAD)
            .bind(id)
            .execute(&mut *conn)
            .await?;
        if let Some(a) = v {
            crate::auth::case_access::involve(conn, id, a, "lead", now).await?;
        }
    }
    if let Some(list) = &p.added_agency_ids {
        sqlx::query(FORGET_ADDED)
            .bind(id)
            .execute(&mut *conn)
            .await?;
        for a in list {
            crate::auth::case_access::involve(conn, id, *a, "added", now).await?;
        }
    }
    for (sql, value) in [
        (SET_INITIAL_ASSESSMENT_ON, p.initial_assessment_on),
        (SET_INTERVENTION_PLAN_ON, p.intervention_plan_on),
    ] {
        if let Some(v) = value {
            sqlx::query(sql)
                .bind(v.map(iso))
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

/// Active people who may manage a case (not admins or observers).
pub async fn is_case_worker(conn: &mut Conn, user: UserId) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(IS_CASE_WORKER)
        .bind(user)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

pub async fn is_closed(conn: &mut Conn, id: CaseId) -> Result<bool, AppError> {
    let status: Option<String> = sqlx::query_scalar(IS_CLOSED)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(status.as_deref() == Some("closed"))
}

crate::statements! {
    MATCHING_CASES = "SELECT id FROM cases WHERE victim_key = ? AND victim_dob = ? AND merged_into IS NULL ORDER BY id";
    REFERRAL_DATES = "SELECT referred_on FROM referrals WHERE case_id = ?";
    INSERT_CASE_1 = "SELECT COALESCE(MAX(ref_seq), 0) + 1 FROM cases WHERE ref_year = ?";
    INSERT_CASE_2 = "INSERT INTO cases (reference, ref_year, ref_seq, status, victim_name, victim_key, victim_dob,
             victim_safe_contact, safe_to_contact, perpetrator_name, perpetrator_dob, created_at, updated_at)
         VALUES (?, ?, ?, 'referred', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    REFERENCE = "SELECT reference FROM cases WHERE id = ?";
    CHILDREN = "SELECT initials, age FROM case_children WHERE case_id = ? ORDER BY id";
    REPLACE_CHILDREN_1 = "DELETE FROM case_children WHERE case_id = ?";
    REPLACE_CHILDREN_2 = "INSERT INTO case_children (case_id, initials, age) VALUES (?, ?, ?)";
    REFRESH_FROM_REFERRAL_1 = "UPDATE cases SET perpetrator_name = COALESCE(?, perpetrator_name),
                              perpetrator_dob = COALESCE(?, perpetrator_dob) WHERE id = ?";
    REFRESH_FROM_REFERRAL_2 = "UPDATE cases SET status = CASE WHEN status = 'closed' THEN 'referred' ELSE status END, updated_at = ? WHERE id = ?";
    WITHDRAW = "DELETE FROM case_agencies WHERE case_id = ? AND agency_id = ? AND reason = ?";
    INSERT_REFERRAL = "INSERT INTO referrals (case_id, referred_on, registered_at, referring_agency_id, referring_user_id,
             referrer_name, checklist, dash_yes, judgement_reasons, incidents_last_12_months,
             visible_high_risk, professional_judgement, potential_escalation, is_repeat,
             victim_informed, consent_to_share, lawful_basis, advocate_name, advocate_agency_id,
             victim_views, children_count, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    FORGET_LEAD = "DELETE FROM case_agencies WHERE case_id = ? AND reason = 'lead'";
    FORGET_ADDED = "DELETE FROM case_agencies WHERE case_id = ? AND reason = 'added'";
    IS_CASE_WORKER = "SELECT COUNT(*) FROM users WHERE id = ? AND active = 1 AND role IN ('chair','coordinator','member')";
    IS_CLOSED = "SELECT status FROM cases WHERE id = ?";
    APPLY_PATCH = "UPDATE cases SET updated_at = ?,
            closed_at = CASE WHEN ?
                THEN (CASE WHEN ? = 'closed' THEN COALESCE(CASE WHEN status = 'closed' THEN closed_at END, ?) END)
                ELSE closed_at END,
            closing_reason = CASE WHEN ? THEN ? ELSE closing_reason END,
            status = CASE WHEN ? THEN ? ELSE status END,
            lead_agency_id = CASE WHEN ? THEN ? ELSE lead_agency_id END,
            case_manager_id = CASE WHEN ? THEN ? ELSE case_manager_id END,
            case_responsible_id = CASE WHEN ? THEN ? ELSE case_responsible_id END
        WHERE id = ?";
    // The latest referral's dates.
    SET_INITIAL_ASSESSMENT_ON = "UPDATE referrals SET initial_assessment_on = ? WHERE id = (SELECT id FROM referrals WHERE case_id = ? ORDER BY referred_on DESC, id DESC LIMIT 1)";
    SET_INTERVENTION_PLAN_ON = "UPDATE referrals SET intervention_plan_on = ? WHERE id = (SELECT id FROM referrals WHERE case_id = ? ORDER BY referred_on DESC, id DESC LIMIT 1)";
}
