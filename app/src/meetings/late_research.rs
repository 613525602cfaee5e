//! Late research: which agencies have not yet returned research on which cases of a published
//! agenda, and one reminder to all of them.

use crate::ids::{AgencyId, MeetingId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LateAgency {
    pub agency_id: AgencyId,
    pub agency_name: String,
    /// The references of the cases the agency has not answered for.
    pub cases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LateResearch {
    pub meeting_id: MeetingId,
    pub due_unix: i64,
    /// The research due time has passed.
    pub overdue: bool,
    pub agencies: Vec<LateAgency>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Reminded {
    /// The agencies reminded (each through its regular representatives).
    pub agencies: Vec<LateAgency>,
}

pub mod text {
    use crate::i18n::Msg;
    pub const NOT_PUBLISHED: Msg = Msg("schedule-late-not-published");
    pub const NONE_LATE: Msg = Msg("schedule-late-none");
}

#[cfg(feature = "ssr")]
pub mod service {
    use super::*;
    use crate::audit::store::{record, AuditEvent};
    use crate::auth::policy::{authorize, Action};
    use crate::auth::types::Actor;
    use crate::db::Conn;
    use crate::error::AppError;
    use crate::meetings::research_store as store;
    use crate::meetings::service::{meeting_resource, research_hours};
    use crate::meetings::types::MeetingStatus;
    use crate::state::AppState;

    /// Every (active agency, agenda case) pair without a return, by agency.
    async fn late_in(conn: &mut Conn, meeting: MeetingId) -> Result<Vec<LateAgency>, AppError> {
        let agencies = store::active_agencies(conn).await?;
        let cases = store::agenda_cases(conn, meeting).await?;
        let states = store::states(conn, meeting).await?;
        Ok(agencies
            .into_iter()
            .filter_map(|(agency_id, agency_name)| {
                let cases: Vec<String> = cases
                    .iter()
                    .filter(|(c, _)| !states.iter().any(|s| s.0 == *c && s.1 == agency_id))
                    .map(|(_, r)| r.clone())
                    .collect();
                (!cases.is_empty()).then_some(LateAgency {
                    agency_id,
                    agency_name,
                    cases,
                })
            })
            .collect())
    }

    /// For the chair and coordinator, on a published agenda (before that nobody was asked).
    async fn open(
        conn: &mut Conn,
        actor: Option<&Actor>,
        meeting: MeetingId,
    ) -> Result<(crate::meetings::types::Meeting, crate::ids::UserId), AppError> {
        let (m, resource) = meeting_resource(conn, actor, meeting).await?;
        let actor = authorize(actor, Action::Update, resource)?;
        if m.status != MeetingStatus::AgendaPublished {
            return Err(AppError::conflict(text::NOT_PUBLISHED));
        }
        Ok((m, actor.user_id))
    }

    pub async fn late(
        state: &AppState,
        actor: Option<&Actor>,
        meeting: MeetingId,
    ) -> Result<LateResearch, AppError> {
        let now = crate::time::now();
        let hours = research_hours(state).await?;
        let mut tx = state.write().await?;
        let (m, by) = open(&mut tx, actor, meeting).await?;
        let agencies = late_in(&mut tx, meeting).await?;
        // Which agencies still owe research on which case: a read of case data.
        record(
            &mut tx,
            AuditEvent::new(Some(by), "read", "research")
                .id(meeting)
                .details(serde_json::json!({ "part": "late" })),
        )
        .await?;
        tx.commit().await?;
        let due = m.starts_at_unix - hours as i64 * 3600;
        Ok(LateResearch {
            meeting_id: meeting,
            due_unix: due,
            overdue: now > due,
            agencies,
        })
    }

    /// One reminder to every late agency's regular representatives, saying how many cases
    /// are waiting (never which). At most one a day per agency, however often it is clicked.
    pub async fn remind(
        state: &AppState,
        actor: Option<&Actor>,
        meeting: MeetingId,
    ) -> Result<Reminded, AppError> {
        let now = crate::time::now();
        let mut tx = state.write().await?;
        let (_, by) = open(&mut tx, actor, meeting).await?;
        let agencies = late_in(&mut tx, meeting).await?;
        if agencies.is_empty() {
            return Err(AppError::conflict(text::NONE_LATE));
        }
        for a in &agencies {
            crate::meetings::reschedule_tell::research_reminder(
                &mut tx,
                meeting,
                a.agency_id,
                a.cases.len(),
                now,
            )
            .await?;
        }
        record(
            &mut tx,
            AuditEvent::new(Some(by), "remind", "research")
                .id(meeting)
                .details(serde_json::json!({
                    "agencies": agencies.iter().map(|a| a.agency_id.0).collect::<Vec<_>>(),
                })),
        )
        .await?;
        tx.commit().await?;
        Ok(Reminded { agencies })
    }
}
