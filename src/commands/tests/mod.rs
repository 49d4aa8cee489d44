//! Tests across the whole front end: every command form of the DESIGN
//! table, scripts, error messages and columns, and a fuzz test that checks
//! nothing panics on arbitrary input.

mod commands;
mod definitions;
mod depth;
mod errors;
mod fuzz;
mod scripts;

use crate::commands::ast::Command;
use crate::commands::parse_line;

/// Parses one line that must be a valid command.
fn cmd(src: &str) -> Command {
    match parse_line(src) {
        Ok(Some(stmt)) => stmt.command,
        Ok(None) => panic!("{src:?} parsed to nothing"),
        Err(e) => panic!("{src:?} failed:\n{}", e.render(None)),
    }
}
