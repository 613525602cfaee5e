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
    pub const NOT_YET: &str = "The minutes are drafted after the meeting has been held.";
    pub const LOCKED: &str =
        "The minutes are approved and locked. Add a dated addendum for any correction.";
    pub const STALE: &str = "Someone saved the minutes since you opened them. Reload to see their changes, then make yours again.";
    pub const NOT_DRAFT: &str = "The minutes have already been circulated.";
    pub const NOT_CIRCULATED: &str = "Circulate the minutes for review before approving them.";
    pub const OPEN_COMMENTS: &str = "Resolve every comment before the minutes are approved.";
    pub const NOT_APPROVED: &str = "Addenda are added to approved minutes; edit the draft instead.";
    pub const REVIEW_CLOSED: &str = "The review period has ended; ask the coordinator directly.";
    pub const NOT_REVIEWING: &str =
        "Comments are taken while the minutes are circulated for review.";
    pub const BODY_REQUIRED: &str = "Write your comment.";
    pub const TOO_LONG: &str = "Use at most 20,000 characters.";
    pub const RESOLUTION_INVALID: &str = "Choose accepted or declined.";
    pub const UNKNOWN_SECTION: &str = "That section is not in these minutes.";
    pub const DEADLINE_INVALID: &str =
        "Enter the last day for comments, like 2027-01-22, not in the past.";
    pub const ALREADY_RESOLVED: &str = "That comment has already been resolved.";
    pub const CONFIDENTIALITY: &str = "Everyone present was reminded that the information shared is confidential, shared only on a need-to-know basis for the safety of the victims and children, and not to be passed on without the agreement of the agencies concerned.";
}
