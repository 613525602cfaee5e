//! Finding closed cases past their retention period and blanking their personal data.

use super::types::DueCase;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::CaseId;

#[derive(sqlx::FromRow)]
struct Row {
    id: CaseId,
    reference: String,
    closed_at: i64,
    under_review: bool,
    open_actions: bool,
}

/// Closed, not yet erased cases closed before `cutoff` (unix seconds), with what holds them
/// back; `only` narrows to one case (the re-check inside the erasing transaction).
pub async fn due_cases(
    conn: &mut Conn,
    cutoff: i64,
    today: &str,
    only: Option<CaseId>,
) -> Result<Vec<DueCase>, AppError> {
    // Cases closed before the closing date was kept count from their last change.
    let rows: Vec<Row> = sqlx::query_as(DUE_CASES)
        .bind(today)
        .bind(cutoff)
        .bind(only)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| DueCase {
            id: r.id,
            reference: r.reference,
            closed_at: r.closed_at,
            under_review: r.under_review,
            open_actions: r.open_actions,
        })
        .collect())
}

/// Blanks every personal and free-text field held about the case; keeps the reference, dates,
/// statuses, criteria and checklist answers, agency ids, ages and counts. Returns whether the
/// case was erased now (false if it already was).
pub async fn erase_case(conn: &mut Conn, id: CaseId, now: i64) -> Result<bool, AppError> {
    let done = sqlx::query(ERASE_CASE)
        .bind(now)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    // The case is marked erased first: action_history's trigger allows blanking only then.
    for sql in [
        ERASE_CASE_A,
        ERASE_CASE_B,
        ERASE_CASE_C,
        ERASE_CASE_D,
        ERASE_CASE_E,
        ERASE_CASE_F,
        ERASE_CASE_G,
        ERASE_CASE_H,
        // The live log only serves reconnecting screens of a meeting long closed.
        ERASE_CASE_I,
        ERASE_CASE_J,
        ERASE_CASE_K,
        ERASE_CASE_L,
    ] {
        sqlx::query(sql).bind(id).execute(&mut *conn).await?;
    }
    Ok(true)
}

crate::statements! {
    DUE_CASES = "SELECT c.id, c.reference, COALESCE(c.closed_at, c.updated_at) AS closed_at,
                ((c.review_on IS NOT NULL AND c.review_on >= ?1)
                  OR EXISTS (SELECT 1 FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
                             WHERE i.case_id = c.id AND i.removed_at IS NULL
                               AND m.status IN ('draft','agenda_published','in_session'))) AS under_review,
                EXISTS (SELECT 1 FROM actions a WHERE a.case_id = c.id
                          AND a.status IN ('open','in_progress')) AS open_actions
         FROM cases c
         WHERE c.status = 'closed' AND c.erased_at IS NULL
           AND COALESCE(c.closed_at, c.updated_at) < ?2
           AND (?3 IS NULL OR c.id = ?3)
         ORDER BY c.id";
    ERASE_CASE = "UPDATE cases SET victim_name = '', victim_key = '', victim_dob = '',
                victim_safe_contact = NULL, perpetrator_name = NULL, perpetrator_dob = NULL,
                closing_reason = NULL, erased_at = ?, updated_at = ?
         WHERE id = ? AND erased_at IS NULL";
    ERASE_CASE_A = "UPDATE case_children SET initials = '' WHERE case_id = ?1";
    ERASE_CASE_B = "UPDATE referrals SET referrer_name = NULL, judgement_reasons = NULL, lawful_basis = NULL,
                advocate_name = NULL, victim_views = NULL WHERE case_id = ?1";
    ERASE_CASE_C = "UPDATE research_returns SET body_md = NULL WHERE case_id = ?1";
    ERASE_CASE_D = "UPDATE agenda_items SET notes = NULL WHERE case_id = ?1";
    ERASE_CASE_E = "UPDATE minutes_comments SET body = '', proposed_text = NULL, resolution_note = NULL
         WHERE section_id IN (SELECT id FROM minutes_sections WHERE case_id = ?1)";
    ERASE_CASE_F = "UPDATE minutes_sections SET body_md = '' WHERE case_id = ?1";
    ERASE_CASE_G = "UPDATE live_contributions SET body_md = '' WHERE case_id = ?1";
    ERASE_CASE_H = "UPDATE live_summaries SET summary_md = '', decisions_md = ''
         WHERE item_id IN (SELECT id FROM agenda_items WHERE case_id = ?1)";
    ERASE_CASE_I = "DELETE FROM live_events WHERE case_id = ?1";
    ERASE_CASE_J = "UPDATE actions SET text = '', barrier_text = NULL, what_is_different = NULL
         WHERE case_id = ?1";
    ERASE_CASE_K = "UPDATE action_history SET reason = NULL, note = NULL
         WHERE action_id IN (SELECT id FROM actions WHERE case_id = ?1)
           AND (reason IS NOT NULL OR note IS NOT NULL)";
    // The coded step and reason stay for the figures; the words and the group it went to go.
    ERASE_CASE_L = "UPDATE case_next_steps SET explanation = NULL, receiving_group = NULL
         WHERE case_id = ?1 AND (explanation IS NOT NULL OR receiving_group IS NOT NULL)";
}
