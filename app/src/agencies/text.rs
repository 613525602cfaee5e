//! Words about agencies (one place, for translation).

use crate::i18n::Msg;

pub const NAME_REQUIRED: Msg = Msg("agencies-name-required");
pub const NAME_TOO_SHORT: Msg = Msg("agencies-name-too-short");
pub const NAME_TOO_LONG: Msg = Msg("agencies-name-too-long");
pub const NAME_TAKEN: Msg = Msg("agencies-name-taken");
/// An agency id that is unknown or no longer active, wherever one is chosen.
pub const AGENCY_UNKNOWN: Msg = Msg("agencies-agency-unknown");
pub const KIND_INVALID: Msg = Msg("agencies-kind-invalid");
pub const CONTACT_NAME_TOO_LONG: Msg = Msg("agencies-contact-name-too-long");
pub const CHILDREN_ONLY_INVALID: Msg = Msg("agencies-children-only-invalid");
pub const PHONE_INVALID: Msg = Msg("agencies-phone-invalid");
pub const TITLE: Msg = Msg("agencies-title");
pub const INTRO: Msg = Msg("agencies-intro");
pub const ADD: Msg = Msg("agencies-add");
pub const EMPTY: Msg = Msg("agencies-empty");
pub const INACTIVE: Msg = Msg("agencies-inactive");
pub const NO_REPRESENTATIVE: Msg = Msg("agencies-no-representative");
pub const SAVED: Msg = Msg("agencies-saved");
pub const CHILDREN_ONLY: Msg = Msg("agencies-children-only");
pub const CHILDREN_ONLY_HINT: Msg = Msg("agencies-children-only-hint");
pub const REPRESENTATION_INVALID: Msg = Msg("agencies-representation-invalid");
