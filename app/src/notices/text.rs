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
pub const LABEL_MEETINGS: Msg = Msg("notices-label-meetings");
pub const LABEL_RESEARCH: Msg = Msg("notices-label-research");
pub const LABEL_ACTIONS: Msg = Msg("notices-label-actions");
pub const LABEL_MINUTES: Msg = Msg("notices-label-minutes");
pub const LABEL_CASES: Msg = Msg("notices-label-cases");

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
        | NoticeKind::AccessRequestDecided
        | NoticeKind::AccessAwaitingDecision => LABEL_ACCESS,
        NoticeKind::AgendaPublished | NoticeKind::MeetingMoved | NoticeKind::MeetingCancelled => {
            LABEL_MEETINGS
        }
        NoticeKind::ResearchDue | NoticeKind::ResearchReminder => LABEL_RESEARCH,
        NoticeKind::ActionAssigned
        | NoticeKind::ActionDueSoon
        | NoticeKind::ActionDueTomorrow
        | NoticeKind::ActionOverdue
        | NoticeKind::ActionEscalated => LABEL_ACTIONS,
        NoticeKind::MinutesCirculated
        | NoticeKind::MinutesDeadline
        | NoticeKind::MinutesApproved => LABEL_MINUTES,
        NoticeKind::ReferralMatchPending
        | NoticeKind::CaseManagerAssigned
        | NoticeKind::CaseResponsibleAssigned
        | NoticeKind::CaseDeadlineTomorrow
        | NoticeKind::CaseReviewPlaced => LABEL_CASES,
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
        _ => told(kind, params),
    }
}

/// The words of what the outbox tells (app/src/outbox): the same sentence is the in-app notice
/// and the line of the email. Times arrive as unix seconds, RFC 3339 or calendar days.
fn told(kind: NoticeKind, params: &serde_json::Value) -> String {
    let when = |key: &str| when(&params[key]);
    let text = |key: &str| params[key].as_str().unwrap_or_default().to_string();
    let count = |key: &str| params[key].as_i64().unwrap_or_default();
    let m = |msg: Msg, args: &[(&'static str, crate::i18n::Arg)]| msg.with(args);
    match kind {
        NoticeKind::AgendaPublished => m(
            Msg("notices-agenda-published"),
            &[
                ("meeting", when("meeting").into()),
                ("research_due", when("research_due").into()),
            ],
        ),
        NoticeKind::ResearchDue => m(
            Msg("notices-research-due"),
            &[
                ("meeting", when("meeting").into()),
                ("research_due", when("research_due").into()),
            ],
        ),
        NoticeKind::ResearchReminder => m(
            Msg("notices-research-reminder"),
            &[
                ("meeting", when("meeting").into()),
                ("cases", count("cases").into()),
            ],
        ),
        NoticeKind::ActionAssigned => m(
            Msg("notices-action-assigned"),
            &[("due", when("due").into())],
        ),
        NoticeKind::ActionDueSoon => m(
            Msg("notices-action-due-soon"),
            &[("due", when("due").into())],
        ),
        NoticeKind::ActionDueTomorrow => m(
            Msg("notices-action-due-tomorrow"),
            &[("due", when("due").into())],
        ),
        NoticeKind::ActionOverdue => m(
            Msg("notices-action-overdue"),
            &[("due", when("due").into())],
        ),
        NoticeKind::ActionEscalated => Msg("notices-action-escalated").text(),
        NoticeKind::MinutesCirculated => m(
            Msg("notices-minutes-circulated"),
            &[
                ("meeting", when("meeting").into()),
                ("deadline", when("deadline").into()),
            ],
        ),
        NoticeKind::MinutesDeadline => m(
            Msg("notices-minutes-deadline"),
            &[
                ("meeting", when("meeting").into()),
                ("deadline", when("deadline").into()),
            ],
        ),
        NoticeKind::MinutesApproved => m(
            Msg("notices-minutes-approved"),
            &[("meeting", when("meeting").into())],
        ),
        NoticeKind::MeetingMoved => m(
            Msg("notices-meeting-moved"),
            &[
                ("from", when("from").into()),
                ("meeting", when("meeting").into()),
                ("reason", text("reason").into()),
            ],
        ),
        NoticeKind::MeetingCancelled => m(
            Msg("notices-meeting-cancelled"),
            &[
                ("meeting", when("meeting").into()),
                ("reason", text("reason").into()),
            ],
        ),
        NoticeKind::ReferralMatchPending => Msg("notices-referral-match-pending").text(),
        NoticeKind::AccessAwaitingDecision => Msg("notices-access-awaiting-decision").text(),
        NoticeKind::CaseManagerAssigned => Msg("notices-case-manager-assigned").text(),
        NoticeKind::CaseResponsibleAssigned => Msg("notices-case-responsible-assigned").text(),
        NoticeKind::CaseDeadlineTomorrow => {
            let deadline = match params["deadline"].as_str() {
                Some("intervention_plan") => Msg("notices-deadline-intervention-plan"),
                _ => Msg("notices-deadline-initial-assessment"),
            };
            m(
                Msg("notices-case-deadline-tomorrow"),
                &[
                    ("deadline", deadline.text().into()),
                    ("due", when("due").into()),
                ],
            )
        }
        NoticeKind::CaseReviewPlaced => m(
            Msg("notices-case-review-placed"),
            &[("meeting", when("meeting").into())],
        ),
        // The kinds above `told` are worded by `sentence` itself.
        _ => String::new(),
    }
}

/// A time or a day from a notice's parameters, as the reader reads it ("–" when absent).
pub fn when(v: &serde_json::Value) -> String {
    if let Some(secs) = v.as_i64() {
        return crate::time::format_local(secs);
    }
    let s = v.as_str().unwrap_or_default();
    if let Ok(day) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return crate::time::format_day(day);
    }
    match chrono::DateTime::parse_from_rfc3339(s) {
        Ok(t) => crate::time::format_local(t.timestamp()),
        Err(_) => "–".into(),
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
