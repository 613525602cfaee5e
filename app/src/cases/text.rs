//! Words about cases and referrals (one place, for translation).

pub const VISIBLE_HIGH_RISK: &str = "Visible high risk";
pub const PROFESSIONAL_JUDGEMENT: &str = "Professional judgement";
pub const POTENTIAL_ESCALATION: &str = "Potential escalation";
pub const REPEAT: &str = "Repeat";

pub const STATUS_INVALID: &str = "Choose referred, active, monitoring or closed.";
pub const INFORMED_INVALID: &str = "Say whether the victim was informed of the referral.";
pub const CONSENT_INVALID: &str = "Say whether the victim consented to sharing information.";
pub const FIELD_INVALID: &str = "Choose which restricted detail to show.";
pub const NAME_TOO_LONG: &str = "Use at most 120 characters for the name.";
pub const REFERRED_ON_INVALID: &str = "Enter the date the referral was made, like 2026-03-31.";
pub const REFERRED_ON_FUTURE: &str = "The referral date cannot be in the future.";
pub const REFERRING_AGENCY_REQUIRED: &str = "Choose the agency making the referral.";
pub const OWN_AGENCY_ONLY: &str = "You can refer only on behalf of your own agency.";
pub const AGENCY_UNKNOWN: &str = "Choose an active agency from the list.";
pub const VICTIM_NAME_REQUIRED: &str = "Enter the victim's full name.";
pub const VICTIM_REQUIRED: &str = "Enter the victim's details for a new case.";
pub const VICTIM_NOT_HERE: &str =
    "Leave out the victim's details when referring an existing case again: the case already holds them.";
pub const DOB_INVALID: &str = "Enter the date of birth like 1990-03-31.";
pub const DOB_FUTURE: &str = "The date of birth cannot be in the future.";
pub const SAFE_TO_CONTACT_REQUIRED: &str = "Say whether it is safe to contact the victim.";
pub const CHILD_INITIALS_INVALID: &str = "Enter the child's initials (1 to 4 letters).";
pub const CHILD_AGE_INVALID: &str = "Enter the child's age in years, from 0 to 17.";
pub const TOO_MANY_CHILDREN: &str = "List at most 20 children.";
pub const INCIDENTS_INVALID: &str =
    "Enter how many incidents are known in the last 12 months, as a number (0 if none).";
pub const LAWFUL_BASIS_REQUIRED: &str =
    "Without the victim's consent, say in words on what lawful basis the information is shared.";
pub const NO_CRITERION: &str =
    "This referral meets none of the group's criteria: fewer than 14 \"yes\" answers, no professional judgement reasons, fewer incidents than the threshold in the last 12 months, and no referral of this victim in the last 12 months. If you believe the group should see this case, give your reasons under professional judgement.";
pub const DATE_INVALID: &str = "Enter a date like 2026-03-31.";
pub const DATE_FUTURE: &str = "The date cannot be in the future.";
pub const REASON_REQUIRED: &str = "Say why you need to see this detail. Your reason is recorded.";
pub const REASON_TOO_LONG: &str = "Use at most 500 characters for the reason.";
pub const MANAGER_INVALID: &str = "Choose an active person from the list.";
pub const NOTHING_RECORDED: &str = "Not recorded";

pub const DECISION_INVALID: &str = "Choose confirm (the same person) or reject (another person).";
pub const MATCH_DECIDED: &str = "This match has already been decided.";
pub const NOT_INVOLVED_THROUGH_RESEARCH: &str =
    "Choose an agency that is involved with this case through research.";
/// The answer to every referral that opens a case, known victim or not (no existence oracle).
pub const RECEIVED: &str = "Referral received and the case has been opened. The coordinator checks every referral against the register and links it to a known case if there is one.";
pub const REPEAT_ON_SUBMIT: &str =
    "Earlier referrals of this victim are looked up in the register when you submit.";

pub const LIST_TITLE: &str = "Cases";
pub const LIST_INTRO: &str = "The cases you may see. Cases are named by their reference; names are shown only on the case page, on request.";
pub const LIST_EMPTY: &str = "No cases match.";
pub const REFER: &str = "Refer a case";
pub const REFER_AGAIN: &str = "Add a referral";
pub const DUE: &str = "Due";
pub const OVERDUE: &str = "Overdue";
pub const DONE: &str = "Done";
pub const INITIAL_ASSESSMENT: &str = "Initial assessment (72 hours)";
pub const INTERVENTION_PLAN: &str = "Intervention plan (30 days)";
pub const SHOW_BECAUSE: &str = "Show (reason needed)";
pub const MASKED: &str = "••••••";
pub const CLOSING_REASON_REQUIRED: &str =
    "Say why the case is closed (for example: risk reduced, victim moved away).";
pub const CLOSING_REASON_LONG: &str = "Keep the reason for closing under 2,000 characters.";
