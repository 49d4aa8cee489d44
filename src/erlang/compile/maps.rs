//! Maps in the compiler: construction, update, patterns and guards, and
//! the calls `erlc` inlines.
//!
//! An update `M#{K1 => V1, K2 := V2, ...}` is compiled as OTP 25's
//! compiler does it (`v3_kernel:map_split_pairs/4`), because that decides
//! *which* `{badkey, K}` a failing update reports: the fields are split
//! into groups, a run of fields with literal keys being one group and
//! every field with a computed key a group of its own; within a literal
//! group a key written twice keeps its last value and its first operator
//! (as `map_remove_dup_keys/1` decides), the
//! keys are sorted, and the `=>` fields go first (`MapPut`, BEAM's
//! `put_map_assoc`), then the `:=` fields (`MapExact`, `put_map_exact`).
//! So `M#{d := 1, c := 2}` with neither key reports `c`, and
//! `M#{d := 1, K := 2, c := 3}` reports `d`, as the BEAM does.
//!
//! The map an update starts from is moved out of its register when that
//! is its last use (`liveness.rs` sets `take`), so a loop that threads a
//! map through itself updates it in place.

use super::{FnCompiler, Result, error};
use crate::erlang::ast::{
    Expr, ExprKind, MapField, MapPatternField, Pattern, PatternKind, Pos, UnOp,
};
use crate::erlang::module::{GExpr, Pat};
use crate::erlang::opcodes::{Op, Reg};
use crate::runtime::Term;
use crate::runtime::term::order::exact_compare;

/// The value of an expression made only of literals (a map key or value
/// known when the definition is compiled), if it is one.
pub(crate) fn literal_term(expr: &Expr) -> Option<Term> {
    Some(match &expr.kind {
        ExprKind::Atom(a) => Term::atom(a),
        ExprKind::Int(n) => n.clone(),
        ExprKind::Float(x) => Term::float(*x),
        ExprKind::Str(s) => Term::string(s),
        ExprKind::Nil => Term::NIL,
        ExprKind::UnOp(op @ (UnOp::Neg | UnOp::Plus), operand) => {
            let value = match operand.kind {
                ExprKind::Int(_) | ExprKind::Float(_) => literal_term(operand)?,
                _ => return None,
            };
            if *op == UnOp::Neg {
                crate::runtime::term::arith::neg(&value).ok()?
            } else {
                value
            }
        }
        ExprKind::Tuple(items) => {
            Term::tuple(items.iter().map(literal_term).collect::<Option<Vec<_>>>()?)
        }
        ExprKind::Cons(..) => {
            // A list literal's cells one after the other, not by recursion.
            let mut items = Vec::new();
            let mut at = expr;
            while let ExprKind::Cons(head, tail) = &at.kind {
                items.push(literal_term(head)?);
                at = tail;
            }
            Term::improper_list(items, literal_term(at)?)
        }
        ExprKind::Map(fields) if fields.iter().all(|f| !f.exact) => Term::map(
            fields
                .iter()
                .map(|f| Some((literal_term(&f.key)?, literal_term(&f.value)?)))
                .collect::<Option<Vec<_>>>()?,
        ),
        _ => return None,
    })
}

/// The variables a pattern binds, in order of appearance: those of a map
/// pattern's keys are uses of variables bound before it (in a fun's head,
/// the enclosing clause's, which the fun captures), not new ones.
pub(super) fn pattern_bindings(pattern: &Pattern, out: &mut Vec<String>) {
    if let PatternKind::Var(name) = &pattern.kind
        && !out.contains(name)
    {
        out.push(name.clone());
    }
    // A map's keys and a segment's size read variables; only the values
    // (the children) bind.
    for child in pattern.children() {
        pattern_bindings(child, out);
    }
}

/// The BIF `erlc` compiles a direct call to: `maps:get/2` is
/// `erlang:map_get/2`, `maps:is_key/2` is `erlang:is_map_key/2`,
/// `maps:size/1` is `erlang:map_size/1` (so their errors name `erlang`,
/// as on the BEAM); anything else is itself.
pub(super) fn erlc_inlined<'a>(module: &'a str, name: &'a str, arity: usize) -> (&'a str, &'a str) {
    match (module, name, arity) {
        ("maps", "get", 2) => ("erlang", "map_get"),
        ("maps", "is_key", 2) => ("erlang", "is_map_key"),
        ("maps", "size", 1) => ("erlang", "map_size"),
        _ => (module, name),
    }
}

/// The error for `#{K := V}` outside a pattern, as `erl_lint` words it.
fn exact_in_construction<T>(field: &MapField) -> Result<T> {
    error(
        field.pos,
        "only association operators '=>' are allowed in map construction",
        Some("`:=` updates a key a map already has, `M#{K := V}`; a new map is built with `=>`"),
    )
}

/// One instruction of an update: `=>` or `:=` pairs.
struct Group {
    exact: bool,
    pairs: Vec<(Reg, Reg)>,
}

/// The groups of an update, in the order they run (see the module docs).
fn groups(fields: &[MapField], regs: &[(Reg, Reg)]) -> Vec<Group> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < fields.len() {
        if literal_term(&fields[i].key).is_none() {
            out.push(Group {
                exact: fields[i].exact,
                pairs: vec![regs[i]],
            });
            i += 1;
            continue;
        }
        // A run of literal keys; `map_remove_dup_keys/1`.
        let mut used: Vec<(Term, bool, (Reg, Reg))> = Vec::new();
        while i < fields.len() {
            let Some(key) = literal_term(&fields[i].key) else {
                break;
            };
            let exact = fields[i].exact;
            match used.iter_mut().find(|(k, ..)| *k == key) {
                // A repeated key keeps its first operator and its last
                // value: `=>` then `:=` is a put (the key is there by
                // then), `:=` then `=>` an update (it fails as the first
                // would).
                Some(entry) => entry.2 = regs[i],
                None => used.push((key, exact, regs[i])),
            }
            i += 1;
        }
        used.sort_by(|a, b| a.0.compare(&b.0).then_with(|| exact_compare(&a.0, &b.0)));
        for exact in [false, true] {
            let pairs: Vec<(Reg, Reg)> = used
                .iter()
                .filter(|(_, e, _)| *e == exact)
                .map(|(_, _, r)| *r)
                .collect();
            if !pairs.is_empty() {
                out.push(Group { exact, pairs });
            }
        }
    }
    out
}

impl FnCompiler<'_> {
    /// The keys and values of `fields`, in the order written, each in a
    /// register (a variable's own, or a temporary it is computed into).
    fn map_fields(&mut self, fields: &[MapField]) -> Result<Vec<(Reg, Reg)>> {
        fields
            .iter()
            .map(|field| Ok((self.operand(&field.key)?, self.operand(&field.value)?)))
            .collect()
    }

    /// `#{K => V, ...}` into `dst`.
    pub(super) fn map_new(&mut self, fields: &[MapField], dst: Reg, pos: Pos) -> Result<()> {
        if let Some(field) = fields.iter().find(|f| f.exact) {
            return exact_in_construction(field);
        }
        let literal = fields
            .iter()
            .map(|f| Some((literal_term(&f.key)?, literal_term(&f.value)?)))
            .collect::<Option<Vec<_>>>();
        if let Some(pairs) = literal {
            self.constant(Term::map(pairs), dst);
            return Ok(());
        }
        let pairs = self.map_fields(fields)?;
        self.line = pos.line;
        self.emit(Op::MakeMap {
            pairs: pairs.into(),
            dst,
        });
        Ok(())
    }

    /// `Base#{K => V, K2 := V2, ...}` into `dst`.
    pub(super) fn map_update(
        &mut self,
        base: &Expr,
        fields: &[MapField],
        dst: Reg,
        pos: Pos,
    ) -> Result<()> {
        let mut map = self.operand(base)?;
        let regs = self.map_fields(fields)?;
        self.line = pos.line;
        let mut groups = groups(fields, &regs);
        if groups.is_empty() {
            // `M#{}` is `M`, once it is checked to be a map.
            groups.push(Group {
                exact: false,
                pairs: Vec::new(),
            });
        }
        let last = groups.len() - 1;
        for (i, group) in groups.into_iter().enumerate() {
            let out = if i == last { dst } else { self.temp(pos)? };
            let pairs = group.pairs.into_boxed_slice();
            // `take` is decided once the function is compiled (liveness.rs).
            self.emit(if group.exact {
                Op::MapExact {
                    map,
                    take: false,
                    pairs,
                    dst: out,
                }
            } else {
                Op::MapPut {
                    map,
                    take: false,
                    pairs,
                    dst: out,
                }
            });
            map = out;
        }
        Ok(())
    }

    /// `#{K := P, ...}` as a pattern; its keys are computed when it is
    /// matched, from literals and variables bound before it.
    pub(super) fn map_pattern(&mut self, fields: &[MapPatternField]) -> Result<Pat> {
        let mut out = Vec::with_capacity(fields.len());
        for field in fields {
            let key = match literal_term(&field.key) {
                Some(term) => GExpr::Lit(term),
                None => self.gexpr(&field.key)?,
            };
            out.push((key, self.pattern(&field.value)?));
        }
        Ok(Pat::Map(out.into()))
    }

    /// `#{K => V}` in a guard.
    pub(super) fn map_gexpr(&mut self, expr: &Expr, fields: &[MapField]) -> Result<GExpr> {
        if let Some(field) = fields.iter().find(|f| f.exact) {
            return exact_in_construction(field);
        }
        if let Some(term) = literal_term(expr) {
            return Ok(GExpr::Lit(term));
        }
        Ok(GExpr::Map(
            fields
                .iter()
                .map(|f| Ok((self.gexpr(&f.key)?, self.gexpr(&f.value)?)))
                .collect::<Result<_>>()?,
        ))
    }

    /// `M#{K => V, K2 := V2}` in a guard.
    pub(super) fn map_update_gexpr(&mut self, base: &Expr, fields: &[MapField]) -> Result<GExpr> {
        Ok(GExpr::MapUpdate(
            Box::new(self.gexpr(base)?),
            fields
                .iter()
                .map(|f| Ok((f.exact, self.gexpr(&f.key)?, self.gexpr(&f.value)?)))
                .collect::<Result<_>>()?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::erlang::syntax::parse_module;

    /// The fields of the update in `f(M, K) -> BODY.`.
    fn update_fields(body: &str) -> Vec<MapField> {
        let module = parse_module("m", &format!("f(M, K) -> {body}.")).unwrap();
        match &module.functions[0].clauses[0].body[0].kind {
            ExprKind::MapUpdate(_, fields) => fields.clone(),
            other => panic!("{other:?}"),
        }
    }

    /// The groups of an update as `=> [i, j]` / `:= [k]`, each field
    /// named by its index (its registers are `(i, i)` here).
    fn shape(body: &str) -> Vec<String> {
        let fields = update_fields(body);
        let regs: Vec<(Reg, Reg)> = (0..fields.len() as Reg).map(|i| (i, i)).collect();
        groups(&fields, &regs)
            .into_iter()
            .map(|g| {
                let op = if g.exact { ":=" } else { "=>" };
                let ids: Vec<String> = g.pairs.iter().map(|(k, _)| k.to_string()).collect();
                format!("{op} [{}]", ids.join(", "))
            })
            .collect()
    }

    #[test]
    fn literal_keys_group_sort_and_put_before_update() {
        // d := 1, c := 2: one group, sorted: c (1) before d (0).
        assert_eq!(shape("M#{d := 1, c := 2}"), [":= [1, 0]"]);
        // e => 1, c := 2: the put first, then the update.
        assert_eq!(shape("M#{c := 2, e => 1}"), ["=> [1]", ":= [0]"]);
    }

    #[test]
    fn a_computed_key_is_a_group_of_its_own() {
        assert_eq!(
            shape("M#{d := 1, K := 2, c := 3, b := 4}"),
            [":= [0]", ":= [1]", ":= [3, 2]"]
        );
    }

    #[test]
    fn a_repeated_literal_key_keeps_its_last_value_and_otps_operator() {
        // `:=` after `=>`: the key is put, then there: a put of the last.
        assert_eq!(shape("M#{c => 2, c := 3}"), ["=> [1]"]);
        // `=>` after `:=`: still an update (it fails if c is missing).
        assert_eq!(shape("M#{c := 3, c => 2}"), [":= [1]"]);
        // 1 and 1.0 are different keys.
        assert_eq!(shape("M#{1.0 => a, 1 => b}"), ["=> [1, 0]"]);
    }

    #[test]
    fn literals_are_known_at_compile_time() {
        let module = parse_module("m", "f() -> #{a => [1, -2 | \"x\"], {b} => #{}}.").unwrap();
        let term = literal_term(&module.functions[0].clauses[0].body[0]).unwrap();
        assert_eq!(term.to_string(), "#{a => [1,-2,120],{b} => #{}}");
        let module = parse_module("m", "f(X) -> #{a => X}.").unwrap();
        assert!(literal_term(&module.functions[0].clauses[0].body[0]).is_none());
    }

    #[test]
    fn erlc_inlines_three_maps_functions() {
        assert_eq!(erlc_inlined("maps", "get", 2), ("erlang", "map_get"));
        assert_eq!(erlc_inlined("maps", "get", 3), ("maps", "get"));
        assert_eq!(erlc_inlined("maps", "size", 1), ("erlang", "map_size"));
        assert_eq!(erlc_inlined("maps", "is_key", 2), ("erlang", "is_map_key"));
    }
}
