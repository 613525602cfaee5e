//! The group's settings (stored as key/value rows, read with their defaults).

pub mod pages;
pub mod server_fns;
pub mod types;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;

pub mod text {
    use crate::i18n::Msg;

    pub const TITLE: Msg = Msg("settings-title");
    pub const REQUIRE_TOTP: Msg = Msg("settings-require-totp");
    pub const REQUIRE_TOTP_HINT: Msg = Msg("settings-require-totp-hint");
    pub const SAVED: Msg = Msg("settings-saved");
    pub const ESCALATION: Msg = Msg("settings-escalation");
    pub const ESCALATION_HINT: Msg = Msg("settings-escalation-hint");
    pub const ESCALATION_INVALID: Msg = Msg("settings-escalation-invalid");
    pub const CASE_MINUTES: Msg = Msg("settings-case-minutes");
    pub const CASE_MINUTES_INVALID: Msg = Msg("settings-case-minutes-invalid");
    pub const RESEARCH_HOURS: Msg = Msg("settings-research-hours");
    pub const RESEARCH_HOURS_INVALID: Msg = Msg("settings-research-hours-invalid");
    pub const CARRY_OVER: Msg = Msg("settings-carry-over");
    pub const CARRY_OVER_INVALID: Msg = Msg("settings-carry-over-invalid");
    pub const RETENTION: Msg = Msg("settings-retention");
    pub const RETENTION_CASE: Msg = Msg("settings-retention-case");
    pub const RETENTION_CASE_HINT: Msg = Msg("settings-retention-case-hint");
    pub const RETENTION_CASE_INVALID: Msg = Msg("settings-retention-case-invalid");
    pub const RETENTION_AUDIT: Msg = Msg("settings-retention-audit");
    pub const RETENTION_AUDIT_INVALID: Msg = Msg("settings-retention-audit-invalid");
    pub const LANGUAGE: Msg = Msg("settings-language");
    pub const LANGUAGE_HINT: Msg = Msg("settings-language-hint");
    pub const LANGUAGE_INVALID: Msg = Msg("settings-language-invalid");
    pub const TIME_ZONE: Msg = Msg("settings-time-zone");
    pub const TIME_ZONE_HINT: Msg = Msg("settings-time-zone-hint");
    pub const TIME_ZONE_INVALID: Msg = Msg("settings-time-zone-invalid");
    pub const RETENTION_AUDIT_SHORTER: Msg = Msg("settings-retention-audit-shorter");
    pub const SAVE: Msg = Msg("settings-save");
}
