//! The group's settings (stored as key/value rows, read with their defaults).

pub mod pages;
pub mod server_fns;
pub mod types;

#[cfg(feature = "ssr")]
pub mod service;

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
}
