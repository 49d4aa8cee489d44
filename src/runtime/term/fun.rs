//! Funs: comparable values, not opaque Rust closures.
//!
//! Two funs are equal when they come from the same code with equal
//! captured values, as on the BEAM: a local fun is identified by its
//! module, its index among the module's funs and a unique id of the code
//! (erts's `old_uniq`: letitcrash can use the module version's hash, so a
//! fun of a reloaded module differs from the old one), then compared by
//! what it captured; an external fun `fun m:f/a` by its three names. The
//! runtime's handle to the compiled code (`code`) rides along for calling
//! the fun and takes no part in equality, order, hashing or printing.
//!
//! Printed as OTP 25 prints them: `#Fun<module.index.uniq>` for a local
//! fun, `fun m:f/a` for an external one.

use crate::runtime::term::atom::Atom;
use crate::runtime::term::word::Term;
use std::any::Any;
use std::sync::Arc;

/// The code behind a local fun, as the runtime chooses to keep it (for
/// letitcrash, the `Arc<CompiledModule>` of the version it was made in).
pub type Code = Arc<dyn Any + Send + Sync>;

pub struct Fun {
    module: Atom,
    kind: FunKind,
}

pub enum FunKind {
    /// `fun (X) -> ... end` or `fun name/arity` inside `module`.
    Local {
        index: u32,
        uniq: u32,
        /// The arguments it takes (the captured values come after them).
        arity: u32,
        env: Box<[Term]>,
        code: Option<Code>,
    },
    /// `fun m:f/a`: resolved when called.
    External { function: Atom, arity: u32 },
}

impl Fun {
    pub fn local(
        module: Atom,
        index: u32,
        uniq: u32,
        arity: u32,
        env: impl Into<Box<[Term]>>,
        code: Option<Code>,
    ) -> Fun {
        Fun {
            module,
            kind: FunKind::Local {
                index,
                uniq,
                arity,
                env: env.into(),
                code,
            },
        }
    }

    pub fn external(module: Atom, function: Atom, arity: u32) -> Fun {
        Fun {
            module,
            kind: FunKind::External { function, arity },
        }
    }

    pub fn module(&self) -> Atom {
        self.module
    }

    pub fn kind(&self) -> &FunKind {
        &self.kind
    }

    /// How many arguments it takes.
    pub fn arity(&self) -> u32 {
        match &self.kind {
            FunKind::Local { arity, .. } | FunKind::External { arity, .. } => *arity,
        }
    }

    /// The captured values (none for an external fun).
    pub fn env(&self) -> &[Term] {
        match &self.kind {
            FunKind::Local { env, .. } => env,
            FunKind::External { .. } => &[],
        }
    }

    /// A Rust value travelling in a term: a supervisor's child spec in a
    /// `start_child` call, its snapshot in a reply. A local fun of the
    /// module `label` whose unique id is new for every value, so two are
    /// equal only when they are the same value (as two funs made by
    /// different evaluations differ), printed `#Fun<label.0.N>`.
    pub fn opaque<T: Any + Send + Sync>(label: &str, value: T) -> Fun {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let uniq = NEXT.fetch_add(1, Ordering::Relaxed);
        Fun::local(
            Atom::new(label),
            0,
            uniq,
            0,
            Vec::new(),
            Some(Arc::new(value)),
        )
    }

    /// The value an [`Fun::opaque`] carries (or a local fun's code), if it
    /// is a `T`.
    pub fn downcast<T: Any>(&self) -> Option<&T> {
        self.code::<T>()
    }

    /// The runtime's code handle, downcast.
    pub fn code<T: Any>(&self) -> Option<&T> {
        match &self.kind {
            FunKind::Local { code: Some(c), .. } => c.downcast_ref(),
            _ => None,
        }
    }
}

impl std::fmt::Debug for Fun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::runtime::term::print::fun_to_string(self))
    }
}

impl Term {
    pub fn fun(f: Fun) -> Term {
        Term::new_fun(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mk(x: i64) -> Term {
        Term::fun(Fun::local(
            Atom::new("p2"),
            0,
            77,
            0,
            vec![Term::int(x)],
            None,
        ))
    }

    #[test]
    fn funs_are_equal_when_the_code_and_captures_are() {
        assert_eq!(mk(1), mk(1));
        assert_ne!(mk(1), mk(2));
        assert_eq!(mk(1).compare(&mk(2)), std::cmp::Ordering::Less);
        let other_code = Term::fun(Fun::local(
            Atom::new("p2"),
            0,
            78,
            0,
            vec![Term::int(1)],
            None,
        ));
        assert_ne!(mk(1), other_code);
        let ext = Term::fun(Fun::external(Atom::new("lists"), Atom::new("map"), 2));
        assert!(mk(1) < ext, "local funs before external ones");
        assert_eq!(
            ext,
            Term::fun(Fun::external(Atom::new("lists"), Atom::new("map"), 2))
        );
        let ext3 = Term::fun(Fun::external(Atom::new("lists"), Atom::new("map"), 3));
        let foldl = Term::fun(Fun::external(Atom::new("lists"), Atom::new("foldl"), 3));
        assert!(ext < ext3 && foldl < ext);
        assert_eq!(ext.to_string(), "fun lists:map/2");
        assert_eq!(mk(1).to_string(), "#Fun<p2.0.77>");
    }

    #[test]
    fn the_code_handle_rides_along() {
        let f = Fun::local(Atom::new("m"), 1, 2, 1, Vec::new(), Some(Arc::new(42u32)));
        assert_eq!(f.code::<u32>(), Some(&42));
        assert_eq!(f.arity(), 1);
    }
}
