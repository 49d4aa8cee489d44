//! letitcrash: a playground for Erlang/OTP-style processes.
pub mod behavior;
pub mod bench;
pub mod lang;
pub mod repl;
pub mod runtime;
pub mod script;
pub mod supervisor;
pub mod view;
