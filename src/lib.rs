//! letitcrash: a playground for Erlang/OTP-style processes.
pub mod behavior;
pub mod lang;
pub mod runtime;
pub mod supervisor;
pub mod view;
