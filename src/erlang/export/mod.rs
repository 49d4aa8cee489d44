//! Export to Erlang: a definition as the module `erlc` compiles, and a
//! running supervision tree as a `supervisor` callback module.
//!
//! ```text
//! ast::Module --tidy.rs--> the same clauses, with unused variables `_N`
//!             --erlang.rs--> a Doc (doc.rs: groups, nesting, hard lines)
//!             --doc::render--> text at erlfmt's width + a line map
//! ```
//!
//! A definition is already Erlang (`ast` mirrors `erl_parse`): the export
//! adds the module attributes (`-module`, `-export` of every function, as
//! the playground calls any function from outside; `-compile` to keep a
//! local function whose name is an auto-imported BIF of OTP's, as the
//! playground's resolution does), renames what `erlc` would warn about
//! ([`tidy`]), and prints it the way `erlfmt` would. Playground
//! conveniences are already their Erlang translation in the tree (`after
//! 30s` is `after 30000`). Comments are not in the tree, so they are not
//! exported.
//!
//! [`Exported::lines`] maps each output line back to the definition's
//! lines: the BEAM reports an error at a line of the exported file, and
//! the differential tests (tests/otp_programs/) compare it with the line
//! the playground reports.

pub mod app;
mod bits;
mod doc;
pub mod elixir;
#[cfg(test)]
mod elixir_tests;
pub mod erlang;
pub mod mix;
pub mod sup;
mod tidy;

use crate::erlang::ast::Module;
use std::collections::BTreeSet;

/// An exported module.
#[derive(Clone, Debug)]
pub struct Exported {
    pub text: String,
    /// For output line `n` (index `n - 1`), the lines of the definition
    /// whose nodes start on it (empty for attributes and blank lines).
    pub lines: Vec<BTreeSet<u32>>,
}

impl Exported {
    /// The definition's lines that output line `line` shows.
    pub fn source_lines(&self, line: u32) -> &BTreeSet<u32> {
        static NONE: BTreeSet<u32> = BTreeSet::new();
        (line as usize)
            .checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .unwrap_or(&NONE)
    }
}

/// The Erlang module for a definition.
pub fn module(module: &Module) -> Exported {
    let module = tidy::tidy(module);
    let mut parts = vec![
        doc::text(format!("-module({}).", erlang::atom(&module.name))),
        doc::Doc::HardLine,
    ];
    // The attributes read and kept (`-behaviour`, `-spec`, ...), then the
    // exports and imports.
    for kept in &module.attributes.kept {
        parts.push(doc::text(kept.clone()));
        parts.push(doc::Doc::HardLine);
    }
    parts.push(export_attribute(&module));
    parts.push(doc::Doc::HardLine);
    for (from, functions) in imports_by_module(&module.attributes.imports) {
        parts.push(doc::text(format!(
            "-import({}, [{}]).",
            erlang::atom(&from),
            functions.join(", ")
        )));
        parts.push(doc::Doc::HardLine);
    }
    let clashes: Vec<String> = module
        .functions
        .iter()
        .filter(|f| is_otp_auto_imported(&f.name, f.arity))
        .map(|f| format!("{}/{}", erlang::atom(&f.name), f.arity))
        .collect();
    if !clashes.is_empty() {
        parts.push(doc::text(format!(
            "-compile({{no_auto_import, [{}]}}).",
            clashes.join(", ")
        )));
        parts.push(doc::Doc::HardLine);
    }
    for function in &module.functions {
        parts.push(doc::Doc::HardLine);
        parts.push(erlang::function(function));
        parts.push(doc::Doc::HardLine);
    }
    let (text, lines) = doc::render(&doc::concat(parts), erlang::WIDTH);
    Exported { text, lines }
}

/// `-import(M, [f/1]).` lines: the imports of each module together.
fn imports_by_module(imports: &[(String, String, usize)]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (from, name, arity) in imports {
        let function = format!("{}/{arity}", erlang::atom(name));
        match out.iter_mut().find(|(m, _)| m == from) {
            Some((_, functions)) => functions.push(function),
            None => out.push((from.clone(), vec![function])),
        }
    }
    out
}

/// `-export([f/1, g/2]).` (what the module's `-export` lists, or every
/// function of a `def`), or one name per line (arities of one name
/// together) when it does not fit, as erlfmt keeps them.
fn export_attribute(module: &Module) -> doc::Doc {
    let exported: Vec<(String, usize)> = match &module.attributes.exports {
        Some(exports) => exports.iter().map(|(n, a, _)| (n.clone(), *a)).collect(),
        None => module
            .functions
            .iter()
            .map(|f| (f.name.clone(), f.arity))
            .collect(),
    };
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (name, arity) in exported {
        match groups.iter_mut().find(|(n, _)| *n == name) {
            Some((_, arities)) => arities.push(arity),
            None => groups.push((name, vec![arity])),
        }
    }
    let names: Vec<String> = groups
        .iter()
        .map(|(name, arities)| {
            arities
                .iter()
                .map(|a| format!("{}/{a}", erlang::atom(name)))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    let flat = format!("-export([{}]).", names.join(", "));
    if flat.chars().count() <= erlang::WIDTH {
        return doc::text(flat);
    }
    doc::concat([
        doc::text("-export(["),
        doc::nest(
            4,
            doc::concat([
                doc::Doc::HardLine,
                doc::join(
                    names.into_iter().map(doc::text),
                    doc::concat([doc::text(","), doc::Doc::HardLine]),
                ),
            ]),
        ),
        doc::Doc::HardLine,
        doc::text("])."),
    ])
}

/// OTP 25's auto-imported BIFs (`erl_internal:bif/2`): a module defining
/// one of these needs `-compile({no_auto_import, [...]})` for its local
/// calls to mean its own function.
fn is_otp_auto_imported(name: &str, arity: usize) -> bool {
    const BIFS: &[(&str, usize)] = &[
        ("abs", 1),
        ("apply", 2),
        ("apply", 3),
        ("atom_to_binary", 1),
        ("atom_to_binary", 2),
        ("atom_to_list", 1),
        ("binary_part", 2),
        ("binary_part", 3),
        ("binary_to_atom", 1),
        ("binary_to_atom", 2),
        ("binary_to_existing_atom", 1),
        ("binary_to_existing_atom", 2),
        ("binary_to_float", 1),
        ("binary_to_integer", 1),
        ("binary_to_integer", 2),
        ("binary_to_list", 1),
        ("binary_to_list", 3),
        ("binary_to_term", 1),
        ("binary_to_term", 2),
        ("bit_size", 1),
        ("bitstring_to_list", 1),
        ("byte_size", 1),
        ("ceil", 1),
        ("check_old_code", 1),
        ("check_process_code", 2),
        ("check_process_code", 3),
        ("date", 0),
        ("delete_module", 1),
        ("demonitor", 1),
        ("demonitor", 2),
        ("disconnect_node", 1),
        ("element", 2),
        ("erase", 0),
        ("erase", 1),
        ("error", 1),
        ("error", 2),
        ("error", 3),
        ("exit", 1),
        ("exit", 2),
        ("float", 1),
        ("float_to_binary", 1),
        ("float_to_binary", 2),
        ("float_to_list", 1),
        ("float_to_list", 2),
        ("floor", 1),
        ("garbage_collect", 0),
        ("garbage_collect", 1),
        ("garbage_collect", 2),
        ("get", 0),
        ("get", 1),
        ("get_keys", 0),
        ("get_keys", 1),
        ("group_leader", 0),
        ("group_leader", 2),
        ("halt", 0),
        ("halt", 1),
        ("halt", 2),
        ("hd", 1),
        ("integer_to_binary", 1),
        ("integer_to_binary", 2),
        ("integer_to_list", 1),
        ("integer_to_list", 2),
        ("iolist_size", 1),
        ("iolist_to_binary", 1),
        ("is_alive", 0),
        ("is_atom", 1),
        ("is_binary", 1),
        ("is_bitstring", 1),
        ("is_boolean", 1),
        ("is_float", 1),
        ("is_function", 1),
        ("is_function", 2),
        ("is_integer", 1),
        ("is_list", 1),
        ("is_map", 1),
        ("is_map_key", 2),
        ("is_number", 1),
        ("is_pid", 1),
        ("is_port", 1),
        ("is_process_alive", 1),
        ("is_record", 2),
        ("is_record", 3),
        ("is_reference", 1),
        ("is_tuple", 1),
        ("length", 1),
        ("link", 1),
        ("list_to_atom", 1),
        ("list_to_binary", 1),
        ("list_to_bitstring", 1),
        ("list_to_existing_atom", 1),
        ("list_to_float", 1),
        ("list_to_integer", 1),
        ("list_to_integer", 2),
        ("list_to_pid", 1),
        ("list_to_port", 1),
        ("list_to_ref", 1),
        ("list_to_tuple", 1),
        ("load_module", 2),
        ("make_ref", 0),
        ("map_get", 2),
        ("map_size", 1),
        ("max", 2),
        ("min", 2),
        ("module_loaded", 1),
        ("monitor", 2),
        ("monitor", 3),
        ("monitor_node", 2),
        ("node", 0),
        ("node", 1),
        ("nodes", 0),
        ("nodes", 1),
        ("now", 0),
        ("open_port", 2),
        ("pid_to_list", 1),
        ("port_close", 1),
        ("port_command", 2),
        ("port_command", 3),
        ("port_connect", 2),
        ("port_control", 3),
        ("port_to_list", 1),
        ("pre_loaded", 0),
        ("process_flag", 2),
        ("process_flag", 3),
        ("process_info", 1),
        ("process_info", 2),
        ("processes", 0),
        ("purge_module", 1),
        ("put", 2),
        ("ref_to_list", 1),
        ("register", 2),
        ("registered", 0),
        ("round", 1),
        ("self", 0),
        ("setelement", 3),
        ("size", 1),
        ("spawn", 1),
        ("spawn", 2),
        ("spawn", 3),
        ("spawn", 4),
        ("spawn_link", 1),
        ("spawn_link", 2),
        ("spawn_link", 3),
        ("spawn_link", 4),
        ("spawn_monitor", 1),
        ("spawn_monitor", 2),
        ("spawn_monitor", 3),
        ("spawn_monitor", 4),
        ("spawn_opt", 2),
        ("spawn_opt", 3),
        ("spawn_opt", 4),
        ("spawn_opt", 5),
        ("spawn_request", 1),
        ("spawn_request", 2),
        ("spawn_request", 3),
        ("spawn_request", 4),
        ("spawn_request", 5),
        ("spawn_request_abandon", 1),
        ("split_binary", 2),
        ("statistics", 1),
        ("term_to_binary", 1),
        ("term_to_binary", 2),
        ("term_to_iovec", 1),
        ("term_to_iovec", 2),
        ("throw", 1),
        ("time", 0),
        ("tl", 1),
        ("trunc", 1),
        ("tuple_size", 1),
        ("tuple_to_list", 1),
        ("unlink", 1),
        ("unregister", 1),
        ("whereis", 1),
    ];
    BIFS.contains(&(name, arity))
}

#[cfg(test)]
mod tests;
