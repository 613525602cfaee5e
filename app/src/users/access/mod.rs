//! The two-person rule for case readers: a change that would let someone read cases (a
//! case-reading role, a new agency, re-enabling, a password or two-factor reset, a new
//! account) is asked by one person and takes effect only when a second one confirms it.

pub mod pages;
pub mod server_fns;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod reset;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
