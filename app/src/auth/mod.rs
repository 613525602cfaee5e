//! Signing in, sessions, two-factor codes and the authorization decision.

pub mod pages;
pub mod password_rules;
pub mod policy;
pub mod server_fns;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod account_limit;
#[cfg(feature = "ssr")]
pub mod case_access;
#[cfg(feature = "ssr")]
pub mod case_access_store;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod throttle;
#[cfg(feature = "ssr")]
pub mod totp;
