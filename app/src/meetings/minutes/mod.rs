//! Minutes: drafted from the record, reviewed by the members, approved by the chair, then
//! locked (corrections go in dated addenda). Kept as sections so each agency can have an
//! extract of only what concerns it.

pub mod page;
pub mod server_fns;
pub mod types;

#[cfg(feature = "ssr")]
pub mod assemble;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;

pub mod text {
    use crate::i18n::Msg;
    pub const NOT_YET: Msg = Msg("minutes-not-yet");
    pub const LOCKED: Msg = Msg("minutes-locked");
    pub const STALE: Msg = Msg("minutes-stale");
    pub const NOT_DRAFT: Msg = Msg("minutes-not-draft");
    pub const NOT_CIRCULATED: Msg = Msg("minutes-not-circulated");
    pub const OPEN_COMMENTS: Msg = Msg("minutes-open-comments");
    pub const NOT_APPROVED: Msg = Msg("minutes-not-approved");
    pub const REVIEW_CLOSED: Msg = Msg("minutes-review-closed");
    pub const NOT_REVIEWING: Msg = Msg("minutes-not-reviewing");
    pub const BODY_REQUIRED: Msg = Msg("minutes-body-required");
    pub const TOO_LONG: Msg = Msg("minutes-too-long");
    pub const RESOLUTION_INVALID: Msg = Msg("minutes-resolution-invalid");
    pub const UNKNOWN_SECTION: Msg = Msg("minutes-unknown-section");
    pub const DEADLINE_INVALID: Msg = Msg("minutes-deadline-invalid");
    pub const ALREADY_RESOLVED: Msg = Msg("minutes-already-resolved");
    /// Read at the opening of the meeting and written into its minutes.
    pub const CONFIDENTIALITY: Msg = Msg("minutes-confidentiality");
}
