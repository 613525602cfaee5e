mod account;
mod sign_in;

pub use account::AccountPage;
pub use sign_in::SignInPage;
