//! `typing`: the common names, as placeholders for annotations. Stitch never
//! evaluates annotations beyond their names (see the compiler's `annotations.rs`), so
//! `List[int]` in a hint needs only `List` to exist. Using a placeholder as a value
//! (calling it, subscribing it at run time, printing it) is outside the subset.

use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, immortal_builtin};
use stitch_core::vm::Runtime;

/// The special forms and aliases programs annotate with.
const NAMES: &[&str] = &[
    "Any", "Callable", "ClassVar", "Counter", "DefaultDict", "Deque", "Dict", "FrozenSet", "Generator", "Generic",
    "Hashable", "Iterable", "Iterator", "List", "Literal", "Mapping", "MutableMapping", "MutableSequence", "NoReturn",
    "Optional", "Protocol", "Sequence", "Set", "Sized", "Tuple", "Type", "Union", "Final", "Annotated",
];

pub fn namespace() -> Value {
    let values = NAMES.iter().map(|&n| (n, immortal_builtin(n, Some("typing"), placeholder))).collect();
    let d = super::namespace_of(&[], values);
    let key = stitch_core::objects::str::new_str("TYPE_CHECKING");
    // SAFETY: `d` is the new dict; key and value are new references.
    unsafe { stitch_core::objects::dict::set(d.cast(), key, stitch_core::objects::str::as_str(key).hash(), Value::FALSE) };
    d
}

fn placeholder(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(PyErr::unsupported("using a typing name as a value"))
}

/// Whether `v` is one of the placeholders (subscribing one is refused, not a TypeError).
pub fn is_placeholder(v: Value) -> bool {
    v.is_kind(stitch_abi::KIND_BUILTIN)
        // SAFETY: the kind was checked.
        && unsafe { (*v.cast::<stitch_core::objects::builtin::Builtin>()).owner } == Some("typing")
}
