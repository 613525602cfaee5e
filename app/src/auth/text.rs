//! Words shown to people about signing in and accounts (one place, for translation).

use crate::i18n::Msg;

pub const SIGN_IN_FAILED: Msg = Msg("auth-sign-in-failed");
pub const TOTP_NEEDED: Msg = Msg("auth-totp-needed");
pub const TOTP_WRONG: Msg = Msg("auth-totp-wrong");
pub const EMAIL_REQUIRED: Msg = Msg("auth-email-required");
pub const PASSWORD_REQUIRED: Msg = Msg("auth-password-required");
pub const PASSWORD_TOO_SHORT: Msg = Msg("auth-password-too-short");
pub const PASSWORD_TOO_LONG: Msg = Msg("auth-password-too-long");
pub const CURRENT_PASSWORD_WRONG: Msg = Msg("auth-current-password-wrong");
pub const PASSWORD_SAME: Msg = Msg("auth-password-same");
pub const ROLE_INVALID: Msg = Msg("auth-role-invalid");
pub const TOTP_NOT_STARTED: Msg = Msg("auth-totp-not-started");
pub const TOTP_REQUIRED_BY_GROUP: Msg = Msg("auth-totp-required-by-group");
pub const MUST_ENROL: Msg = Msg("auth-must-enrol");
