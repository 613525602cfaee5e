//! The case's restricted contact columns as changed after the referral, who may manage a case,
//! and the deadlines the reminder job looks at.

use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{AgencyId, CaseId, ReferralId, UserId};

/// The recorded `safe_to_contact` and contact details; `None` when the case does not exist.
pub async fn current(
    conn: &mut Conn,
    case: CaseId,
) -> Result<Option<(bool, Option<String>)>, AppError> {
    Ok(sqlx::query_as(CURRENT)
        .bind(case)
        .fetch_optional(&mut *conn)
        .await?)
}

pub async fn set(
    conn: &mut Conn,
    case: CaseId,
    safe_to_contact: bool,
    safe_contact: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(SET)
        .bind(safe_to_contact)
        .bind(safe_contact)
        .bind(now)
        .bind(case)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Of these cases, those whose victim must not be contacted.
pub async fn not_safe_to_contact(
    conn: &mut Conn,
    cases: &[CaseId],
) -> Result<Vec<CaseId>, AppError> {
    let mut out = Vec::new();
    for c in cases {
        let unsafe_: Option<bool> = sqlx::query_scalar(NOT_SAFE)
            .bind(c)
            .fetch_optional(&mut *conn)
            .await?;
        if unsafe_ == Some(true) {
            out.push(*c);
        }
    }
    Ok(out)
}

/// The case manager and case responsible as recorded.
pub async fn people(
    conn: &mut Conn,
    case: CaseId,
) -> Result<(Option<UserId>, Option<UserId>), AppError> {
    let row: Option<(Option<UserId>, Option<UserId>)> = sqlx::query_as(PEOPLE)
        .bind(case)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.unwrap_or((None, None)))
}

/// The person belongs to an agency involved with the case, or to one of `also` (agencies the
/// same change involves).
pub async fn of_involved_agency(
    conn: &mut Conn,
    case: CaseId,
    user: UserId,
    also: &[AgencyId],
) -> Result<bool, AppError> {
    let agency: Option<Option<AgencyId>> = sqlx::query_scalar(WORKER_AGENCY)
        .bind(user)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(Some(agency)) = agency else {
        return Ok(false);
    };
    if also.contains(&agency) {
        return Ok(true);
    }
    let n: i64 = sqlx::query_scalar(INVOLVED)
        .bind(case)
        .bind(agency)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// A deadline of an open case's latest referral, not done, falling due in the window.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueDeadline {
    pub case_id: CaseId,
    pub referral_id: ReferralId,
    pub registered_at: i64,
    pub initial_assessment_open: bool,
    pub intervention_plan_open: bool,
    pub case_manager_id: Option<UserId>,
    pub case_responsible_id: Option<UserId>,
    pub lead_agency_id: Option<AgencyId>,
    pub referring_agency_id: AgencyId,
}

/// Latest referrals of open cases with a stage not done whose deadline is in `(from, to]`.
pub async fn due_between(
    conn: &mut Conn,
    from: i64,
    to: i64,
) -> Result<Vec<DueDeadline>, AppError> {
    use super::deadlines::{INITIAL_ASSESSMENT_SECS, INTERVENTION_PLAN_SECS};
    Ok(sqlx::query_as(DUE_BETWEEN)
        .bind(INITIAL_ASSESSMENT_SECS)
        .bind(from)
        .bind(INITIAL_ASSESSMENT_SECS)
        .bind(to)
        .bind(INTERVENTION_PLAN_SECS)
        .bind(from)
        .bind(INTERVENTION_PLAN_SECS)
        .bind(to)
        .fetch_all(&mut *conn)
        .await?)
}

/// Notes that a reminder went out; `false` when it already had.
pub async fn mark_reminded(
    conn: &mut Conn,
    referral: ReferralId,
    deadline: &str,
    now: i64,
) -> Result<bool, AppError> {
    let r = sqlx::query(MARK_REMINDED)
        .bind(referral)
        .bind(deadline)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(r.rows_affected() > 0)
}

crate::statements! {
    CURRENT = "SELECT safe_to_contact, victim_safe_contact FROM cases WHERE id = ?";
    SET = "UPDATE cases SET safe_to_contact = ?, victim_safe_contact = ?, updated_at = ? WHERE id = ?";
    NOT_SAFE = "SELECT safe_to_contact = 0 FROM cases WHERE id = ?";
    PEOPLE = "SELECT case_manager_id, case_responsible_id FROM cases WHERE id = ?";
    WORKER_AGENCY = "SELECT agency_id FROM users WHERE id = ?";
    INVOLVED = "SELECT COUNT(*) FROM case_agencies WHERE case_id = ? AND agency_id = ?";
    DUE_BETWEEN = "SELECT c.id AS case_id, r.id AS referral_id, r.registered_at,
                (r.initial_assessment_on IS NULL) AS initial_assessment_open,
                (r.intervention_plan_on IS NULL) AS intervention_plan_open,
                c.case_manager_id, c.case_responsible_id, c.lead_agency_id, r.referring_agency_id
         FROM cases c
         JOIN referrals r ON r.id = (SELECT id FROM referrals x WHERE x.case_id = c.id ORDER BY x.referred_on DESC, x.id DESC LIMIT 1)
         WHERE c.status IN ('referred', 'active') AND c.merged_into IS NULL
           AND ((r.initial_assessment_on IS NULL AND r.registered_at + ? > ? AND r.registered_at + ? <= ?)
             OR (r.intervention_plan_on IS NULL AND r.registered_at + ? > ? AND r.registered_at + ? <= ?))
         ORDER BY c.id";
    MARK_REMINDED = "INSERT OR IGNORE INTO case_deadline_reminders (referral_id, deadline, sent_at) VALUES (?, ?, ?)";
}
