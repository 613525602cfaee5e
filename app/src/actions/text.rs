//! Words about actions (one place, for translation).

use crate::i18n::Msg;

pub const KIND_INVALID: Msg = Msg("actions-kind-invalid");
pub const STATUS_INVALID: Msg = Msg("actions-status-invalid");
pub const BARRIER_INVALID: Msg = Msg("actions-barrier-invalid");
pub const CASE_REQUIRED: Msg = Msg("actions-case-required");
pub const MEETING_INVALID: Msg = Msg("actions-meeting-invalid");
pub const AGENCY_REQUIRED: Msg = Msg("actions-agency-required");
pub const PERSON_INVALID: Msg = Msg("actions-person-invalid");
pub const TEXT_REQUIRED: Msg = Msg("actions-text-required");
pub const DUE_INVALID: Msg = Msg("actions-due-invalid");
pub const REASON_REQUIRED: Msg = Msg("actions-reason-required");
pub const BARRIER_REQUIRED: Msg = Msg("actions-barrier-required");
pub const SUPERSEDED_REQUIRED: Msg = Msg("actions-superseded-required");
pub const SUPERSEDED_INVALID: Msg = Msg("actions-superseded-invalid");
pub const DUE_REASON_REQUIRED: Msg = Msg("actions-due-reason-required");
pub const NOTHING_TO_CHANGE: Msg = Msg("actions-nothing-to-change");
pub const WHAT_IS_DIFFERENT: Msg = Msg("actions-what-is-different");
pub const ALREADY_FINAL: Msg = Msg("actions-already-final");
pub const NOT_OWN_AGENCY: Msg = Msg("actions-not-own-agency");
pub const CASE_CLOSED: Msg = Msg("actions-case-closed");
pub const PERSON_NOT_IN_AGENCY: Msg = Msg("actions-person-not-in-agency");
pub const NOT_BROUGHT_BACK: Msg = Msg("actions-not-brought-back");
pub const TOO_LONG: Msg = Msg("actions-too-long");
pub const TEXT_TOO_LONG: Msg = Msg("actions-text-too-long");
pub const NUMBER_INVALID: Msg = Msg("actions-number-invalid");
pub const PERIOD_INVALID: Msg = Msg("actions-period-invalid");
pub const ESCALATION_NOTE: Msg = Msg("actions-escalation-note");
pub const PERPETRATOR_REFUSAL: Msg = Msg("actions-perpetrator-refusal");

// Notifications.
pub const NOTICE_ASSIGNED: Msg = Msg("actions-notice-assigned");
pub const NOTICE_DUE_SOON: Msg = Msg("actions-notice-due-soon");
pub const OVERDUE: Msg = Msg("actions-overdue");
pub const ESCALATED: Msg = Msg("actions-escalated");
pub const ACTION: Msg = Msg("actions-action");

// The CSV export's header row.
pub const CSV_REFERENCE: Msg = Msg("actions-csv-reference");
pub const CSV_AGENCY: Msg = Msg("actions-csv-agency");
pub const CSV_PERSON: Msg = Msg("actions-csv-person");
pub const CSV_KIND: Msg = Msg("actions-csv-kind");
pub const CSV_ACTION: Msg = Msg("actions-csv-action");
pub const CSV_DUE_ON: Msg = Msg("actions-csv-due-on");
pub const CSV_STATUS: Msg = Msg("actions-csv-status");
pub const CSV_OVERDUE: Msg = Msg("actions-csv-overdue");
pub const CSV_CARRIED_OVER: Msg = Msg("actions-csv-carried-over");
pub const CSV_ESCALATED: Msg = Msg("actions-csv-escalated");
pub const CSV_BARRIER: Msg = Msg("actions-csv-barrier");
pub const CSV_BARRIER_DETAIL: Msg = Msg("actions-csv-barrier-detail");
pub const CSV_CREATED_AT: Msg = Msg("actions-csv-created-at");

// The pages.
pub const TITLE: Msg = Msg("actions-title");
pub const INTRO: Msg = Msg("actions-intro");
pub const EMPTY: Msg = Msg("actions-empty");
pub const REPORT_TITLE: Msg = Msg("actions-report-title");
pub const DOWNLOAD_CSV: Msg = Msg("actions-download-csv");
pub const AGENCY: Msg = Msg("actions-agency");
pub const ANY: Msg = Msg("actions-any");
pub const STATUS: Msg = Msg("actions-status");
pub const ONLY_OVERDUE: Msg = Msg("actions-only-overdue");
pub const FILTER: Msg = Msg("actions-filter");
pub const DUE: Msg = Msg("actions-due");
pub const CARRIED_OVER_TIMES: Msg = Msg("actions-carried-over-times");
pub const BARRIER_IS: Msg = Msg("actions-barrier-is");
pub const WHAT_IS_DIFFERENT_LABEL: Msg = Msg("actions-what-is-different-label");
pub const SHOW_HISTORY: Msg = Msg("actions-show-history");
pub const HIDE_HISTORY: Msg = Msg("actions-hide-history");
pub const HISTORY_BECAUSE: Msg = Msg("actions-history-because");
pub const HISTORY_NEW_DUE: Msg = Msg("actions-history-new-due");
pub const UPDATED: Msg = Msg("actions-updated");
pub const UPDATE: Msg = Msg("actions-update");
pub const WHY: Msg = Msg("actions-why");
pub const BARRIER: Msg = Msg("actions-barrier");
pub const NEW_DUE: Msg = Msg("actions-new-due");
pub const NOTE: Msg = Msg("actions-note");
pub const UNCHANGED: Msg = Msg("actions-unchanged");
pub const WHY_WHEN: Msg = Msg("actions-why-when");
pub const IN_THE_WAY: Msg = Msg("actions-in-the-way");
pub const FOR_NOT_DONE: Msg = Msg("actions-for-not-done");
pub const BARRIER_IN_WORDS: Msg = Msg("actions-barrier-in-words");
pub const IN_WORDS_OPTIONAL: Msg = Msg("actions-in-words-optional");
pub const SAVE_UPDATE: Msg = Msg("actions-save-update");
pub const KIND: Msg = Msg("actions-kind");
pub const TO_BE_DONE: Msg = Msg("actions-to-be-done");
pub const DUE_BY: Msg = Msg("actions-due-by");
pub const PERSON: Msg = Msg("actions-person");
pub const AGREE_TITLE: Msg = Msg("actions-agree-title");
pub const AGREED_FOR: Msg = Msg("actions-agreed-for");
pub const CHOOSE: Msg = Msg("actions-choose");
pub const NOBODY: Msg = Msg("actions-nobody");
pub const DIFFERENT_HINT: Msg = Msg("actions-different-hint");
pub const AGREE: Msg = Msg("actions-agree");

// The report.
pub const FROM: Msg = Msg("actions-report-from");
pub const TO: Msg = Msg("actions-report-to");
pub const SHOW: Msg = Msg("actions-report-show");
pub const COMPLETION: Msg = Msg("actions-report-completion");
pub const DONE_OF_DUE: Msg = Msg("actions-report-done-of-due");
pub const MEDIAN: Msg = Msg("actions-report-median");
pub const DAYS: Msg = Msg("actions-report-days");
pub const ESCALATED_CARD: Msg = Msg("actions-report-escalated");
pub const BY_AGENCY: Msg = Msg("actions-report-by-agency");
pub const COL_DUE: Msg = Msg("actions-report-col-due");
pub const COL_DONE: Msg = Msg("actions-report-col-done");
pub const COL_OVERDUE: Msg = Msg("actions-report-col-overdue");
pub const CARRIED_OVER: Msg = Msg("actions-report-carried-over");
pub const CARRIED: Msg = Msg("actions-report-carried");
pub const ESCALATIONS: Msg = Msg("actions-report-escalations");
pub const NONE: Msg = Msg("actions-report-none");
pub const COL_CASE: Msg = Msg("actions-report-col-case");
pub const COL_REASONS: Msg = Msg("actions-report-col-reasons");
pub const BARRIER_REGISTER: Msg = Msg("actions-report-barrier-register");
pub const NO_BARRIERS: Msg = Msg("actions-report-no-barriers");
pub const COL_MONTH: Msg = Msg("actions-report-col-month");
pub const COL_COUNT: Msg = Msg("actions-report-col-count");
pub const COL_IN_WORDS: Msg = Msg("actions-report-col-in-words");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn ro() -> Lang {
        Lang::parse("ro").unwrap()
    }

    #[test]
    fn counts_of_actions_take_their_romanian_plural_forms() {
        let carried = |count: i64, times: i64| {
            CARRIED.with_in(ro(), &[("count", count.into()), ("times", times.into())])
        };
        assert_eq!(carried(1, 1), "1 acțiune reportată o dată");
        assert_eq!(carried(3, 2), "3 acțiuni reportate de 2 ori");
        assert_eq!(carried(21, 20), "21 de acțiuni reportate de 20 de ori");
        let en = CARRIED.with_in(
            Lang::english(),
            &[("count", 3i64.into()), ("times", 2i64.into())],
        );
        assert_eq!(en, "3 action(s) carried over 2 time(s)");
        assert_eq!(
            ESCALATION_NOTE.with_in(Lang::english(), &[("count", 3i64.into())]),
            "Escalated: carried over 3 times."
        );
        assert_eq!(
            ESCALATION_NOTE.with_in(ro(), &[("count", 3i64.into())]),
            "Escaladată: reportată de 3 ori."
        );
        assert_eq!(
            DONE_OF_DUE.with_in(ro(), &[("done", 2i64.into()), ("due", 20i64.into())]),
            "2 din 20 de acțiuni cu termen în perioadă au fost realizate"
        );
    }

    #[test]
    fn statuses_read_in_romanian() {
        use crate::actions::types::ActionStatus;
        assert_eq!(ActionStatus::Done.msg().in_lang(ro()), "Realizată");
        assert_eq!(
            ActionStatus::NotDoneAgency.msg().in_lang(ro()),
            "Nerealizată – instituția nu a acționat"
        );
        assert_eq!(ActionStatus::Done.label(), "Done");
    }
}
