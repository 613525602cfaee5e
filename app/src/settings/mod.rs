//! The group's settings (stored as key/value rows, read with their defaults).

pub mod pages;
pub mod server_fns;
pub mod types;

#[cfg(feature = "ssr")]
pub mod service;

pub mod text {
    pub const TITLE: &str = "Group settings";
    pub const REQUIRE_TOTP: &str = "Require two-factor sign-in for everyone";
    pub const REQUIRE_TOTP_HINT: &str =
        "People who have not set it up yet will be asked to do so the next time they open Convene.";
    pub const SAVED: &str = "Settings saved.";
}
