//! Words shown to people about signing in and accounts (one place, for translation).

pub const SIGN_IN_FAILED: &str = "The email address or password is not right.";
pub const TOTP_NEEDED: &str = "Enter the 6-digit code from your authenticator app.";
pub const TOTP_WRONG: &str =
    "That code is not right, or it has already been used. Wait for the next code and try again.";
pub const EMAIL_REQUIRED: &str = "Enter your email address.";
pub const PASSWORD_REQUIRED: &str = "Enter your password.";
pub const PASSWORD_TOO_SHORT: &str = "Use at least 12 characters for the password.";
pub const PASSWORD_TOO_LONG: &str = "Use at most 200 characters for the password.";
pub const CURRENT_PASSWORD_WRONG: &str = "Your current password is not right.";
pub const PASSWORD_SAME: &str = "Choose a password different from your current one.";
pub const ROLE_INVALID: &str = "Choose one of the roles in the list.";
pub const TOTP_NOT_STARTED: &str = "Start setting up two-factor sign-in first.";
pub const TOTP_REQUIRED_BY_GROUP: &str =
    "Your group requires two-factor sign-in, so it cannot be turned off.";
pub const MUST_ENROL: &str = "Your group requires two-factor sign-in. Set it up to continue.";
