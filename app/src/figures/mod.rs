//! The group's figures: a case's aggregate fields (never shown in agendas or minutes), the
//! case figures report of a period with the list behind each figure, and the data return.

pub mod codes;
pub mod data_return;
pub mod pages;
pub mod period;
pub mod report;
pub mod server_fns;
pub mod types;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
