//! Pending matches and the merge of a provisional case into the case it matched.

use super::types::PendingMatch;
use crate::cases::store::day;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{CaseId, MatchId, UserId};
use chrono::NaiveDate;

pub async fn insert(
    conn: &mut Conn,
    case: CaseId,
    matched: CaseId,
    now: i64,
) -> Result<MatchId, AppError> {
    Ok(sqlx::query_scalar(INSERT)
        .bind(case)
        .bind(matched)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?)
}

#[derive(sqlx::FromRow)]
struct Row {
    id: MatchId,
    case_id: CaseId,
    case_reference: String,
    matched_case_id: CaseId,
    matched_reference: String,
    referring_agency_name: Option<String>,
    created_at: i64,
}

const SELECT: &str = "
    SELECT m.id, m.case_id, c.reference AS case_reference, m.matched_case_id,
           k.reference AS matched_reference,
           (SELECT a.name FROM referrals r JOIN agencies a ON a.id = r.referring_agency_id
             WHERE r.case_id = m.case_id ORDER BY r.id LIMIT 1) AS referring_agency_name,
           m.created_at
    FROM case_matches m JOIN cases c ON c.id = m.case_id JOIN cases k ON k.id = m.matched_case_id
    WHERE m.state = 'pending'";

fn view(r: Row) -> PendingMatch {
    PendingMatch {
        id: r.id,
        case_id: r.case_id,
        case_reference: r.case_reference,
        matched_case_id: r.matched_case_id,
        matched_reference: r.matched_reference,
        referring_agency_name: r.referring_agency_name,
        created_at: crate::time::rfc3339(r.created_at),
    }
}

/// Every match still to be decided, oldest first.
pub async fn pending(conn: &mut Conn) -> Result<Vec<PendingMatch>, AppError> {
    let rows: Vec<Row> = sqlx::query_as(PENDING).fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(view).collect())
}

/// One match, if it is still pending.
pub async fn pending_one(conn: &mut Conn, id: MatchId) -> Result<Option<PendingMatch>, AppError> {
    let row: Option<Row> = sqlx::query_as(PENDING_ONE)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(view))
}

pub async fn exists(conn: &mut Conn, id: MatchId) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(EXISTS)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

pub async fn decide(
    conn: &mut Conn,
    id: MatchId,
    state: &str,
    by: UserId,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(DECIDE)
        .bind(state)
        .bind(by)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// (id, referred_on) of a case's referrals.
pub async fn referral_days(
    conn: &mut Conn,
    case: CaseId,
) -> Result<Vec<(i64, NaiveDate)>, AppError> {
    let rows: Vec<(i64, String)> = sqlx::query_as(REFERRAL_DAYS)
        .bind(case)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter().map(|(id, d)| Ok((id, day(&d)?))).collect()
}

pub async fn mark_repeat(conn: &mut Conn, referral: i64) -> Result<(), AppError> {
    sqlx::query(MARK_REPEAT)
        .bind(referral)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The agencies involved with a case (those to tell when it is merged into another).
pub async fn agencies_of(
    conn: &mut Conn,
    case: CaseId,
) -> Result<Vec<crate::ids::AgencyId>, AppError> {
    let ids: Vec<i64> = sqlx::query_scalar(AGENCIES_OF)
        .bind(case.0)
        .fetch_all(&mut *conn)
        .await?;
    Ok(ids.into_iter().map(crate::ids::AgencyId).collect())
}

/// Moves everything recorded on `from` to `into` (referrals, involvement, actions, agenda
/// items, research, notices) and leaves `from` as an empty, closed shell that points to
/// `into`. Children are merged by the caller.
pub async fn move_case(
    conn: &mut Conn,
    from: CaseId,
    into: CaseId,
    now: i64,
) -> Result<(), AppError> {
    let moves = [
        MOVE_CASE_A,
        MOVE_CASE_B,
        MOVE_CASE_C,
        // The provisional case never leads the known one: its lead becomes an added agency.
        MOVE_CASE_D,
        MOVE_CASE_E,
        // Where the known case already has its own row, the provisional one's is dropped.
        MOVE_CASE_F,
        MOVE_CASE_G,
        MOVE_CASE_H,
        MOVE_CASE_I,
        MOVE_CASE_J,
        MOVE_CASE_K,
        // Its personal data now lives on the known case only.
        MOVE_CASE_L,
    ];
    for sql in moves {
        let q = sqlx::query(sql).bind(from);
        // SQLite refuses more arguments than a statement names.
        let q = if sql.contains("?2") { q.bind(into) } else { q };
        q.execute(&mut *conn).await?;
    }
    // Agenda items the known case already had at the same meeting.
    sqlx::query(MOVE_CASE_1)
        .bind(now)
        .bind(from)
        .execute(&mut *conn)
        .await?;
    sqlx::query(MOVE_CASE_2)
        .bind(now)
        .bind(from)
        .bind(into)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

crate::statements! {
    INSERT = "INSERT INTO case_matches (case_id, matched_case_id, created_at) VALUES (?, ?, ?) RETURNING id";
    PENDING = crate::sql!(SELECT, " ORDER BY m.id");
    PENDING_ONE = crate::sql!(SELECT, " AND m.id = ?");
    EXISTS = "SELECT COUNT(*) FROM case_matches WHERE id = ?";
    DECIDE = "UPDATE case_matches SET state = ?, decided_by = ?, decided_at = ? WHERE id = ?";
    REFERRAL_DAYS = "SELECT id, referred_on FROM referrals WHERE case_id = ?";
    MARK_REPEAT = "UPDATE referrals SET is_repeat = 1 WHERE id = ?";
    AGENCIES_OF = "SELECT agency_id FROM case_agencies WHERE case_id = ?1 ORDER BY agency_id";
    MOVE_CASE_1 = "UPDATE agenda_items SET removed_at = ? WHERE case_id = ? AND removed_at IS NULL";
    MOVE_CASE_2 = "UPDATE cases SET updated_at = ? WHERE id IN (?, ?)";
    MOVE_CASE_A = "UPDATE referrals SET case_id = ?2 WHERE case_id = ?1";
    MOVE_CASE_B = "UPDATE actions SET case_id = ?2 WHERE case_id = ?1";
    MOVE_CASE_C = "UPDATE notices SET case_id = ?2 WHERE case_id = ?1";
    MOVE_CASE_D = "INSERT OR IGNORE INTO case_agencies (case_id, agency_id, reason, added_at)
         SELECT ?2, agency_id, CASE reason WHEN 'lead' THEN 'added' ELSE reason END, added_at
         FROM case_agencies WHERE case_id = ?1";
    MOVE_CASE_E = "DELETE FROM case_agencies WHERE case_id = ?1";
    MOVE_CASE_F = "UPDATE OR IGNORE research_returns SET case_id = ?2 WHERE case_id = ?1";
    MOVE_CASE_G = "DELETE FROM research_returns WHERE case_id = ?1";
    MOVE_CASE_H = "UPDATE OR IGNORE agenda_items SET case_id = ?2 WHERE case_id = ?1";
    MOVE_CASE_I = "UPDATE case_matches SET matched_case_id = ?2 WHERE matched_case_id = ?1 AND state = 'pending'";
    MOVE_CASE_J = "UPDATE cases SET
             perpetrator_name = COALESCE(perpetrator_name, (SELECT perpetrator_name FROM cases WHERE id = ?1)),
             perpetrator_dob = COALESCE(perpetrator_dob, (SELECT perpetrator_dob FROM cases WHERE id = ?1)),
             victim_safe_contact = COALESCE(victim_safe_contact, (SELECT victim_safe_contact FROM cases WHERE id = ?1)),
             status = CASE WHEN status = 'closed' THEN 'referred' ELSE status END
         WHERE id = ?2";
    MOVE_CASE_K = "DELETE FROM case_children WHERE case_id = ?1";
    MOVE_CASE_L = "UPDATE cases SET merged_into = ?2, status = 'closed', lead_agency_id = NULL,
             case_manager_id = NULL, case_responsible_id = NULL, victim_name = '', victim_key = '',
             victim_dob = '', victim_safe_contact = NULL, perpetrator_name = NULL, perpetrator_dob = NULL
         WHERE id = ?1";
}
