//! Supervisor tests, named after the S-rule ids of OTP-SEMANTICS.md.

mod api;
mod nested;
mod restarts;
mod shutdown;
mod simple;
mod support;
mod temporary;
