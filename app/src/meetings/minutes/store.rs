//! Minutes rows.

use super::types::*;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{CaseId, CommentId, ItemId, MeetingId, SectionId, UserId};

#[derive(sqlx::FromRow)]
pub struct Head {
    pub status: String,
    pub version: i64,
    pub review_deadline: Option<i64>,
    pub approved_at: Option<i64>,
    pub approved_by: Option<String>,
}

pub async fn head(conn: &mut Conn, meeting: MeetingId) -> Result<Option<Head>, AppError> {
    Ok(sqlx::query_as(HEAD)
        .bind(meeting)
        .fetch_optional(&mut *conn)
        .await?)
}

pub async fn create(conn: &mut Conn, meeting: MeetingId, now: i64) -> Result<(), AppError> {
    sqlx::query(CREATE)
        .bind(meeting)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn add_section(
    conn: &mut Conn,
    meeting: MeetingId,
    position: u32,
    item: Option<ItemId>,
    case: Option<CaseId>,
    heading: &str,
    body: &str,
) -> Result<(), AppError> {
    sqlx::query(ADD_SECTION)
        .bind(meeting)
        .bind(position as i64)
        .bind(item)
        .bind(case)
        .bind(heading)
        .bind(body)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn sections(conn: &mut Conn, meeting: MeetingId) -> Result<Vec<Section>, AppError> {
    let rows: Vec<(SectionId, i64, String, Option<CaseId>, String)> = sqlx::query_as(SECTIONS)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, position, heading, case_id, body_md)| Section {
            id,
            position: position as u32,
            heading,
            case_id,
            body_html: crate::markdown::render(&body_md),
            body_md,
        })
        .collect())
}

/// Saves edited sections if `version` is still the current one; returns false otherwise.
pub async fn save(
    conn: &mut Conn,
    meeting: MeetingId,
    version: i64,
    edits: &[SectionEdit],
    now: i64,
) -> Result<bool, AppError> {
    let bumped = sqlx::query(SAVE_1)
        .bind(now)
        .bind(meeting)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    if bumped.rows_affected() != 1 {
        return Ok(false);
    }
    for e in edits {
        sqlx::query(SAVE_2)
            .bind(&e.body_md)
            .bind(e.id)
            .bind(meeting)
            .execute(&mut *conn)
            .await?;
    }
    Ok(true)
}

pub async fn set_status(
    conn: &mut Conn,
    meeting: MeetingId,
    status: MinutesStatus,
    deadline: Option<i64>,
    approver: Option<UserId>,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(SET_STATUS)
        .bind(status.as_str())
        .bind(deadline)
        .bind(status.as_str())
        .bind(now)
        .bind(status.as_str())
        .bind(now)
        .bind(approver)
        .bind(now)
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct CommentRow {
    id: CommentId,
    section_id: Option<SectionId>,
    author_id: UserId,
    author: String,
    body: String,
    proposed_text: Option<String>,
    status: String,
    resolution_note: Option<String>,
    created_at: i64,
}

pub async fn comments(conn: &mut Conn, meeting: MeetingId) -> Result<Vec<Comment>, AppError> {
    let rows: Vec<CommentRow> = sqlx::query_as(COMMENTS)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| Comment {
            id: r.id,
            section_id: r.section_id,
            author_id: r.author_id,
            author: r.author,
            body: r.body,
            proposed_text: r.proposed_text,
            status: r.status,
            resolution_note: r.resolution_note,
            created_at: crate::time::rfc3339(r.created_at),
        })
        .collect())
}

pub async fn add_comment(
    conn: &mut Conn,
    meeting: MeetingId,
    user: UserId,
    c: &CommentInput,
    now: i64,
) -> Result<CommentId, AppError> {
    let id: i64 = sqlx::query_scalar(ADD_COMMENT)
        .bind(meeting)
        .bind(c.section_id)
        .bind(user)
        .bind(c.body.trim())
        .bind(
            c.proposed_text
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty()),
        )
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    Ok(CommentId(id))
}

/// Resolves an open comment; false when it was not open.
pub async fn resolve(
    conn: &mut Conn,
    meeting: MeetingId,
    comment: CommentId,
    status: &str,
    note: Option<&str>,
    by: UserId,
    now: i64,
) -> Result<bool, AppError> {
    let done = sqlx::query(RESOLVE)
        .bind(status)
        .bind(note)
        .bind(by)
        .bind(now)
        .bind(comment)
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn addenda(conn: &mut Conn, meeting: MeetingId) -> Result<Vec<Addendum>, AppError> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(ADDENDA)
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(body_md, author, at)| Addendum {
            body_html: crate::markdown::render(&body_md),
            body_md,
            author,
            created_at: crate::time::rfc3339(at),
        })
        .collect())
}

pub async fn add_addendum(
    conn: &mut Conn,
    meeting: MeetingId,
    user: UserId,
    body: &str,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(ADD_ADDENDUM)
        .bind(meeting)
        .bind(body)
        .bind(user)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// One contribution the live meeting recorded on an item.
#[derive(sqlx::FromRow)]
pub struct Shared {
    pub author: String,
    pub agency: Option<String>,
    pub body_md: String,
}

/// What the live meeting recorded on one item, for the draft: the contributions in order, and
/// the summary and decisions (empty when none was saved).
pub async fn room_record(
    conn: &mut Conn,
    item: ItemId,
) -> Result<(Vec<Shared>, (String, String)), AppError> {
    let shared: Vec<Shared> = sqlx::query_as(ROOM_CONTRIBUTIONS)
        .bind(item)
        .fetch_all(&mut *conn)
        .await?;
    let summary: Option<(String, String)> = sqlx::query_as(ROOM_SUMMARY)
        .bind(item)
        .fetch_optional(&mut *conn)
        .await?;
    Ok((shared, summary.unwrap_or_default()))
}

/// The cases `agency` is involved with or leads: the ones its extract of the minutes shows.
pub async fn involved_cases(
    conn: &mut Conn,
    agency: crate::ids::AgencyId,
) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar(INVOLVED_CASES)
        .bind(agency)
        .bind(agency)
        .fetch_all(&mut *conn)
        .await?)
}

crate::statements! {
    HEAD = "SELECT m.status, m.version, m.review_deadline, m.approved_at, u.name AS approved_by
         FROM minutes m LEFT JOIN users u ON u.id = m.approved_by WHERE m.meeting_id = ?";
    CREATE = "INSERT INTO minutes (meeting_id, status, version, updated_at) VALUES (?, 'draft', 1, ?)";
    ADD_SECTION = "INSERT INTO minutes_sections (meeting_id, position, agenda_item_id, case_id, heading, body_md) VALUES (?, ?, ?, ?, ?, ?)";
    SECTIONS = "SELECT id, position, heading, case_id, body_md FROM minutes_sections WHERE meeting_id = ? ORDER BY position, id";
    SAVE_1 = "UPDATE minutes SET version = version + 1, updated_at = ? WHERE meeting_id = ? AND version = ?";
    SAVE_2 = "UPDATE minutes_sections SET body_md = ? WHERE id = ? AND meeting_id = ?";
    SET_STATUS = "UPDATE minutes SET status = ?, review_deadline = COALESCE(?, review_deadline),
             circulated_at = CASE WHEN ? = 'circulated' THEN ? ELSE circulated_at END,
             approved_at = CASE WHEN ? = 'approved' THEN ? ELSE approved_at END,
             approved_by = COALESCE(?, approved_by), updated_at = ?
         WHERE meeting_id = ?";
    COMMENTS = "SELECT c.id, c.section_id, c.user_id AS author_id, u.name AS author, c.body, c.proposed_text, c.status,
                c.resolution_note, c.created_at
         FROM minutes_comments c JOIN users u ON u.id = c.user_id WHERE c.meeting_id = ? ORDER BY c.id";
    ADD_COMMENT = "INSERT INTO minutes_comments (meeting_id, section_id, user_id, body, proposed_text, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
    RESOLVE = "UPDATE minutes_comments SET status = ?, resolution_note = ?, resolved_by = ?, resolved_at = ?
         WHERE id = ? AND meeting_id = ? AND status = 'open'";
    ADDENDA = "SELECT a.body_md, u.name, a.created_at FROM minutes_addenda a JOIN users u ON u.id = a.user_id
         WHERE a.meeting_id = ? ORDER BY a.id";
    ADD_ADDENDUM = "INSERT INTO minutes_addenda (meeting_id, body_md, user_id, created_at) VALUES (?, ?, ?, ?)";
    ROOM_CONTRIBUTIONS = "SELECT u.name AS author, a.name AS agency, c.body_md
         FROM live_contributions c JOIN users u ON u.id = c.user_id LEFT JOIN agencies a ON a.id = c.agency_id
         WHERE c.item_id = ? ORDER BY c.id";
    ROOM_SUMMARY = "SELECT summary_md, decisions_md FROM live_summaries WHERE item_id = ?";
    INVOLVED_CASES = "SELECT case_id FROM case_agencies WHERE agency_id = ? UNION SELECT id FROM cases WHERE lead_agency_id = ?";
}
