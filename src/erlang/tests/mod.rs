//! Tests of the process language: the front end (the checker's verdicts
//! with their positions, a fuzz test of parser and checker together) and
//! compilation and execution (`vm_*`, with trees built by hand in
//! [`build`]; each quotes the Erlang it stands for), and hot code reload
//! (`reload_*`, definitions written as text).

mod build;
mod check;
mod fuzz;
mod reload_versions;
mod support;
mod vm_basics;
mod vm_errors;
mod vm_exceptions;
mod vm_fuzz;
mod vm_maps;
mod vm_otp;
mod vm_processes;
mod vm_receive;
mod vm_scheduling;
mod vm_stdlib;
