//! Words about user accounts (one place, for translation).

pub const EMAIL_TAKEN: &str = "An account with this email address already exists.";
pub const NAME_REQUIRED: &str = "Enter the person's full name.";
pub const NAME_TOO_LONG: &str = "Use at most 120 characters for the name.";
pub const AGENCY_REQUIRED_FOR_MEMBER: &str = "A member represents an agency: choose one.";
pub const AGENCY_UNKNOWN: &str = "Choose an active agency from the list.";
pub const ACTIVE_INVALID: &str = "Choose whether the account is active.";
pub const CANNOT_DISABLE_SELF: &str = "You cannot deactivate your own account.";
pub const CANNOT_CHANGE_OWN_ROLE: &str = "You cannot change your own role.";
pub const TITLE: &str = "Users";
pub const INTRO: &str =
    "The people who can sign in to Convene, their role and the agency they represent.";
pub const ADD: &str = "Add a user";
pub const SAVED: &str = "Saved.";
pub const CREATED_WITH_PASSWORD: &str =
    "Account created. Give this first password to the person in a safe way; it is shown only once:";
pub const CREATED: &str = "Account created.";
pub const EMPTY: &str = "No users yet.";
