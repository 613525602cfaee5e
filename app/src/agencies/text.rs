//! Words about agencies (one place, for translation).

pub const NAME_REQUIRED: &str = "Enter the agency's name.";
pub const NAME_TOO_SHORT: &str = "Use at least 2 characters for the name.";
pub const NAME_TOO_LONG: &str = "Use at most 120 characters for the name.";
pub const NAME_TAKEN: &str = "An agency with this name already exists.";
/// An agency id that is unknown or no longer active, wherever one is chosen.
pub const AGENCY_UNKNOWN: &str = "Choose an active agency from the list.";
pub const KIND_INVALID: &str = "Choose the kind of agency from the list.";
pub const CONTACT_NAME_TOO_LONG: &str = "Use at most 120 characters for the contact name.";
pub const CHILDREN_ONLY_INVALID: &str = "Children's services only must be true or false.";
pub const PHONE_INVALID: &str =
    "Enter a phone number using digits, spaces, brackets, dashes and an optional leading +.";
pub const TITLE: &str = "Agencies";
pub const INTRO: &str =
    "The agencies in the group, their contact details and who represents them at meetings.";
pub const ADD: &str = "Add an agency";
pub const EMPTY: &str = "No agencies yet.";
pub const INACTIVE: &str = "Inactive";
pub const NO_REPRESENTATIVE: &str = "No regular representative";
pub const SAVED: &str = "Agency saved.";
pub const CHILDREN_ONLY: &str = "Children's services only";
pub const CHILDREN_ONLY_HINT: &str =
    "Attends only the children's cases and leaves the live meeting at the chair's cut-off.";
pub const REPRESENTATION_INVALID: &str = "Choose regular representative, deputy or neither.";
