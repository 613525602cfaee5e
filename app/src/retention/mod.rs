//! Retention: closed cases lose their personal data after the group's period (the reference,
//! dates, criteria, agency ids and counts stay for the figures), and audit rows are removed
//! after theirs, keeping the hash chain verifiable. Run daily by the server and by
//! `convene purge [--dry-run]`.

pub mod types;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
