//! Runtime tests, one file per topic. Semantics tests are named after the
//! rule ids of OTP-SEMANTICS.md (`l4_...`, `m2_...`), so a failing test
//! names the rule it breaks.

mod crash;
mod determinism;
mod events;
mod limits;
mod links;
mod monitors;
mod names_and_order;
mod scheduling;
mod support;
mod timers;
