//! Research returns: before the meeting, each agency says what it holds on each case on the
//! agenda (Markdown), or "no trace".

use crate::ids::{AgencyId, CaseId};
use crate::lenient;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResearchReturn {
    pub agency_id: AgencyId,
    pub agency_name: String,
    /// "holds" or "no_trace"
    pub state: String,
    pub body_md: Option<String>,
    /// The Markdown rendered and sanitised on the server.
    pub body_html: Option<String>,
    pub by: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseResearch {
    pub case_id: CaseId,
    pub reference: String,
    pub due_unix: i64,
    pub returns: Vec<ResearchReturn>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResearchInput {
    /// For the chair or coordinator recording another agency's return; a member's is their own.
    #[serde(default, deserialize_with = "lenient::text")]
    pub agency_id: Option<String>,
    /// "holds", "no_trace", or "none" to withdraw the return.
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub body_md: Option<String>,
}

/// One cell of the coordinator's grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GridCase {
    pub case_id: CaseId,
    pub reference: String,
    /// Per agency, in the order of `ResearchGrid::agencies`: "holds", "no_trace" or null.
    pub states: Vec<Option<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResearchGrid {
    pub agencies: Vec<(AgencyId, String)>,
    pub cases: Vec<GridCase>,
    pub due_unix: i64,
}

pub mod text {
    use crate::i18n::Msg;
    pub const STATE_INVALID: Msg = Msg("meetings-research-state-invalid");
    pub const BODY_REQUIRED: Msg = Msg("meetings-research-body-required");
    pub const BODY_TOO_LONG: Msg = Msg("meetings-research-body-too-long");
    pub const NOT_ON_AGENDA: Msg = Msg("meetings-research-not-on-agenda");
    pub const CLOSED: Msg = Msg("meetings-research-closed");
    pub const OWN_AGENCY: Msg = Msg("meetings-research-own-agency");
}

#[cfg(feature = "ssr")]
pub use super::research_store as store;

#[cfg(feature = "ssr")]
pub mod service {
    use super::*;
    use crate::audit::store::{record, AuditEvent};
    use crate::auth::policy::{authorize, Action, Resource};
    use crate::auth::types::Actor;
    use crate::db::Conn;
    use crate::error::AppError;
    use crate::error::Problems;
    use crate::ids::MeetingId;
    use crate::meetings::service::meeting_resource;
    use crate::state::AppState;

    async fn on_agenda(
        conn: &mut Conn,
        meeting: MeetingId,
        case: CaseId,
    ) -> Result<String, AppError> {
        store::agenda_reference(conn, meeting, case)
            .await?
            .ok_or(AppError::NotFound)
    }

    async fn may_see_case(conn: &mut Conn, actor: &Actor, case: CaseId) -> Result<bool, AppError> {
        let seen = crate::auth::case_access::Seen::OnAgenda {
            attending_in_session: false,
        };
        crate::auth::case_access::permits(conn, actor, Action::Read, case, seen).await
    }

    /// The returns on one case: all of them for those who may see the case, otherwise only
    /// the actor's own agency's.
    pub async fn get(
        state: &AppState,
        actor: Option<&Actor>,
        meeting: MeetingId,
        case: CaseId,
    ) -> Result<CaseResearch, AppError> {
        let hours = crate::meetings::service::research_hours(state).await?;
        let mut tx = state.write().await?;
        let (m, resource) = meeting_resource(&mut tx, actor, meeting).await?;
        let actor = authorize(actor, Action::Read, resource)?;
        let reference = on_agenda(&mut tx, meeting, case).await?;
        let mut returns = store::for_case(&mut tx, meeting, case).await?;
        if !may_see_case(&mut tx, actor, case).await? {
            returns.retain(|r| Some(r.agency_id) == actor.agency_id);
        }
        record(
            &mut tx,
            AuditEvent::new(Some(actor.user_id), "read", "research")
                .id(format!("{meeting}/{case}")),
        )
        .await?;
        tx.commit().await?;
        Ok(CaseResearch {
            case_id: case,
            reference,
            due_unix: m.starts_at_unix - hours as i64 * 3600,
            returns,
        })
    }

    /// Records (or withdraws) an agency's return. An agency that holds information on the
    /// case becomes involved with it.
    pub async fn put(
        state: &AppState,
        actor: Option<&Actor>,
        meeting: MeetingId,
        case: CaseId,
        input: ResearchInput,
    ) -> Result<CaseResearch, AppError> {
        let now = crate::time::now();
        {
            let mut tx = state.write().await?;
            let (m, resource) = meeting_resource(&mut tx, actor, meeting).await?;
            let actor = authorize(actor, Action::Create, resource)?;
            on_agenda(&mut tx, meeting, case).await?;
            if m.status.held() {
                return Err(AppError::conflict(text::CLOSED));
            }
            let mut p = Problems::new();
            let agency = match &input.agency_id {
                Some(raw) => p
                    .take(
                        "agency_id",
                        raw.parse::<i64>()
                            .map(AgencyId)
                            .map_err(|_| crate::cases::text::AGENCY_UNKNOWN.to_string()),
                    )
                    .filter(|a| {
                        let own_agency = actor.agency_id == Some(*a);
                        let ok = authorize(
                            Some(actor),
                            Action::Create,
                            Resource::ResearchReturn { own_agency },
                        )
                        .is_ok();
                        if !ok {
                            p.add("agency_id", text::OWN_AGENCY);
                        }
                        ok
                    }),
                None => actor.agency_id,
            };
            if agency.is_none() && p.is_empty() {
                p.add("agency_id", crate::cases::text::AGENCY_UNKNOWN);
            }
            let body = input
                .body_md
                .as_deref()
                .map(str::trim)
                .filter(|b| !b.is_empty());
            match input.state.trim() {
                "holds" if body.is_none() => p.add("body_md", text::BODY_REQUIRED),
                "holds" | "no_trace" | "none" => {}
                _ => p.add("state", text::STATE_INVALID),
            }
            if body.is_some_and(|b| b.chars().count() > 20_000) {
                p.add("body_md", text::BODY_TOO_LONG);
            }
            p.into_result()?;
            let agency = agency.expect("checked");
            if !crate::agencies::service::is_active(&mut tx, agency).await? {
                return Err(AppError::validation(
                    "agency_id",
                    crate::cases::text::AGENCY_UNKNOWN,
                ));
            }
            match input.state.trim() {
                "none" => store::delete(&mut tx, meeting, case, agency).await?,
                state => {
                    let body = if state == "holds" { body } else { None };
                    let r = store::Return {
                        meeting,
                        case,
                        agency,
                        state,
                        body,
                    };
                    store::upsert(&mut tx, r, actor.user_id, now).await?;
                    if state == "holds" {
                        crate::cases::involvement::through_research(&mut tx, case, agency, now)
                            .await?;
                    }
                }
            }
            record(
                &mut tx,
                AuditEvent::new(Some(actor.user_id), "update", "research")
                    .id(format!("{meeting}/{case}"))
                    .details(
                        serde_json::json!({ "agency_id": agency.0, "state": input.state.trim() }),
                    ),
            )
            .await?;
            tx.commit().await?;
        }
        get(state, actor, meeting, case).await
    }

    /// The case × agency grid of returns, for the chair and coordinator.
    pub async fn grid(
        state: &AppState,
        actor: Option<&Actor>,
        meeting: MeetingId,
    ) -> Result<ResearchGrid, AppError> {
        let hours = crate::meetings::service::research_hours(state).await?;
        let mut conn = state.write().await?;
        let (m, resource) = meeting_resource(&mut conn, actor, meeting).await?;
        let actor = authorize(actor, Action::Update, resource)?;
        let agencies = store::active_agencies(&mut conn).await?;
        let cases = store::agenda_cases(&mut conn, meeting).await?;
        let states = store::states(&mut conn, meeting).await?;
        // The grid tells which agencies hold information on which cases: a read of case data.
        record(
            &mut conn,
            AuditEvent::new(Some(actor.user_id), "read", "research")
                .id(meeting)
                .details(serde_json::json!({ "part": "grid" })),
        )
        .await?;
        conn.commit().await?;
        Ok(ResearchGrid {
            cases: cases
                .into_iter()
                .map(|(case_id, reference)| GridCase {
                    case_id,
                    reference,
                    states: agencies
                        .iter()
                        .map(|(a, _)| {
                            states
                                .iter()
                                .find(|s| s.0 == case_id && s.1 == *a)
                                .map(|s| s.3.clone())
                        })
                        .collect(),
                })
                .collect(),
            agencies,
            due_unix: m.starts_at_unix - hours as i64 * 3600,
        })
    }
}
