//! Words about actions (one place, for translation).

pub const KIND_INVALID: &str = "Choose the kind of action from the list.";
pub const STATUS_INVALID: &str = "Choose a status from the list.";
pub const BARRIER_INVALID: &str = "Choose what kind of barrier stood in the way.";
pub const CASE_REQUIRED: &str = "Choose the case the action is for.";
pub const MEETING_INVALID: &str = "Choose a meeting from the list, or none.";
pub const AGENCY_REQUIRED: &str = "Choose the agency that owns the action.";
pub const PERSON_INVALID: &str = "Choose a person from the owning agency, or nobody.";
pub const TEXT_REQUIRED: &str = "Say what is to be done.";
pub const DUE_INVALID: &str = "Enter the due date like 2027-01-15.";
pub const REASON_REQUIRED: &str = "Say why: the reason is kept with the action's history.";
pub const BARRIER_REQUIRED: &str =
    "Choose the kind of barrier, so that barriers that keep coming back can be seen.";
pub const SUPERSEDED_REQUIRED: &str = "Choose the new action that replaces this one.";
pub const SUPERSEDED_INVALID: &str = "Choose another action on the same case.";
pub const DUE_REASON_REQUIRED: &str = "Say why the due date changes.";
pub const NOTHING_TO_CHANGE: &str = "Choose a new status, a new due date or add a note.";
pub const WHAT_IS_DIFFERENT: &str =
    "An action of this kind for this agency ended not done before on this case. Say what is different this time.";
pub const ALREADY_FINAL: &str = "This action is finished with; agree a new action instead.";
pub const NOT_OWN_AGENCY: &str = "You can update only your own agency's actions.";
pub const CASE_CLOSED: &str = "This case is closed; reopen it before agreeing actions.";
pub const PERSON_NOT_IN_AGENCY: &str = "That person does not belong to the owning agency.";
pub const NOT_BROUGHT_BACK: &str = "That action is not among those brought back to this meeting.";
