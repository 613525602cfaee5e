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
    pub const DATE_INVALID: &str = "Enter a date like 2026-03-31.";
    pub const RANGE_BACKWARDS: &str = "The end date must be on or after the start date.";
    pub const LIMIT_INVALID: &str = "Ask for between 1 and 500 entries.";
    pub const TITLE: &str = "Audit log";
    pub const INTRO: &str = "Every change, and every look at case data, is recorded here. Entries cannot be changed or removed, and each is chained to the one before by a hash.";
    pub const EMPTY: &str = "No entries match these filters.";
}
