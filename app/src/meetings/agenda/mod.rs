//! The agenda: built in SafeLives order, edited by the coordinator, published to members.

pub mod builder;
pub mod types;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
