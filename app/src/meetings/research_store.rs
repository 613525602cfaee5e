//! Research returns: what each agency holds on each case before a meeting.

use super::research::*;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::MeetingId;
use crate::ids::{AgencyId, CaseId};

#[derive(sqlx::FromRow)]
struct ReturnRow {
    agency_id: AgencyId,
    agency_name: String,
    state: String,
    body_md: Option<String>,
    by: Option<String>,
    updated_at: i64,
}

pub async fn for_case(
    conn: &mut Conn,
    meeting: MeetingId,
    case: CaseId,
) -> Result<Vec<ResearchReturn>, AppError> {
    let rows: Vec<ReturnRow> = sqlx::query_as(FOR_CASE)
        .bind(meeting)
        .bind(case)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| ResearchReturn {
            agency_id: r.agency_id,
            agency_name: r.agency_name,
            state: r.state,
            body_html: r.body_md.as_deref().map(crate::markdown::render),
            body_md: r.body_md,
            by: r.by,
            updated_at: crate::time::rfc3339(r.updated_at),
        })
        .collect())
}

/// (case, agency, agency name, state) for every return of the meeting.
pub async fn states(
    conn: &mut Conn,
    meeting: MeetingId,
) -> Result<Vec<(CaseId, AgencyId, String, String)>, AppError> {
    Ok(sqlx::query_as(STATES)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?)
}

/// One agency's return on one case of one meeting.
pub struct Return<'a> {
    pub meeting: MeetingId,
    pub case: CaseId,
    pub agency: AgencyId,
    pub state: &'a str,
    pub body: Option<&'a str>,
}

pub async fn upsert(
    conn: &mut Conn,
    r: Return<'_>,
    user: crate::ids::UserId,
    now: i64,
) -> Result<(), AppError> {
    let Return {
        meeting,
        case,
        agency,
        state,
        body,
    } = r;
    sqlx::query(UPSERT)
        .bind(meeting)
        .bind(case)
        .bind(agency)
        .bind(state)
        .bind(body)
        .bind(user)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn delete(
    conn: &mut Conn,
    meeting: MeetingId,
    case: CaseId,
    agency: AgencyId,
) -> Result<(), AppError> {
    sqlx::query(DELETE)
        .bind(meeting)
        .bind(case)
        .bind(agency)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The reference of `case` while it is on the meeting's agenda.
pub async fn agenda_reference(
    conn: &mut Conn,
    meeting: MeetingId,
    case: CaseId,
) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar(AGENDA_REFERENCE)
        .bind(meeting)
        .bind(case)
        .fetch_optional(&mut *conn)
        .await?)
}

/// The active agencies, by name: the grid's columns.
pub async fn active_agencies(conn: &mut Conn) -> Result<Vec<(AgencyId, String)>, AppError> {
    Ok(sqlx::query_as(ACTIVE_AGENCIES)
        .fetch_all(&mut *conn)
        .await?)
}

/// The cases on the meeting's agenda in agenda order: the grid's rows.
pub async fn agenda_cases(
    conn: &mut Conn,
    meeting: MeetingId,
) -> Result<Vec<(CaseId, String)>, AppError> {
    Ok(sqlx::query_as(AGENDA_CASES)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?)
}

crate::statements! {
    FOR_CASE = "SELECT r.agency_id, a.name AS agency_name, r.state, r.body_md, u.name AS by, r.updated_at
         FROM research_returns r
         JOIN agencies a ON a.id = r.agency_id LEFT JOIN users u ON u.id = r.user_id
         WHERE r.meeting_id = ? AND r.case_id = ? ORDER BY a.name COLLATE NOCASE";
    STATES = "SELECT r.case_id, r.agency_id, a.name, r.state FROM research_returns r JOIN agencies a ON a.id = r.agency_id
         WHERE r.meeting_id = ? ORDER BY a.name COLLATE NOCASE";
    UPSERT = "INSERT INTO research_returns (meeting_id, case_id, agency_id, state, body_md, user_id, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(meeting_id, case_id, agency_id) DO UPDATE SET state = excluded.state, body_md = excluded.body_md,
             user_id = excluded.user_id, updated_at = excluded.updated_at";
    DELETE = "DELETE FROM research_returns WHERE meeting_id = ? AND case_id = ? AND agency_id = ?";
    AGENDA_REFERENCE = "SELECT c.reference FROM agenda_items i JOIN cases c ON c.id = i.case_id
             WHERE i.meeting_id = ? AND i.case_id = ? AND i.removed_at IS NULL LIMIT 1";
    ACTIVE_AGENCIES = "SELECT id, name FROM agencies WHERE active = 1 ORDER BY name COLLATE NOCASE";
    AGENDA_CASES = "SELECT c.id, c.reference FROM agenda_items i JOIN cases c ON c.id = i.case_id
             WHERE i.meeting_id = ? AND i.removed_at IS NULL ORDER BY i.position";
}
