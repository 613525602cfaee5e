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
