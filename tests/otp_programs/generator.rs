//! Random well-typed programs (to come).
