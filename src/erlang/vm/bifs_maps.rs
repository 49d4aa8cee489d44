//! The map BIFs: the guard BIFs of `erlang` (`is_map/1`, `map_size/1`,
//! `is_map_key/2`, `map_get/2`) and the common functions of OTP's `maps`
//! module, each with OTP 25's exact error and first stack frame.
//!
//! In OTP 25 some of `maps` is C (`maps:get/2`, `put/3`, `update/3`,
//! `remove/2`, `find/2`, `is_key/2`, `keys/1`, `values/1`, `from_list/1`,
//! `merge/2`, `take/2`, `from_keys/2`: their frame is the BIF with its
//! arguments and no line) and some is Erlang in `maps.erl` (`get/3`,
//! `to_list/1`, `size/1`, `with/2`, `without/2`, `fold/3`, `map/2`,
//! `filter/2`, `update_with/3,4`: they raise with `erlang:error/3` from a
//! line of maps.erl, which the frame carries). The lines are those of
//! stdlib 4.2's maps.erl (OTP 25.2.3), as the BEAM reports them; the
//! differential programs check them.
//!
//! `erlc` compiles a direct call of `maps:get/2`, `maps:is_key/2` and
//! `maps:size/1` to `erlang:map_get/2`, `is_map_key/2` and `map_size/1`
//! (so the frame names `erlang`); the compiler does the same
//! (`compile/maps.rs`), while a call through a fun (`fun maps:get/2`)
//! reaches the `maps` BIF, as on the BEAM.
//!
//! The functions that call a fun (`fold/3`, `map/2`, `filter/2`,
//! `update_with/3,4`) are [`Walk`]s: the interpreter runs them as frames
//! of their own between the fun's calls (`vm/interpreter/map_walks.rs`), as it
//! runs `lists:map/2`, so every call is charged and may be preempted.

use super::errors::{self, Raise};
use crate::erlang::module::FunValue;
use crate::runtime::{Atom, Process, Term};

/// `error_with_info/2` in maps.erl, inlined where it is called: the line
/// of its `erlang:error/3`.
pub const ERROR_WITH_INFO_LINE: u32 = 581;
/// `badarg_with_info/1` in maps.erl, likewise.
pub const BADARG_WITH_INFO_LINE: u32 = 578;
/// `update_with/3`'s `erlang:error({badkey,Key},[Key,Fun,Map])`.
const UPDATE_WITH_BADKEY_LINE: u32 = 265;
/// `with_1/2`'s first clause (its `function_clause` on an improper list).
const WITH_1_LINE: u32 = 494;
/// `lists:foldl_1/3` (lists.erl, stdlib 4.2), which `maps:without/2` runs.
const FOLDL_1_LINE: u32 = 1354;

/// A `maps` function that calls a fun, run by the interpreter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Walk {
    /// `maps:fold(Fun, Acc, Map)`.
    Fold,
    /// `maps:map(Fun, Map)`.
    Map,
    /// `maps:filter(Pred, Map)`.
    Filter,
    /// `maps:update_with(Key, Fun, Map)`.
    UpdateWith,
    /// `maps:update_with(Key, Fun, Init, Map)`.
    UpdateWithInit,
}

/// An error raised in maps.erl's `function` at `line`, with these
/// arguments in its frame (`{maps, F, Args, [{line, L}]}`).
pub fn maps_error(reason: Term, function: &str, args: &[Term], line: Option<u32>) -> Raise {
    let mut raise = Raise::error(reason);
    raise.top = Some(errors::frame(
        Atom::new("maps"),
        Atom::new(function),
        Term::list(args.iter().cloned()),
        line,
    ));
    raise
}

fn badmap(term: &Term) -> Raise {
    Raise::tagged("badmap", term.clone())
}

/// maps.erl's `error_type/1`: `badarg` when the map is one (so another
/// argument is wrong), `{badmap, M}` when it is not.
fn error_type(map: &Term) -> Term {
    if map.as_map().is_some() {
        Term::atom("badarg")
    } else {
        Term::tuple([Term::atom("badmap"), map.clone()])
    }
}

/// One more reduction per 16 elements of work, as `erts` charges.
fn charge(process: &Process, n: usize) {
    process.bump_reductions((n / 16).min(100_000) as u32);
}

pub fn is_function(term: &Term, arity: u32) -> bool {
    FunValue::of(term).is_some_and(|f| f.arity() == arity)
}

// ---- erlang ---------------------------------------------------------------

/// `is_map/1`.
pub fn is_map(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    Ok(Term::boolean(a[0].as_map().is_some()))
}

/// `map_size/1` (and `maps:size/1` called directly).
pub fn map_size(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    let map = a[0].as_map().ok_or_else(|| badmap(&a[0]))?;
    Ok(Term::int(map.len() as i64))
}

/// `is_map_key(K, M)` (and `maps:is_key/2`).
pub fn is_map_key(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    let map = a[1].as_map().ok_or_else(|| badmap(&a[1]))?;
    Ok(Term::boolean(map.contains_key(&a[0])))
}

/// `map_get(K, M)` (and `maps:get/2`): `{badkey, K}` when it is not there.
pub fn map_get(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    let map = a[1].as_map().ok_or_else(|| badmap(&a[1]))?;
    map.get(&a[0])
        .cloned()
        .ok_or_else(|| Raise::tagged("badkey", a[0].clone()))
}

// ---- maps -----------------------------------------------------------------

/// `maps:get(K, M, Default)` (maps.erl).
pub fn get_3(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    let Some(map) = a[1].as_map() else {
        return Err(maps_error(
            Term::tuple([Term::atom("badmap"), a[1].clone()]),
            "get",
            a,
            Some(ERROR_WITH_INFO_LINE),
        ));
    };
    Ok(map.get(&a[0]).cloned().unwrap_or_else(|| a[2].clone()))
}

/// `maps:put(K, V, M)`.
pub fn put(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    a[2].clone()
        .map_put(a[0].clone(), a[1].clone())
        .map_err(|m| badmap(&m))
}

/// `maps:update(K, V, M)`.
pub fn update(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    super::maps::update(a[2].clone(), [(a[0].clone(), a[1].clone())])
}

/// `maps:remove(K, M)`.
pub fn remove(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    a[1].clone().map_remove(&a[0]).map_err(|m| badmap(&m))
}

/// `maps:find(K, M)`: `{ok, V}` or `error`.
pub fn find(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    let map = a[1].as_map().ok_or_else(|| badmap(&a[1]))?;
    Ok(match map.get(&a[0]) {
        Some(v) => Term::ok(v.clone()),
        None => Term::atom("error"),
    })
}

/// `maps:take(K, M)`: `{V, M without K}` or `error`.
pub fn take(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    let map = a[1].as_map().ok_or_else(|| badmap(&a[1]))?;
    let Some(value) = map.get(&a[0]).cloned() else {
        return Ok(Term::atom("error"));
    };
    let rest = a[1].clone().map_remove(&a[0]).map_err(|m| badmap(&m))?;
    Ok(Term::tuple([value, rest]))
}

/// `maps:keys(M)`, in the map's order (key order for up to 32 keys).
pub fn keys(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let map = a[0].as_map().ok_or_else(|| badmap(&a[0]))?;
    charge(p, map.len());
    Ok(Term::list(map.keys().cloned()))
}

/// `maps:values(M)`, in the order of `maps:keys/1`.
pub fn values(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let map = a[0].as_map().ok_or_else(|| badmap(&a[0]))?;
    charge(p, map.len());
    Ok(Term::list(map.values().cloned()))
}

/// `maps:to_list(M)` (maps.erl): `[{K, V}, ...]` in the map's order.
pub fn to_list(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let Some(map) = a[0].as_map() else {
        return Err(maps_error(
            Term::tuple([Term::atom("badmap"), a[0].clone()]),
            "to_list",
            a,
            Some(ERROR_WITH_INFO_LINE),
        ));
    };
    charge(p, map.len());
    Ok(Term::list(
        map.iter().map(|(k, v)| Term::tuple([k.clone(), v.clone()])),
    ))
}

/// The pairs of a proper list of 2-tuples, or `None`.
fn pairs_of(list: &Term) -> Option<Vec<(Term, Term)>> {
    let mut pairs = Vec::new();
    let mut items = list.iter_list();
    for item in items.by_ref() {
        let [k, v] = item.as_tuple()? else {
            return None;
        };
        pairs.push((k.clone(), v.clone()));
    }
    items.rest().is_nil().then_some(pairs)
}

/// `maps:from_list([{K, V}, ...])`: a later key wins; `badarg` for
/// anything but a proper list of pairs.
pub fn from_list(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let pairs = pairs_of(&a[0]).ok_or_else(Raise::badarg)?;
    charge(p, pairs.len());
    Ok(super::maps::make(pairs))
}

/// `maps:from_keys(Keys, Value)`.
pub fn from_keys(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let keys = a[0].list_to_vec().ok_or_else(Raise::badarg)?;
    charge(p, keys.len());
    Ok(super::maps::make(
        keys.into_iter().map(|k| (k, a[1].clone())),
    ))
}

/// `maps:size(M)` through a fun (maps.erl; a direct call is `map_size`).
pub fn size(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    match a[0].as_map() {
        Some(map) => Ok(Term::int(map.len() as i64)),
        None => Err(maps_error(
            Term::tuple([Term::atom("badmap"), a[0].clone()]),
            "size",
            a,
            Some(ERROR_WITH_INFO_LINE),
        )),
    }
}

/// `maps:new()`.
pub fn new(_: &Process, _: &[Term]) -> Result<Term, Raise> {
    Ok(super::maps::make([]))
}

/// `maps:merge(M1, M2)`: M2's value wins for a key in both.
pub fn merge(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let first = a[0].as_map().ok_or_else(|| badmap(&a[0]))?;
    let second = a[1].as_map().ok_or_else(|| badmap(&a[1]))?;
    // Copy the larger and put the smaller's pairs into it.
    let (mut base, pairs, second_wins) = if first.len() >= second.len() {
        (a[0].clone(), second, true)
    } else {
        (a[1].clone(), first, false)
    };
    charge(p, pairs.len());
    for (k, v) in pairs.iter() {
        if second_wins || !base.as_map().is_some_and(|m| m.contains_key(k)) {
            base = base.map_put(k.clone(), v.clone()).map_err(|m| badmap(&m))?;
        }
    }
    Ok(base)
}

/// `maps:with(Keys, M)` (maps.erl).
pub fn with(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let (keys, map_term) = (&a[0], &a[1]);
    let Some(map) = map_term.as_map().filter(|_| keys.is_list()) else {
        return Err(maps_error(
            error_type(map_term),
            "with",
            a,
            Some(ERROR_WITH_INFO_LINE),
        ));
    };
    let mut pairs = Vec::new();
    let mut items = keys.iter_list();
    for key in items.by_ref() {
        if let Some(value) = map.get(key) {
            pairs.push((key.clone(), value.clone()));
        }
    }
    if !items.rest().is_nil() {
        // `with_1(Tail, Map)` finds no clause for an improper tail.
        let mut raise = Raise::error(Term::atom("function_clause"));
        raise.top = Some(errors::frame(
            Atom::new("maps"),
            Atom::new("with_1"),
            Term::list([items.rest().clone(), map_term.clone()]),
            Some(WITH_1_LINE),
        ));
        return Err(raise);
    }
    charge(p, pairs.len());
    Ok(super::maps::make(pairs))
}

/// `maps:without(Keys, M)` (maps.erl: `lists:foldl(fun maps:remove/2, M,
/// Keys)`).
pub fn without(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let (keys, map_term) = (&a[0], &a[1]);
    if map_term.as_map().is_none() || !keys.is_list() {
        return Err(maps_error(
            error_type(map_term),
            "without",
            a,
            Some(ERROR_WITH_INFO_LINE),
        ));
    }
    let mut map = map_term.clone();
    let mut items = keys.iter_list();
    let mut n = 0;
    for key in items.by_ref() {
        map = map.map_remove(key).map_err(|m| badmap(&m))?;
        n += 1;
    }
    if !items.rest().is_nil() {
        // The foldl of maps.erl walks into the improper tail.
        let remove = Term::fun(crate::runtime::Fun::external(
            Atom::new("maps"),
            Atom::new("remove"),
            2,
        ));
        let mut raise = Raise::error(Term::atom("function_clause"));
        raise.top = Some(errors::frame(
            Atom::new("lists"),
            Atom::new("foldl_1"),
            Term::list([remove, map, items.rest().clone()]),
            Some(FOLDL_1_LINE),
        ));
        return Err(raise);
    }
    charge(p, n);
    Ok(map)
}

/// The pairs a walk goes through, in the map's order; `None` if `map` is
/// not a map.
pub fn pairs(map: &Term) -> Option<Vec<(Term, Term)>> {
    Some(
        map.as_map()?
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    )
}

/// The arguments of a walk checked as maps.erl checks them: the error it
/// raises before calling the fun at all, if any.
pub fn check_walk(walk: Walk, a: &[Term]) -> Result<(), Raise> {
    let (name, fun, arity, map) = match walk {
        Walk::Fold => ("fold", &a[0], 3, &a[2]),
        Walk::Map => ("map", &a[0], 2, &a[1]),
        Walk::Filter => ("filter", &a[0], 2, &a[1]),
        Walk::UpdateWith => ("update_with", &a[1], 1, &a[2]),
        Walk::UpdateWithInit => ("update_with", &a[1], 1, &a[3]),
    };
    let fun_ok = is_function(fun, arity);
    let map_ok = map.as_map().is_some();
    match walk {
        // `when is_function(Fun, N)` first, then the map (or iterator).
        Walk::Fold | Walk::Map | Walk::Filter if !fun_ok => Err(maps_error(
            Term::atom("badarg"),
            name,
            a,
            Some(BADARG_WITH_INFO_LINE),
        )),
        Walk::Fold | Walk::Map | Walk::Filter if !map_ok => Err(maps_error(
            Term::tuple([Term::atom("badmap"), map.clone()]),
            name,
            a,
            Some(ERROR_WITH_INFO_LINE),
        )),
        // `when is_function(Fun, 1), is_map(Map)`, else `error_type(Map)`.
        Walk::UpdateWith | Walk::UpdateWithInit if !(fun_ok && map_ok) => Err(maps_error(
            error_type(map),
            name,
            a,
            Some(ERROR_WITH_INFO_LINE),
        )),
        _ => Ok(()),
    }
}

/// `update_with/3` on a missing key: `erlang:error({badkey,Key},[Key,Fun,Map])`.
pub fn update_with_badkey(a: &[Term]) -> Raise {
    maps_error(
        Term::tuple([Term::atom("badkey"), a[0].clone()]),
        "update_with",
        a,
        Some(UPDATE_WITH_BADKEY_LINE),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::term::print::Style;

    fn m(text: &[(&str, i64)]) -> Term {
        super::super::maps::make(text.iter().map(|(k, v)| (Term::atom(k), Term::int(*v))))
    }

    /// The error's reason and first frame, as the observer prints them.
    fn failure(raise: Raise) -> String {
        format!(
            "{} {}",
            raise.reason.format(Style::Write, None),
            raise
                .top
                .map(|t| t.format(Style::Write, None))
                .unwrap_or_default()
        )
    }

    #[test]
    fn walks_check_the_fun_before_the_map_and_name_maps_erl_lines() {
        let f = Term::atom("not_a_fun");
        let e = check_walk(Walk::Fold, &[f.clone(), Term::int(0), Term::atom("x")]).unwrap_err();
        assert_eq!(
            failure(e),
            "badarg {maps,fold,[not_a_fun,0,x],[{line,578}]}"
        );
        let e = check_walk(
            Walk::UpdateWith,
            &[Term::atom("k"), f.clone(), Term::atom("x")],
        )
        .unwrap_err();
        assert_eq!(
            failure(e),
            "{badmap,x} {maps,update_with,[k,not_a_fun,x],[{line,581}]}"
        );
        let e = check_walk(Walk::UpdateWith, &[Term::atom("k"), f, m(&[])]).unwrap_err();
        assert_eq!(
            failure(e),
            "badarg {maps,update_with,[k,not_a_fun,#{}],[{line,581}]}"
        );
    }

    #[test]
    fn error_type_is_badarg_for_a_map_and_badmap_otherwise() {
        assert_eq!(error_type(&m(&[])).to_string(), "badarg");
        assert_eq!(error_type(&Term::int(3)).to_string(), "{badmap,3}");
    }

    #[test]
    fn pairs_need_a_proper_list_of_two_tuples() {
        let good = Term::list([Term::tuple([Term::atom("a"), Term::int(1)])]);
        assert_eq!(pairs_of(&good).unwrap().len(), 1);
        assert!(pairs_of(&Term::list([Term::atom("a")])).is_none());
        let improper = Term::improper_list(
            [Term::tuple([Term::atom("a"), Term::int(1)])],
            Term::atom("b"),
        );
        assert!(pairs_of(&improper).is_none());
        assert!(pairs_of(&Term::atom("x")).is_none());
    }
}
