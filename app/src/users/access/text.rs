//! Words of access requests (one place, for translation).

use super::types::{AccessKind, AccessState};

pub const PENDING_TITLE: &str = "Access changes waiting for a second person";
pub const PENDING_INTRO: &str =
    "Nobody alone gives someone access to case data: each of these was asked by one person and takes effect only when another confirms it.";
pub const NONE_PENDING: &str = "No access change is waiting.";
pub const CONFIRM: &str = "Confirm";
pub const REFUSE: &str = "Refuse";
pub const WITHDRAW: &str = "Withdraw";
pub const CONFIRMED_WITH_PASSWORD: &str =
    "Confirmed. Give this one-time password to the person in a safe way; it is shown only once:";
pub const CONFIRMED: &str = "Confirmed.";
pub const ASKED: &str =
    "This change lets the person read case data, so it waits until a second person confirms it.";
pub const NOT_PENDING: &str = "This request has already been decided or withdrawn.";
pub const ALREADY_PENDING: &str =
    "A change to this person's access is already waiting for a second person: it must be decided or withdrawn first.";
pub const RESET_OWN: &str = "Change your own password or two-factor sign-in on your account page.";
pub const PASSWORD_NEEDS_REQUEST: &str =
    "This person reads case data: ask for a password reset instead, which a second person confirms.";
pub const FIRST_PASSWORD_NEEDS_REQUEST: &str =
    "This person will read case data: leave the password empty. It is made when a second person confirms the account.";
pub const RESET_TITLE: &str = "Reset sign-in";
pub const RESET_INTRO: &str = "This person reads case data, so a reset waits for a second person. Once confirmed, the person is signed out everywhere; a new password is shown to whoever confirms.";
pub const ASK_PASSWORD_RESET: &str = "Ask for a password reset";
pub const ASK_TOTP_RESET: &str = "Ask for a two-factor reset";
pub const TOTP_OFF_TITLE: &str = "Two-factor sign-in";
pub const TOTP_OFF_INTRO: &str = "If the person has lost their authenticator, turn two-factor sign-in off: they are signed out everywhere and set it up again from their account page.";
pub const TOTP_OFF: &str = "Turn off two-factor sign-in";
pub const TOTP_TURNED_OFF: &str =
    "Two-factor sign-in is off. The person has been signed out everywhere.";
pub const AWAITING: &str = "Awaiting confirmation";
pub const AGENCY_GONE: &str = "The agency of this request is no longer active.";
pub const ACCOUNT_GONE: &str = "The account of this request no longer exists.";

pub fn kind_label(k: AccessKind) -> &'static str {
    crate::notices::text::access_change_label(k.as_str()).unwrap_or_default()
}

pub fn state_label(s: AccessState) -> &'static str {
    match s {
        AccessState::Pending => "Waiting",
        AccessState::Confirmed => "Confirmed",
        AccessState::Refused => "Refused",
        AccessState::Withdrawn => "Withdrawn",
    }
}
