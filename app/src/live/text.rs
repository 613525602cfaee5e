//! The live meeting's words, in one place for translation (app/locales/*/live.ftl).

use crate::i18n::Msg;

pub const KEY_INVALID: Msg = Msg("live-key-invalid");
pub const TOO_LARGE: Msg = Msg("live-too-large");
pub const UNREADABLE: Msg = Msg("live-unreadable");
pub const JOIN_FIRST: Msg = Msg("live-join-first");
pub const ACKNOWLEDGE_FIRST: Msg = Msg("live-acknowledge-first");
pub const NOT_PUBLISHED: Msg = Msg("live-not-published");
pub const NOT_IN_SESSION: Msg = Msg("live-not-in-session");
pub const NO_NEXT: Msg = Msg("live-no-next");
pub const NO_PREVIOUS: Msg = Msg("live-no-previous");
pub const NO_CURRENT: Msg = Msg("live-no-current");
pub const UNKNOWN_ITEM: Msg = Msg("live-unknown-item");
pub const NOT_A_CASE_ITEM: Msg = Msg("live-not-a-case-item");
pub const BODY_REQUIRED: Msg = Msg("live-body-required");
pub const BODY_TOO_LONG: Msg = Msg("live-body-too-long");
pub const SUMMARY_TOO_LONG: Msg = Msg("live-summary-too-long");
pub const SUMMARY_STALE: Msg = Msg("live-summary-stale");
pub const VERSION_INVALID: Msg = Msg("live-version-invalid");
pub use crate::actions::text::NOT_BROUGHT_BACK;

// The page.
pub const TITLE: Msg = Msg("live-title");
pub const MEETING_OF: Msg = Msg("live-meeting-of");
pub const CONNECTING: Msg = Msg("live-connecting");
pub const CONNECTED: Msg = Msg("live-connected");
pub const RECONNECTING: Msg = Msg("live-reconnecting");
pub const CLOSED_TOO_MANY_CHANGES: Msg = Msg("live-closed-too-many-changes");
pub const CLOSED_SIGNED_OUT: Msg = Msg("live-closed-signed-out");
pub const UNSENT: Msg = Msg("live-unsent");
pub const BEFORE_OPENS: Msg = Msg("live-before-opens");
pub const ACKNOWLEDGE: Msg = Msg("live-acknowledge");
pub const BACK_TO_AGENDA: Msg = Msg("live-back-to-agenda");
pub const PROJECTOR: Msg = Msg("live-projector");
pub const LEAVE_PROJECTOR: Msg = Msg("live-leave-projector");
pub const CHAIR_CONTROLS: Msg = Msg("live-chair-controls");
pub const START: Msg = Msg("live-start");
pub const END: Msg = Msg("live-end");
pub const NEXT: Msg = Msg("live-next");
pub const PREVIOUS: Msg = Msg("live-previous");
pub const GO: Msg = Msg("live-go");
pub const TIMER_START: Msg = Msg("live-timer-start");
pub const TIMER_PAUSE: Msg = Msg("live-timer-pause");
pub const CHILDREN_DONE: Msg = Msg("live-children-done");
pub const CHILDREN_DONE_NOTE: Msg = Msg("live-children-done-note");
pub const LEFT_AFTER_CHILDREN: Msg = Msg("live-left-after-children");
pub const NOT_STARTED: Msg = Msg("live-not-started");
pub const ENDED: Msg = Msg("live-ended");
pub const HIDDEN_ITEM: Msg = Msg("live-hidden-item");
pub const PRESENT: Msg = Msg("live-present");
pub const AGENDA: Msg = Msg("live-agenda");
pub const CURRENT_ITEM: Msg = Msg("live-current-item");
pub const MINUTES: Msg = Msg("live-minutes");
pub const USED: Msg = Msg("live-used");
pub const CONTRIBUTIONS: Msg = Msg("live-contributions");
pub const NO_CONTRIBUTIONS: Msg = Msg("live-no-contributions");
pub const CONTRIBUTE_LABEL: Msg = Msg("live-contribute-label");
pub const MARKDOWN_HINT: Msg = Msg("live-markdown-hint");
pub const CONTRIBUTE: Msg = Msg("live-contribute");
pub const SUMMARY: Msg = Msg("live-summary");
pub const DECISIONS: Msg = Msg("live-decisions");
pub const NO_SUMMARY: Msg = Msg("live-no-summary");
pub const LAST_SAVED: Msg = Msg("live-last-saved");
pub const EDIT_SUMMARY: Msg = Msg("live-edit-summary");
pub const SAVE_MINE: Msg = Msg("live-save-mine");
pub const SAVE_SUMMARY: Msg = Msg("live-save-summary");
pub const CANCEL: Msg = Msg("live-cancel");
pub const ACTIONS: Msg = Msg("live-actions");
pub const NO_ACTIONS: Msg = Msg("live-no-actions");
pub const DUE: Msg = Msg("live-due");
pub const AGREE: Msg = Msg("live-agree");
pub const ITEM: Msg = Msg("live-item");
pub const AGENCY: Msg = Msg("live-agency");
pub const CHOOSE_AGENCY: Msg = Msg("live-choose-agency");
pub const PERSON: Msg = Msg("live-person");
pub const KIND: Msg = Msg("live-kind");
pub const ACTION: Msg = Msg("live-action");
pub const DUE_DATE: Msg = Msg("live-due-date");
pub const WHAT_IS_DIFFERENT: Msg = Msg("live-what-is-different");
pub const IF_FAILED_BEFORE: Msg = Msg("live-if-failed-before");
pub const EARLIER: Msg = Msg("live-earlier");
pub const OUTCOME: Msg = Msg("live-outcome");
pub const REASON: Msg = Msg("live-reason");
pub const REASON_WHEN: Msg = Msg("live-reason-when");
pub const IN_THE_WAY: Msg = Msg("live-in-the-way");
pub const CHOOSE: Msg = Msg("live-choose");
pub const RECORD_OUTCOME: Msg = Msg("live-record-outcome");
pub const KEY: Msg = Msg("live-key");
pub const MESSAGE: Msg = Msg("live-message");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_changes_waiting_read_in_romanian_in_their_three_forms() {
        let ro = Lang::parse("ro").unwrap();
        let n = |count: i64| UNSENT.with_in(ro, &[("count", count.into())]);
        assert_eq!(n(1), "1 modificare așteaptă să fie trimisă");
        assert_eq!(n(3), "3 modificări așteaptă să fie trimise");
        assert_eq!(n(25), "25 de modificări așteaptă să fie trimise");
        let en = UNSENT.with_in(Lang::english(), &[("count", 3i64.into())]);
        assert_eq!(en, "3 change(s) waiting to be sent");
    }

    #[test]
    fn the_live_words_read_in_romanian() {
        let ro = Lang::parse("ro").unwrap();
        assert_eq!(TITLE.in_lang(ro), "Ședință în direct");
        assert_eq!(ACTIONS.in_lang(ro), "Acțiuni convenite");
        assert_eq!(
            USED.with_in(ro, &[("minutes", 10i64.into())]),
            "folosite din 10 min"
        );
        assert_eq!(TITLE.in_lang(Lang::english()), "Live meeting");
    }
}
