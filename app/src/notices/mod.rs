//! Notices to people that are not about an action: a sign-in lock on their account, an
//! involvement recorded for their agency, a change to their access. Each carries a case
//! reference at most, never personal data, and reads as words from `text`.

pub mod server_fns;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
