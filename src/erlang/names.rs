//! The names the process language knows before anything is defined: its
//! reserved words, the BIFs a module may call without a module prefix, the
//! ones allowed in guards, and the modules the runtime provides.
//!
//! One table serves four readers: the checker (a local call to `self/0` is
//! fine, to `loop/2` is not), the compiler (which resolves the same calls),
//! and the REPL's completion and highlighting. The lists mirror OTP 25's
//! `erl_scan` (reserved words) and `erl_internal` (`bif/2`, `guard_bif/2`),
//! cut down to what the playground runs.

/// Erlang's reserved words (`erl_scan:reserved_word/1`). The playground
/// implements some of them; the others are rejected with a clear message
/// rather than taken for atoms, so no accepted program means something
/// else to `erlc`.
pub const RESERVED_WORDS: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "else", "end", "fun", "if", "let", "maybe", "not", "of", "or",
    "orelse", "receive", "rem", "try", "when", "xor",
];

/// The reserved words the playground implements, for highlighting.
pub const KEYWORDS: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case", "div",
    "end", "fun", "if", "not", "of", "or", "orelse", "receive", "rem", "when", "xor",
];

/// Auto-imported BIFs (`erl_internal:bif/2`) the playground provides:
/// callable as `name(...)` from any definition. A definition's own function
/// of the same name and arity would be ambiguous (see `check`).
pub const AUTO_IMPORTED: &[(&str, usize)] = &[
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
    ("binary_to_float", 1),
    ("binary_to_integer", 1),
    ("binary_to_integer", 2),
    ("binary_to_list", 1),
    ("binary_to_list", 3),
    ("bit_size", 1),
    ("bitstring_to_list", 1),
    ("byte_size", 1),
    ("ceil", 1),
    ("demonitor", 1),
    ("demonitor", 2),
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
    ("get", 0),
    ("get", 1),
    ("get_keys", 0),
    ("get_keys", 1),
    ("hd", 1),
    ("integer_to_binary", 1),
    ("integer_to_binary", 2),
    ("integer_to_list", 1),
    ("integer_to_list", 2),
    ("iolist_size", 1),
    ("iolist_to_binary", 1),
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
    ("list_to_float", 1),
    ("list_to_integer", 1),
    ("list_to_integer", 2),
    ("list_to_tuple", 1),
    ("make_ref", 0),
    ("make_tuple", 2),
    ("map_get", 2),
    ("map_size", 1),
    ("max", 2),
    ("min", 2),
    ("monitor", 2),
    ("node", 0),
    ("process_flag", 2),
    ("process_info", 1),
    ("process_info", 2),
    ("put", 2),
    ("register", 2),
    ("round", 1),
    ("self", 0),
    ("setelement", 3),
    ("size", 1),
    ("spawn", 1),
    ("spawn", 3),
    ("spawn_link", 1),
    ("spawn_link", 3),
    ("spawn_monitor", 1),
    ("spawn_monitor", 3),
    ("spawn_opt", 2),
    ("spawn_opt", 4),
    ("split_binary", 2),
    ("throw", 1),
    ("tl", 1),
    ("trunc", 1),
    ("tuple_size", 1),
    ("tuple_to_list", 1),
    ("unlink", 1),
    ("unregister", 1),
    ("whereis", 1),
];

/// BIFs allowed in guards (`erl_internal:guard_bif/2` and the type tests),
/// as `name(...)` or `erlang:name(...)`. OTP 25 has no `min`/`max` here.
pub const GUARD_BIFS: &[(&str, usize)] = &[
    ("abs", 1),
    ("binary_part", 2),
    ("binary_part", 3),
    ("bit_size", 1),
    ("byte_size", 1),
    ("ceil", 1),
    ("element", 2),
    ("float", 1),
    ("floor", 1),
    ("hd", 1),
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
    ("is_record", 2),
    ("is_record", 3),
    ("is_reference", 1),
    ("is_tuple", 1),
    ("length", 1),
    ("map_get", 2),
    ("map_size", 1),
    ("node", 0),
    ("round", 1),
    ("self", 0),
    ("size", 1),
    ("tl", 1),
    ("trunc", 1),
    ("tuple_size", 1),
];

/// Functions of the runtime's own modules (`module:name(...)`), for
/// completion; the compiler decides what exists.
pub const REMOTE_BIFS: &[(&str, &str, usize)] = &[
    ("erlang", "cancel_timer", 1),
    ("erlang", "cancel_timer", 2),
    ("erlang", "phash", 2),
    ("erlang", "phash2", 1),
    ("erlang", "phash2", 2),
    ("erlang", "read_timer", 1),
    ("erlang", "read_timer", 2),
    ("erlang", "send_after", 3),
    ("erlang", "start_timer", 3),
    ("erlang", "system_info", 1),
    ("io", "format", 1),
    ("io", "format", 2),
    ("io", "fwrite", 1),
    ("io", "fwrite", 2),
    ("io_lib", "format", 2),
    ("lists", "foldl", 3),
    ("lists", "map", 2),
    ("lists", "reverse", 1),
    ("lists", "reverse", 2),
    ("lists", "seq", 2),
    ("timer", "sleep", 1),
    ("maps", "filter", 2),
    ("maps", "find", 2),
    ("maps", "fold", 3),
    ("maps", "from_keys", 2),
    ("maps", "from_list", 1),
    ("maps", "get", 2),
    ("maps", "get", 3),
    ("maps", "is_key", 2),
    ("maps", "keys", 1),
    ("maps", "map", 2),
    ("maps", "merge", 2),
    ("maps", "new", 0),
    ("maps", "put", 3),
    ("maps", "remove", 2),
    ("maps", "size", 1),
    ("maps", "take", 2),
    ("maps", "to_list", 1),
    ("maps", "update", 3),
    ("maps", "update_with", 3),
    ("maps", "update_with", 4),
    ("maps", "values", 1),
    ("maps", "with", 2),
    ("maps", "without", 2),
];

/// Modules the runtime provides: no definition may take their names.
pub const RUNTIME_MODULES: &[&str] = &[
    "Elixir.Access",
    "Elixir.Agent",
    "Elixir.Agent.Server",
    "Elixir.ArgumentError",
    "Elixir.ArithmeticError",
    "Elixir.BadArityError",
    "Elixir.BadBooleanError",
    "Elixir.BadFunctionError",
    "Elixir.BadMapError",
    "Elixir.BadStructError",
    "Elixir.CaseClauseError",
    "Elixir.CondClauseError",
    "Elixir.DynamicSupervisor",
    "Elixir.DynamicSupervisor.Default",
    "Elixir.Enum",
    "Elixir.Enum.EmptyError",
    "Elixir.Enum.OutOfBoundsError",
    "Elixir.ErlangError",
    "Elixir.Exception",
    "Elixir.FunctionClauseError",
    "Elixir.Function",
    "Elixir.GenServer",
    "Elixir.IO",
    "Elixir.Integer",
    "Elixir.Kernel",
    "Elixir.KeyError",
    "Elixir.Keyword",
    "Elixir.List",
    "Elixir.List.Chars",
    "Elixir.Map",
    "Elixir.MapSet",
    "Elixir.MatchError",
    "Elixir.Process",
    "Elixir.Protocol.UndefinedError",
    "Elixir.Range",
    "Elixir.RuntimeError",
    "Elixir.String",
    "Elixir.String.Chars",
    "Elixir.Supervisor",
    "Elixir.Supervisor.Default",
    "Elixir.SystemLimitError",
    "Elixir.Task",
    "Elixir.TryClauseError",
    "Elixir.Tuple",
    "Elixir.UndefinedFunctionError",
    "Elixir.WithClauseError",
    "application",
    "calendar",
    "dict",
    "erlang",
    "gb_sets",
    "gb_trees",
    "gen",
    "gen_server",
    "gen_statem",
    "io",
    "io_lib",
    "lists",
    "maps",
    "math",
    "orddict",
    "ordsets",
    "proc_lib",
    "proplists",
    "queue",
    "sets",
    "string",
    "supervisor",
    "sys",
    "timer",
];

pub fn is_auto_imported(name: &str, arity: usize) -> bool {
    AUTO_IMPORTED.contains(&(name, arity))
}

pub fn is_guard_bif(name: &str, arity: usize) -> bool {
    GUARD_BIFS.contains(&(name, arity))
}

pub fn is_reserved_word(word: &str) -> bool {
    RESERVED_WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::erlang::vm::bifs;

    /// The checker accepts what these lists say and the VM runs what its
    /// table has: the two must agree, or a definition passes the checker
    /// and then fails to compile.
    #[test]
    fn every_auto_imported_and_guard_bif_is_one_the_vm_runs() {
        for &(name, arity) in AUTO_IMPORTED {
            assert!(
                bifs::find_auto(name, arity).is_some(),
                "{name}/{arity} is auto-imported but the VM has no such BIF"
            );
        }
        for &(name, arity) in GUARD_BIFS {
            let id = bifs::find("erlang", name, arity)
                .unwrap_or_else(|| panic!("{name}/{arity} is a guard BIF the VM lacks"));
            assert!(
                bifs::get(id).guard,
                "{name}/{arity} must be allowed in guards"
            );
        }
    }
}
