//! The live meeting: one shared screen over a WebSocket. Every change is committed with a
//! per-meeting sequence number before it is broadcast, so nothing is lost or applied twice.

pub mod forms;
pub mod page;
pub mod protocol;
pub mod server_fns;
pub mod text;
pub mod widgets;

#[cfg(feature = "ssr")]
pub mod agreed;
#[cfg(feature = "ssr")]
pub mod changes;
#[cfg(feature = "hydrate")]
pub mod client;
#[cfg(feature = "ssr")]
pub mod feed;
#[cfg(feature = "ssr")]
pub mod hub;
#[cfg(feature = "ssr")]
pub mod rate;
#[cfg(feature = "ssr")]
pub mod record;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod snapshot;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod sweep;
