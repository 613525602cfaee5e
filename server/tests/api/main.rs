//! API tests: the real application on port 0 with a fresh database per test.

mod actions;
mod agencies;
mod audit;
mod audit_chain;
mod authorization;
mod cases;
mod common;
mod live;
mod live_client;
mod matrix;
mod meetings;
mod minutes;
mod openapi;
mod pages;
mod retention;
mod security;
mod sessions;
mod totp;
mod users;
