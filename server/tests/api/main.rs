//! API tests: the real application on port 0 with a fresh database per test.

mod access;
mod actions;
mod agencies;
mod at_rest;
mod audit;
mod audit_chain;
mod authorization;
mod cases;
mod common;
mod crash;
mod doors;
mod live;
mod live_client;
mod matching;
mod matrix;
mod meetings;
mod minutes;
mod need_to_know;
mod openapi;
mod pages;
mod retention;
mod security;
mod sessions;
mod totp;
mod transport;
mod users;
