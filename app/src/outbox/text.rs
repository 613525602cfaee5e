//! Words of the outbox: the kinds' names, the emails' frame, the admin's page.

use crate::i18n::Msg;
use crate::notices::types::NoticeKind;

pub const UNKNOWN_KIND: Msg = Msg("outbox-unknown-kind");
pub const UNKNOWN_DELIVERY: Msg = Msg("outbox-unknown-delivery");
pub const MANDATORY: Msg = Msg("outbox-mandatory");

pub const MAIL_HELLO: Msg = Msg("outbox-mail-hello");
/// With `$reference`.
pub const MAIL_CASE: Msg = Msg("outbox-mail-case");
pub const MAIL_OPEN: Msg = Msg("outbox-mail-open");
pub const MAIL_NO_DETAILS: Msg = Msg("outbox-mail-no-details");
pub const MAIL_WHY: Msg = Msg("outbox-mail-why");
/// With `$count`.
pub const DIGEST_SUBJECT: Msg = Msg("outbox-digest-subject");
pub const DIGEST_INTRO: Msg = Msg("outbox-digest-intro");

pub const PAGE_TITLE: Msg = Msg("outbox-page-title");
pub const PAGE_INTRO: Msg = Msg("outbox-page-intro");
pub const NO_SERVER: Msg = Msg("outbox-no-server");
pub const FILTER_STATE: Msg = Msg("outbox-filter-state");
pub const FILTER_ALL: Msg = Msg("outbox-filter-all");
pub const FILTER: Msg = Msg("outbox-filter");
pub const COL_WHEN: Msg = Msg("outbox-col-when");
pub const COL_KIND: Msg = Msg("outbox-col-kind");
pub const COL_TO: Msg = Msg("outbox-col-to");
pub const COL_ABOUT: Msg = Msg("outbox-col-about");
pub const COL_STATE: Msg = Msg("outbox-col-state");
pub const COL_ERROR: Msg = Msg("outbox-col-error");
pub const RETRY: Msg = Msg("outbox-retry");
pub const NOT_RETRYABLE: Msg = Msg("outbox-not-retryable");
pub const RETRIED: Msg = Msg("outbox-retried");
pub const EMPTY: Msg = Msg("outbox-empty");
/// With `$user`.
pub const USER: Msg = Msg("outbox-user");

pub const PREFS_TITLE: Msg = Msg("outbox-prefs-title");
pub const PREFS_INTRO: Msg = Msg("outbox-prefs-intro");
pub const PREFS_KIND: Msg = Msg("outbox-prefs-kind");
pub const PREFS_HOW: Msg = Msg("outbox-prefs-how");
pub const PREFS_MANDATORY: Msg = Msg("outbox-prefs-mandatory");
pub const PREFS_SAVE: Msg = Msg("outbox-prefs-save");
pub const PREFS_SAVED: Msg = Msg("outbox-prefs-saved");

/// What a kind is called (the preferences' rows, the email's subject).
pub fn kind_label(kind: NoticeKind) -> &'static str {
    use NoticeKind::*;
    Msg(match kind {
        AgendaPublished => "outbox-kind-agenda-published",
        ResearchDue => "outbox-kind-research-due",
        ResearchReminder => "outbox-kind-research-reminder",
        ActionAssigned => "outbox-kind-action-assigned",
        ActionDueSoon => "outbox-kind-action-due-soon",
        ActionDueTomorrow => "outbox-kind-action-due-tomorrow",
        ActionOverdue => "outbox-kind-action-overdue",
        ActionEscalated => "outbox-kind-action-escalated",
        MinutesCirculated => "outbox-kind-minutes-circulated",
        MinutesDeadline => "outbox-kind-minutes-deadline",
        MinutesApproved => "outbox-kind-minutes-approved",
        MeetingMoved => "outbox-kind-meeting-moved",
        MeetingCancelled => "outbox-kind-meeting-cancelled",
        ReferralMatchPending => "outbox-kind-referral-match-pending",
        AccessAwaitingDecision => "outbox-kind-access-awaiting-decision",
        CaseManagerAssigned => "outbox-kind-case-manager-assigned",
        CaseResponsibleAssigned => "outbox-kind-case-responsible-assigned",
        CaseDeadlineTomorrow => "outbox-kind-case-deadline-tomorrow",
        CaseReviewPlaced => "outbox-kind-case-review-placed",
        _ => "outbox-kind-other",
    })
    .as_str()
}

/// A failure's code in words (`worker` and `mailer` write the codes).
pub fn failure(code: &str) -> String {
    if let Some(smtp) = code.strip_prefix("refused:") {
        return Msg("outbox-failure-refused").with(&[("code", smtp.to_string().into())]);
    }
    Msg(match code {
        "unreachable" => "outbox-failure-unreachable",
        "timeout" => "outbox-failure-timeout",
        "invalid_address" => "outbox-failure-invalid-address",
        "interrupted" => "outbox-failure-interrupted",
        "no_server" => "outbox-failure-no-server",
        _ => "outbox-failure-other",
    })
    .text()
}
