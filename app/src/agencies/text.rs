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
pub const NAME: Msg = Msg("agencies-name");
pub const KIND_OF_AGENCY: Msg = Msg("agencies-kind-of-agency");
pub const CONTACT_PERSON: Msg = Msg("agencies-contact-person");
pub const CONTACT_EMAIL: Msg = Msg("agencies-contact-email");
pub const CONTACT_PHONE: Msg = Msg("agencies-contact-phone");
pub const COL_AGENCY: Msg = Msg("agencies-col-agency");
pub const COL_KIND: Msg = Msg("agencies-col-kind");
pub const COL_REPRESENTATIVES: Msg = Msg("agencies-col-representatives");
pub const COL_CONTACT: Msg = Msg("agencies-col-contact");
/// With `$names`.
pub const DEPUTIES: Msg = Msg("agencies-deputies");
pub const NAME_HINT: Msg = Msg("agencies-name-hint");
pub const CHOOSE: Msg = Msg("agencies-choose");
pub const BACK: Msg = Msg("agencies-back");
pub const ADD_SUBMIT: Msg = Msg("agencies-add-submit");
pub const PEOPLE: Msg = Msg("agencies-people");
pub const NOBODY: Msg = Msg("agencies-nobody");
pub const EDIT: Msg = Msg("agencies-edit");
pub const SAVE_CHANGES: Msg = Msg("agencies-save-changes");
pub const STATUS: Msg = Msg("agencies-status");
pub const IS_ACTIVE: Msg = Msg("agencies-is-active");
pub const IS_INACTIVE: Msg = Msg("agencies-is-inactive");
pub const DEACTIVATE: Msg = Msg("agencies-deactivate");
pub const REACTIVATE: Msg = Msg("agencies-reactivate");
