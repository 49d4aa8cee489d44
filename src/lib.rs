//! letitcrash: a playground for Erlang/OTP-style processes.
pub mod lang;
pub mod runtime;
pub mod supervisor;
pub mod view;
