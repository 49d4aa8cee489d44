//! Tests of compilation and execution of the process language. Trees are
//! built by hand with [`build`] until the front end's parser is on main;
//! each test quotes the Erlang it stands for.

mod build;
mod support;
mod vm_basics;
mod vm_errors;
mod vm_fuzz;
mod vm_processes;
mod vm_receive;
mod vm_scheduling;
