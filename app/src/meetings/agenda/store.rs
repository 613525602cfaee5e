//! Agenda rows, and the facts about cases the builder needs.

use super::builder::CaseFacts;
use super::types::{AgendaChange, ItemKind};
use crate::cases::types::CaseStatus;
use crate::db::Conn;
use crate::error::{AppError, OrInternal};
use crate::ids::{CaseId, ItemId, MeetingId, UserId};
use chrono::NaiveDate;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemRow {
    pub id: ItemId,
    pub position: i64,
    pub kind: String,
    pub case_id: Option<CaseId>,
    pub reference: Option<String>,
    pub title: Option<String>,
    pub minutes: i64,
    pub source: String,
    pub removed_at: Option<i64>,
    pub removed_reason: Option<String>,
    pub deferred_to: Option<MeetingId>,
    pub notes: Option<String>,
}

impl ItemRow {
    pub fn kind(&self) -> ItemKind {
        ItemKind::parse(&self.kind).unwrap_or(ItemKind::Other)
    }
}

/// All the meeting's items, removed ones included, in agenda order.
pub async fn items(conn: &mut Conn, meeting: MeetingId) -> Result<Vec<ItemRow>, AppError> {
    Ok(sqlx::query_as(ITEMS)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?)
}

#[allow(clippy::too_many_arguments)]
pub async fn insert(
    conn: &mut Conn,
    meeting: MeetingId,
    kind: ItemKind,
    case: Option<CaseId>,
    title: Option<&str>,
    minutes: u32,
    manual: bool,
    now: i64,
) -> Result<ItemId, AppError> {
    let position: i64 = sqlx::query_scalar(INSERT_1)
        .bind(meeting)
        .fetch_one(&mut *conn)
        .await?;
    let id: i64 = sqlx::query_scalar(INSERT_2)
        .bind(meeting)
        .bind(position)
        .bind(kind.as_str())
        .bind(case)
        .bind(title)
        .bind(minutes as i64)
        .bind(if manual { "manual" } else { "auto" })
        .bind(now)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    Ok(ItemId(id))
}

/// Writes the agenda order: `order` lists every item id, first to last.
pub async fn set_order(conn: &mut Conn, order: &[ItemId]) -> Result<(), AppError> {
    for (i, id) in order.iter().enumerate() {
        sqlx::query(SET_ORDER)
            .bind(i as i64 + 1)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn set_removed(
    conn: &mut Conn,
    item: ItemId,
    removed: Option<(i64, &str)>,
    deferred_to: Option<MeetingId>,
) -> Result<(), AppError> {
    sqlx::query(SET_REMOVED)
        .bind(removed.map(|r| r.0))
        .bind(removed.map(|r| r.1))
        .bind(deferred_to)
        .bind(removed.map(|r| r.0))
        .bind(item)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_minutes(conn: &mut Conn, item: ItemId, minutes: u32) -> Result<(), AppError> {
    sqlx::query(SET_MINUTES)
        .bind(minutes as i64)
        .bind(item)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_notes(conn: &mut Conn, item: ItemId, notes: Option<&str>) -> Result<(), AppError> {
    sqlx::query(SET_NOTES)
        .bind(notes)
        .bind(item)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn note_change(
    conn: &mut Conn,
    meeting: MeetingId,
    user: UserId,
    description: &str,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(NOTE_CHANGE)
        .bind(meeting)
        .bind(now)
        .bind(user)
        .bind(description)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn changes(conn: &mut Conn, meeting: MeetingId) -> Result<Vec<AgendaChange>, AppError> {
    let rows: Vec<(i64, String)> = sqlx::query_as(CHANGES)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(at, description)| AgendaChange {
            at: crate::time::rfc3339(at),
            at_unix: at,
            description,
        })
        .collect())
}

pub async fn mark_built(conn: &mut Conn, meeting: MeetingId, now: i64) -> Result<(), AppError> {
    sqlx::query(MARK_BUILT)
        .bind(now)
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn publish(conn: &mut Conn, meeting: MeetingId, now: i64) -> Result<(), AppError> {
    sqlx::query(PUBLISH)
        .bind(now)
        .bind(now)
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct FactsRow {
    id: CaseId,
    status: String,
    children: i64,
    latest_referral_at: Option<i64>,
    review_on: Option<String>,
    last_discussed_at: Option<i64>,
}

/// Facts about every case as they stand for a meeting starting at `meeting_at`.
pub async fn case_facts(conn: &mut Conn, meeting_at: i64) -> Result<Vec<CaseFacts>, AppError> {
    let rows: Vec<FactsRow> = sqlx::query_as(CASE_FACTS)
        .bind(meeting_at)
        .bind(meeting_at)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(CaseFacts {
                id: r.id,
                status: CaseStatus::parse(&r.status)
                    .or_internal("a known CaseStatus in the stored status")?,
                children: r.children as u32,
                latest_referral_at: r.latest_referral_at,
                review_on: r
                    .review_on
                    .as_deref()
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                last_discussed_at: r.last_discussed_at,
            })
        })
        .collect()
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CaseLine {
    pub case_id: CaseId,
    pub status: String,
    pub children_count: i64,
    pub lead_agency: Option<String>,
    pub lead_agency_id: Option<crate::ids::AgencyId>,
    pub referral_count: i64,
    pub dash_yes: i64,
    pub visible_high_risk: bool,
    pub professional_judgement: bool,
    pub potential_escalation: bool,
    pub is_repeat: bool,
}

/// What an agenda shows of each case on it (never a name).
pub async fn case_lines(conn: &mut Conn, meeting: MeetingId) -> Result<Vec<CaseLine>, AppError> {
    Ok(sqlx::query_as(CASE_LINES)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?)
}

/// (case, agency id, agency name, reason) for the cases on a meeting's agenda.
pub async fn case_agencies(
    conn: &mut Conn,
    meeting: MeetingId,
) -> Result<Vec<(CaseId, crate::ids::AgencyId, String, String)>, AppError> {
    Ok(sqlx::query_as(CASE_AGENCIES)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?)
}

pub async fn minutes_approved(conn: &mut Conn, meeting: MeetingId) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(MINUTES_APPROVED)
        .bind(meeting)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

crate::statements! {
    ITEMS = "SELECT i.id, i.position, i.kind, i.case_id, c.reference, i.title, i.minutes, i.source, i.removed_at,
                i.removed_reason, i.deferred_to, i.notes
         FROM agenda_items i LEFT JOIN cases c ON c.id = i.case_id
         WHERE i.meeting_id = ? ORDER BY i.position, i.id";
    INSERT_1 = "SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?";
    INSERT_2 = "INSERT INTO agenda_items (meeting_id, position, kind, case_id, title, minutes, source, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    SET_ORDER = "UPDATE agenda_items SET position = ? WHERE id = ?";
    SET_REMOVED = "UPDATE agenda_items SET removed_at = ?, removed_reason = ?, deferred_to = ?, updated_at = COALESCE(?, updated_at) WHERE id = ?";
    SET_MINUTES = "UPDATE agenda_items SET minutes = ? WHERE id = ?";
    SET_NOTES = "UPDATE agenda_items SET notes = ? WHERE id = ?";
    NOTE_CHANGE = "INSERT INTO agenda_changes (meeting_id, at, user_id, description) VALUES (?, ?, ?, ?)";
    CHANGES = "SELECT at, description FROM agenda_changes WHERE meeting_id = ? ORDER BY id";
    MARK_BUILT = "UPDATE meetings SET agenda_built_at = ? WHERE id = ?";
    PUBLISH = "UPDATE meetings SET status = 'agenda_published', agenda_published_at = ?, updated_at = ? WHERE id = ?";
    CASE_FACTS = "SELECT c.id, c.status,
                (SELECT COUNT(*) FROM case_children ch WHERE ch.case_id = c.id) AS children,
                (SELECT MAX(r.registered_at) FROM referrals r WHERE r.case_id = c.id AND r.registered_at < ?) AS latest_referral_at,
                c.review_on,
                (SELECT MAX(m.starts_at) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
                  WHERE i.case_id = c.id AND i.removed_at IS NULL AND m.starts_at < ?
                    AND m.status IN ('closed', 'minutes_approved')) AS last_discussed_at
         FROM cases c";
    CASE_LINES = "SELECT c.id AS case_id, c.status,
                (SELECT COUNT(*) FROM case_children ch WHERE ch.case_id = c.id) AS children_count,
                la.name AS lead_agency, c.lead_agency_id,
                (SELECT COUNT(*) FROM referrals rr WHERE rr.case_id = c.id) AS referral_count,
                r.dash_yes, r.visible_high_risk, r.professional_judgement, r.potential_escalation, r.is_repeat
         FROM cases c
         JOIN referrals r ON r.id = (SELECT id FROM referrals x WHERE x.case_id = c.id ORDER BY x.referred_on DESC, x.id DESC LIMIT 1)
         LEFT JOIN agencies la ON la.id = c.lead_agency_id
         WHERE c.id IN (SELECT case_id FROM agenda_items WHERE meeting_id = ? AND case_id IS NOT NULL)";
    CASE_AGENCIES = "SELECT ca.case_id, ca.agency_id, a.name, ca.reason FROM case_agencies ca JOIN agencies a ON a.id = ca.agency_id
         WHERE ca.case_id IN (SELECT case_id FROM agenda_items WHERE meeting_id = ? AND case_id IS NOT NULL)
         ORDER BY a.name";
    MINUTES_APPROVED = "SELECT COUNT(*) FROM minutes WHERE meeting_id = ? AND status = 'approved'";
}

/// Cases of a cancelled meeting carried to the next one (kept apart from the builder's rows).
pub mod carry {
    use crate::db::Conn;
    use crate::error::AppError;
    use crate::ids::MeetingId;

    /// Puts each live case item of `from` on the agenda of `to` (unless `to` already has the
    /// case) and marks it on `from` as moved there. Returns how many items `from` gave up.
    pub async fn case_items(
        conn: &mut Conn,
        from: MeetingId,
        to: MeetingId,
        reason: &str,
        now: i64,
    ) -> Result<u64, AppError> {
        sqlx::query(COPY_CASE_ITEMS)
            .bind(from)
            .bind(to)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        let done = sqlx::query(MARK_MOVED)
            .bind(now)
            .bind(reason)
            .bind(to)
            .bind(from)
            .execute(&mut *conn)
            .await?;
        Ok(done.rows_affected())
    }

    crate::statements! {
        // Added by hand (source 'manual'), like a deferred item, so the builder's once-per-case
        // index on `to` is never in the way.
        COPY_CASE_ITEMS = "INSERT INTO agenda_items (meeting_id, position, kind, case_id, title, minutes, source, notes, created_at, updated_at)
            SELECT ?2, (SELECT COALESCE(MAX(position), 0) FROM agenda_items WHERE meeting_id = ?2)
                    + ROW_NUMBER() OVER (ORDER BY i.position),
                i.kind, i.case_id, i.title, i.minutes, 'manual', i.notes, ?3, ?3
            FROM agenda_items i
            WHERE i.meeting_id = ?1 AND i.case_id IS NOT NULL AND i.removed_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM agenda_items j WHERE j.meeting_id = ?2 AND j.case_id = i.case_id
                  AND j.removed_at IS NULL)";
        MARK_MOVED = "UPDATE agenda_items SET removed_at = ?1, removed_reason = ?2, deferred_to = ?3, updated_at = ?1
            WHERE meeting_id = ?4 AND case_id IS NOT NULL AND removed_at IS NULL";
    }
}
