//! Meetings: the series, each meeting, the agenda built from what the group knows, research
//! returns, attendance and the minutes.

pub mod agenda;
pub mod attendance;
#[cfg(feature = "ssr")]
pub mod attendance_store;
pub mod ics;
pub mod late_research;
pub mod minutes;
pub mod pages;
pub mod reschedule_fns;
pub mod reschedule_types;
pub mod research;
#[cfg(feature = "ssr")]
pub mod research_store;
pub mod server_fns;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod calendar_token;
#[cfg(feature = "ssr")]
pub mod feed;
#[cfg(feature = "ssr")]
pub mod lifecycle;
#[cfg(feature = "ssr")]
pub mod reminders;
#[cfg(feature = "ssr")]
pub mod reminders_store;
#[cfg(feature = "ssr")]
pub mod reschedule;
#[cfg(feature = "ssr")]
pub mod reschedule_store;
#[cfg(feature = "ssr")]
pub mod reschedule_tell;
#[cfg(feature = "ssr")]
pub mod series_job;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
