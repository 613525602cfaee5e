//! User accounts and membership of agencies.

pub mod access;
pub mod pages;
pub mod server_fns;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod credentials;
#[cfg(feature = "ssr")]
pub mod preferences;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
