//! Tests across the whole front end.
