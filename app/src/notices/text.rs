//! Words of the notices (one place, for translation). A notice is stored as its kind and
//! parameters, and made into words when it is read, in the reader's language.

use super::types::NoticeKind;
use crate::i18n::Msg;

pub const SIGN_IN_LOCKED: Msg = Msg("notices-sign-in-locked");
/// With `$user`, the account's number.
pub const ACCOUNT_SIGN_IN_LOCKED: Msg = Msg("notices-account-sign-in-locked");
pub const INVOLVED_THROUGH_RESEARCH: Msg = Msg("notices-involved-through-research");
pub const INVOLVEMENT_WITHDRAWN: Msg = Msg("notices-involvement-withdrawn");
pub const REFERRAL_LINKED: Msg = Msg("notices-referral-linked");

// With `$change`, what the change is (`access_change_label`).
pub const ACCESS_ASKED: Msg = Msg("notices-access-asked");
pub const ACCESS_CHANGED: Msg = Msg("notices-access-changed");
pub const ACCESS_REFUSED: Msg = Msg("notices-access-refused");
pub const ACCESS_WITHDRAWN: Msg = Msg("notices-access-withdrawn");
pub const REQUEST_CONFIRMED: Msg = Msg("notices-request-confirmed");
pub const REQUEST_REFUSED: Msg = Msg("notices-request-refused");

pub const LABEL_SIGN_IN: Msg = Msg("notices-label-sign-in");
pub const LABEL_CASE_ACCESS: Msg = Msg("notices-label-case-access");
pub const LABEL_ACCESS: Msg = Msg("notices-label-access");

pub fn label(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::SignInLocked | NoticeKind::AccountSignInLocked => LABEL_SIGN_IN,
        NoticeKind::InvolvedThroughResearch
        | NoticeKind::InvolvementWithdrawn
        | NoticeKind::ReferralLinked => LABEL_CASE_ACCESS,
        NoticeKind::AccessAsked
        | NoticeKind::AccessChanged
        | NoticeKind::AccessRefused
        | NoticeKind::AccessWithdrawn
        | NoticeKind::AccessRequestDecided => LABEL_ACCESS,
    }
    .as_str()
}

/// The sentence for a notice, in the current language; `params` carry ids and agency names
/// at most.
pub fn sentence(kind: NoticeKind, params: &serde_json::Value) -> String {
    // The change an access notice is about, as in "Password reset: …".
    let change = |m: Msg| {
        let what = params["change"]
            .as_str()
            .and_then(access_change_label)
            .unwrap_or(LABEL_ACCESS.as_str());
        m.with(&[("change", what.into())])
    };
    match kind {
        NoticeKind::SignInLocked => SIGN_IN_LOCKED.text(),
        NoticeKind::InvolvedThroughResearch => INVOLVED_THROUGH_RESEARCH.text(),
        NoticeKind::InvolvementWithdrawn => INVOLVEMENT_WITHDRAWN.text(),
        NoticeKind::ReferralLinked => REFERRAL_LINKED.text(),
        // The account by its number (as in the users page's addresses): no name in a notice.
        NoticeKind::AccountSignInLocked => ACCOUNT_SIGN_IN_LOCKED.with(&[(
            "user",
            params["user_id"].as_i64().unwrap_or_default().into(),
        )]),
        NoticeKind::AccessAsked => change(ACCESS_ASKED),
        NoticeKind::AccessChanged => change(ACCESS_CHANGED),
        NoticeKind::AccessRefused => change(ACCESS_REFUSED),
        NoticeKind::AccessWithdrawn => ACCESS_WITHDRAWN.text(),
        NoticeKind::AccessRequestDecided => match params["outcome"].as_str() {
            Some("confirmed") => change(REQUEST_CONFIRMED),
            _ => change(REQUEST_REFUSED),
        },
    }
}

/// What a change of someone's access is called, by the code the users domain stores in a
/// notice (`AccessKind::as_str`); kept here so that notices need not depend on users.
pub fn access_change_label(code: &str) -> Option<&'static str> {
    let key = match code {
        "grant_role" => "notices-change-grant-role",
        "enable" => "notices-change-enable",
        "reset_password" => "notices-change-reset-password",
        "reset_totp" => "notices-change-reset-totp",
        "create_account" => "notices-change-create-account",
        _ => return None,
    };
    Some(Msg(key).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn an_access_notice_names_the_change_in_english() {
        let s = sentence(
            NoticeKind::AccessAsked,
            &serde_json::json!({ "change": "reset_password" }),
        );
        assert_eq!(
            s,
            "Password reset: a change to your access was asked for. It takes effect only when a second person confirms it."
        );
        let s = sentence(
            NoticeKind::AccountSignInLocked,
            &serde_json::json!({ "user_id": 1234 }),
        );
        assert!(s.ends_with("The account: user 1234."), "{s}");
    }

    #[test]
    fn the_same_notice_reads_in_romanian_for_a_romanian_reader() {
        let ro = Lang::parse("ro").unwrap();
        let s = ACCESS_CHANGED.with_in(ro, &[("change", "Resetare parolă".into())]);
        assert!(s.starts_with("Resetare parolă: "), "{s}");
        assert!(!s.contains("access"), "{s}");
    }
}
