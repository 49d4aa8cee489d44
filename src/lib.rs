//! letitcrash: a playground for Erlang/OTP-style processes.
pub mod behavior;
pub mod runtime;
