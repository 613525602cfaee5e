//! The one authorization decision. Deny by default: a permission exists only where a
//! match arm below grants it, and every server function and API handler asks here.

use super::types::{Actor, Me, Role};
use crate::error::AppError;
use crate::ids::AgencyId;

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
    /// The outbox: messages waiting, sent and failed (admin).
    Outbox,
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
    /// A referral made on behalf of an agency: `own_agency` when it is the actor's.
    Referral {
        own_agency: bool,
    },
    /// One action on a case: `involved` when the actor's agency may see the case,
    /// `own_agency` when it owns the action.
    CaseAction {
        involved: bool,
        own_agency: bool,
    },
    /// A research return for a meeting's case, given for an agency (`own_agency`: the actor's).
    ResearchReturn {
        own_agency: bool,
    },
    /// One agency's extract of a meeting's minutes (`own_agency`: the actor's).
    MinutesExtract {
        own_agency: bool,
    },
    /// A request for a change that would let someone read cases, seen from the actor:
    /// did they ask it, is it about them, the asker's role when asking, and whether the group
    /// has an active chair other than the asker and the person concerned.
    AccessRequest {
        asked_by_self: bool,
        target_self: bool,
        asker: Role,
        chair_available: bool,
    },
}

/// How much of the case register an actor sees: every case, the cases one agency is involved
/// with, or none. Derived from the rules below, so lists and extracts follow the same table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseScope {
    All,
    Agency(AgencyId),
    Nothing,
}

impl CaseScope {
    /// The agency whose cases a list is limited to: `None` for the whole register, and
    /// `Some(None)` (no agency, so no case) for someone who sees none.
    pub fn visible_to(self) -> Option<Option<AgencyId>> {
        match self {
            CaseScope::All => None,
            CaseScope::Agency(a) => Some(Some(a)),
            CaseScope::Nothing => Some(None),
        }
    }

    /// Whether everything `self` lets one read, `other` lets one read too.
    pub fn within(self, other: CaseScope) -> bool {
        match (self, other) {
            (CaseScope::Nothing, _) | (_, CaseScope::All) => true,
            (CaseScope::Agency(a), CaseScope::Agency(b)) => a == b,
            _ => false,
        }
    }
}

pub fn case_scope(actor: &Actor) -> CaseScope {
    scope_of(actor.role, actor.agency_id, actor.must_enrol_totp)
}

/// The cases an active account with `role` and `agency` would read.
pub fn scope_of(role: Role, agency: Option<AgencyId>, must_enrol_totp: bool) -> CaseScope {
    let case = |involved| Resource::Case {
        involved,
        lead: false,
    };
    if allowed(role, must_enrol_totp, Action::Read, case(false)) {
        CaseScope::All
    } else if allowed(role, must_enrol_totp, Action::Read, case(true)) {
        agency.map(CaseScope::Agency).unwrap_or(CaseScope::Nothing)
    } else {
        CaseScope::Nothing
    }
}

/// Whether an active account with `role` and `agency` reads any case.
pub fn reads_cases(role: Role, agency: Option<AgencyId>) -> bool {
    scope_of(role, agency, false) != CaseScope::Nothing
}

/// The two-person rule: nobody alone makes someone a reader of case data. A change from
/// `before` to `after` (each `None` for an inactive account, or the role and agency of an
/// active one) waits for a second person when it lets the person read a case they could not
/// read before. Removing or narrowing access never waits.
pub fn needs_second_person(
    before: Option<(Role, Option<AgencyId>)>,
    after: Option<(Role, Option<AgencyId>)>,
) -> bool {
    let scope = |a: Option<(Role, Option<AgencyId>)>| match a {
        Some((role, agency)) => scope_of(role, agency, false),
        None => CaseScope::Nothing,
    };
    !scope(after).within(scope(before))
}

/// The same decision for the browser, which shows only what the server would allow (the
/// server still decides every request).
pub fn permits(me: &Me, action: Action, resource: Resource) -> bool {
    allowed(me.role, me.must_enrol_totp, action, resource)
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
    let may = |action| allowed(actor.role, actor.must_enrol_totp, action, resource);
    if may(action) {
        Ok(actor)
    } else if matches!(resource, Resource::Case { .. }) && !may(Action::Read) {
        Err(AppError::NotFound)
    } else {
        Err(AppError::Forbidden)
    }
}

fn allowed(role: Role, must_enrol_totp: bool, action: Action, resource: Resource) -> bool {
    use Action::*;
    use Resource::*;
    use Role::*;

    // Until a required second factor is set up, the account page is all there is.
    if must_enrol_totp {
        return resource == OwnAccount;
    }
    match (role, action, resource) {
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
        // The chair may change the accounts of the people at the table (not create them): what
        // would widen someone's reading of cases goes to an admin to confirm, the other way
        // round from an admin's request.
        (
            Chair,
            Update,
            UserAccount {
                role: Coordinator | Member | Observer,
            },
        ) => true,
        (Admin | Chair, Read, AuditLog) => true,
        (Admin, Read | Update, Outbox) => true,
        (Admin, Read | Update, Settings) => true,
        (Chair | Coordinator, Read, Settings) => true,
        // Need-to-know: the chair and coordinator see every case; a member, the cases their
        // agency is involved with. Admins and observers see no case data (outside a meeting).
        (Chair | Coordinator | Member, Read | Create, Cases) => true,
        // Linking a referral held as a possible match to the victim's known case.
        (Chair | Coordinator, Assign, Cases) => true,
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
        // A member refers for their own agency; the chair and coordinator for any.
        (Chair | Coordinator, Create, Referral { .. }) => true,
        (Member, Create, Referral { own_agency: true }) => true,
        // Actions are agreed by the chair and coordinator (in the room); an agency updates
        // only its own, and sees those on the cases it may see.
        (Chair | Coordinator, Read | Create | Update, CaseAction { .. }) => true,
        (Member, Read, CaseAction { involved: true, .. }) => true,
        (
            Member,
            Update,
            CaseAction {
                involved: true,
                own_agency: true,
            },
        ) => true,
        // Research returns: the coordinator may record one for any agency.
        (Chair | Coordinator, Create, ResearchReturn { .. }) => true,
        (Member | Observer, Create, ResearchReturn { own_agency: true }) => true,
        // Minutes: the chair and coordinator read any agency's extract, others their own.
        (Chair | Coordinator, Read, MinutesExtract { .. }) => true,
        (Member, Read, MinutesExtract { own_agency: true }) => true,
        // Access requests: those who look after accounts see them; the asker may withdraw.
        // Nobody decides their own request or one about themselves: an admin's goes to the
        // chair (to a second admin only when there is no other chair), a chair's to an admin,
        // a coordinator's to an admin or the chair.
        (Admin | Chair | Coordinator, Read, AccessRequest { .. }) => true,
        (
            Admin | Chair | Coordinator,
            Update,
            AccessRequest {
                asked_by_self: true,
                ..
            },
        ) => true,
        (
            _,
            Approve,
            AccessRequest {
                asked_by_self: true,
                ..
            }
            | AccessRequest {
                target_self: true, ..
            },
        ) => false,
        (
            Chair,
            Approve,
            AccessRequest {
                asker: Admin | Coordinator,
                ..
            },
        ) => true,
        (
            Admin,
            Approve,
            AccessRequest {
                asker: Chair | Coordinator,
                ..
            },
        ) => true,
        (
            Admin,
            Approve,
            AccessRequest {
                asker: Admin,
                chair_available: false,
                ..
            },
        ) => true,
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
            language: None,
            session_id: "s".into(),
        }
    }

    fn resources() -> Vec<Resource> {
        let mut v = vec![
            Resource::Agencies,
            Resource::UserAccounts,
            Resource::AuditLog,
            Resource::Outbox,
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
        for own_agency in [false, true] {
            v.push(Resource::Referral { own_agency });
            v.push(Resource::ResearchReturn { own_agency });
            v.push(Resource::MinutesExtract { own_agency });
            for involved in [false, true] {
                v.push(Resource::CaseAction {
                    involved,
                    own_agency,
                });
            }
        }
        for asker in [Admin, Chair, Coordinator] {
            for (asked_by_self, target_self, chair_available) in [
                (false, false, false),
                (false, false, true),
                (true, false, false),
                (false, true, false),
            ] {
                v.push(Resource::AccessRequest {
                    asked_by_self,
                    target_self,
                    asker,
                    chair_available,
                });
            }
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
            Resource::Referral { own_agency } => {
                action == Create && (case_staff || (role == Member && own_agency))
            }
            Resource::CaseAction {
                involved,
                own_agency,
            } => match action {
                Read => case_staff || (role == Member && involved),
                Create => case_staff,
                Update => case_staff || (role == Member && involved && own_agency),
                _ => false,
            },
            Resource::ResearchReturn { own_agency } => {
                action == Create
                    && (case_staff || (matches!(role, Member | Observer) && own_agency))
            }
            Resource::MinutesExtract { own_agency } => {
                action == Read && (case_staff || (role == Member && own_agency))
            }
            Resource::AccessRequest {
                asked_by_self,
                target_self,
                asker,
                chair_available,
            } => match action {
                Read => matches!(role, Admin | Chair | Coordinator),
                Update => asked_by_self && matches!(role, Admin | Chair | Coordinator),
                Approve => {
                    !asked_by_self
                        && !target_self
                        && match role {
                            Chair => matches!(asker, Admin | Coordinator),
                            Admin => {
                                matches!(asker, Chair | Coordinator)
                                    || (asker == Admin && !chair_available)
                            }
                            _ => false,
                        }
                }
                _ => false,
            },
            _ if action == Approve => false,
            Resource::Cases => {
                (matches!(action, Read | Create) && matches!(role, Chair | Coordinator | Member))
                    || (action == Assign && case_staff)
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
                _ => {
                    role == Admin
                        || (role == Coordinator && matches!(target, Member | Observer))
                        || (role == Chair
                            && action == Update
                            && matches!(target, Coordinator | Member | Observer))
                }
            },
            Resource::AuditLog => action == Read && matches!(role, Admin | Chair),
            Resource::Outbox => matches!(action, Read | Update) && role == Admin,
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
        assert_eq!(checked, 5 * 6 * (32 + 12));
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

    #[test]
    fn only_a_change_that_widens_what_someone_reads_needs_a_second_person() {
        let (a, b) = (Some(AgencyId(1)), Some(AgencyId(2)));
        let needs = needs_second_person;
        assert!(needs(None, Some((Member, a))), "enabling a member");
        assert!(
            needs(Some((Observer, None)), Some((Member, a))),
            "making a member"
        );
        assert!(
            needs(Some((Admin, None)), Some((Chair, None))),
            "making a chair"
        );
        assert!(needs(Some((Member, a)), Some((Member, b))), "moving agency");
        assert!(needs(Some((Member, a)), Some((Coordinator, a))), "widening");
        assert!(!needs(Some((Chair, None)), Some((Member, a))), "narrowing");
        assert!(
            !needs(Some((Chair, a)), Some((Coordinator, b))),
            "the same reach"
        );
        assert!(!needs(Some((Member, a)), None), "disabling");
        assert!(
            !needs(Some((Member, a)), Some((Observer, a))),
            "to an observer"
        );
        assert!(!needs(None, Some((Admin, None))), "enabling an admin");
        assert!(
            !needs(Some((Observer, None)), Some((Admin, None))),
            "making an admin"
        );
    }

    #[test]
    fn nobody_decides_their_own_access_request_or_one_about_themselves() {
        for role in Role::ALL {
            for asker in [Admin, Chair, Coordinator] {
                for (asked_by_self, target_self) in [(true, false), (false, true)] {
                    let r = Resource::AccessRequest {
                        asked_by_self,
                        target_self,
                        asker,
                        chair_available: false,
                    };
                    assert!(authorize(Some(&actor(role)), Approve, r).is_err());
                }
            }
        }
    }

    #[test]
    fn the_case_scope_follows_the_case_rules() {
        let mut m = actor(Member);
        m.agency_id = Some(AgencyId(7));
        assert_eq!(case_scope(&actor(Chair)), CaseScope::All);
        assert_eq!(case_scope(&actor(Coordinator)), CaseScope::All);
        assert_eq!(case_scope(&m), CaseScope::Agency(AgencyId(7)));
        assert_eq!(case_scope(&actor(Member)), CaseScope::Nothing);
        assert_eq!(case_scope(&actor(Admin)), CaseScope::Nothing);
        assert_eq!(case_scope(&actor(Observer)), CaseScope::Nothing);
        assert_eq!(CaseScope::Nothing.visible_to(), Some(None));
        let mut enrolling = actor(Chair);
        enrolling.must_enrol_totp = true;
        assert_eq!(case_scope(&enrolling), CaseScope::Nothing);
    }

    #[test]
    fn the_browser_gets_the_same_answer_as_the_server() {
        for role in Role::ALL {
            let a = actor(role);
            for action in [Read, Create, Update, Reveal, Assign, Approve] {
                for res in resources() {
                    assert_eq!(
                        permits(&a.me(), action, res),
                        authorize(Some(&a), action, res).is_ok(),
                        "{role:?} {action:?} {res:?}"
                    );
                }
            }
        }
    }
}
