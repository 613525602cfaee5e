mod case_page;
pub mod contact;
mod involved;
mod list;
pub mod next_step_form;
pub mod pending;
mod people;
mod referral_form;
pub mod what_was_tried;
pub mod widgets;

pub use case_page::{case_data, CasePage};
pub use list::CasesPage;
pub use referral_form::{NewCasePage, NewReferralPage};
