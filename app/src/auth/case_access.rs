//! Need-to-know for one case: how the actor's agency stands to it, put to the one policy.
//! Every domain that shows or changes something of a case asks here; it sits with the policy
//! (not in `cases`) so that domains which hang off a case, like actions, need not depend on it.

use super::case_access_store as store;
use crate::auth::policy::{authorize, Action, Resource};
use crate::auth::types::Actor;
use crate::db::Conn;
use crate::error::AppError;
use crate::ids::{AgencyId, CaseId};

/// Where the case is looked at: directly (its page, its actions), or as an item of a
/// meeting's agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    Directly,
    OnAgenda { attending_in_session: bool },
}

/// The case as the policy sees it for this actor. Looked at directly, a case that does not
/// exist answers exactly as one hidden from them (`NotFound`; 401 when not signed in).
pub async fn resource(
    conn: &mut Conn,
    actor: Option<&Actor>,
    case: CaseId,
    seen: Seen,
) -> Result<Resource, AppError> {
    let agency = actor.and_then(|a| a.agency_id);
    let relation = store::access(conn, case, agency).await?;
    match (seen, relation) {
        (Seen::Directly, Some((involved, lead))) => Ok(Resource::Case { involved, lead }),
        (Seen::Directly, None) => match actor {
            None => Err(AppError::unauthorized()),
            Some(_) => Err(AppError::NotFound),
        },
        (
            Seen::OnAgenda {
                attending_in_session,
            },
            r,
        ) => Ok(Resource::AgendaCase {
            involved: r.is_some_and(|(involved, _)| involved),
            attending_in_session,
        }),
    }
}

/// The case as the actor may see it directly: `NotFound` when it does not exist or is
/// hidden from them.
pub async fn case_resource(
    conn: &mut Conn,
    actor: Option<&Actor>,
    case: CaseId,
) -> Result<Resource, AppError> {
    resource(conn, actor, case, Seen::Directly).await
}

/// Whether the policy lets the actor do this with the case; one that is gone (merged) counts
/// as a case their agency is not involved with.
pub async fn permits(
    conn: &mut Conn,
    actor: &Actor,
    action: Action,
    case: CaseId,
    seen: Seen,
) -> Result<bool, AppError> {
    let resource = match seen {
        Seen::Directly => {
            let (involved, lead) = store::access(conn, case, actor.agency_id)
                .await?
                .unwrap_or((false, false));
            Resource::Case { involved, lead }
        }
        on_agenda => resource(conn, Some(actor), case, on_agenda).await?,
    };
    Ok(authorize(Some(actor), action, resource).is_ok())
}

/// The case exists (and was not merged into another).
pub async fn exists(conn: &mut Conn, case: CaseId) -> Result<bool, AppError> {
    store::exists(conn, case).await
}

/// The agency works on the case from now on (it owns an action on it, say).
pub async fn involve(
    conn: &mut Conn,
    case: CaseId,
    agency: AgencyId,
    reason: &str,
    now: i64,
) -> Result<bool, AppError> {
    store::involve(conn, case, agency, reason, now).await
}
