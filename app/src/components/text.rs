//! Words used across pages (one place, for translation).

pub const APP_NAME: &str = "Convene";
pub const SKIP_LINK: &str = "Skip to main content";
pub const NAV_HOME: &str = "Home";
pub const NAV_CASES: &str = "Cases";
pub const NAV_MEETINGS: &str = "Meetings";
pub const NAV_ACTIONS: &str = "Actions";
pub const NAV_REPORTS: &str = "Reports";
pub const NAV_AGENCIES: &str = "Agencies";
pub const NAV_USERS: &str = "Users";
pub const NAV_AUDIT: &str = "Audit log";
pub const NAV_SETTINGS: &str = "Settings";
pub const NAV_ACCOUNT: &str = "Your account";
pub const SIGN_OUT: &str = "Sign out";
pub const SIGNING_OUT: &str = "Signing out…";
pub const LOADING: &str = "Loading…";
pub const SAVING: &str = "Saving…";
pub const ERROR_SUMMARY_TITLE: &str = "There is a problem";
pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_BODY: &str =
    "We could not find this page. If you typed the address, check it is correct. If you followed a link, the record may have been removed or you may not have access to it.";
pub const FORBIDDEN_TITLE: &str = "You do not have access to this page";
pub const FORBIDDEN_BODY: &str =
    "Your role does not allow this. If you think you need access, ask your group's coordinator or administrator.";
pub const BACK_HOME: &str = "Go to the home page";
pub const YES: &str = "Yes";
pub const NO: &str = "No";
pub const ACTIVE: &str = "Active";
pub const INACTIVE: &str = "Inactive";
pub const OPTIONAL: &str = "(optional)";
