//! The audit log: who did what, when, to which record. Append-only (see the migrations'
//! triggers) and hash-chained (chain.rs), so a row changed behind the server's back is found.

pub mod page;
pub mod server_fns;
pub mod types;

#[cfg(feature = "ssr")]
pub mod chain;
#[cfg(feature = "ssr")]
pub mod chain_store;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;

pub mod text {
    use crate::i18n::Msg;

    pub const DATE_INVALID: Msg = Msg("audit-date-invalid");
    pub const RANGE_BACKWARDS: Msg = Msg("audit-range-backwards");
    pub const LIMIT_INVALID: Msg = Msg("audit-limit-invalid");
    pub const TITLE: Msg = Msg("audit-title");
    pub const INTRO: Msg = Msg("audit-intro");
    pub const EMPTY: Msg = Msg("audit-empty");
    pub const COL_WHEN: Msg = Msg("audit-col-when");
    pub const COL_WHO: Msg = Msg("audit-col-who");
    pub const COL_WHAT: Msg = Msg("audit-col-what");
    pub const COL_RECORD: Msg = Msg("audit-col-record");
    pub const COL_DETAILS: Msg = Msg("audit-col-details");
    pub const OLDER: Msg = Msg("audit-older");
    pub const RECORD_TYPE: Msg = Msg("audit-record-type");
    pub const ACTION: Msg = Msg("audit-action");
    pub const ACTION_PLACEHOLDER: Msg = Msg("audit-action-placeholder");
    pub const FROM: Msg = Msg("audit-from");
    pub const TO: Msg = Msg("audit-to");
    pub const FILTER: Msg = Msg("audit-filter");
}
