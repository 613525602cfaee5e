//! The one authorization decision. Deny by default: a permission exists only where a
//! match arm below grants it, and every server function and API handler asks here.

use super::types::{Actor, Role};
use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Read,
    Create,
    Update,
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
}

/// Decides whether `actor` may do `action` on `resource`.
/// No actor means not signed in: `Unauthorized`. A refusal is `Forbidden`.
pub fn authorize(
    actor: Option<&Actor>,
    action: Action,
    resource: Resource,
) -> Result<&Actor, AppError> {
    let actor = actor.ok_or_else(AppError::unauthorized)?;
    if allowed(actor, action, resource) {
        Ok(actor)
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
        ];
        v.extend(Role::ALL.map(|role| Resource::UserAccount { role }));
        v
    }

    /// The expected matrix, written out independently of `allowed` as the list of grants.
    fn expected(role: Role, action: Action, res: Resource) -> bool {
        match res {
            Resource::OwnAccount => action != Create,
            Resource::Agencies => action == Read || matches!(role, Admin | Coordinator),
            Resource::UserAccounts => action == Read && matches!(role, Admin | Chair | Coordinator),
            Resource::UserAccount { role: target } => match action {
                Read => matches!(role, Admin | Chair | Coordinator),
                Create | Update => {
                    role == Admin || (role == Coordinator && matches!(target, Member | Observer))
                }
            },
            Resource::AuditLog => action == Read && matches!(role, Admin | Chair),
            Resource::Settings => match action {
                Read => matches!(role, Admin | Chair | Coordinator),
                Update => role == Admin,
                Create => false,
            },
        }
    }

    #[test]
    fn every_role_action_and_resource_gets_the_decision_in_the_matrix() {
        let mut checked = 0;
        for role in Role::ALL {
            for action in [Read, Create, Update] {
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
        assert_eq!(checked, 5 * 3 * 10);
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
