//! Words of the notices (one place, for translation).

use super::types::NoticeKind;

pub const SIGN_IN_LOCKED: &str = "Many sign-in attempts to this account failed, from one or more places. Further attempts are slowed down for a while. If it was not you, tell your administrator.";
pub const ACCOUNT_SIGN_IN_LOCKED: &str = "Many sign-in attempts to one person's account failed, from one or more places, and further attempts are slowed down for a while. The account:";
pub const INVOLVED_THROUGH_RESEARCH: &str = "Your agency said it holds information on this case, so it is now involved with it and sees it.";
pub const INVOLVEMENT_WITHDRAWN: &str =
    "The coordinator withdrew your agency's involvement with this case that came from research.";

pub const REFERRAL_LINKED: &str = "A referral your agency made was linked by the coordinator to a case the group already holds. Your agency is involved with that case and sees it; the case opened for the referral is now part of it.";

pub const ACCESS_ASKED: &str =
    "a change to your access was asked for. It takes effect only when a second person confirms it.";
pub const ACCESS_CHANGED: &str = "a change to your access was confirmed and applies now.";
pub const ACCESS_REFUSED: &str = "a change to your access was refused; nothing changed.";
pub const ACCESS_WITHDRAWN: &str =
    "A change to your access that was waiting for a second person was withdrawn.";
pub const REQUEST_CONFIRMED: &str = "the change you asked for was confirmed by a second person.";
pub const REQUEST_REFUSED: &str = "the change you asked for was refused by a second person.";

pub fn label(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::SignInLocked | NoticeKind::AccountSignInLocked => "Sign-in",
        NoticeKind::InvolvedThroughResearch
        | NoticeKind::InvolvementWithdrawn
        | NoticeKind::ReferralLinked => "Case access",
        NoticeKind::AccessAsked
        | NoticeKind::AccessChanged
        | NoticeKind::AccessRefused
        | NoticeKind::AccessWithdrawn
        | NoticeKind::AccessRequestDecided => "Access",
    }
}

/// The sentence for a notice; `params` carry ids and agency names at most.
pub fn sentence(kind: NoticeKind, params: &serde_json::Value) -> String {
    // The change an access notice is about, as in "Password reset: …".
    let change = || {
        params["change"]
            .as_str()
            .and_then(access_change_label)
            .unwrap_or("Access")
    };
    match kind {
        NoticeKind::SignInLocked => SIGN_IN_LOCKED.to_string(),
        NoticeKind::InvolvedThroughResearch => INVOLVED_THROUGH_RESEARCH.to_string(),
        NoticeKind::InvolvementWithdrawn => INVOLVEMENT_WITHDRAWN.to_string(),
        NoticeKind::ReferralLinked => REFERRAL_LINKED.to_string(),
        // The account by its number (as in the users page's addresses): no name in a notice.
        NoticeKind::AccountSignInLocked => format!(
            "{ACCOUNT_SIGN_IN_LOCKED} user {}.",
            params["user_id"].as_i64().unwrap_or_default()
        ),
        NoticeKind::AccessAsked => format!("{}: {ACCESS_ASKED}", change()),
        NoticeKind::AccessChanged => format!("{}: {ACCESS_CHANGED}", change()),
        NoticeKind::AccessRefused => format!("{}: {ACCESS_REFUSED}", change()),
        NoticeKind::AccessWithdrawn => ACCESS_WITHDRAWN.to_string(),
        NoticeKind::AccessRequestDecided => match params["outcome"].as_str() {
            Some("confirmed") => format!("{}: {REQUEST_CONFIRMED}", change()),
            _ => format!("{}: {REQUEST_REFUSED}", change()),
        },
    }
}

/// What a change of someone's access is called, by the code the users domain stores in a
/// notice (`AccessKind::as_str`); kept here so that notices need not depend on users.
pub fn access_change_label(code: &str) -> Option<&'static str> {
    Some(match code {
        "grant_role" => "New role or agency",
        "enable" => "Re-enable account",
        "reset_password" => "Password reset",
        "reset_totp" => "Two-factor reset",
        "create_account" => "New account",
        _ => return None,
    })
}
