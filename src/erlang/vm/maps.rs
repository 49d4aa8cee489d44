//! Maps in the virtual machine: what the map instructions do
//! (`MakeMap`, `MapPut`, `MapExact`), map patterns (`#{K := P}`) and maps
//! built in guards. The maps themselves are the term core's
//! (`runtime/term/map.rs`: OTP 25's order and printing, in-place updates
//! of a map held once); the BIFs of the `maps` module are in
//! `bifs_maps.rs`.
//!
//! Errors are OTP 25's: updating something that is not a map is
//! `{badmap, V}`, a `:=` key that is not there `{badkey, K}`, both with
//! the function's own frame first (an update is an instruction, not a
//! BIF call, on the BEAM too).

use super::errors::Raise;
use super::matching::match_pat;
use crate::erlang::module::{GExpr, Pat};
use crate::runtime::Term;

/// `#{K1 => V1, ...}`: the later of two equal keys wins, as in Erlang.
pub fn make(pairs: impl IntoIterator<Item = (Term, Term)>) -> Term {
    Term::map(pairs)
}

#[cfg(test)]
thread_local! {
    /// Test hook: how many updates had to copy their map because another
    /// reference to it was alive (deterministic runs happen on the test's
    /// thread).
    pub(crate) static COPIES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts an update of a map that is not held once (test builds only).
fn note_shared(map: &Term) {
    #[cfg(test)]
    if !map.is_unique() {
        COPIES.with(|n| n.set(n.get() + 1));
    }
    let _ = map;
}

/// `Map#{K1 => V1, ...}` (`put_map_assoc`): in place when `map` is the
/// only reference to its node (the interpreter moved it out of a register
/// at its last use), else a copy of the flat array or of the trie's path.
pub fn put(map: Term, pairs: impl IntoIterator<Item = (Term, Term)>) -> Result<Term, Raise> {
    if map.as_map().is_none() {
        return Err(Raise::tagged("badmap", map));
    }
    note_shared(&map);
    let mut map = map;
    for (key, value) in pairs {
        map = map
            .map_put(key, value)
            .map_err(|m| Raise::tagged("badmap", m))?;
    }
    Ok(map)
}

/// `Map#{K1 := V1, ...}` (`put_map_exact`): as [`put`], but every key must
/// be there already; `{badkey, K}` names the first that is not, in the
/// order given (the compiler's, which is OTP's: see `compile/maps.rs`).
pub fn update(map: Term, pairs: impl IntoIterator<Item = (Term, Term)>) -> Result<Term, Raise> {
    if map.as_map().is_none() {
        return Err(Raise::tagged("badmap", map));
    }
    note_shared(&map);
    let mut map = map;
    for (key, value) in pairs {
        map = match map.map_update(key, value) {
            Ok(map) => map,
            Err(Some(key)) => return Err(Raise::tagged("badkey", key)),
            Err(None) => unreachable!("checked to be a map above"),
        };
    }
    Ok(map)
}

/// Matches `#{K1 := P1, ...}` against `value`: a map holding every key,
/// each value matching its pattern; `#{}` matches any map.
pub fn match_map(fields: &[(GExpr, Pat)], value: &Term, regs: &mut [Term]) -> bool {
    let Some(map) = value.as_map() else {
        return false;
    };
    fields.iter().all(|(key, pat)| {
        let found = match key {
            GExpr::Lit(key) => map.get(key),
            GExpr::Reg(r) => map.get(&regs[usize::from(*r)]),
            other => match key_value(other, regs) {
                Some(key) => map.get(&key),
                None => None,
            },
        };
        found.is_some_and(|v| match_pat(pat, v, regs))
    })
}

/// The value of a map pattern's key: a literal, a bound variable, or a
/// tuple, list or map of them (the parser lets nothing else through, see
/// `syntax/map.rs`). `None` for anything else.
fn key_value(key: &GExpr, regs: &[Term]) -> Option<Term> {
    Some(match key {
        GExpr::Lit(t) => t.clone(),
        GExpr::Reg(r) => regs[usize::from(*r)].clone(),
        GExpr::Tuple(items) => Term::tuple(
            items
                .iter()
                .map(|item| key_value(item, regs))
                .collect::<Option<Vec<_>>>()?,
        ),
        GExpr::Cons(head, tail) => Term::cons(key_value(head, regs)?, key_value(tail, regs)?),
        GExpr::Map(pairs) => make(
            pairs
                .iter()
                .map(|(k, v)| Some((key_value(k, regs)?, key_value(v, regs)?)))
                .collect::<Option<Vec<_>>>()?,
        ),
        _ => return None,
    })
}

/// `M#{K => V, K2 := V2}` in a guard, the fields applied one after the
/// other (which gives the same map as OTP's grouping, and a guard only
/// cares whether it fails, not with which key). `None`: it fails.
pub fn guard_update(map: Term, fields: Vec<(bool, Term, Term)>) -> Option<Term> {
    map.as_map()?;
    let mut map = map;
    for (exact, key, value) in fields {
        map = if exact {
            map.map_update(key, value).ok()?
        } else {
            map.map_put(key, value).ok()?
        };
    }
    Some(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(name: &str) -> Term {
        Term::atom(name)
    }

    #[test]
    fn put_and_update_raise_otps_errors() {
        let m = make([(atom("a"), Term::int(1))]);
        let put_b = put(m.clone(), [(atom("b"), Term::int(2))]).unwrap();
        assert_eq!(put_b.to_string(), "#{a => 1,b => 2}");
        assert_eq!(m.to_string(), "#{a => 1}", "a shared map is copied");
        let e = put(atom("x"), []).unwrap_err();
        assert_eq!(e.reason.to_string(), "{badmap,x}");
        assert_eq!(e.top, None, "no BIF frame: an update is an instruction");
        let e = update(m.clone(), [(atom("c"), Term::int(3))]).unwrap_err();
        assert_eq!(e.reason.to_string(), "{badkey,c}");
        let e = update(Term::int(1), [(atom("a"), Term::int(3))]).unwrap_err();
        assert_eq!(e.reason.to_string(), "{badmap,1}");
        let a2 = update(m, [(atom("a"), Term::int(2))]).unwrap();
        assert_eq!(a2.to_string(), "#{a => 2}");
    }

    #[test]
    fn a_map_held_once_is_updated_in_place() {
        let m = make([(atom("a"), Term::int(1))]);
        let before = m.as_map().unwrap() as *const _;
        let m = put(m, [(atom("b"), Term::int(2))]).unwrap();
        let m = update(m, [(atom("a"), Term::int(3))]).unwrap();
        assert_eq!(m.as_map().unwrap() as *const _, before);
        assert_eq!(m.to_string(), "#{a => 3,b => 2}");
    }

    #[test]
    fn patterns_need_every_key_and_compare_keys_exactly() {
        let m = make([(Term::int(1), atom("one")), (atom("k"), atom("v"))]);
        let mut regs = vec![Term::NIL, Term::NIL];
        let fields = [(GExpr::Lit(Term::int(1)), Pat::Bind(0))];
        assert!(match_map(&fields, &m, &mut regs));
        assert_eq!(regs[0], atom("one"));
        let float_key = [(GExpr::Lit(Term::float(1.0)), Pat::Any)];
        assert!(
            !match_map(&float_key, &m, &mut regs),
            "1.0 is not the key 1"
        );
        assert!(match_map(&[], &m, &mut regs), "#{{}} matches any map");
        assert!(!match_map(&[], &Term::NIL, &mut regs));
        regs[1] = atom("k");
        let by_register = [(GExpr::Reg(1), Pat::Lit(atom("v")))];
        assert!(match_map(&by_register, &m, &mut regs));
        let built = [(GExpr::Tuple(vec![GExpr::Reg(1)]), Pat::Any)];
        assert!(!match_map(&built, &m, &mut regs));
    }

    #[test]
    fn guard_updates_fail_rather_than_raise() {
        let m = make([(atom("a"), Term::int(1))]);
        let fields = vec![
            (false, atom("b"), Term::int(2)),
            (true, atom("b"), Term::int(3)),
        ];
        assert_eq!(
            guard_update(m.clone(), fields).unwrap().to_string(),
            "#{a => 1,b => 3}"
        );
        assert!(guard_update(m, vec![(true, atom("z"), Term::NIL)]).is_none());
        assert!(guard_update(Term::NIL, vec![]).is_none());
    }
}
