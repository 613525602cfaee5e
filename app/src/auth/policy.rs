//! The one authorization decision. Deny by default: a permission exists only where a
//! match arm below grants it, and every server function and API handler asks here.

use super::types::{Actor, Role};
use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Read,
    Create,
    Update,
    /// Show a restricted field of a case (with a stated reason).
    Reveal,
    /// Decide a case's lead agency and which agencies are added to it.
    Assign,
    /// Approve a meeting's minutes.
    Approve,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    /// The agency directory and its members.
    Agencies,
    /// The list of user accounts with their roles and state (user administration).
    UserAccounts,
    /// One user account that holds (or is being given) `role`.
    UserAccount {
        role: Role,
    },
    AuditLog,
    Settings,
    /// The signed-in user's own password and two-factor set-up.
    OwnAccount,
    /// Cases as a whole: listing the visible ones, referring a new one.
    Cases,
    /// One case, seen from the actor: is their agency involved with it, does it lead it.
    Case {
        involved: bool,
        lead: bool,
    },
    /// Meetings as a whole: the calendar, creating meetings and series.
    Meetings,
    /// One meeting's agenda, research, attendance and minutes; `published` once the agenda is.
    Meeting {
        published: bool,
    },
    /// A case as an item of a meeting's agenda: its details follow need-to-know, and an
    /// observer sees them only while attending the meeting in session.
    AgendaCase {
        involved: bool,
        attending_in_session: bool,
    },
    /// An item of a live meeting; `cut_off` when it comes after the children's cases and the
    /// actor's agency attends only those.
    LiveItem {
        cut_off: bool,
    },
}

/// Decides whether `actor` may do `action` on `resource`.
/// No actor means not signed in: `Unauthorized`. A refusal is `Forbidden`, except for a case
/// the actor may not even see: that answers `NotFound`, exactly as a case that does not exist.
pub fn authorize(
    actor: Option<&Actor>,
    action: Action,
    resource: Resource,
) -> Result<&Actor, AppError> {
    let actor = actor.ok_or_else(AppError::unauthorized)?;
    if allowed(actor, action, resource) {
        Ok(actor)
    } else if matches!(resource, Resource::Case { .. }) && !allowed(actor, Action::Read, resource) {
        Err(AppError::NotFound)
    } else {
        Err(AppError::Forbidden)
    }
}

fn allowed(actor: &Actor, action: Action, resource: Resource) -> bool {
    use Action::*;
    use Resource::*;
    use Role::*;

    // Until a required second factor is set up, the account page is all there is.
    if actor.must_enrol_totp {
        return resource == OwnAccount;
    }
    match (actor.role, action, resource) {
        (_, Read | Update, OwnAccount) => true,
        (_, Read, Agencies) => true,
        (Admin | Coordinator, Create | Update, Agencies) => true,
        (Admin | Chair | Coordinator, Read, UserAccounts) => true,
        (Admin | Chair | Coordinator, Read, UserAccount { .. }) => true,
        (Admin, Create | Update, UserAccount { .. }) => true,
        // A coordinator looks after the members, but cannot hand out powers above a member's.
        (
            Coordinator,
            Create | Update,
            UserAccount {
                role: Member | Observer,
            },
        ) => true,
        (Admin | Chair, Read, AuditLog) => true,
        (Admin, Read | Update, Settings) => true,
        (Chair | Coordinator, Read, Settings) => true,
        // Need-to-know: the chair and coordinator see every case; a member, the cases their
        // agency is involved with. Admins and observers see no case data (outside a meeting).
        (Chair | Coordinator | Member, Read | Create, Cases) => true,
        (Chair | Coordinator, Read | Create | Update | Reveal | Assign, Case { .. }) => true,
        (Member, Read | Create | Reveal, Case { involved: true, .. }) => true,
        (Member, Update, Case { lead: true, .. }) => true,
        // Meetings: everyone may see when they are; the chair and coordinator run them.
        (_, Read, Meetings) => true,
        (Chair | Coordinator, Create | Update, Meetings) => true,
        (Chair | Coordinator, Read | Create | Update, Meeting { .. }) => true,
        (Chair, Approve, Meeting { .. }) => true,
        // Members and observers see a meeting once its agenda is published, and may then send
        // apologies, research and comments on the minutes.
        (Member | Observer, Read | Create, Meeting { published: true }) => true,
        (Chair | Coordinator, Read, AgendaCase { .. }) => true,
        (Member, Read, AgendaCase { involved: true, .. }) => true,
        (
            Observer,
            Read,
            AgendaCase {
                attending_in_session: true,
                ..
            },
        ) => true,
        // In the room: agencies add what they know about the cases they are involved with;
        // the chair and coordinator keep the summary and decisions.
        (Chair | Coordinator, Create | Update, AgendaCase { .. }) => true,
        (Member, Create, AgendaCase { involved: true, .. }) => true,
        (Chair | Coordinator | Member | Observer, Read, LiveItem { cut_off: false }) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::UserId;
    use Action::*;
    use Role::*;

    fn actor(role: Role) -> Actor {
        Actor {
            user_id: UserId(1),
            email: "a@b.test".into(),
            name: "A".into(),
            role,
            agency_id: None,
            totp_enabled: false,
            must_enrol_totp: false,
            session_id: "s".into(),
        }
    }

    fn resources() -> Vec<Resource> {
        let mut v = vec![
            Resource::Agencies,
            Resource::UserAccounts,
            Resource::AuditLog,
            Resource::Settings,
            Resource::OwnAccount,
            Resource::Cases,
        ];
        v.extend(Role::ALL.map(|role| Resource::UserAccount { role }));
        for (involved, lead) in [(false, false), (true, false), (true, true)] {
            v.push(Resource::Case { involved, lead });
        }
        v.push(Resource::LiveItem { cut_off: false });
        v.push(Resource::LiveItem { cut_off: true });
        v.push(Resource::Meetings);
        v.push(Resource::Meeting { published: false });
        v.push(Resource::Meeting { published: true });
        for (involved, attending_in_session) in [(false, false), (true, false), (false, true)] {
            v.push(Resource::AgendaCase {
                involved,
                attending_in_session,
            });
        }
        v
    }

    /// The expected matrix, written out independently of `allowed`.
    fn expected(role: Role, action: Action, res: Resource) -> bool {
        let case_staff = matches!(role, Chair | Coordinator);
        match res {
            Resource::Meetings => {
                action == Read || (case_staff && matches!(action, Create | Update))
            }
            Resource::Meeting { published } => match action {
                Read | Create => case_staff || (published && matches!(role, Member | Observer)),
                Update => case_staff,
                Approve => role == Chair,
                _ => false,
            },
            Resource::AgendaCase {
                involved,
                attending_in_session,
            } => match action {
                Read => {
                    case_staff
                        || (role == Member && involved)
                        || (role == Observer && attending_in_session)
                }
                Create => case_staff || (role == Member && involved),
                Update => case_staff,
                _ => false,
            },
            Resource::LiveItem { cut_off } => action == Read && !cut_off && role != Admin,
            _ if action == Approve => false,
            Resource::Cases => {
                matches!(action, Read | Create) && matches!(role, Chair | Coordinator | Member)
            }
            Resource::Case { involved, lead } => match action {
                Read | Create | Reveal => case_staff || (role == Member && involved),
                Update => case_staff || (role == Member && lead),
                Assign => case_staff,
                Approve => false,
            },
            _ if matches!(action, Reveal | Assign) => false,
            Resource::OwnAccount => action != Create,
            Resource::Agencies => action == Read || matches!(role, Admin | Coordinator),
            Resource::UserAccounts => action == Read && matches!(role, Admin | Chair | Coordinator),
            Resource::UserAccount { role: target } => match action {
                Read => matches!(role, Admin | Chair | Coordinator),
                _ => role == Admin || (role == Coordinator && matches!(target, Member | Observer)),
            },
            Resource::AuditLog => action == Read && matches!(role, Admin | Chair),
            Resource::Settings => match action {
                Read => matches!(role, Admin | Chair | Coordinator),
                Update => role == Admin,
                _ => false,
            },
        }
    }

    #[test]
    fn every_role_action_and_resource_gets_the_decision_in_the_matrix() {
        let mut checked = 0;
        for role in Role::ALL {
            for action in [Read, Create, Update, Reveal, Assign, Approve] {
                for res in resources() {
                    let got = authorize(Some(&actor(role)), action, res).is_ok();
                    assert_eq!(
                        got,
                        expected(role, action, res),
                        "{role:?} {action:?} {res:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 5 * 6 * 22);
    }

    #[test]
    fn no_actor_is_unauthorized_not_forbidden() {
        for res in resources() {
            assert_eq!(
                authorize(None, Read, res).unwrap_err(),
                AppError::unauthorized()
            );
        }
    }

    #[test]
    fn a_user_who_must_enrol_in_two_factor_can_only_reach_their_own_account() {
        let mut a = actor(Admin);
        a.must_enrol_totp = true;
        for res in resources() {
            let ok = authorize(Some(&a), Read, res).is_ok();
            assert_eq!(ok, res == Resource::OwnAccount, "{res:?}");
        }
    }

    #[test]
    fn a_case_one_may_not_see_is_not_found_and_one_one_may_see_is_forbidden() {
        let m = actor(Member);
        let hidden = Resource::Case {
            involved: false,
            lead: false,
        };
        let visible = Resource::Case {
            involved: true,
            lead: false,
        };
        for action in [Read, Update, Reveal, Assign, Create] {
            assert_eq!(
                authorize(Some(&m), action, hidden).unwrap_err(),
                AppError::NotFound
            );
        }
        assert_eq!(
            authorize(Some(&m), Assign, visible).unwrap_err(),
            AppError::Forbidden
        );
        for role in [Admin, Observer] {
            assert_eq!(
                authorize(Some(&actor(role)), Read, visible).unwrap_err(),
                AppError::NotFound
            );
        }
    }

    #[test]
    fn a_coordinator_cannot_create_an_admin_or_a_chair() {
        let c = actor(Coordinator);
        for target in [Admin, Chair, Coordinator] {
            assert_eq!(
                authorize(Some(&c), Create, Resource::UserAccount { role: target }).unwrap_err(),
                AppError::Forbidden
            );
        }
    }
}
