//! The rows need-to-know is decided from: whether a case exists and which agencies work on it.

use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{AgencyId, CaseId};

pub async fn exists(conn: &mut Conn, id: CaseId) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(EXISTS)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Who may see the case, from an agency's point of view. `None` when the case does not exist
/// (a case merged into another no longer does).
pub async fn access(
    conn: &mut Conn,
    case: CaseId,
    agency: Option<AgencyId>,
) -> Result<Option<(bool, bool)>, AppError> {
    let row: Option<(Option<AgencyId>, i64)> = sqlx::query_as(ACCESS)
        .bind(agency)
        .bind(case)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(lead, n)| {
        let lead = agency.is_some() && lead == agency;
        (n > 0 || lead, lead)
    }))
}

/// Records why an agency may see a case; `true` when this reason is new.
pub async fn involve(
    conn: &mut Conn,
    case: CaseId,
    agency: AgencyId,
    reason: &str,
    now: i64,
) -> Result<bool, AppError> {
    let r = sqlx::query(INVOLVE)
        .bind(case)
        .bind(agency)
        .bind(reason)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(r.rows_affected() > 0)
}

crate::statements! {
    EXISTS = "SELECT COUNT(*) FROM cases WHERE id = ? AND merged_into IS NULL";
    ACCESS = "SELECT c.lead_agency_id,
                (SELECT COUNT(*) FROM case_agencies ca WHERE ca.case_id = c.id AND ca.agency_id = ?)
         FROM cases c WHERE c.id = ? AND c.merged_into IS NULL";
    INVOLVE = "INSERT OR IGNORE INTO case_agencies (case_id, agency_id, reason, added_at) VALUES (?, ?, ?, ?)";
}
