pub mod agenda;
mod attendance;
mod list;
mod reschedule;
mod research;
pub mod widgets;

pub use agenda::MeetingPage;
pub use attendance::AttendancePage;
pub use list::MeetingsPage;
pub use research::ResearchPage;
pub use widgets::{Marking, MeetingNav};
