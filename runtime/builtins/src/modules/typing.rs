//! `typing`: the common names, as placeholders for annotations. Stitch never
//! evaluates annotations beyond their names (see the compiler's `annotations.rs`), so
//! `List[int]` in a hint needs only `List` to exist. Using a placeholder as a value
//! (calling it, printing it) is outside the subset; subscribing one in a type alias
//! gives a placeholder back (`stitch_core::objects::builtin::is_hint_placeholder`).

use stitch_abi::Value;
use stitch_core::objects::builtin::{immortal_builtin, refuse_hint};

/// The special forms and aliases programs annotate with.
const NAMES: &[&str] = &[
    "Any", "Callable", "ClassVar", "Counter", "DefaultDict", "Deque", "Dict", "FrozenSet", "Generator", "Generic",
    "Hashable", "Iterable", "Iterator", "List", "Literal", "Mapping", "MutableMapping", "MutableSequence", "NoReturn",
    "Optional", "Protocol", "Sequence", "Set", "Sized", "Tuple", "Type", "Union", "Final", "Annotated",
];

pub fn namespace() -> Value {
    let values = NAMES.iter().map(|&n| (n, immortal_builtin(n, Some("typing"), refuse_hint))).collect();
    let d = super::namespace_of(&[], values);
    let key = stitch_core::objects::str::new_str("TYPE_CHECKING");
    // SAFETY: `d` is the new dict; key and value are new references.
    unsafe { stitch_core::objects::dict::set(d.cast(), key, stitch_core::objects::str::as_str(key).hash(), Value::FALSE) };
    d
}

