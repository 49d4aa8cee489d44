//! The term core's own checks beyond each file's unit tests: terms nested
//! a million deep on a small stack (nothing recurses on depth), and terms
//! shared between two threads (the counts are atomic). The BEAM as the
//! oracle for printing, order and arithmetic is `tests/otp_terms.rs`.

mod deep;
mod threads;
