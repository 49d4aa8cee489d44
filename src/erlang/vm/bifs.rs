//! The built-in functions (BIFs): `self()`, `spawn`, `element`,
//! `lists:map`, `io:format`, ...
//!
//! One table, [`BIFS`], says for each BIF its module, name and arity,
//! whether it may appear in a guard, and how it runs. The compiler resolves
//! a call to a BIF once (`element(2, T)` and `erlang:element(2, T)` are the
//! same BIF; a local function of the same name and arity wins, as in
//! Erlang), and the instruction carries its [`BifId`].
//!
//! Most BIFs are plain functions of the process and their arguments
//! ([`BifImpl::Pure`]). A few need the interpreter itself
//! ([`BifImpl::Special`]): `exit/1`, `throw/1` and `error/1,2` raise;
//! `timer:sleep/1` waits like a receive that matches nothing; and
//! `lists:map/2`, `lists:foldl/3` call a fun for each element. Those two
//! run *inside* the interpreter, as frames of their own between the calls
//! of the fun, not as Rust loops calling back into it: every call is
//! charged and may be preempted like any other, and a fun that recurses
//! deeply cannot overflow the Rust stack.
//!
//! Reductions: one per BIF, plus one per 16 elements for those whose work
//! grows with their input (`length`, `lists:reverse`, `lists:seq`, and the
//! `++`/`--` operators), roughly as `erts` bumps them.
//!
//! **A call is just two messages.** `gen_server:call(S, Req)` sends
//! `{'$gen_call', {self(), Ref}, Req}` and waits for `{Ref, Reply}`; the
//! playground's shell `call c get` does exactly that (`Process::call`), so a
//! server written in the language answers it with a plain receive and send:
//!
//! ```erlang
//! loop(N) ->
//!     receive
//!         {'$gen_call', {From, Ref}, get} -> From ! {Ref, N}, loop(N)
//!     end.
//! ```

use super::bifs_maps;
use super::errors::Raise;
use super::terms::{self, boolean, exact_eq, list_len};
use crate::runtime::term::arith;
use crate::runtime::{Atom, MIN_HEAP_WORDS, MaxHeapSize, Pid, Process, SpawnOpts, Term};

/// An index into [`BIFS`].
pub type BifId = u16;

pub type PureBif = fn(&Process, &[Term]) -> Result<Term, Raise>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    /// `exit(R)`.
    Exit,
    /// `throw(X)`.
    Throw,
    /// `error(R)`, `error(R, Args)`, `error(R, Args, Options)`.
    Error,
    /// `erlang:raise(Class, Reason, Stacktrace)`.
    Raise,
    /// `timer:sleep(T)`.
    Sleep,
    /// `lists:map(F, L)`.
    Map,
    /// `lists:foldl(F, Acc, L)`.
    Foldl,
    /// `maps:fold/3`, `map/2`, `filter/2`, `update_with/3,4`
    /// (`bifs_maps.rs`).
    Maps(bifs_maps::Walk),
    /// `apply(Fun, Args)`.
    ApplyFun,
    /// `apply(Module, Function, Args)`, and `M:F(Args)` with a variable
    /// module or function, which the parser writes as it.
    ApplyMfa,
}

/// Whether a call of `bif` in tail position gives up the caller's frame
/// (`Op::TailBif`): the BIFs that call code (`apply`, the walks of
/// `lists` and `maps`) and `timer:sleep`, which OTP writes in Erlang or
/// runs as calls; not those that raise, whose frame the stack shows.
pub fn is_tail_callable(bif: BifId) -> bool {
    match get(bif).imp {
        BifImpl::Special(special) => !matches!(
            special,
            Special::Exit | Special::Throw | Special::Error | Special::Raise
        ),
        BifImpl::Pure(_) => false,
    }
}

#[derive(Clone, Copy)]
pub enum BifImpl {
    Pure(PureBif),
    Special(Special),
}

pub struct Bif {
    pub module: &'static str,
    pub name: &'static str,
    pub arity: u8,
    /// Allowed in guards (type tests, `element`, `length`, `self`, ...).
    pub guard: bool,
    /// Callable without `erlang:` (auto-imported).
    pub auto: bool,
    pub imp: BifImpl,
}

pub(super) const fn pure(
    module: &'static str,
    name: &'static str,
    arity: u8,
    guard: bool,
    f: PureBif,
) -> Bif {
    Bif {
        module,
        name,
        arity,
        guard,
        auto: matches!(module.as_bytes(), b"erlang"),
        imp: BifImpl::Pure(f),
    }
}

const fn special(module: &'static str, name: &'static str, arity: u8, s: Special) -> Bif {
    Bif {
        module,
        name,
        arity,
        guard: false,
        auto: matches!(module.as_bytes(), b"erlang"),
        imp: BifImpl::Special(s),
    }
}

/// Every BIF.
pub static BIFS: &[Bif] = &[
    pure("erlang", "self", 0, true, |p, _| Ok(Term::pid(p.pid()))),
    pure("erlang", "node", 0, true, |_, _| {
        Ok(Term::from_atom(Atom::NODE))
    }),
    pure("erlang", "make_ref", 0, false, |p, _| {
        Ok(Term::reference(p.make_ref()))
    }),
    // Type tests.
    pure("erlang", "is_atom", 1, true, |_, a| {
        test(a[0].as_atom().is_some())
    }),
    pure("erlang", "is_integer", 1, true, |_, a| {
        test(a[0].is_integer())
    }),
    pure("erlang", "is_float", 1, true, |_, a| test(a[0].is_float())),
    pure("erlang", "is_number", 1, true, |_, a| {
        test(a[0].is_number())
    }),
    pure("erlang", "is_pid", 1, true, |_, a| {
        test(a[0].as_pid().is_some())
    }),
    pure("erlang", "is_reference", 1, true, |_, a| {
        test(a[0].as_ref().is_some())
    }),
    pure("erlang", "is_tuple", 1, true, |_, a| {
        test(a[0].as_tuple().is_some())
    }),
    pure("erlang", "is_list", 1, true, |_, a| {
        test(terms::is_list(&a[0]))
    }),
    pure("erlang", "is_boolean", 1, true, |_, a| {
        test(terms::as_bool(&a[0]).is_some())
    }),
    pure("erlang", "is_function", 1, true, |_, a| {
        test(a[0].as_fun().is_some())
    }),
    pure("erlang", "is_function", 2, true, is_function_2),
    // Terms.
    pure("erlang", "element", 2, true, element),
    pure("erlang", "setelement", 3, false, setelement),
    pure("erlang", "tuple_size", 1, true, |_, a| {
        match a[0].as_tuple() {
            Some(t) => Ok(Term::int(t.len() as i64)),
            None => Err(Raise::badarg()),
        }
    }),
    pure("erlang", "length", 1, true, |p, a| {
        let n = list_len(&a[0]).ok_or_else(Raise::badarg)?;
        charge_len(p, n);
        Ok(Term::int(n as i64))
    }),
    pure("erlang", "hd", 1, true, |_, a| {
        terms::uncons(&a[0])
            .map(|(h, _)| h)
            .ok_or_else(Raise::badarg)
    }),
    pure("erlang", "tl", 1, true, |_, a| {
        terms::uncons(&a[0])
            .map(|(_, t)| t)
            .ok_or_else(Raise::badarg)
    }),
    pure("erlang", "abs", 1, true, |_, a| {
        arith::abs(&a[0]).map_err(|_| Raise::badarg())
    }),
    pure("erlang", "float", 1, true, |_, a| {
        // An integer too large for a float is badarg, as on the BEAM.
        a[0].to_f64().map(Term::float).ok_or_else(Raise::badarg)
    }),
    pure("erlang", "round", 1, true, |_, a| {
        to_integer(&a[0], f64::round)
    }),
    pure("erlang", "trunc", 1, true, |_, a| {
        to_integer(&a[0], f64::trunc)
    }),
    pure("erlang", "min", 2, false, |_, a| {
        Ok(if terms::compare(&a[1], &a[0]).is_lt() {
            a[1].clone()
        } else {
            a[0].clone()
        })
    }),
    pure("erlang", "max", 2, false, |_, a| {
        Ok(if terms::compare(&a[1], &a[0]).is_gt() {
            a[1].clone()
        } else {
            a[0].clone()
        })
    }),
    pure("erlang", "integer_to_list", 1, false, |_, a| {
        a[0].integer_to_list(10).ok_or_else(Raise::badarg)
    }),
    pure("erlang", "atom_to_list", 1, false, |_, a| {
        match a[0].as_atom() {
            Some(atom) => Ok(Term::atom_to_list(atom)),
            None => Err(Raise::badarg()),
        }
    }),
    pure("erlang", "list_to_atom", 1, false, |_, a| {
        let text = text_of(&a[0]).ok_or_else(Raise::badarg)?;
        // Too long, or the atom table full: `system_limit` (term/atom.rs).
        Atom::try_new(&text)
            .map(Term::from_atom)
            .map_err(|_| Raise::error(Term::from_atom(Atom::SYSTEM_LIMIT)))
    }),
    // Processes.
    pure("erlang", "spawn", 1, false, |p, a| {
        spawn_fun(p, &a[0], false, false)
    }),
    pure("erlang", "spawn_link", 1, false, |p, a| {
        spawn_fun(p, &a[0], true, false)
    }),
    pure("erlang", "spawn_monitor", 1, false, |p, a| {
        spawn_fun(p, &a[0], false, true)
    }),
    pure("erlang", "spawn", 3, false, |p, a| {
        spawn_mfa(p, a, false, false)
    }),
    pure("erlang", "spawn_link", 3, false, |p, a| {
        spawn_mfa(p, a, true, false)
    }),
    pure("erlang", "spawn_monitor", 3, false, |p, a| {
        spawn_mfa(p, a, false, true)
    }),
    pure("erlang", "link", 1, false, |p, a| {
        p.link(pid(&a[0])?).map_err(Raise::error)?;
        Ok(Term::from_atom(Atom::TRUE))
    }),
    pure("erlang", "unlink", 1, false, |p, a| {
        p.unlink(pid(&a[0])?);
        Ok(Term::from_atom(Atom::TRUE))
    }),
    pure("erlang", "monitor", 2, false, monitor),
    pure("erlang", "demonitor", 1, false, |p, a| {
        let r = a[0].as_ref().ok_or_else(Raise::badarg)?;
        p.demonitor(r);
        Ok(Term::from_atom(Atom::TRUE))
    }),
    pure("erlang", "demonitor", 2, false, demonitor_2),
    special("erlang", "exit", 1, Special::Exit),
    pure("erlang", "exit", 2, false, |p, a| {
        let target = pid(&a[0])?;
        p.exit(target, a[1].clone());
        // To itself, the signal is handled before the call returns, as on
        // the BEAM: `kill` (or any reason, not trapping) ends the process
        // here; the reason the signal left is the one its slice ends with.
        if target == p.pid() && p.handle_signals_now() {
            return Err(Raise::exit(a[1].clone()));
        }
        Ok(Term::from_atom(Atom::TRUE))
    }),
    special("erlang", "throw", 1, Special::Throw),
    special("erlang", "apply", 2, Special::ApplyFun),
    special("erlang", "apply", 3, Special::ApplyMfa),
    special("erlang", "error", 1, Special::Error),
    special("erlang", "error", 2, Special::Error),
    special("erlang", "error", 3, Special::Error),
    special("erlang", "raise", 3, Special::Raise),
    pure("erlang", "process_flag", 2, false, process_flag),
    pure("erlang", "register", 2, false, |p, a| {
        let (Some(name), Some(who)) = (a[0].as_atom(), a[1].as_pid()) else {
            return Err(Raise::badarg());
        };
        if name.name() == "undefined" {
            return Err(Raise::badarg());
        }
        p.register_pid(name, who).map_err(|_| Raise::badarg())?;
        Ok(Term::from_atom(Atom::TRUE))
    }),
    pure("erlang", "unregister", 1, false, |p, a| {
        let name = a[0].as_atom().ok_or_else(Raise::badarg)?;
        p.unregister(name).map_err(|_| Raise::badarg())?;
        Ok(Term::from_atom(Atom::TRUE))
    }),
    Bif {
        auto: false,
        ..pure("erlang", "send", 2, false, send)
    },
    Bif {
        auto: false,
        ..pure("erlang", "send", 3, false, |p, a| {
            send(p, &a[..2]).map(|_| Term::atom("ok"))
        })
    },
    pure("erlang", "whereis", 1, false, |p, a| {
        let name = a[0].as_atom().ok_or_else(Raise::badarg)?;
        Ok(p.whereis(name)
            .map_or(Term::from_atom(Atom::UNDEFINED), Term::pid))
    }),
    special("timer", "sleep", 1, Special::Sleep),
    // Lists.
    pure("lists", "reverse", 1, false, |p, a| {
        charge_len(p, list_len(&a[0]).unwrap_or(0));
        terms::reverse(a[0].clone(), Term::NIL).ok_or_else(|| lists_clause("reverse", a, 175))
    }),
    pure("lists", "reverse", 2, false, |p, a| {
        charge_len(p, list_len(&a[0]).unwrap_or(0));
        terms::reverse(a[0].clone(), a[1].clone()).ok_or_else(Raise::badarg)
    }),
    pure("lists", "seq", 2, false, seq),
    special("lists", "map", 2, Special::Map),
    special("lists", "foldl", 3, Special::Foldl),
    // Output.
    pure("io", "format", 1, false, |p, a| {
        format(p, &a[0], &Term::NIL)
    }),
    pure("io", "format", 2, false, |p, a| format(p, &a[0], &a[1])),
    pure("io", "fwrite", 1, false, |p, a| {
        format(p, &a[0], &Term::NIL)
    }),
    pure("io", "fwrite", 2, false, |p, a| format(p, &a[0], &a[1])),
    // The text as a flat list of characters (OTP's is a deep list of the
    // same characters: equal once flattened, and to `~s`).
    pure("io_lib", "format", 2, false, |_, a| {
        let text = super::format::format_text(&a[0], &a[1]).ok_or_else(Raise::badarg)?;
        Ok(Term::string(&text))
    }),
    // Maps (`bifs_maps.rs`).
    pure("erlang", "is_map", 1, true, bifs_maps::is_map),
    pure("erlang", "map_size", 1, true, bifs_maps::map_size),
    pure("erlang", "is_map_key", 2, true, bifs_maps::is_map_key),
    pure("erlang", "map_get", 2, true, bifs_maps::map_get),
    pure("maps", "get", 2, false, bifs_maps::map_get),
    pure("maps", "get", 3, false, bifs_maps::get_3),
    pure("maps", "put", 3, false, bifs_maps::put),
    pure("maps", "update", 3, false, bifs_maps::update),
    pure("maps", "remove", 2, false, bifs_maps::remove),
    pure("maps", "find", 2, false, bifs_maps::find),
    pure("maps", "take", 2, false, bifs_maps::take),
    pure("maps", "is_key", 2, false, bifs_maps::is_map_key),
    pure("maps", "keys", 1, false, bifs_maps::keys),
    pure("maps", "values", 1, false, bifs_maps::values),
    pure("maps", "to_list", 1, false, bifs_maps::to_list),
    pure("maps", "from_list", 1, false, bifs_maps::from_list),
    pure("maps", "from_keys", 2, false, bifs_maps::from_keys),
    pure("maps", "size", 1, false, bifs_maps::size),
    pure("maps", "new", 0, false, bifs_maps::new),
    pure("maps", "merge", 2, false, bifs_maps::merge),
    pure("maps", "with", 2, false, bifs_maps::with),
    pure("maps", "without", 2, false, bifs_maps::without),
    special("maps", "fold", 3, Special::Maps(bifs_maps::Walk::Fold)),
    special("maps", "map", 2, Special::Maps(bifs_maps::Walk::Map)),
    special("maps", "filter", 2, Special::Maps(bifs_maps::Walk::Filter)),
    special(
        "maps",
        "update_with",
        3,
        Special::Maps(bifs_maps::Walk::UpdateWith),
    ),
    special(
        "maps",
        "update_with",
        4,
        Special::Maps(bifs_maps::Walk::UpdateWithInit),
    ),
    // Limits (runtime/config.rs): `spawn_opt` with `max_heap_size`, and
    // what the runtime allows.
    pure("erlang", "spawn_opt", 2, false, |p, a| {
        let options = spawn_options(&a[1])?;
        let (pid, reference) = crate::erlang::program::spawn_fun_opts(p, &a[0], options)?;
        Ok(spawned(pid, reference))
    }),
    pure("erlang", "spawn_opt", 4, false, |p, a| {
        let (Some(module), Some(function)) = (a[0].as_atom(), a[1].as_atom()) else {
            return Err(Raise::badarg());
        };
        let args = terms::list_items(&a[2]).ok_or_else(Raise::badarg)?;
        let options = spawn_options(&a[3])?;
        let (pid, reference) =
            crate::erlang::program::spawn_mfa_opts(p, module, function, args, options)?;
        Ok(spawned(pid, reference))
    }),
    Bif {
        auto: false,
        ..pure("erlang", "system_info", 1, false, system_info)
    },
];

/// The modules whose functions are BIFs rather than definitions.
pub fn is_bif_module(module: &str) -> bool {
    matches!(
        module,
        "erlang" | "lists" | "io" | "io_lib" | "timer" | "maps" | "math"
    )
}

/// `round/1`, `trunc/1`: an integer stays as it is; a float is rounded
/// (halves away from zero, as Erlang's `round`) or cut toward zero, to an
/// integer of any size.
fn to_integer(term: &Term, cut: fn(f64) -> f64) -> Result<Term, Raise> {
    if term.is_integer() {
        return Ok(term.clone());
    }
    match term.as_float() {
        Some(x) => Ok(Term::from_float_trunc(cut(x))),
        None => Err(Raise::badarg()),
    }
}

/// Every table of BIFs: [`BIFS`], then those of the other files; a
/// [`BifId`] counts through them in this order.
static TABLES: &[&[Bif]] = &[
    BIFS,
    super::bifs_binary::BIFS,
    super::bifs_system::BIFS,
    super::bifs_supervisor::BIFS,
    super::bifs_elixir::BIFS,
];

fn all() -> impl Iterator<Item = &'static Bif> {
    TABLES.iter().flat_map(|table| table.iter())
}

/// `module:name/arity`, if it is a BIF.
pub fn find(module: &str, name: &str, arity: usize) -> Option<BifId> {
    all()
        .position(|b| b.module == module && b.name == name && usize::from(b.arity) == arity)
        .map(|i| i as BifId)
}

/// An auto-imported BIF called without a module (`element(2, T)`).
pub fn find_auto(name: &str, arity: usize) -> Option<BifId> {
    all()
        .position(|b| b.auto && b.name == name && usize::from(b.arity) == arity)
        .map(|i| i as BifId)
}

pub fn get(id: BifId) -> &'static Bif {
    let mut i = usize::from(id);
    for table in TABLES {
        if i < table.len() {
            return &table[i];
        }
        i -= table.len();
    }
    panic!("BIF {id} is in no table")
}

fn test(b: bool) -> Result<Term, Raise> {
    Ok(boolean(b))
}

/// One more reduction per 16 elements of work.
fn charge_len(process: &Process, n: usize) {
    process.bump_reductions((n / 16).min(100_000) as u32);
}

fn pid(term: &Term) -> Result<Pid, Raise> {
    term.as_pid().ok_or_else(Raise::badarg)
}

fn is_function_2(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    let Some(arity) = a[1].as_int().filter(|n| *n >= 0) else {
        return Err(Raise::badarg());
    };
    test(a[0].as_fun().is_some_and(|f| i64::from(f.arity()) == arity))
}

fn element(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    match (a[0].as_int(), a[1].as_tuple()) {
        (Some(n), Some(items)) if n >= 1 && (n as usize) <= items.len() => {
            Ok(items[n as usize - 1].clone())
        }
        _ => Err(Raise::badarg()),
    }
}

fn setelement(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    match (a[0].as_int(), a[1].as_tuple()) {
        (Some(n), Some(items)) if n >= 1 && (n as usize) <= items.len() => {
            let at = n as usize - 1;
            Ok(Term::tuple_with(items.len(), |i| {
                if i == at {
                    a[2].clone()
                } else {
                    items[i].clone()
                }
            }))
        }
        _ => Err(Raise::badarg()),
    }
}

/// The text of a string (a list of character codes) or an atom.
fn text_of(term: &Term) -> Option<String> {
    match term.as_atom() {
        Some(a) => Some(a.name().to_owned()),
        None => term.as_string(),
    }
}

/// `process_flag(trap_exit, Bool)` and `process_flag(max_heap_size,
/// Size)`; each returns the old value.
fn process_flag(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    match a[0].as_atom().map(Atom::name) {
        Some("trap_exit") => {
            let on = terms::as_bool(&a[1]).ok_or_else(Raise::badarg)?;
            Ok(boolean(p.set_trap_exit(on)))
        }
        Some("max_heap_size") => {
            let limit = max_heap_size(&a[1]).ok_or_else(Raise::badarg)?;
            Ok(max_heap_size_term(p.set_max_heap_size(limit)))
        }
        _ => Err(Raise::badarg()),
    }
}

/// A `max_heap_size` as OTP 25 takes it: words (0, no limit, or at least
/// the minimum heap size, 233), or `#{size => Words, kill => Bool,
/// error_logger => Bool}` (`size` required, other keys ignored).
fn max_heap_size(value: &Term) -> Option<MaxHeapSize> {
    let size = |term: &Term| {
        let words = u64::try_from(term.as_int()?).ok()?;
        (words == 0 || words >= MIN_HEAP_WORDS).then_some(words)
    };
    if let Some(words) = size(value) {
        return Some(MaxHeapSize::words(words));
    }
    let map = value.as_map()?;
    let flag = |key: &str| match map.get(&Term::atom(key)) {
        None => Some(true),
        Some(value) => terms::as_bool(value),
    };
    Some(MaxHeapSize {
        words: size(map.get(&Term::atom("size"))?)?,
        kill: flag("kill")?,
        error_logger: flag("error_logger")?,
    })
}

/// `#{error_logger => Bool, kill => Bool, size => Words}`, as OTP 25
/// answers.
fn max_heap_size_term(limit: MaxHeapSize) -> Term {
    Term::map([
        (Term::atom("error_logger"), boolean(limit.error_logger)),
        (Term::atom("kill"), boolean(limit.kill)),
        (
            Term::atom("size"),
            Term::int(limit.words.min(i64::MAX as u64) as i64),
        ),
    ])
}

/// `erlang:send(Dest, Msg)`, `Dest ! Msg` as a function: a pid, a
/// registered name or `{Name, Node}` on this node; `badarg` for a name
/// nobody has. (`send/3`'s options have no effect on one node.)
fn send(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let (to, message) = (&a[0], &a[1]);
    let name = match to.as_tuple() {
        Some([name, node]) if node.is_atom(Atom::new("nonode@nohost")) => name.as_atom(),
        Some(_) => return Err(Raise::badarg()),
        None => to.as_atom(),
    };
    match (to.as_pid(), name) {
        (Some(pid), _) => p.send(pid, message.clone()),
        (None, Some(name)) => {
            if p.send_named(name, message.clone()).is_err() {
                return Err(Raise::badarg());
            }
        }
        (None, None) => return Err(Raise::badarg()),
    }
    Ok(message.clone())
}

/// `spawn_opt`'s options: `link`, `monitor`, `{max_heap_size, Size}`; the
/// BEAM's tuning options (`priority`, `fullsweep_after`, `min_heap_size`,
/// `min_bin_vheap_size`, `message_queue_data`) are accepted and have no
/// effect here. Anything else is `badarg`, as on the BEAM.
fn spawn_options(list: &Term) -> Result<SpawnOpts, Raise> {
    let mut options = SpawnOpts::default();
    for option in terms::list_items(list).ok_or_else(Raise::badarg)? {
        if option.is_atom(Atom::new("link")) {
            options.link = true;
        } else if option.is_atom(Atom::new("monitor")) {
            options.monitor = true;
        } else if let Some([key, value]) = option.as_tuple() {
            match key.as_atom().map(Atom::name) {
                Some("max_heap_size") => {
                    options.max_heap_size = Some(max_heap_size(value).ok_or_else(Raise::badarg)?);
                }
                Some(
                    "priority" | "fullsweep_after" | "min_heap_size" | "min_bin_vheap_size"
                    | "message_queue_data",
                ) => {}
                _ => return Err(Raise::badarg()),
            }
        } else {
            return Err(Raise::badarg());
        }
    }
    Ok(options)
}

/// `erlang:system_info/1` for the limits: `process_count`,
/// `process_limit`, `atom_count`, `atom_limit`, `max_heap_size` (the
/// runtime's default for new processes).
fn system_info(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let count = |n: usize| Term::int(n as i64);
    match a[0].as_atom().map(Atom::name) {
        Some("process_count") => Ok(count(p.process_count().0)),
        Some("process_limit") => Ok(count(p.process_count().1)),
        Some("atom_count") => Ok(count(crate::runtime::term::atom::atom_count())),
        Some("atom_limit") => Ok(count(crate::runtime::term::atom::atom_limit())),
        Some("max_heap_size") => Ok(max_heap_size_term(MaxHeapSize::words(
            p.default_max_heap_size(),
        ))),
        _ => Err(Raise::badarg()),
    }
}

fn spawn_fun(process: &Process, fun: &Term, link: bool, monitor: bool) -> Result<Term, Raise> {
    let (pid, reference) = crate::erlang::program::spawn_fun(process, fun, link, monitor)?;
    Ok(spawned(pid, reference))
}

fn spawn_mfa(process: &Process, a: &[Term], link: bool, monitor: bool) -> Result<Term, Raise> {
    let (Some(module), Some(function)) = (a[0].as_atom(), a[1].as_atom()) else {
        return Err(Raise::badarg());
    };
    let args = terms::list_items(&a[2]).ok_or_else(Raise::badarg)?;
    let (pid, reference) =
        crate::erlang::program::spawn_mfa(process, module, function, args, link, monitor)?;
    Ok(spawned(pid, reference))
}

fn spawned(pid: Pid, reference: Option<crate::runtime::Ref>) -> Term {
    match reference {
        Some(r) => Term::tuple([Term::pid(pid), Term::reference(r)]),
        None => Term::pid(pid),
    }
}

fn monitor(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    if !a[0].is_atom(Atom::PROCESS) {
        return Err(Raise::badarg());
    }
    match (a[1].as_pid(), a[1].as_atom()) {
        (Some(target), _) => Ok(Term::reference(p.monitor(target))),
        (None, Some(name)) => Ok(Term::reference(p.monitor_name(name))),
        _ => Err(Raise::badarg()),
    }
}

fn demonitor_2(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let r = a[0].as_ref().ok_or_else(Raise::badarg)?;
    let options = terms::list_items(&a[1]).ok_or_else(Raise::badarg)?;
    let flush = Term::atom("flush");
    let mut want_info = false;
    let mut want_flush = false;
    for option in &options {
        if exact_eq(option, &flush) {
            want_flush = true;
        } else if option.is_atom(Atom::new("info")) {
            want_info = true;
        } else {
            return Err(Raise::badarg());
        }
    }
    let was_active = if want_flush {
        let active = p.demonitor(r);
        p.demonitor_flush(r);
        active
    } else {
        p.demonitor(r)
    };
    Ok(if want_info {
        boolean(was_active)
    } else {
        Term::from_atom(Atom::TRUE)
    })
}

/// The longest list `lists:seq` builds: beyond it, `system_limit`
/// (rather than take the whole runtime's memory).
const MAX_SEQ: i64 = 10_000_000;

/// `function_clause` in a function of OTP's `lists.erl`, which is Erlang
/// there: the frame has the arguments and the line of the function's first
/// clause in OTP 25's lists.erl, as the BEAM reports it.
fn lists_clause(function: &str, args: &[Term], line: u32) -> Raise {
    let mut raise = Raise::error(Term::atom("function_clause"));
    raise.top = Some(super::errors::frame(
        Atom::new("lists"),
        Atom::new(function),
        Term::list(args.iter().cloned()),
        Some(line),
    ));
    raise
}

fn seq(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let (Some(from), Some(to)) = (a[0].as_int(), a[1].as_int()) else {
        return Err(lists_clause("seq", a, 271));
    };
    // In i128: `lists:seq(-9223372036854775807, 100)` must not overflow.
    let (from, to) = (i128::from(from), i128::from(to));
    if to < from - 1 {
        return Err(lists_clause("seq", a, 271));
    }
    let n = to - from + 1;
    if n > i128::from(MAX_SEQ) {
        return Err(Raise::error(Term::atom("system_limit")));
    }
    charge_len(p, n as usize);
    // Built from the end, one cell per element, sharing nothing to copy.
    let mut list = Term::NIL;
    let mut k = to;
    while k >= from {
        list = Term::cons(Term::from_i128(k), list);
        k -= 1;
    }
    Ok(list)
}

/// `io:format(Format, Args)` (and `io:fwrite`): the text of OTP 25's
/// control sequences (`format.rs`), written to the process's output
/// stream, which the REPL shows as `»` lines, one event per line; a line
/// without its newline yet waits for the rest (`runtime/output.rs`). A
/// bad format, a missing or mistyped argument or one left over is
/// `badarg`.
fn format(p: &Process, format: &Term, args: &Term) -> Result<Term, Raise> {
    let text = super::format::format_text(format, args).ok_or_else(Raise::badarg)?;
    p.write_output(&text);
    Ok(Term::from_atom(Atom::OK))
}
