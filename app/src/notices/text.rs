//! Words of the notices (one place, for translation).

use super::types::NoticeKind;

pub const SIGN_IN_LOCKED: &str = "Many sign-in attempts to this account failed, from one or more places. Further attempts are slowed down for a while. If it was not you, tell your administrator.";
pub const ACCOUNT_SIGN_IN_LOCKED: &str = "Many sign-in attempts to one person's account failed, from one or more places, and further attempts are slowed down for a while. The account:";
pub const INVOLVED_THROUGH_RESEARCH: &str = "Your agency said it holds information on this case, so it is now involved with it and sees it.";
pub const INVOLVEMENT_WITHDRAWN: &str =
    "The coordinator withdrew your agency's involvement with this case that came from research.";

pub fn label(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::SignInLocked | NoticeKind::AccountSignInLocked => "Sign-in",
        NoticeKind::InvolvedThroughResearch | NoticeKind::InvolvementWithdrawn => "Case access",
    }
}

/// The sentence for a notice; `params` carry ids and agency names at most.
pub fn sentence(kind: NoticeKind, params: &serde_json::Value) -> String {
    match kind {
        NoticeKind::SignInLocked => SIGN_IN_LOCKED.to_string(),
        NoticeKind::InvolvedThroughResearch => INVOLVED_THROUGH_RESEARCH.to_string(),
        NoticeKind::InvolvementWithdrawn => INVOLVEMENT_WITHDRAWN.to_string(),
        // The account by its number (as in the users page's addresses): no name in a notice.
        NoticeKind::AccountSignInLocked => format!(
            "{ACCOUNT_SIGN_IN_LOCKED} user {}.",
            params["user_id"].as_i64().unwrap_or_default()
        ),
    }
}
