//! The `convene` server: configuration, the command line, the HTTP API and start-up.

pub mod api;
pub mod audit_cli;
pub mod cli;
pub mod config;
pub mod http;
pub mod seed;
pub mod startup;
