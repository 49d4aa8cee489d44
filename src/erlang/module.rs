//! A compiled definition: what `compile.rs` produces and the interpreter
//! runs. One [`CompiledModule`] per loaded version of a definition; a
//! process's frames hold an `Arc` of the version they run, so loading a new
//! version never changes code under a running process, and a version is
//! known by the identity of its `Arc` (what `erlang:check_process_code`
//! compares, see `vm/interpreter.rs`). A local fun holds its version's
//! `Arc` too, and outlives a purge of it: calling it then raises
//! `{badfun, F}`, as the BEAM does (see [`CompiledModule::is_purged`]).

use super::opcodes::{ArithOp, CmpOp, LogicOp, Op, Reg};
use super::vm::bifs::BifId;
use super::vm::bits::BsPatSeg;
use crate::runtime::term::fun::{Code as FunCode, Fun, FunKind};
use crate::runtime::{Atom, Term};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

#[derive(Debug)]
pub struct CompiledModule {
    pub name: Atom,
    /// The definition's functions first (in source order), then the funs'
    /// bodies lifted out as functions of their own (BEAM's lambdas, named
    /// `'-start/0-fun-0-'`).
    pub functions: Vec<FunctionCode>,
    /// `(name, arity)` of every named function to its index; all of them are
    /// callable from outside (the playground has no `-export`; the export
    /// to Erlang writes `-compile(export_all)`).
    pub exports: BTreeMap<(Atom, u32), u32>,
    pub constants: Vec<Term>,
    pub patterns: Vec<Pat>,
    pub guards: Vec<GuardCode>,
    pub receives: Vec<ReceiveTable>,
    pub imports: Vec<Import>,
    /// The text of the definition, for `show` and the export.
    pub source: String,
    /// A hash of the text: the `uniq` of its funs (erts's `old_uniq`), so
    /// funs of two loads of the same text are equal and of different texts
    /// are not.
    pub uniq: u32,
    /// Its version number (`counter@2`), stamped when it is loaded (see
    /// `program::load`; 0 until then). An atomic only so that it can be
    /// stamped through the `Arc` the compiler hands out.
    pub version: AtomicU32,
    /// Set when this version is purged (see `program::purge`): its local
    /// funs, which processes may still hold, can no longer be called.
    pub purged: AtomicBool,
    /// The fields of the struct it defines, in order (`Attributes`).
    pub struct_fields: Option<Vec<Atom>>,
}

#[derive(Debug)]
pub struct FunctionCode {
    pub name: Atom,
    /// Arguments, including a lambda's captured values (after its own).
    pub arity: u32,
    /// For a lambda: how many of the arguments are captured values.
    pub captured: u32,
    /// Registers the window needs: arguments, variables, temporaries.
    pub frame_size: u16,
    pub code: Vec<Op>,
    /// The source line of each instruction, for error stacks.
    pub lines: Vec<u32>,
    /// The line of the function's first clause (the location OTP gives a
    /// `function_clause`).
    pub line: u32,
}

/// `m:f/arity` called remotely.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Import {
    pub module: Atom,
    pub function: Atom,
    pub arity: u32,
}

/// A compiled pattern. Matching binds `Bind` registers as it goes, left to
/// right, so `{X, X}` is `Tuple([Bind(x), Same(x)])`.
#[derive(Clone, Debug, PartialEq)]
pub enum Pat {
    /// `_`.
    Any,
    /// An unbound variable: stores the value in its register.
    Bind(Reg),
    /// A bound variable: the value must be exactly equal (`=:=`).
    Same(Reg),
    /// An atom, number, string or `[]`: exactly equal (`1` does not match
    /// `1.0`; `"ab"` matches `[97, 98]`, the same term in Erlang).
    Lit(Term),
    Tuple(Box<[Pat]>),
    Cons(Box<Pat>, Box<Pat>),
    /// `P1 = P2`.
    Alias(Box<Pat>, Box<Pat>),
    /// `#{K := P, ...}`: a map with every key (`=:=`), each value matching
    /// its pattern. A key is a literal, a bound variable's register, or a
    /// tuple, list or map of those (`GExpr::Lit`, `Reg`, `Tuple`, `Cons`,
    /// `Map`), computed when the pattern is matched (`vm/maps.rs`).
    Map(Box<[(GExpr, Pat)]>),
    /// A binary pattern inside another pattern or in a `receive`
    /// (`vm/bits.rs`; one at the top of a match is instructions instead).
    Bin(Box<[BsPatSeg]>),
}

/// `when G1, G2; G3`: alternatives, each a list of tests that must all be
/// `true`. Evaluation stops at the first failing or raising test of an
/// alternative and goes on with the next alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct GuardCode {
    pub alternatives: Vec<Vec<GExpr>>,
}

/// A guard expression: the subset of expressions Erlang allows in guards
/// (no calls to user functions, no sends, no receives).
#[derive(Clone, Debug, PartialEq)]
pub enum GExpr {
    Reg(Reg),
    Lit(Term),
    Tuple(Vec<GExpr>),
    Cons(Box<GExpr>, Box<GExpr>),
    Arith(ArithOp, Box<GExpr>, Box<GExpr>),
    Unary {
        negate: bool,
        arg: Box<GExpr>,
    },
    Compare(CmpOp, Box<GExpr>, Box<GExpr>),
    Not(Box<GExpr>),
    Logic(LogicOp, Box<GExpr>, Box<GExpr>),
    AndAlso(Box<GExpr>, Box<GExpr>),
    OrElse(Box<GExpr>, Box<GExpr>),
    Bif(BifId, Vec<GExpr>),
    /// `#{K => V, ...}` in a guard.
    Map(Vec<(GExpr, GExpr)>),
    /// `M#{K => V, K2 := V2}` in a guard: `true` in the field means `:=`.
    MapUpdate(Box<GExpr>, Vec<(bool, GExpr, GExpr)>),
}

/// One `receive`: its clauses (pattern, guard, where the body starts) and
/// its `after`.
#[derive(Clone, Debug, PartialEq)]
pub struct ReceiveTable {
    pub clauses: Vec<ReceiveClause>,
    /// `after T -> Body`: the register holding T (evaluated before the
    /// receive starts) and the body's label. No `after`: wait for ever.
    pub after: Option<(Reg, u32)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReceiveClause {
    pub pat: Pat,
    pub guard: Option<GuardCode>,
    pub body: u32,
}

/// A fun as the interpreter sees it, taken out of its term
/// ([`FunValue::of`]). In the term it is the core's `Fun`: a local fun is
/// known by its module, the index of its function, the module's `uniq`
/// (a hash of the definition's text, as erts hashes a module's code) and
/// its captured values, so two funs from the same code with equal captured
/// values are equal, as on the BEAM; the module version's `Arc` rides
/// along to call it.
#[derive(Debug)]
pub enum FunValue {
    /// `fun (X) -> ... end` or `fun name/arity`: function `function` of
    /// this module version, with the values it captured.
    Local {
        module: Arc<CompiledModule>,
        function: u32,
        captured: Vec<Term>,
    },
    /// `fun m:f/arity`: resolved at each call, like a remote call.
    External {
        module: Atom,
        function: Atom,
        arity: u32,
    },
}

impl FunValue {
    /// How many arguments the fun takes.
    pub fn arity(&self) -> u32 {
        match self {
            FunValue::Local {
                module,
                function,
                captured,
            } => module.functions[*function as usize].arity - captured.len() as u32,
            FunValue::External { arity, .. } => *arity,
        }
    }

    /// The fun a term is, if it is one of process code. Inlined: a
    /// `lists:map`/`foldl` step asks twice per element (once whether it
    /// is a BIF's fun, once to call it), and the call itself cost half of
    /// what it does.
    #[inline(always)]
    pub fn of(term: &Term) -> Option<FunValue> {
        let fun = term.as_fun()?;
        match fun.kind() {
            FunKind::Local {
                index, env, code, ..
            } => {
                let module = code.clone()?.downcast::<CompiledModule>().ok()?;
                Some(FunValue::Local {
                    module,
                    function: *index,
                    captured: env.to_vec(),
                })
            }
            FunKind::External { function, arity } => Some(FunValue::External {
                module: fun.module(),
                function: *function,
                arity: *arity,
            }),
        }
    }

    /// The fun as a term: printed `#Fun<counter.3.81234>` (module, index,
    /// uniq) for a local fun, `fun lists:map/2` for an external one, as
    /// OTP 25 prints them.
    pub fn into_term(self) -> Term {
        match self {
            FunValue::Local {
                module,
                function,
                captured,
            } => {
                let arity = module.functions[function as usize].arity - captured.len() as u32;
                let (name, uniq) = (module.name, module.uniq);
                let code: FunCode = module;
                Term::fun(Fun::local(
                    name,
                    function,
                    uniq,
                    arity,
                    captured,
                    Some(code),
                ))
            }
            FunValue::External {
                module,
                function,
                arity,
            } => Term::fun(Fun::external(module, function, arity)),
        }
    }
}

impl CompiledModule {
    /// The version number it was loaded as (0: not loaded).
    pub fn version(&self) -> u32 {
        self.version.load(Ordering::Relaxed)
    }

    /// Whether this version has been purged from the code table: OTP 25
    /// leaves a process that only holds a fun of it alive, and the fun
    /// raises `{badfun, F}` when called.
    pub fn is_purged(&self) -> bool {
        self.purged.load(Ordering::Relaxed)
    }

    /// `counter@2`: how views name this version.
    pub fn label(&self) -> String {
        format!("{}@{}", self.name.name(), self.version())
    }

    /// The index of `name/arity`, if the module defines it.
    pub fn function(&self, name: Atom, arity: u32) -> Option<u32> {
        self.exports.get(&(name, arity)).copied()
    }

    /// The named functions, `name/arity`, in source order.
    pub fn function_names(&self) -> Vec<(Atom, u32)> {
        let mut named: Vec<(u32, (Atom, u32))> = self
            .exports
            .iter()
            .map(|(&key, &index)| (index, key))
            .collect();
        named.sort();
        named.into_iter().map(|(_, key)| key).collect()
    }
}
