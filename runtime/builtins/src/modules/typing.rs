//! `typing`: the common names, as placeholders for annotations. Stitch never
//! evaluates annotations beyond their names (see the compiler's `annotations.rs`), so
//! `List[int]` in a hint needs only `List` to exist. Using a placeholder as a value
//! (calling it, printing it) is outside the subset; subscribing one in a type alias
//! gives a placeholder back (`stitch_core::objects::builtin::is_hint_placeholder`).

use stitch_abi::Value;
use stitch_core::errors::PyResult;
use stitch_core::objects::builtin::{Args, immortal_builtin, refuse_hint};
use stitch_core::vm::Runtime;

/// The special forms and aliases programs annotate with.
const NAMES: &[&str] = &[
    "Any", "Callable", "ClassVar", "Counter", "DefaultDict", "Deque", "Dict", "FrozenSet", "Generator", "Generic",
    "Hashable", "Iterable", "Iterator", "List", "Literal", "Mapping", "MutableMapping", "MutableSequence", "NoReturn",
    "Optional", "Protocol", "Sequence", "Set", "Sized", "Tuple", "Type", "Union", "Final", "Annotated",
    // As a base only (`class P(NamedTuple)`: `stitch_core::namedtuple_class`).
    "NamedTuple",
];

/// `TypeVar('T', ...)`: a placeholder, as the generic classes and functions that use
/// it only mention it in hints (and `Generic[T]` as a base, which adds nothing here).
fn type_var(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    match args.positional.first() {
        Some(n) if n.is_kind(stitch_abi::KIND_STR) => {}
        _ => return Err(stitch_core::errors::PyErr::unsupported("TypeVar() without a name")),
    }
    thread_local! {
        static VAR: Value = immortal_builtin("TypeVar", Some("typing"), refuse_hint);
    }
    Ok(VAR.with(|v| *v))
}

pub fn namespace() -> Value {
    let values = NAMES.iter().map(|&n| (n, immortal_builtin(n, Some("typing"), refuse_hint))).collect();
    let d = super::namespace_of(&[("TypeVar", type_var)], values);
    let key = stitch_core::objects::str::new_str("TYPE_CHECKING");
    // SAFETY: `d` is the new dict; key and value are new references.
    unsafe { stitch_core::objects::dict::set(d.cast(), key, stitch_core::objects::str::as_str(key).hash(), Value::FALSE) };
    d
}

