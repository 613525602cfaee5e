//! Words of access requests (one place, for translation).

use super::types::{AccessKind, AccessState};
use crate::i18n::Msg;

pub const PENDING_TITLE: Msg = Msg("users-access-pending-title");
pub const PENDING_INTRO: Msg = Msg("users-access-pending-intro");
pub const NONE_PENDING: Msg = Msg("users-access-none-pending");
pub const CONFIRM: Msg = Msg("users-access-confirm");
pub const REFUSE: Msg = Msg("users-access-refuse");
pub const WITHDRAW: Msg = Msg("users-access-withdraw");
pub const CONFIRMED_WITH_PASSWORD: Msg = Msg("users-access-confirmed-with-password");
pub const CONFIRMED: Msg = Msg("users-access-confirmed");
pub const ASKED: Msg = Msg("users-access-asked");
pub const NOT_PENDING: Msg = Msg("users-access-not-pending");
pub const ALREADY_PENDING: Msg = Msg("users-access-already-pending");
pub const RESET_OWN: Msg = Msg("users-access-reset-own");
pub const PASSWORD_NEEDS_REQUEST: Msg = Msg("users-access-password-needs-request");
pub const FIRST_PASSWORD_NEEDS_REQUEST: Msg = Msg("users-access-first-password-needs-request");
pub const RESET_TITLE: Msg = Msg("users-access-reset-title");
pub const RESET_INTRO: Msg = Msg("users-access-reset-intro");
pub const ASK_PASSWORD_RESET: Msg = Msg("users-access-ask-password-reset");
pub const ASK_TOTP_RESET: Msg = Msg("users-access-ask-totp-reset");
pub const TOTP_OFF_TITLE: Msg = Msg("users-access-totp-off-title");
pub const TOTP_OFF_INTRO: Msg = Msg("users-access-totp-off-intro");
pub const TOTP_OFF: Msg = Msg("users-access-totp-off");
pub const TOTP_TURNED_OFF: Msg = Msg("users-access-totp-turned-off");
pub const AWAITING: Msg = Msg("users-access-awaiting");
pub const AGENCY_GONE: Msg = Msg("users-access-agency-gone");
pub const ACCOUNT_GONE: Msg = Msg("users-access-account-gone");
/// With `$name`, who asked.
pub const ASKED_BY: Msg = Msg("users-access-asked-by");

pub fn kind_label(k: AccessKind) -> &'static str {
    crate::notices::text::access_change_label(k.as_str()).unwrap_or_default()
}

pub fn state_label(s: AccessState) -> &'static str {
    Msg(match s {
        AccessState::Pending => "users-access-state-pending",
        AccessState::Confirmed => "users-access-state-confirmed",
        AccessState::Refused => "users-access-state-refused",
        AccessState::Withdrawn => "users-access-state-withdrawn",
    })
    .as_str()
}
