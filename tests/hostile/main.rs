//! The hostile suite: what a room of phones, a slow or malicious client
//! and a careless program do to the tool, each probe turned into a test
//! that asserts the tool survived and went on answering.
//!
//! Loopback only (every server binds 127.0.0.1), and every loop is bounded
//! by a count or a deadline: a tool that stops answering fails a test, it
//! does not hang the run. Timings here are limits on waiting, never
//! measurements: `letitcrash bench` measures.

#[path = "../support/loopback.rs"]
mod loopback;

mod audience_room;
mod child;
mod deep_input;
mod deep_terms;
mod http;
mod runaway;
mod terminal;
mod virtual_time;
