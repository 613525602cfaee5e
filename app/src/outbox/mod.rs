//! Telling people between meetings: the durable outbox. A change writes one row per recipient
//! in its own transaction (`service::to_user`, `to_agency`, ...); the worker (`worker`) makes
//! each row an in-app notice and, by the person's preference (`prefs`), an email composed in
//! their language (`compose`) and sent by SMTP (`mailer`). Nothing personal is ever in a row or
//! an email: a case is named by its reference, a meeting by its date.

pub mod server_fns;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod compose;
#[cfg(feature = "ssr")]
pub mod mailer;
#[cfg(feature = "ssr")]
pub mod prefs;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod worker;

pub mod pages;
