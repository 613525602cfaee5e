//! The live meeting's words, in one place for translation.

pub const KEY_INVALID: &str =
    "Send each change with a key of 1 to 64 letters, digits, dashes or underscores.";
pub const TOO_LARGE: &str = "The message is too large. Shorten the text and send it again.";
pub const UNREADABLE: &str = "The message could not be read as a live meeting message.";
pub const JOIN_FIRST: &str = "Send a join message first.";
pub const ACKNOWLEDGE_FIRST: &str =
    "Acknowledge the confidentiality statement for this meeting before joining it.";
pub const NOT_PUBLISHED: &str = "The meeting opens once its agenda is published.";
pub const NOT_IN_SESSION: &str = "The meeting is not in session.";
pub const NO_NEXT: &str = "This is the last item.";
pub const NO_PREVIOUS: &str = "This is the first item.";
pub const NO_CURRENT: &str = "Move to an item before starting its timer.";
pub const UNKNOWN_ITEM: &str = "That item is not on this agenda.";
pub const NOT_A_CASE_ITEM: &str = "Actions are agreed on a case item.";
pub const BODY_REQUIRED: &str = "Write what your agency knows.";
pub const BODY_TOO_LONG: &str = "Keep a contribution under 4,000 characters.";
pub const SUMMARY_TOO_LONG: &str =
    "Keep the summary and the decisions under 20,000 characters each.";
pub const SUMMARY_STALE: &str =
    "Someone saved a newer version of this summary. It is shown above: merge your text into it and save again.";
pub const VERSION_INVALID: &str = "The version must be 0 or more.";
pub use crate::actions::text::NOT_BROUGHT_BACK;

// The page.
pub const TITLE: &str = "Live meeting";
pub const CONNECTING: &str = "Connecting…";
pub const CONNECTED: &str = "Connected";
pub const RECONNECTING: &str = "Reconnecting…";
pub const CLOSED_TOO_MANY_CHANGES: &str =
    "This screen sent too many changes at once and was disconnected. Reload the page to rejoin.";
pub const CLOSED_SIGNED_OUT: &str = "Your session has ended. Sign in again to rejoin.";
pub const UNSENT: &str = "change(s) waiting to be sent";
pub const START: &str = "Start the meeting";
pub const END: &str = "End the meeting";
pub const NEXT: &str = "Next item";
pub const PREVIOUS: &str = "Previous item";
pub const GO: &str = "Go to this item";
pub const TIMER_START: &str = "Start timer";
pub const TIMER_PAUSE: &str = "Pause timer";
pub const CHILDREN_DONE: &str = "End of the children's cases";
pub const CHILDREN_DONE_NOTE: &str =
    "The children's cases are over. Agencies attending only those may leave.";
pub const LEFT_AFTER_CHILDREN: &str =
    "The children's cases are over. Your agency's part of this meeting has ended; later items are not shown to you.";
pub const NOT_STARTED: &str =
    "The meeting has not started yet. This screen follows the chair when it does.";
pub const ENDED: &str =
    "The meeting has ended. The minutes are drafted from what was recorded here.";
pub const HIDDEN_ITEM: &str = "You are not shown this case: your agency is not involved with it.";
pub const PRESENT: &str = "Connected now";
pub const CONTRIBUTIONS: &str = "What agencies shared";
pub const NO_CONTRIBUTIONS: &str = "Nothing shared yet.";
pub const CONTRIBUTE_LABEL: &str = "What your agency knows";
pub const CONTRIBUTE: &str = "Share";
pub const SUMMARY: &str = "Summary";
pub const DECISIONS: &str = "Decisions";
pub const SAVE_SUMMARY: &str = "Save summary";
pub const ACTIONS: &str = "Actions agreed";
pub const NO_ACTIONS: &str = "No actions agreed yet.";
pub const AGREE: &str = "Agree action";
pub const EARLIER: &str = "Earlier actions not completed";
pub const RECORD_OUTCOME: &str = "Record outcome";
pub const USED: &str = "used of";
