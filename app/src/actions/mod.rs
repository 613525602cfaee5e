//! Actions and the follow-up loop: nothing agreed is forgotten, every "not done" says why,
//! and barriers that keep coming back are seen.

pub mod guard;
pub mod pages;
pub mod server_fns;
pub mod text;
pub mod types;

pub mod csv;
#[cfg(feature = "ssr")]
pub mod follow_up_store;
#[cfg(feature = "ssr")]
pub use follow_up_store as follow_up;
#[cfg(feature = "ssr")]
pub mod outcome;
#[cfg(feature = "ssr")]
pub mod reminders;
#[cfg(feature = "ssr")]
pub mod reports;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "ssr")]
pub use outcome::{record_outcome, OutcomeInput};

pub fn notification_label(kind: &str) -> &'static str {
    match kind {
        "assigned" => text::NOTICE_ASSIGNED,
        "due_soon" => text::NOTICE_DUE_SOON,
        "overdue" => text::OVERDUE,
        "escalated" => text::ESCALATED,
        _ => text::ACTION,
    }
    .as_str()
}
