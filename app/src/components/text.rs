//! Words used across pages (one place, for translation).

use crate::i18n::Msg;

pub const APP_NAME: Msg = Msg("common-app-name");
pub const SKIP_LINK: Msg = Msg("common-skip-link");
pub const NAV_HOME: Msg = Msg("common-nav-home");
pub const NAV_CASES: Msg = Msg("common-nav-cases");
pub const NAV_MEETINGS: Msg = Msg("common-nav-meetings");
pub const NAV_ACTIONS: Msg = Msg("common-nav-actions");
pub const NAV_REPORTS: Msg = Msg("common-nav-reports");
pub const NAV_AGENCIES: Msg = Msg("common-nav-agencies");
pub const NAV_USERS: Msg = Msg("common-nav-users");
pub const NAV_AUDIT: Msg = Msg("common-nav-audit");
pub const NAV_SETTINGS: Msg = Msg("common-nav-settings");
pub const NAV_OUTBOX: Msg = Msg("common-nav-outbox");
pub const NAV_ACCOUNT: Msg = Msg("common-nav-account");
pub const SIGN_OUT: Msg = Msg("common-sign-out");
pub const SIGNING_OUT: Msg = Msg("common-signing-out");
pub const LOADING: Msg = Msg("common-loading");
pub const SAVING: Msg = Msg("common-saving");
pub const ERROR_SUMMARY_TITLE: Msg = Msg("common-error-summary-title");
pub const NOT_FOUND_TITLE: Msg = Msg("common-not-found-title");
pub const NOT_FOUND_BODY: Msg = Msg("common-not-found-body");
pub const FORBIDDEN_TITLE: Msg = Msg("common-forbidden-title");
pub const FORBIDDEN_BODY: Msg = Msg("common-forbidden-body");
pub const BACK_HOME: Msg = Msg("common-back-home");
pub const YES: Msg = Msg("common-yes");
pub const NO: Msg = Msg("common-no");
pub const ACTIVE: Msg = Msg("common-active");
pub const INACTIVE: Msg = Msg("common-inactive");
pub const OPTIONAL: Msg = Msg("common-optional");
pub const ERROR_PREFIX: Msg = Msg("common-error-prefix");
pub const NAV_LABEL: Msg = Msg("common-nav-label");
