//! BIFs the books call that are neither lists nor binaries: the process
//! dictionary, tuples as lists, the clocks and unique integers,
//! `is_process_alive/1`, floats as text, and the `math` module. Each
//! mirrors its erts or stdlib namesake, errors included (`math:sqrt(-1)`
//! is `badarith`, `list_to_float("1")` is `badarg`).

use super::bifs::{Bif, pure};
use super::errors::Raise;
use super::float_text::{FloatFormat, format_float, parse_float, twenty_digits};
use crate::erlang::opcodes::{ArithOp, CmpOp};
use crate::runtime::term::{View, phash};
use crate::runtime::{Atom, Term, TimerDestination};
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// An operator as a function of the `erlang` module (`erlang:'+'/2`),
/// not auto-imported.
macro_rules! operator {
    ($name:literal, $arity:literal, $f:expr) => {
        Bif {
            auto: false,
            ..pure("erlang", $name, $arity, false, $f)
        }
    };
}

pub static BIFS: &[Bif] = &[
    // The operators as functions (`fun erlang:'*'/2`, `erlang:'+'(1, 2)`).
    operator!("+", 2, |_, a| arith(ArithOp::Add, a)),
    operator!("-", 2, |_, a| arith(ArithOp::Sub, a)),
    operator!("*", 2, |_, a| arith(ArithOp::Mul, a)),
    operator!("/", 2, |_, a| arith(ArithOp::Div, a)),
    operator!("div", 2, |_, a| arith(ArithOp::IntDiv, a)),
    operator!("rem", 2, |_, a| arith(ArithOp::Rem, a)),
    operator!("band", 2, |_, a| arith(ArithOp::Band, a)),
    operator!("bor", 2, |_, a| arith(ArithOp::Bor, a)),
    operator!("bxor", 2, |_, a| arith(ArithOp::Bxor, a)),
    operator!("bsl", 2, |_, a| arith(ArithOp::Bsl, a)),
    operator!("bsr", 2, |_, a| arith(ArithOp::Bsr, a)),
    operator!("==", 2, |_, a| compare(CmpOp::Eq, a)),
    operator!("/=", 2, |_, a| compare(CmpOp::Ne, a)),
    operator!("=:=", 2, |_, a| compare(CmpOp::ExactEq, a)),
    operator!("=/=", 2, |_, a| compare(CmpOp::ExactNe, a)),
    operator!("<", 2, |_, a| compare(CmpOp::Lt, a)),
    operator!(">", 2, |_, a| compare(CmpOp::Gt, a)),
    operator!("=<", 2, |_, a| compare(CmpOp::Le, a)),
    operator!(">=", 2, |_, a| compare(CmpOp::Ge, a)),
    operator!("-", 1, |_, a| unary(true, &a[0])),
    operator!("+", 1, |_, a| unary(false, &a[0])),
    operator!("++", 2, |_, a| {
        super::terms::append(a[0].clone(), a[1].clone()).ok_or_else(Raise::badarg)
    }),
    operator!("--", 2, |_, a| {
        super::terms::subtract(a[0].clone(), &a[1]).ok_or_else(Raise::badarg)
    }),
    Bif {
        auto: false,
        ..pure("erlang", "fun_info", 2, false, fun_info)
    },
    // The process dictionary (runtime/process/dictionary.rs).
    pure("erlang", "put", 2, false, |p, a| {
        Ok(or_undefined(p.dictionary_put(a[0].clone(), a[1].clone())))
    }),
    pure("erlang", "get", 1, false, |p, a| {
        Ok(or_undefined(p.dictionary_get(&a[0])))
    }),
    pure("erlang", "get", 0, false, |p, _| {
        Ok(pairs(p.dictionary_entries(false)))
    }),
    pure("erlang", "erase", 1, false, |p, a| {
        Ok(or_undefined(p.dictionary_erase(&a[0])))
    }),
    pure("erlang", "erase", 0, false, |p, _| {
        Ok(pairs(p.dictionary_entries(true)))
    }),
    pure("erlang", "get_keys", 0, false, |p, _| {
        let keys = p.dictionary_entries(false).into_iter().map(|(k, _)| k);
        Ok(Term::list(keys.collect::<Vec<_>>()))
    }),
    pure("erlang", "get_keys", 1, false, |p, a| {
        let keys = p
            .dictionary_entries(false)
            .into_iter()
            .filter(|(_, v)| *v == a[0])
            .map(|(k, _)| k);
        Ok(Term::list(keys.collect::<Vec<_>>()))
    }),
    // Tuples.
    pure("erlang", "tuple_to_list", 1, false, |_, a| {
        match a[0].view() {
            View::Tuple(items) => Ok(Term::list(items.to_vec())),
            _ => Err(Raise::badarg()),
        }
    }),
    pure("erlang", "list_to_tuple", 1, false, |_, a| {
        let items = super::terms::list_items(&a[0]).ok_or_else(Raise::badarg)?;
        Ok(Term::tuple(items))
    }),
    pure("erlang", "make_tuple", 2, false, |_, a| {
        let n = a[0].as_i64().filter(|n| (0..=16_777_215).contains(n));
        let n = n.ok_or_else(Raise::badarg)? as usize;
        Ok(Term::tuple(vec![a[1].clone(); n]))
    }),
    pure("erlang", "append_element", 2, false, |_, a| {
        match a[0].view() {
            View::Tuple(items) => {
                let mut items = items.to_vec();
                items.push(a[1].clone());
                Ok(Term::tuple(items))
            }
            _ => Err(Raise::badarg()),
        }
    }),
    pure("erlang", "make_fun", 3, false, |_, a| {
        let (Some(module), Some(function), Some(arity)) = (
            a[0].as_atom(),
            a[1].as_atom(),
            a[2].as_i64().filter(|n| (0..=255).contains(n)),
        ) else {
            return Err(Raise::badarg());
        };
        let fun = crate::erlang::module::FunValue::External {
            module,
            function,
            arity: arity as u32,
        };
        Ok(fun.into_term())
    }),
    pure("erlang", "function_exported", 3, false, |p, a| {
        let (Some(module), Some(function), Some(arity)) =
            (a[0].as_atom(), a[1].as_atom(), a[2].as_i64())
        else {
            return Err(Raise::badarg());
        };
        // A BIF counts, as in erts.
        let bif = usize::try_from(arity)
            .is_ok_and(|n| super::bifs::find(module.name(), function.name(), n).is_some());
        let exported = crate::erlang::program::current(p, module)
            .is_some_and(|code| code.exports.contains_key(&(function, arity as u32)));
        Ok(Term::boolean(bif || exported))
    }),
    // Timers known by a reference (runtime/timer.rs), on the runtime's
    // clock (virtual in a deterministic session). None is auto-imported.
    Bif {
        auto: false,
        ..pure("erlang", "send_after", 3, false, |p, a| {
            let reference = p.make_ref();
            p.start_referenced_timer(reference, delay(&a[0])?, destination(&a[1])?, a[2].clone());
            Ok(Term::reference(reference))
        })
    },
    Bif {
        auto: false,
        ..pure("erlang", "start_timer", 3, false, |p, a| {
            let (delay, to) = (delay(&a[0])?, destination(&a[1])?);
            let reference = p.make_ref();
            let message = Term::tuple([
                Term::atom("timeout"),
                Term::reference(reference),
                a[2].clone(),
            ]);
            p.start_referenced_timer(reference, delay, to, message);
            Ok(Term::reference(reference))
        })
    },
    Bif {
        auto: false,
        ..pure("erlang", "cancel_timer", 1, false, |p, a| {
            let reference = a[0].as_ref().ok_or_else(Raise::badarg)?;
            Ok(time_left(p.cancel_referenced_timer(reference)))
        })
    },
    Bif {
        auto: false,
        ..pure("erlang", "cancel_timer", 2, false, |p, a| {
            let reference = a[0].as_ref().ok_or_else(Raise::badarg)?;
            let (asynchronous, info) = timer_options(&a[1], true)?;
            let left = time_left(p.cancel_referenced_timer(reference));
            Ok(timer_answer(
                p,
                "cancel_timer",
                reference,
                left,
                asynchronous,
                info,
            ))
        })
    },
    Bif {
        auto: false,
        ..pure("erlang", "read_timer", 1, false, |p, a| {
            let reference = a[0].as_ref().ok_or_else(Raise::badarg)?;
            Ok(time_left(p.read_referenced_timer(reference)))
        })
    },
    Bif {
        auto: false,
        ..pure("erlang", "read_timer", 2, false, |p, a| {
            let reference = a[0].as_ref().ok_or_else(Raise::badarg)?;
            let (asynchronous, _) = timer_options(&a[1], false)?;
            let left = time_left(p.read_referenced_timer(reference));
            Ok(timer_answer(
                p,
                "read_timer",
                reference,
                left,
                asynchronous,
                true,
            ))
        })
    },
    // The portable hashes (runtime/term/phash.rs), as erts computes them:
    // `dict` and `sets` place their entries by them. Not auto-imported.
    Bif {
        auto: false,
        ..pure("erlang", "phash", 2, false, |_, a| {
            let range = phash::range(&a[1]).ok_or_else(Raise::badarg)?;
            Ok(Term::from_u64(phash::phash(&a[0], range)))
        })
    },
    Bif {
        auto: false,
        ..pure("erlang", "phash2", 1, false, |_, a| {
            Ok(Term::int(i64::from(phash::phash2(&a[0]))))
        })
    },
    Bif {
        auto: false,
        ..pure("erlang", "phash2", 2, false, |_, a| {
            let range = phash::range(&a[1]).ok_or_else(Raise::badarg)?;
            Ok(Term::from_u64(phash::phash2_range(&a[0], range)))
        })
    },
    // Records (`syntax/records.rs`): a tuple tagged with the record's
    // name, of the record's size.
    pure("erlang", "is_record", 2, true, |_, a| {
        Ok(Term::boolean(is_record(&a[0], &a[1], None)?))
    }),
    pure("erlang", "is_record", 3, true, |_, a| {
        let size = a[2].as_i64().ok_or_else(Raise::badarg)?;
        Ok(Term::boolean(is_record(&a[0], &a[1], Some(size))?))
    }),
    pure("erlang", "process_info", 1, false, |p, a| {
        let pid = a[0].as_pid().ok_or_else(Raise::badarg)?;
        let Some(contents) = p.inspect(pid) else {
            return Ok(Term::atom("undefined"));
        };
        // An unregistered process has no registered_name in the list.
        let items = DEFAULT_INFO_ITEMS
            .iter()
            .filter(|item| **item != "registered_name" || contents.info.name.is_some())
            .map(|item| info_item(&contents, item).expect("a known item"));
        Ok(Term::list(items.collect::<Vec<_>>()))
    }),
    pure("erlang", "process_info", 2, false, |p, a| {
        let pid = a[0].as_pid().ok_or_else(Raise::badarg)?;
        let asked: Vec<Term> = match super::terms::list_items(&a[1]) {
            Some(items) => items,
            None => vec![a[1].clone()],
        };
        let names = asked
            .iter()
            .map(|t| {
                t.as_atom()
                    .map(|a| a.name().to_owned())
                    .ok_or_else(Raise::badarg)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let Some(contents) = p.inspect(pid) else {
            return Ok(Term::atom("undefined"));
        };
        let items = names
            .iter()
            .map(|name| info_item(&contents, name).ok_or_else(Raise::badarg))
            .collect::<Result<Vec<_>, _>>()?;
        if a[1].is_list() {
            Ok(Term::list(items))
        } else if names[0] == "registered_name" && contents.info.name.is_none() {
            // Asked alone, an unregistered process's name is `[]`.
            Ok(Term::NIL)
        } else {
            Ok(items.into_iter().next().expect("one item"))
        }
    }),
    pure("erlang", "is_process_alive", 1, false, |p, a| {
        let pid = a[0].as_pid().ok_or_else(Raise::badarg)?;
        Ok(Term::boolean(p.is_alive(pid)))
    }),
    // Clocks: the runtime's (virtual in a deterministic session), in
    // native units (nanoseconds) unless a unit is given.
    pure("erlang", "monotonic_time", 0, false, |p, _| {
        Ok(Term::from_i128(p.now().as_nanos() as i128))
    }),
    pure("erlang", "monotonic_time", 1, false, |p, a| {
        Ok(Term::from_i128(in_unit(p.now().as_nanos() as i128, &a[0])?))
    }),
    pure("erlang", "system_time", 0, false, |_, _| {
        Ok(Term::from_i128(wall_nanos()))
    }),
    pure("erlang", "system_time", 1, false, |_, a| {
        Ok(Term::from_i128(in_unit(wall_nanos(), &a[0])?))
    }),
    pure("erlang", "convert_time_unit", 3, false, |_, a| {
        let time = a[0].as_i64().ok_or_else(Raise::badarg)?;
        let (from, to) = (per_second(&a[1])?, per_second(&a[2])?);
        Ok(Term::from_i128((i128::from(time) * to).div_euclid(from)))
    }),
    pure("erlang", "unique_integer", 0, false, |_, _| Ok(unique())),
    pure("erlang", "unique_integer", 1, false, |_, a| {
        let options = super::terms::list_items(&a[0]).ok_or_else(Raise::badarg)?;
        let known =
            |o: &Term| o.is_atom(Atom::new("positive")) || o.is_atom(Atom::new("monotonic"));
        if !options.iter().all(known) {
            return Err(Raise::badarg());
        }
        Ok(unique())
    }),
    // Floats as text.
    pure("erlang", "float_to_list", 1, false, |_, a| {
        Ok(Term::string(&twenty_digits(float_arg(&a[0])?)))
    }),
    pure("erlang", "float_to_list", 2, false, |_, a| {
        Ok(Term::string(&float_with(&a[0], &a[1])?))
    }),
    pure("erlang", "float_to_binary", 1, false, |_, a| {
        Ok(Term::binary(twenty_digits(float_arg(&a[0])?).as_bytes()))
    }),
    pure("erlang", "float_to_binary", 2, false, |_, a| {
        Ok(Term::binary(float_with(&a[0], &a[1])?.as_bytes()))
    }),
    pure("erlang", "list_to_float", 1, false, |_, a| {
        let text = (a[0].is_list())
            .then(|| super::bifs_binary::string_arg(&a[0]))
            .flatten()
            .ok_or_else(Raise::badarg)?;
        parse_float(&text)
            .map(Term::float)
            .ok_or_else(Raise::badarg)
    }),
    pure("erlang", "binary_to_float", 1, false, |_, a| {
        let text = match a[0].view() {
            View::Bits(b) if b.is_binary() => String::from_utf8(b.to_padded_bytes()).ok(),
            _ => None,
        };
        text.as_deref()
            .and_then(parse_float)
            .map(Term::float)
            .ok_or_else(Raise::badarg)
    }),
    pure("erlang", "floor", 1, true, |_, a| {
        rounded(&a[0], f64::floor)
    }),
    pure("erlang", "ceil", 1, true, |_, a| rounded(&a[0], f64::ceil)),
    // math (a float from any number; a result that is no number, or an
    // argument outside the function's domain, is badarith).
    pure("math", "pi", 0, false, |_, _| {
        Ok(Term::float(std::f64::consts::PI))
    }),
    pure("math", "sqrt", 1, false, |_, a| math(a, f64::sqrt)),
    pure("math", "exp", 1, false, |_, a| math(a, f64::exp)),
    pure("math", "log", 1, false, |_, a| math(a, f64::ln)),
    pure("math", "log2", 1, false, |_, a| math(a, f64::log2)),
    pure("math", "log10", 1, false, |_, a| math(a, f64::log10)),
    pure("math", "sin", 1, false, |_, a| math(a, f64::sin)),
    pure("math", "cos", 1, false, |_, a| math(a, f64::cos)),
    pure("math", "tan", 1, false, |_, a| math(a, f64::tan)),
    pure("math", "asin", 1, false, |_, a| math(a, f64::asin)),
    pure("math", "acos", 1, false, |_, a| math(a, f64::acos)),
    pure("math", "atan", 1, false, |_, a| math(a, f64::atan)),
    pure("math", "sinh", 1, false, |_, a| math(a, f64::sinh)),
    pure("math", "cosh", 1, false, |_, a| math(a, f64::cosh)),
    pure("math", "tanh", 1, false, |_, a| math(a, f64::tanh)),
    pure("math", "asinh", 1, false, |_, a| math(a, f64::asinh)),
    pure("math", "acosh", 1, false, |_, a| math(a, f64::acosh)),
    pure("math", "atanh", 1, false, |_, a| math(a, f64::atanh)),
    pure("math", "floor", 1, false, |_, a| math(a, f64::floor)),
    pure("math", "ceil", 1, false, |_, a| math(a, f64::ceil)),
    pure("math", "pow", 2, false, |_, a| math2(a, f64::powf)),
    pure("math", "atan2", 2, false, |_, a| math2(a, f64::atan2)),
    pure("math", "fmod", 2, false, |_, a| math2(a, |x, y| x % y)),
];

/// A timer's time in milliseconds: a non-negative integer (erts takes up
/// to 2^32 - 1 on every platform; beyond, badarg).
fn delay(t: &Term) -> Result<Duration, Raise> {
    let ms = t.as_int().filter(|ms| (0..=u32::MAX as i64).contains(ms));
    Ok(Duration::from_millis(ms.ok_or_else(Raise::badarg)? as u64))
}

/// A timer's destination: a pid, or a registered name looked up when it
/// fires.
fn destination(t: &Term) -> Result<TimerDestination, Raise> {
    match (t.as_pid(), t.as_atom()) {
        (Some(pid), _) => Ok(TimerDestination::Pid(pid)),
        (None, Some(name)) => Ok(TimerDestination::Name(name)),
        _ => Err(Raise::badarg()),
    }
}

/// The milliseconds left on a timer, rounded up as erts does (a timer
/// read the instant it starts has all its time left), or `false` for one
/// that has fired or been cancelled.
fn time_left(left: Option<Duration>) -> Term {
    match left {
        Some(left) => Term::from_u64(left.as_nanos().div_ceil(1_000_000) as u64),
        None => Term::FALSE,
    }
}

/// `[{async, Bool}, {info, Bool}]` of cancel_timer/2 and read_timer/2:
/// (async, info), each defaulting to false and true; anything else in
/// the list is badarg.
fn timer_options(options: &Term, takes_info: bool) -> Result<(bool, bool), Raise> {
    let items = super::terms::list_items(options).ok_or_else(Raise::badarg)?;
    let (mut asynchronous, mut info) = (false, true);
    for item in &items {
        let View::Tuple([key, value]) = item.view() else {
            return Err(Raise::badarg());
        };
        let value = value.as_bool().ok_or_else(Raise::badarg)?;
        match key.as_atom().map(|a| a.name()) {
            Some("async") => asynchronous = value,
            Some("info") if takes_info => info = value,
            _ => return Err(Raise::badarg()),
        }
    }
    Ok((asynchronous, info))
}

/// What cancel_timer/2 and read_timer/2 answer: the result itself, or
/// `ok` when it is not wanted or comes as the message `{Tag, Ref,
/// Result}` (`async`).
fn timer_answer(
    p: &crate::runtime::Process,
    tag: &str,
    reference: crate::runtime::Ref,
    result: Term,
    asynchronous: bool,
    info: bool,
) -> Term {
    if !asynchronous {
        return if info { result } else { Term::atom("ok") };
    }
    if info {
        let message = Term::tuple([Term::atom(tag), Term::reference(reference), result]);
        p.send(p.pid(), message);
    }
    Term::atom("ok")
}

fn is_record(term: &Term, tag: &Term, size: Option<i64>) -> Result<bool, Raise> {
    if tag.as_atom().is_none() {
        return Err(Raise::badarg());
    }
    Ok(match term.view() {
        View::Tuple(items) => {
            items.first() == Some(tag) && size.is_none_or(|n| items.len() as i64 == n)
        }
        _ => false,
    })
}

/// What `process_info/1` answers, a subset of OTP's list (the items this
/// runtime has).
const DEFAULT_INFO_ITEMS: &[&str] = &[
    "current_function",
    "registered_name",
    "status",
    "message_queue_len",
    "links",
    "dictionary",
    "trap_exit",
    "reductions",
];

/// `{Item, Value}` for one `process_info` item, as OTP writes it; `None`
/// for an item this runtime does not know (`badarg`, as OTP's unknown
/// items are).
fn info_item(contents: &crate::runtime::ProcessContents, item: &str) -> Option<Term> {
    let info = &contents.info;
    let pids = |pids: &[crate::runtime::Pid]| {
        Term::list(pids.iter().map(|p| Term::pid(*p)).collect::<Vec<_>>())
    };
    let value = match item {
        "current_function" => match info.current_function {
            Some((m, f, a)) => Term::tuple([
                Term::from_atom(m),
                Term::from_atom(f),
                Term::int(i64::from(a)),
            ]),
            None => Term::atom("undefined"),
        },
        // Not registered: `[]`, where the item is left out of
        // process_info/1's list on the BEAM.
        "registered_name" => match info.name {
            Some(name) => Term::from_atom(name),
            None => Term::NIL,
        },
        "status" => Term::atom(&info.status.to_string()),
        "message_queue_len" => Term::int(contents.messages.len() as i64),
        "messages" => Term::list(contents.messages.clone()),
        "links" => pids(&info.links),
        "monitors" => Term::list(
            info.monitors
                .iter()
                .map(|(_, pid)| Term::tuple([Term::atom("process"), Term::pid(*pid)]))
                .collect::<Vec<_>>(),
        ),
        "monitored_by" => pids(&info.monitored_by),
        "dictionary" => pairs(contents.dictionary.clone()),
        "trap_exit" => Term::boolean(info.trap_exit),
        "reductions" => Term::int(info.reductions as i64),
        _ => return None,
    };
    Some(Term::tuple([Term::atom(item), value]))
}

fn or_undefined(value: Option<Term>) -> Term {
    value.unwrap_or_else(|| Term::atom("undefined"))
}

fn pairs(entries: Vec<(Term, Term)>) -> Term {
    Term::list(
        entries
            .into_iter()
            .map(|(k, v)| Term::tuple([k, v]))
            .collect::<Vec<_>>(),
    )
}

fn wall_nanos() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}

/// Nanoseconds in `unit`, rounded down, as `erlang:convert_time_unit/3`.
fn in_unit(nanos: i128, unit: &Term) -> Result<i128, Raise> {
    Ok((nanos * per_second(unit)?).div_euclid(1_000_000_000))
}

/// How many of `unit` make a second: `second`, `millisecond`,
/// `microsecond`, `nanosecond`, `native` and `perf_counter` (nanoseconds
/// here), the old plural names, or a positive integer.
fn per_second(unit: &Term) -> Result<i128, Raise> {
    Ok(
        match unit.as_atom().map(|a| a.name().to_owned()).as_deref() {
            Some("second" | "seconds") => 1,
            Some("millisecond" | "milli_seconds") => 1_000,
            Some("microsecond" | "micro_seconds") => 1_000_000,
            Some("nanosecond" | "nano_seconds" | "native" | "perf_counter") => 1_000_000_000,
            Some(_) => return Err(Raise::badarg()),
            None => unit
                .as_i64()
                .filter(|n| *n > 0)
                .ok_or_else(Raise::badarg)?
                .into(),
        },
    )
}

/// `unique_integer/0,1`: positive and strictly increasing across the
/// tool (the BEAM's may be negative unless asked for `positive`).
fn unique() -> Term {
    static NEXT: AtomicI64 = AtomicI64::new(1);
    Term::int(NEXT.fetch_add(1, Ordering::Relaxed))
}

fn float_arg(term: &Term) -> Result<f64, Raise> {
    match term.view() {
        View::Float(x) => Ok(x),
        _ => Err(Raise::badarg()),
    }
}

/// `float_to_list(Float, Options)`: the options read as erts reads them
/// (the last of `{decimals, 0..253}`, `{scientific, 0..249}` and `short`
/// wins; `compact` counts with decimals wherever it stands).
fn float_with(float: &Term, options: &Term) -> Result<String, Raise> {
    let x = float_arg(float)?;
    let options = super::terms::list_items(options).ok_or_else(Raise::badarg)?;
    let mut format = FloatFormat::Default;
    let mut compact = false;
    for option in &options {
        let count = |limit: i64| {
            option.as_tuple().and_then(|pair| match pair {
                [_, n] => n
                    .as_i64()
                    .filter(|n| (0..=limit).contains(n))
                    .map(|n| n as usize),
                _ => None,
            })
        };
        format = match option
            .as_tuple()
            .and_then(|t| t.first()?.as_atom())
            .map(Atom::name)
        {
            Some("decimals") => FloatFormat::Decimals {
                decimals: count(253).ok_or_else(Raise::badarg)?,
                compact: false,
            },
            Some("scientific") => FloatFormat::Scientific(count(249).ok_or_else(Raise::badarg)?),
            _ if option.is_atom(Atom::new("short")) => FloatFormat::Short,
            _ if option.is_atom(Atom::new("compact")) => {
                compact = true;
                format
            }
            _ => return Err(Raise::badarg()),
        };
    }
    if let FloatFormat::Decimals { decimals, .. } = format {
        format = FloatFormat::Decimals { decimals, compact };
    }
    format_float(x, format).ok_or_else(Raise::badarg)
}

/// `floor/1`, `ceil/1`: an integer as it is, a float to the integer below
/// or above it.
fn rounded(term: &Term, round: fn(f64) -> f64) -> Result<Term, Raise> {
    if term.is_integer() {
        return Ok(term.clone());
    }
    match term.view() {
        View::Float(x) => Ok(Term::from_float_trunc(round(x))),
        _ => Err(Raise::badarg()),
    }
}

fn number(term: &Term) -> Result<f64, Raise> {
    term.to_f64()
        .ok_or_else(|| Raise::error(Term::atom("badarith")))
}

fn finite(x: f64) -> Result<Term, Raise> {
    if x.is_finite() {
        Ok(Term::float(x))
    } else {
        Err(Raise::error(Term::atom("badarith")))
    }
}

fn math(a: &[Term], f: fn(f64) -> f64) -> Result<Term, Raise> {
    finite(f(number(&a[0])?))
}

fn math2(a: &[Term], f: fn(f64, f64) -> f64) -> Result<Term, Raise> {
    finite(f(number(&a[0])?, number(&a[1])?))
}

/// `erlang:fun_info(Fun, Item)` for the items books print: `name` (a
/// fun made in `f/1` is `'-f/1-fun-0-'`), `module`, `arity`, `type`
/// (`local` or `external`) and `env` (the captured values).
fn fun_info(_: &crate::runtime::Process, a: &[Term]) -> Result<Term, Raise> {
    use crate::erlang::module::FunValue;
    let fun = FunValue::of(&a[0]).ok_or_else(Raise::badarg)?;
    let item = a[1].as_atom().ok_or_else(Raise::badarg)?;
    let value = match (item.name(), &fun) {
        (
            "name",
            FunValue::Local {
                module, function, ..
            },
        ) => Term::from_atom(module.functions[*function as usize].name),
        ("name", FunValue::External { function, .. }) => Term::from_atom(*function),
        ("module", FunValue::Local { module, .. }) => Term::from_atom(module.name),
        ("module", FunValue::External { module, .. }) => Term::from_atom(*module),
        ("arity", _) => Term::int(i64::from(fun.arity())),
        ("type", FunValue::Local { .. }) => Term::atom("local"),
        ("type", FunValue::External { .. }) => Term::atom("external"),
        ("env", FunValue::Local { captured, .. }) => Term::list(captured.clone()),
        ("env", FunValue::External { .. }) => Term::NIL,
        _ => return Err(Raise::badarg()),
    };
    Ok(Term::tuple([a[1].clone(), value]))
}

fn arith(op: ArithOp, a: &[Term]) -> Result<Term, Raise> {
    super::terms::arith(op, &a[0], &a[1]).map_err(arith_error)
}

fn compare(op: CmpOp, a: &[Term]) -> Result<Term, Raise> {
    Ok(Term::boolean(super::terms::compare_op(op, &a[0], &a[1])))
}

fn unary(negate: bool, a: &Term) -> Result<Term, Raise> {
    super::terms::unary(negate, a).map_err(arith_error)
}

fn arith_error(error: crate::runtime::term::ArithError) -> Raise {
    match error {
        crate::runtime::term::ArithError::Badarith => Raise::error(Term::atom("badarith")),
        crate::runtime::term::ArithError::SystemLimit => Raise::error(Term::atom("system_limit")),
    }
}
