//! `maps:fold/3`, `maps:map/2`, `maps:filter/2` and `maps:update_with/3,4`:
//! the `maps` functions that call a fun, run as frames of the interpreter
//! between the fun's calls, the way `lists:map/2` runs. A call of the fun
//! is an ordinary call (charged, preemptible, as deep as it likes); when it
//! returns, `give_back` hands its value to the walk's frame, which calls
//! the fun on the next pair or is done.
//!
//! They mirror maps.erl (stdlib 4.2, OTP 25.2.3): the pairs in the map's
//! order; `filter/2`'s predicate must answer `true` or `false`, anything
//! else is `{case_clause, V}` in `maps:filter_1/2`; and an error inside
//! the fun shows the frames maps.erl leaves on the stack at that moment
//! (`map_1/2` and `filter_1/2` are body-recursive, one frame per pair kept
//! so far; `fold_1/3` is a tail call), with maps.erl's lines.
//!
//! Each call of the fun costs a reduction, and when the budget is spent
//! the slice ends as the fun is entered, so a walk over a large map is
//! preempted like a loop of calls. A fun that is an external fun of a
//! plain BIF (`fun erlang:abs/1`) is computed in the walk's own loop:
//! going through `call_fun` would come back here by Rust recursion, once
//! per pair.

use super::{Flow, Frame, Vm};
use crate::erlang::module::FunValue;
use crate::erlang::vm::bifs::{self, BifImpl};
use crate::erlang::vm::bifs_maps::{self, Walk};
use crate::erlang::vm::errors::{self, BACKTRACE_DEPTH, Raise};
use crate::runtime::term::size::Reach;
use crate::runtime::{Atom, Process, Term};
use std::vec::IntoIter;

/// A walk between two calls of its fun.
pub(in crate::erlang::vm) enum MapsFrame {
    /// `maps:fold/3`: the pairs still to go; the accumulator is what the
    /// fun returns.
    Fold {
        fun: Term,
        rest: IntoIter<(Term, Term)>,
    },
    /// `maps:map/2`: the key whose value the fun is computing, and the
    /// pairs done.
    Map {
        fun: Term,
        rest: IntoIter<(Term, Term)>,
        key: Term,
        done: Vec<(Term, Term)>,
    },
    /// `maps:filter/2`: the pair the predicate is judging, and those kept.
    Filter {
        fun: Term,
        rest: IntoIter<(Term, Term)>,
        pair: (Term, Term),
        kept: Vec<(Term, Term)>,
    },
    /// `maps:update_with/3,4`: the map and key the fun's value goes to.
    UpdateWith { map: Term, key: Term, arity: u8 },
}

/// What giving a value to a walk's frame comes to.
pub(super) enum Resumed {
    /// The walk is done: its result goes on to the next frame.
    Value(Term),
    /// The fun is called again (or the process ended).
    Flow(Flow),
}

/// What a walk does next.
enum Next {
    /// Call `fun` with `args`, the frame waiting for the value.
    Call(MapsFrame, Term, Vec<Term>),
    /// The walk's result.
    Done(Term),
    /// The walk itself fails (a predicate answering neither `true` nor
    /// `false`), with its frame still on the stack.
    Fail(MapsFrame, Raise),
}

fn frame(function: &str, arity: i64, line: u32) -> Term {
    errors::frame(
        Atom::new("maps"),
        Atom::new(function),
        Term::int(arity),
        Some(line),
    )
}

impl MapsFrame {
    /// What the walk holds, for `max_heap_size` (`Vm::measure`).
    pub(super) fn measure<'a>(&'a self, reach: &mut Reach<'a>) {
        let pairs = |reach: &mut Reach<'a>, pairs: &'a [(Term, Term)]| {
            reach.add_bytes(std::mem::size_of_val(pairs));
            for (key, value) in pairs {
                reach.add(key);
                reach.add(value);
            }
        };
        match self {
            MapsFrame::Fold { fun, rest } => {
                reach.add(fun);
                pairs(reach, rest.as_slice());
            }
            MapsFrame::Map {
                fun,
                rest,
                key,
                done,
            } => {
                reach.add(fun);
                reach.add(key);
                pairs(reach, rest.as_slice());
                pairs(reach, done);
            }
            MapsFrame::Filter {
                fun,
                rest,
                pair,
                kept,
            } => {
                reach.add(fun);
                reach.add(&pair.0);
                reach.add(&pair.1);
                pairs(reach, rest.as_slice());
                pairs(reach, kept);
            }
            MapsFrame::UpdateWith { map, key, .. } => {
                reach.add(map);
                reach.add(key);
            }
        }
    }

    /// The frames maps.erl has on the stack at this point, innermost first.
    pub(super) fn stack_frames(&self, out: &mut Vec<Term>) {
        let (inner, depth, outer) = match self {
            MapsFrame::Fold { .. } => (frame("fold_1", 3, 411), 1, None),
            MapsFrame::Map { done, .. } => (
                frame("map_1", 2, 439),
                done.len() + 1,
                Some(frame("map", 2, 429)),
            ),
            MapsFrame::Filter { kept, .. } => (
                frame("filter_1", 2, 319),
                kept.len() + 1,
                Some(frame("filter", 2, 310)),
            ),
            MapsFrame::UpdateWith { arity: 3, .. } => (frame("update_with", 3, 264), 1, None),
            MapsFrame::UpdateWith { .. } => (frame("update_with", 4, 278), 1, None),
        };
        for _ in 0..depth.min(BACKTRACE_DEPTH) {
            out.push(inner.clone());
        }
        out.extend(outer);
    }

    /// The next step after the fun returned `value` (`None`: not called
    /// yet).
    fn advance(self, value: Option<Term>) -> Next {
        match self {
            MapsFrame::Fold { fun, mut rest } => {
                let acc = value.expect("a fold starts with its accumulator");
                match rest.next() {
                    Some((k, v)) => Next::Call(
                        MapsFrame::Fold {
                            fun: fun.clone(),
                            rest,
                        },
                        fun,
                        vec![k, v, acc],
                    ),
                    None => Next::Done(acc),
                }
            }
            MapsFrame::Map {
                fun,
                mut rest,
                key,
                mut done,
            } => {
                if let Some(value) = value {
                    done.push((key, value));
                }
                match rest.next() {
                    Some((k, v)) => Next::Call(
                        MapsFrame::Map {
                            fun: fun.clone(),
                            rest,
                            key: k.clone(),
                            done,
                        },
                        fun,
                        vec![k, v],
                    ),
                    None => Next::Done(crate::erlang::vm::maps::make(done)),
                }
            }
            MapsFrame::Filter {
                fun,
                mut rest,
                pair,
                mut kept,
            } => {
                if let Some(verdict) = value {
                    match verdict.as_bool() {
                        Some(true) => kept.push(pair),
                        Some(false) => {}
                        None => {
                            let frame = MapsFrame::Filter {
                                fun,
                                rest,
                                pair,
                                kept,
                            };
                            return Next::Fail(frame, Raise::tagged("case_clause", verdict));
                        }
                    }
                }
                match rest.next() {
                    Some((k, v)) => Next::Call(
                        MapsFrame::Filter {
                            fun: fun.clone(),
                            rest,
                            pair: (k.clone(), v.clone()),
                            kept,
                        },
                        fun,
                        vec![k, v],
                    ),
                    None => Next::Done(crate::erlang::vm::maps::make(kept)),
                }
            }
            MapsFrame::UpdateWith { map, key, .. } => {
                let value = value.expect("update_with's fun has returned");
                // The key is there (the walk only calls the fun then):
                // `Map#{Key := Fun(Value)}`.
                match map.map_put(key, value) {
                    Ok(map) => Next::Done(map),
                    Err(_) => unreachable!("update_with checked its map"),
                }
            }
        }
    }
}

/// `fun`'s value for `args` if it is an external fun of a plain BIF
/// (`fun erlang:abs/1`), else `None` (it must be called).
pub(super) fn pure_bif_call(
    process: &Process,
    fun: &Term,
    args: &[Term],
) -> Option<Result<Term, Raise>> {
    let FunValue::External {
        module, function, ..
    } = FunValue::of(fun)?
    else {
        return None;
    };
    if !bifs::is_bif_module(module.name()) {
        return None;
    }
    let bif = bifs::get(bifs::find(module.name(), function.name(), args.len())?);
    let BifImpl::Pure(f) = bif.imp else {
        return None;
    };
    Some(f(process, args).map_err(|raise| raise.in_bif(bif.module, bif.name, args.to_vec())))
}

impl Vm {
    /// A walk's BIF is called, its caller's frame already pushed: check
    /// the arguments as maps.erl does, then call the fun on the first
    /// pair (or answer at once).
    pub(super) fn maps_special(
        &mut self,
        process: &Process,
        walk: Walk,
        args: Vec<Term>,
    ) -> Result<Flow, Raise> {
        bifs_maps::check_walk(walk, &args)?;
        let pairs = |map: &Term| {
            bifs_maps::pairs(map)
                .expect("checked to be a map")
                .into_iter()
        };
        let next = match walk {
            Walk::Fold => {
                let rest = pairs(&args[2]);
                let [fun, acc, _] = <[Term; 3]>::try_from(args).expect("fold/3");
                MapsFrame::Fold { fun, rest }.advance(Some(acc))
            }
            Walk::Map => {
                let rest = pairs(&args[1]);
                let [fun, _] = <[Term; 2]>::try_from(args).expect("map/2");
                MapsFrame::Map {
                    fun,
                    rest,
                    key: Term::NIL,
                    done: Vec::new(),
                }
                .advance(None)
            }
            Walk::Filter => {
                let rest = pairs(&args[1]);
                let [fun, _] = <[Term; 2]>::try_from(args).expect("filter/2");
                MapsFrame::Filter {
                    fun,
                    rest,
                    pair: (Term::NIL, Term::NIL),
                    kept: Vec::new(),
                }
                .advance(None)
            }
            Walk::UpdateWith | Walk::UpdateWithInit => {
                let map = args.last().expect("update_with's map").clone();
                let (key, fun) = (args[0].clone(), args[1].clone());
                match map.map_get(&key).cloned() {
                    Some(value) => {
                        let arity = args.len() as u8;
                        Next::Call(MapsFrame::UpdateWith { map, key, arity }, fun, vec![value])
                    }
                    None if walk == Walk::UpdateWith => {
                        return Err(bifs_maps::update_with_badkey(&args));
                    }
                    None => Next::Done(
                        map.map_put(key, args[2].clone())
                            .expect("checked to be a map"),
                    ),
                }
            }
        };
        Ok(match self.maps_drive(process, next) {
            Resumed::Value(value) => self.give_back(process, value),
            Resumed::Flow(flow) => flow,
        })
    }

    /// The fun of a walk returned `value` (from `give_back`).
    pub(super) fn maps_resume(
        &mut self,
        process: &Process,
        frame: MapsFrame,
        value: Term,
    ) -> Resumed {
        let next = frame.advance(Some(value));
        self.maps_drive(process, next)
    }

    /// Runs a walk until it needs the interpreter (a call of a fun of
    /// process code) or is done.
    fn maps_drive(&mut self, process: &Process, mut next: Next) -> Resumed {
        loop {
            match next {
                Next::Done(value) => return Resumed::Value(value),
                Next::Fail(frame, raise) => return Resumed::Flow(self.maps_fail(frame, raise)),
                Next::Call(frame, fun, args) => {
                    process.bump_reductions(1);
                    if let Some(result) = pure_bif_call(process, &fun, &args) {
                        next = match result {
                            Ok(value) => frame.advance(Some(value)),
                            Err(raise) => return Resumed::Flow(self.maps_fail(frame, raise)),
                        };
                        continue;
                    }
                    self.push_walk(Frame::Maps(frame));
                    return Resumed::Flow(match self.call_fun(process, &fun, args) {
                        Ok(flow) => super::yield_if_spent(process, flow),
                        Err(raise) => self.fail_here(raise),
                    });
                }
            }
        }
    }

    /// The process ends with `raise` raised in the walk `frame`.
    fn maps_fail(&mut self, frame: MapsFrame, raise: Raise) -> Flow {
        self.push_walk(Frame::Maps(frame));
        self.fail_here(raise)
    }

    /// Ends the process with `raise`, its stack the frames waiting now: the
    /// function the interpreter was in (the walk's caller, or the fun that
    /// just returned) is not on it.
    pub(super) fn fail_here(&mut self, raise: Raise) -> Flow {
        self.tail_failed = true;
        self.uncaught(raise)
    }
}
