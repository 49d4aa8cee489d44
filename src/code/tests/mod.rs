//! Tests of the front end as a whole: the checker's verdicts with their
//! positions, and a fuzz test of parser and checker together.

mod check;
mod fuzz;
