//! The group's settings (stored as key/value rows, read with their defaults).

pub mod pages;
pub mod server_fns;
pub mod types;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;

pub mod text {
    pub const TITLE: &str = "Group settings";
    pub const REQUIRE_TOTP: &str = "Require two-factor sign-in for everyone";
    pub const REQUIRE_TOTP_HINT: &str =
        "People who have not set it up yet will be asked to do so the next time they open Convene.";
    pub const SAVED: &str = "Settings saved.";
    pub const ESCALATION: &str = "Incidents in 12 months for \"potential escalation\"";
    pub const ESCALATION_HINT: &str =
        "A referral with at least this many incidents known in the last 12 months meets the potential escalation criterion.";
    pub const ESCALATION_INVALID: &str = "Enter a whole number from 1 to 50.";
    pub const CASE_MINUTES: &str = "Minutes for each case on the agenda";
    pub const CASE_MINUTES_INVALID: &str = "Enter a whole number of minutes from 1 to 120.";
    pub const RESEARCH_HOURS: &str = "Research returns due (hours before the meeting)";
    pub const RESEARCH_HOURS_INVALID: &str = "Enter a whole number of hours from 0 to 336.";
    pub const CARRY_OVER: &str = "Carry-overs before an action is escalated";
    pub const CARRY_OVER_INVALID: &str = "Enter a whole number from 1 to 12.";
    pub const RETENTION: &str = "Retention";
    pub const RETENTION_CASE: &str =
        "Months a closed case is kept before its personal data is erased";
    pub const RETENTION_CASE_HINT: &str = "Names, dates of birth, contact details and free texts are then erased; the reference, dates, criteria and counts stay for the figures. A case under review or with open actions is never erased.";
    pub const RETENTION_CASE_INVALID: &str =
        "Enter a whole number of months from 12 to 240: a case that comes back within 12 months must still be found as a repeat.";
    pub const RETENTION_AUDIT: &str = "Months audit log entries are kept";
    pub const RETENTION_AUDIT_INVALID: &str = "Enter a whole number of months from 12 to 240.";
    pub const LANGUAGE: &str = "The group's language";
    pub const LANGUAGE_HINT: &str =
        "For people who have not chosen one, and whose browser asks for none that Convene speaks.";
    pub const LANGUAGE_INVALID: &str = "Choose one of the languages in the list.";
    pub const TIME_ZONE: &str = "The group's time zone";
    pub const TIME_ZONE_HINT: &str =
        "Every date and time is entered and shown in it, summer time included.";
    pub const TIME_ZONE_INVALID: &str = "Choose one of the time zones in the list.";
    pub const RETENTION_AUDIT_SHORTER: &str =
        "Keep audit log entries at least as long as closed cases, so every change to a case that is still kept can be traced.";
}
