//! The order of a struct's fields, as its module declares them, for
//! Elixir's `inspect`.
//!
//! Elixir 1.14 prints `%User{name: "a", age: 3}` in the order of
//! `defstruct [:name, :age]`, though the map behind it keeps its keys in
//! term order (`age` before `name`): `Inspect.Any` asks the module for
//! `__struct__/0` and `__info__(:struct)`, prints the fields in that
//! order when the value has exactly the module's keys, and prints a plain
//! map (`%{__struct__: User, ...}`) when it has others.
//!
//! The printer runs where no module can be called (a view on the
//! session's thread, a BIF in the middle of an instruction), so the code
//! table tells this registry each module's fields when it loads one
//! (`CodeTable::load`, `preload`): an Elixir `defstruct`, or the
//! `-struct([...])` attribute of the Elixir library written in Erlang.
//! It is keyed by the module's atom and, like the atom table, shared by
//! every runtime of the OS process: the module loaded last under a name
//! decides, as a BEAM node has one current module of a name. A purged
//! module's layout stays (Elixir would print such a value as a map).

use super::atom::Atom;
use parking_lot::RwLock;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

static LAYOUTS: LazyLock<RwLock<HashMap<Atom, Arc<[Atom]>>>> = LazyLock::new(Default::default);

/// `module` declares these fields, in this order (without `__struct__`
/// and `__exception__`).
pub fn register(module: Atom, fields: &[Atom]) {
    let mut layouts = LAYOUTS.write();
    if layouts.get(&module).is_some_and(|known| **known == *fields) {
        return;
    }
    layouts.insert(module, fields.into());
}

/// The fields `module` declares, in order, if a loaded module told.
pub fn fields(module: Atom) -> Option<Arc<[Atom]>> {
    LAYOUTS.read().get(&module).cloned()
}
