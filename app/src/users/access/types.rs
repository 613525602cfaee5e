use super::text;
use crate::auth::policy::Resource;
use crate::auth::types::Role;
use crate::ids::{AccessRequestId, AgencyId, UserId};
use serde::{Deserialize, Serialize};

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccessKind {
    /// A case-reading role, or another agency (and, with `activate`, re-enabling too).
    GrantRole,
    /// Re-enabling an account that reads cases.
    Enable,
    /// A new one-time password, made on confirmation and shown to the confirmer.
    ResetPassword,
    /// Removing the two-factor set-up, so the person enrols again.
    ResetTotp,
    /// A new account with a case-reading role: inactive until confirmed.
    CreateAccount,
}

impl AccessKind {
    pub const ALL: [AccessKind; 5] = [
        AccessKind::GrantRole,
        AccessKind::Enable,
        AccessKind::ResetPassword,
        AccessKind::ResetTotp,
        AccessKind::CreateAccount,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccessKind::GrantRole => "grant_role",
            AccessKind::Enable => "enable",
            AccessKind::ResetPassword => "reset_password",
            AccessKind::ResetTotp => "reset_totp",
            AccessKind::CreateAccount => "create_account",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        text::kind_label(self)
    }

    /// Whether confirming makes a one-time password for the confirmer to pass on.
    pub fn makes_password(self) -> bool {
        matches!(self, AccessKind::ResetPassword | AccessKind::CreateAccount)
    }

    /// The kinds that, once confirmed, give the person a role, an agency or an active account.
    pub fn gives_access(self) -> bool {
        matches!(
            self,
            AccessKind::GrantRole | AccessKind::Enable | AccessKind::CreateAccount
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccessState {
    Pending,
    Confirmed,
    Refused,
    Withdrawn,
}

impl AccessState {
    pub const ALL: [AccessState; 4] = [
        AccessState::Pending,
        AccessState::Confirmed,
        AccessState::Refused,
        AccessState::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccessState::Pending => "pending",
            AccessState::Confirmed => "confirmed",
            AccessState::Refused => "refused",
            AccessState::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        text::state_label(self)
    }
}

/// A request as those who look after accounts see it. `may_confirm` and `may_withdraw` are
/// the policy's answer for the person looking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AccessRequest {
    pub id: AccessRequestId,
    pub kind: AccessKind,
    pub state: AccessState,
    pub user_id: UserId,
    pub user_name: String,
    /// The role and agency the person will have once confirmed.
    pub role: Role,
    pub agency_id: Option<AgencyId>,
    pub agency_name: Option<String>,
    /// Confirming also makes the account active.
    pub activate: bool,
    pub asked_by: UserId,
    pub asked_by_name: String,
    pub asked_by_role: Role,
    pub decided_by: Option<UserId>,
    pub created_at: String,
    pub decided_at: Option<String>,
    pub may_confirm: bool,
    pub may_withdraw: bool,
}

/// A confirmed request, with the one-time password the confirmer passes on (shown once).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Confirmed {
    pub request: AccessRequest,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub one_time_password: Option<String>,
}

/// What a reset did: at once (for someone who reads no cases), or asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResetOutcome {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub one_time_password: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<AccessRequest>,
}

/// The policy's question "may this person see access requests at all" (whoever looks after
/// accounts); each request is then judged with its own relations.
pub fn any_request() -> Resource {
    Resource::AccessRequest {
        asked_by_self: false,
        target_self: false,
        asker: Role::Admin,
        chair_available: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_states_read_back_what_they_store() {
        for k in AccessKind::ALL {
            assert_eq!(AccessKind::parse(k.as_str()), Some(k));
        }
        for s in AccessState::ALL {
            assert_eq!(AccessState::parse(s.as_str()), Some(s));
        }
        assert_eq!(AccessKind::parse("grant"), None);
    }

    #[test]
    fn every_kind_has_its_own_name_in_notices_and_on_the_users_page() {
        let labels: std::collections::BTreeSet<_> =
            AccessKind::ALL.into_iter().map(AccessKind::label).collect();
        assert_eq!(labels.len(), AccessKind::ALL.len());
        assert!(!labels.contains(""));
    }

    #[test]
    fn only_a_new_account_and_a_password_reset_make_a_password() {
        let made: Vec<_> = AccessKind::ALL
            .into_iter()
            .filter(|k| k.makes_password())
            .collect();
        assert_eq!(
            made,
            vec![AccessKind::ResetPassword, AccessKind::CreateAccount]
        );
    }

    #[test]
    fn resets_give_no_access_and_everything_else_does() {
        let giving: Vec<_> = AccessKind::ALL
            .into_iter()
            .filter(|k| k.gives_access())
            .collect();
        assert_eq!(giving.len(), AccessKind::ALL.len() - 2);
        assert!(!AccessKind::ResetPassword.gives_access());
        assert!(!AccessKind::ResetTotp.gives_access());
    }
}
