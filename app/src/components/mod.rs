//! Building blocks shared by every page: the frame, guards, forms and status pages.

pub mod forms;
pub mod language;
pub mod layout;
pub mod page_data;
pub mod status;
pub mod text;

pub use forms::{ErrorSummary, Field, FieldError, SubmitButton};
pub use layout::{Guard, Layout, MeResource};
pub use page_data::page_resource;
pub use status::{Forbidden, NotFound, StatusPage};
