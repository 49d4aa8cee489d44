//! letitcrash: a playground for Erlang/OTP-style processes.
pub mod runtime;
pub mod view;
