//! Same-victim matching without an existence oracle. Whoever may already see the victim's
//! case has a referral added to it at once. Anyone else gets what an unknown victim gets (a
//! new case under a new reference); if the register knew her, that case is held as a pending
//! match until the coordinator or chair links it to the known case (merging the two) or keeps
//! it apart.

pub mod server_fns;
pub mod types;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
