//! `collections.abc`: its abstract base classes as placeholders for annotations, as
//! `typing`'s names are (see `typing.rs`): a hint needs only the name to exist.
//! `isinstance(x, Iterable)` answers as CPython's ABCs do
//! (`functions/abc_checks.rs`); subclassing one is outside the subset.

use stitch_abi::Value;
use stitch_core::objects::builtin::{immortal_builtin, refuse_hint};

/// CPython 3.11's `collections.abc.__all__`.
const NAMES: &[&str] = &[
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Hashable", "Iterable", "Iterator",
    "Generator", "Reversible", "Sized", "Container", "Callable", "Collection", "Set", "MutableSet", "Mapping",
    "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence", "MutableSequence", "ByteString",
];

pub fn namespace() -> Value {
    let values = NAMES.iter().map(|&n| (n, immortal_builtin(n, Some("collections.abc"), refuse_hint))).collect();
    super::namespace_of(&[], values)
}
