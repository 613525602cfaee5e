//! Words about cases and referrals (one place, for translation).

use crate::i18n::Msg;

pub const VISIBLE_HIGH_RISK: Msg = Msg("cases-visible-high-risk");
pub const PROFESSIONAL_JUDGEMENT: Msg = Msg("cases-professional-judgement");
pub const POTENTIAL_ESCALATION: Msg = Msg("cases-potential-escalation");
pub const REPEAT: Msg = Msg("cases-repeat");

pub const STATUS_INVALID: Msg = Msg("cases-status-invalid");
pub const INFORMED_INVALID: Msg = Msg("cases-informed-invalid");
pub const CONSENT_INVALID: Msg = Msg("cases-consent-invalid");
pub const FIELD_INVALID: Msg = Msg("cases-field-invalid");
pub const NAME_TOO_LONG: Msg = Msg("cases-name-too-long");
pub const REFERRED_ON_INVALID: Msg = Msg("cases-referred-on-invalid");
pub const REFERRED_ON_FUTURE: Msg = Msg("cases-referred-on-future");
pub const REFERRING_AGENCY_REQUIRED: Msg = Msg("cases-referring-agency-required");
pub const OWN_AGENCY_ONLY: Msg = Msg("cases-own-agency-only");
pub const AGENCY_UNKNOWN: Msg = Msg("cases-agency-unknown");
pub const VICTIM_NAME_REQUIRED: Msg = Msg("cases-victim-name-required");
pub const VICTIM_REQUIRED: Msg = Msg("cases-victim-required");
pub const VICTIM_NOT_HERE: Msg = Msg("cases-victim-not-here");
pub const DOB_INVALID: Msg = Msg("cases-dob-invalid");
pub const DOB_FUTURE: Msg = Msg("cases-dob-future");
pub const SAFE_TO_CONTACT_REQUIRED: Msg = Msg("cases-safe-to-contact-required");
pub const CHILD_INITIALS_INVALID: Msg = Msg("cases-child-initials-invalid");
pub const CHILD_AGE_INVALID: Msg = Msg("cases-child-age-invalid");
pub const TOO_MANY_CHILDREN: Msg = Msg("cases-too-many-children");
pub const INCIDENTS_INVALID: Msg = Msg("cases-incidents-invalid");
pub const LAWFUL_BASIS_REQUIRED: Msg = Msg("cases-lawful-basis-required");
pub const NO_CRITERION: Msg = Msg("cases-no-criterion");
pub const DATE_INVALID: Msg = Msg("cases-date-invalid");
pub const DATE_FUTURE: Msg = Msg("cases-date-future");
pub const REASON_REQUIRED: Msg = Msg("cases-reason-required");
pub const REASON_TOO_LONG: Msg = Msg("cases-reason-too-long");
pub const MANAGER_INVALID: Msg = Msg("cases-manager-invalid");
pub const NOTHING_RECORDED: Msg = Msg("cases-nothing-recorded");

pub const DECISION_INVALID: Msg = Msg("cases-decision-invalid");
pub const MATCH_DECIDED: Msg = Msg("cases-match-decided");
pub const NOT_INVOLVED_THROUGH_RESEARCH: Msg = Msg("cases-not-involved-through-research");
/// The answer to every referral that opens a case, known victim or not (no existence oracle).
pub const RECEIVED: Msg = Msg("cases-received");
pub const REPEAT_ON_SUBMIT: Msg = Msg("cases-repeat-on-submit");

pub const LIST_TITLE: Msg = Msg("cases-list-title");
pub const LIST_INTRO: Msg = Msg("cases-list-intro");
pub const LIST_EMPTY: Msg = Msg("cases-list-empty");
pub const REFER: Msg = Msg("cases-refer");
pub const REFER_AGAIN: Msg = Msg("cases-refer-again");
pub const DUE: Msg = Msg("cases-due");
pub const OVERDUE: Msg = Msg("cases-overdue");
pub const DONE: Msg = Msg("cases-done");
pub const INITIAL_ASSESSMENT: Msg = Msg("cases-initial-assessment");
pub const INTERVENTION_PLAN: Msg = Msg("cases-intervention-plan");
pub const SHOW_BECAUSE: Msg = Msg("cases-show-because");
pub const MASKED: Msg = Msg("cases-masked");
pub const CLOSING_REASON_REQUIRED: Msg = Msg("cases-closing-reason-required");
pub const CLOSING_REASON_LONG: Msg = Msg("cases-closing-reason-long");
