//! Who came: present, apologies (with or without information sent), absent; observers marked;
//! the confidentiality acknowledgement; and each agency's continuity over the year.

use crate::auth::types::Role;
use crate::ids::{AgencyId, UserId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
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
        crate::i18n::Msg(match self {
            AttendanceStatus::Present => "meetings-attendance-present",
            AttendanceStatus::Apologies => "meetings-attendance-apologies",
            AttendanceStatus::ApologiesInfoSent => "meetings-attendance-apologies-info",
            AttendanceStatus::Absent => "meetings-attendance-absent",
        })
        .as_str()
    }
    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| crate::i18n::Msg("meetings-attendance-status-invalid").text())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AttendanceEntry {
    pub user_id: UserId,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AttendanceUpdate {
    pub entries: Vec<AttendanceEntry>,
}

/// One agency's attendance over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
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
pub use super::attendance_store as store;

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

    /// For the live screen: when the person acknowledged the meeting's confidentiality.
    pub use super::store::acknowledged_at;

    pub mod text {
        use crate::i18n::Msg;
        pub const OWN_ONLY: Msg = Msg("meetings-attendance-own-only");
        pub const APOLOGIES_ONLY: Msg = Msg("meetings-attendance-apologies-only");
        pub const UNKNOWN_PERSON: Msg = Msg("meetings-attendance-unknown-person");
        pub const HELD: Msg = Msg("meetings-attendance-held");
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
