//! Who came: present, apologies (with or without information sent), absent; observers marked;
//! the confidentiality acknowledgement; and each agency's continuity over the year.

use crate::auth::types::Role;
use crate::ids::{AgencyId, UserId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceStatus {
    Present,
    Apologies,
    ApologiesInfoSent,
    Absent,
}

impl AttendanceStatus {
    pub const ALL: [AttendanceStatus; 4] = [
        AttendanceStatus::Present,
        AttendanceStatus::Apologies,
        AttendanceStatus::ApologiesInfoSent,
        AttendanceStatus::Absent,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            AttendanceStatus::Present => "present",
            AttendanceStatus::Apologies => "apologies",
            AttendanceStatus::ApologiesInfoSent => "apologies_info_sent",
            AttendanceStatus::Absent => "absent",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            AttendanceStatus::Present => "Present",
            AttendanceStatus::Apologies => "Apologies",
            AttendanceStatus::ApologiesInfoSent => "Apologies – information sent",
            AttendanceStatus::Absent => "Absent",
        }
    }
    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| {
                "Choose present, apologies, apologies with information sent, or absent.".to_string()
            })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceRow {
    pub user_id: UserId,
    pub name: String,
    pub role: Role,
    pub agency_id: Option<AgencyId>,
    pub agency_name: Option<String>,
    pub observer: bool,
    /// Not recorded yet when absent from the register.
    pub status: Option<AttendanceStatus>,
    pub acknowledged_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceEntry {
    pub user_id: UserId,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceUpdate {
    pub entries: Vec<AttendanceEntry>,
}

/// One agency's attendance over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyContinuity {
    pub agency_id: AgencyId,
    pub agency_name: String,
    pub meetings_held: u32,
    /// Meetings at which someone from the agency was present.
    pub meetings_attended: u32,
    pub apologies: u32,
    /// Each person who came, with how many times: one name many times is continuity.
    pub people: Vec<(String, u32)>,
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::*;
    use crate::db::Conn;
    use crate::error::{AppError, OrInternal};
    use crate::ids::MeetingId;

    #[derive(sqlx::FromRow)]
    struct Row {
        user_id: UserId,
        name: String,
        role: String,
        agency_id: Option<AgencyId>,
        agency_name: Option<String>,
        status: Option<String>,
        observer: Option<bool>,
        acknowledged_at: Option<i64>,
    }

    /// Everyone expected at meetings (not administrators), with what is recorded for them.
    pub async fn register(
        conn: &mut Conn,
        meeting: MeetingId,
    ) -> Result<Vec<AttendanceRow>, AppError> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT u.id AS user_id, u.name, u.role, u.agency_id, ag.name AS agency_name, a.status, a.observer, a.acknowledged_at
             FROM users u
             LEFT JOIN agencies ag ON ag.id = u.agency_id
             LEFT JOIN attendance a ON a.user_id = u.id AND a.meeting_id = ?
             WHERE (u.active = 1 AND u.role <> 'admin') OR a.user_id IS NOT NULL
             ORDER BY ag.name COLLATE NOCASE, u.name COLLATE NOCASE",
        )
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?;
        rows.into_iter()
            .map(|r| {
                let role = Role::parse(&r.role).or_internal("a known Role in the stored role")?;
                Ok(AttendanceRow {
                    user_id: r.user_id,
                    name: r.name,
                    role,
                    agency_id: r.agency_id,
                    agency_name: r.agency_name,
                    observer: r.observer.unwrap_or(role == Role::Observer),
                    status: r
                        .status
                        .as_deref()
                        .and_then(|s| AttendanceStatus::parse(s).ok()),
                    acknowledged_at: r.acknowledged_at.map(crate::time::rfc3339),
                })
            })
            .collect()
    }

    pub async fn set(
        conn: &mut Conn,
        meeting: MeetingId,
        user: UserId,
        status: AttendanceStatus,
        now: i64,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO attendance (meeting_id, user_id, agency_id, status, observer, updated_at)
             SELECT ?, u.id, u.agency_id, ?, u.role = 'observer', ? FROM users u WHERE u.id = ?
             ON CONFLICT(meeting_id, user_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
        )
        .bind(meeting)
        .bind(status.as_str())
        .bind(now)
        .bind(user)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// Records the acknowledgement; someone acknowledging is present.
    pub async fn acknowledge(
        conn: &mut Conn,
        meeting: MeetingId,
        user: UserId,
        now: i64,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO attendance (meeting_id, user_id, agency_id, status, observer, acknowledged_at, updated_at)
             SELECT ?, u.id, u.agency_id, 'present', u.role = 'observer', ?, ? FROM users u WHERE u.id = ?
             ON CONFLICT(meeting_id, user_id) DO UPDATE SET status = 'present',
                 acknowledged_at = COALESCE(attendance.acknowledged_at, excluded.acknowledged_at), updated_at = excluded.updated_at",
        )
        .bind(meeting)
        .bind(now)
        .bind(now)
        .bind(user)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// When the user acknowledged the confidentiality statement for this meeting, if they did.
    pub async fn acknowledged_at(
        conn: &mut Conn,
        meeting: MeetingId,
        user: UserId,
    ) -> Result<Option<i64>, AppError> {
        Ok(sqlx::query_scalar::<_, Option<i64>>(
            "SELECT acknowledged_at FROM attendance WHERE meeting_id = ? AND user_id = ?",
        )
        .bind(meeting)
        .bind(user)
        .fetch_optional(&mut *conn)
        .await?
        .flatten())
    }

    pub async fn continuity(
        conn: &mut Conn,
        from: i64,
        to: i64,
    ) -> Result<Vec<AgencyContinuity>, AppError> {
        let held: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM meetings WHERE starts_at >= ? AND starts_at < ? AND status IN ('closed','minutes_approved')",
        )
        .bind(from)
        .bind(to)
        .fetch_one(&mut *conn)
        .await?;
        let agencies: Vec<(AgencyId, String)> = sqlx::query_as(
            "SELECT id, name FROM agencies WHERE active = 1 ORDER BY name COLLATE NOCASE",
        )
        .fetch_all(&mut *conn)
        .await?;
        let rows: Vec<(AgencyId, MeetingId, String, String)> = sqlx::query_as(
            "SELECT a.agency_id, a.meeting_id, a.status, u.name FROM attendance a
             JOIN meetings m ON m.id = a.meeting_id JOIN users u ON u.id = a.user_id
             WHERE m.starts_at >= ? AND m.starts_at < ? AND m.status IN ('closed','minutes_approved') AND a.agency_id IS NOT NULL",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&mut *conn)
        .await?;
        Ok(agencies
            .into_iter()
            .map(|(id, name)| {
                let mine: Vec<_> = rows.iter().filter(|r| r.0 == id).collect();
                let mut attended: Vec<MeetingId> = mine
                    .iter()
                    .filter(|r| r.2 == "present")
                    .map(|r| r.1)
                    .collect();
                attended.sort();
                attended.dedup();
                let mut apologised: Vec<MeetingId> = mine
                    .iter()
                    .filter(|r| r.2.starts_with("apologies") && !attended.contains(&r.1))
                    .map(|r| r.1)
                    .collect();
                apologised.sort();
                apologised.dedup();
                let mut people: Vec<(String, u32)> = Vec::new();
                for r in mine.iter().filter(|r| r.2 == "present") {
                    match people.iter_mut().find(|(n, _)| *n == r.3) {
                        Some(p) => p.1 += 1,
                        None => people.push((r.3.clone(), 1)),
                    }
                }
                people.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                AgencyContinuity {
                    agency_id: id,
                    agency_name: name,
                    meetings_held: held as u32,
                    meetings_attended: attended.len() as u32,
                    apologies: apologised.len() as u32,
                    people,
                }
            })
            .collect())
    }
}

#[cfg(feature = "ssr")]
pub mod service {
    use super::*;
    use crate::audit::store::{record, AuditEvent};
    use crate::auth::policy::{authorize, Action, Resource};
    use crate::auth::types::Actor;
    use crate::error::AppError;
    use crate::error::Problems;
    use crate::ids::MeetingId;
    use crate::meetings::service::meeting_resource;
    use crate::state::AppState;

    pub mod text {
        pub const OWN_ONLY: &str = "You can send apologies only for yourself.";
        pub const APOLOGIES_ONLY: &str = "Before the meeting you can send apologies (with or without information); the coordinator records who was present.";
        pub const UNKNOWN_PERSON: &str = "That person is not expected at meetings.";
        pub const HELD: &str =
            "The meeting has been held; ask the coordinator to correct the register.";
    }

    pub async fn get(
        state: &AppState,
        actor: Option<&Actor>,
        meeting: MeetingId,
    ) -> Result<Vec<AttendanceRow>, AppError> {
        let mut conn = state.db.acquire().await?;
        let (_, resource) = meeting_resource(&mut conn, actor, meeting).await?;
        authorize(actor, Action::Read, resource)?;
        store::register(&mut conn, meeting).await
    }

    /// The chair or coordinator records anyone; a member or observer sends their own apologies.
    pub async fn put(
        state: &AppState,
        actor: Option<&Actor>,
        meeting: MeetingId,
        update: AttendanceUpdate,
    ) -> Result<Vec<AttendanceRow>, AppError> {
        let now = crate::time::now();
        let mut tx = state.write().await?;
        let (m, resource) = meeting_resource(&mut tx, actor, meeting).await?;
        let staff = authorize(actor, Action::Update, resource).is_ok();
        let actor = authorize(actor, Action::Create, resource)?;
        let register = store::register(&mut tx, meeting).await?;
        let mut p = Problems::new();
        let mut parsed = Vec::new();
        for (i, e) in update.entries.iter().enumerate() {
            let field = format!("entries.{i}.status");
            let Some(status) = p.take(&field, AttendanceStatus::parse(&e.status)) else {
                continue;
            };
            if !register.iter().any(|r| r.user_id == e.user_id) {
                p.add(&format!("entries.{i}.user_id"), text::UNKNOWN_PERSON);
                continue;
            }
            if !staff {
                if e.user_id != actor.user_id {
                    p.add(&format!("entries.{i}.user_id"), text::OWN_ONLY);
                    continue;
                }
                if !matches!(
                    status,
                    AttendanceStatus::Apologies | AttendanceStatus::ApologiesInfoSent
                ) {
                    p.add(&field, text::APOLOGIES_ONLY);
                    continue;
                }
                if m.status.held() {
                    p.add(&field, text::HELD);
                    continue;
                }
            }
            parsed.push((e.user_id, status));
        }
        p.into_result()?;
        for (user, status) in &parsed {
            store::set(&mut tx, meeting, *user, *status, now).await?;
        }
        record(
            &mut tx,
            AuditEvent::new(Some(actor.user_id), "update", "attendance")
                .id(meeting)
                .details(serde_json::json!({ "entries": parsed.len() })),
        )
        .await?;
        tx.commit().await?;
        get(state, Some(actor), meeting).await
    }

    /// Attendance by agency over `from`..`to` (default: the last 12 months).
    pub async fn continuity(
        state: &AppState,
        actor: Option<&Actor>,
        from: Option<i64>,
        to: Option<i64>,
    ) -> Result<Vec<AgencyContinuity>, AppError> {
        authorize(actor, Action::Update, Resource::Meetings)?;
        let to = to.unwrap_or_else(crate::time::now);
        let from = from.unwrap_or(to - 365 * 86_400);
        let mut conn = state.db.acquire().await?;
        store::continuity(&mut conn, from, to).await
    }
}
