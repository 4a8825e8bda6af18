//! `isinstance(x, Iterable)` and the other abstract base classes of
//! `collections.abc` (and typing's aliases of them and of the builtin containers).
//! They are placeholders here (`modules/collections_abc.rs`), so an instance check
//! answers as CPython's ABCs do: the builtin types registered with each one, and for
//! the "one-trick" ABCs (`Iterable`, `Sized`, `Hashable`, ...) any class that
//! defines the methods (CPython's `__subclasshook__`).

use stitch_abi::*;
use stitch_core::objects::builtin::Builtin;
use stitch_core::objects::kind;
use stitch_core::ops::types::type_name;

/// What a value is, for the tables below: its type's name (the builtin one under a
/// subclass of a builtin type) and, for instances of user classes, their class.
fn type_names(v: Value) -> (&'static str, Option<Value>) {
    if let Some(c) = stitch_core::classes::user_class_of(v) {
        // SAFETY: user classes are classes.
        let base = unsafe { stitch_core::objects::class::as_class(c) }.builtin_base;
        return (base.map_or("", |b| b.type_name()), Some(c));
    }
    (type_name(v), None)
}

/// The builtin types CPython registers with each ABC (directly or through a
/// sub-ABC); names as `type(x).__name__` gives them.
fn registered(abc: &str) -> &'static [&'static str] {
    const SEQUENCES: &[&str] = &["list", "tuple", "str", "range", "bytes", "bytearray", "memoryview", "deque"];
    const SETS: &[&str] = &["set", "frozenset", "dict_keys", "dict_items"];
    const MAPPINGS: &[&str] = &["dict", "mappingproxy", "OrderedDict", "defaultdict", "Counter"];
    const ITERATORS: &[&str] = &[
        "list_iterator", "tuple_iterator", "str_ascii_iterator", "str_iterator", "range_iterator", "longrange_iterator",
        "dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "set_iterator", "bytes_iterator",
        "list_reverseiterator", "dict_reversekeyiterator", "enumerate", "zip", "map", "filter", "reversed", "generator",
    ];
    const SIZED: &[&str] = &[
        "list", "tuple", "str", "range", "bytes", "bytearray", "memoryview", "deque", "set", "frozenset", "dict",
        "OrderedDict", "defaultdict", "Counter", "dict_keys", "dict_items", "dict_values", "mappingproxy",
    ];
    match abc {
        "Sequence" => SEQUENCES,
        "MutableSequence" => &["list", "bytearray", "deque"],
        "ByteString" => &["bytes", "bytearray"],
        "Set" | "AbstractSet" => SETS,
        "MutableSet" => &["set"],
        "Mapping" => MAPPINGS,
        "MutableMapping" => &["dict", "OrderedDict", "defaultdict", "Counter"],
        "MappingView" => &["dict_keys", "dict_items", "dict_values"],
        "KeysView" => &["dict_keys"],
        "ItemsView" => &["dict_items"],
        "ValuesView" => &["dict_values"],
        "Iterator" => ITERATORS,
        "Generator" => &["generator"],
        "Sized" | "Collection" | "Container" => SIZED,
        "Reversible" => &[
            "list", "tuple", "str", "range", "bytes", "bytearray", "memoryview", "deque", "dict", "OrderedDict",
            "defaultdict", "Counter", "dict_keys", "dict_items", "dict_values",
        ],
        // typing's aliases of the builtin containers.
        "List" => &["list"],
        "Tuple" => &["tuple"],
        "Dict" => &["dict", "OrderedDict", "defaultdict", "Counter"],
        "FrozenSet" => &["frozenset"],
        "Deque" => &["deque"],
        "DefaultDict" => &["defaultdict"],
        "OrderedDict" => &["OrderedDict"],
        "Counter" => &["Counter"],
        _ => &[],
    }
}

/// `isinstance(v, numbers.<abc>)`: the builtin types CPython registers with the numeric
/// tower, and `fractions.Fraction` (a `Rational` there; written in Python here).
fn is_number(v: Value, abc: &str) -> bool {
    let (name, class) = type_names(v);
    let rank = match name {
        "int" | "bool" => 4,
        "float" => 2,
        "complex" => 1,
        _ if class.is_some_and(is_fraction_class) => 3,
        _ => return false,
    };
    let needed = match abc {
        "Number" | "Complex" => 1,
        "Real" => 2,
        "Rational" => 3,
        _ => 4,
    };
    rank >= needed
}

/// Whether `c` is `fractions.Fraction` or derives from it.
fn is_fraction_class(c: Value) -> bool {
    let is_fraction = |k: Value| {
        if !k.is_kind(KIND_CLASS) {
            return false;
        }
        // SAFETY: the kind was checked.
        if unsafe { stitch_core::objects::class::as_class(k) }.name != "Fraction" {
            return false;
        }
        let Some(module) = stitch_core::classes::lookup(k, "__module__").filter(|m| m.is_kind(KIND_STR)) else { return false };
        // SAFETY: a str, checked above.
        unsafe { stitch_core::objects::str::text(module) }.is_ok_and(|t| t == "fractions")
    };
    // SAFETY: user classes are classes.
    is_fraction(c) || unsafe { stitch_core::objects::class::as_class(c) }.mro.iter().any(|&k| is_fraction(k))
}

/// Whether `k` is collections.abc's class `abc`, as written in Python.
fn is_abc_class(k: Value, abc: &str) -> bool {
    if !k.is_kind(KIND_CLASS) {
        return false;
    }
    // SAFETY: the kind was checked.
    if unsafe { stitch_core::objects::class::as_class(k) }.name != abc {
        return false;
    }
    let Some(module) = stitch_core::classes::lookup(k, "__module__").filter(|m| m.is_kind(KIND_STR)) else { return false };
    // SAFETY: a str, checked above.
    unsafe { stitch_core::objects::str::text(module) }.is_ok_and(|t| t == "collections.abc")
}

/// The methods that make any class an instance of a one-trick ABC.
fn hook_methods(abc: &str) -> Option<&'static [&'static str]> {
    Some(match abc {
        "Iterable" => &["__iter__"],
        "Iterator" => &["__iter__", "__next__"],
        "Reversible" => &["__reversed__", "__iter__"],
        "Sized" => &["__len__"],
        "Container" => &["__contains__"],
        "Collection" => &["__len__", "__iter__", "__contains__"],
        "Callable" => &["__call__"],
        "Generator" => &["__iter__", "__next__", "send", "throw", "close"],
        _ => return None,
    })
}

/// `isinstance(v, t)` when `t` is one of those placeholders; None for other `t`.
pub fn isinstance(v: Value, t: Value) -> Option<bool> {
    if !t.is_kind(KIND_BUILTIN) {
        return None;
    }
    // SAFETY: the kind was checked.
    let (owner, abc) = unsafe { ((*t.cast::<Builtin>()).owner, (*t.cast::<Builtin>()).name) };
    if owner == Some("numbers") {
        return Some(is_number(v, abc));
    }
    let abc = match (owner, abc) {
        // typing.Set is the builtin set's alias; collections.abc.Set the abstract one.
        (Some("typing"), "Set") => "set",
        (Some("typing" | "collections.abc"), abc) => abc,
        _ => return None,
    };
    if abc == "set" {
        return Some(matches!(type_names(v).0, "set"));
    }
    let (name, class) = type_names(v);
    let known = registered(abc);
    let hook = hook_methods(abc);
    if known.is_empty() && hook.is_none() && !matches!(abc, "Iterable" | "Hashable" | "Set" | "Type") {
        return None;
    }
    if known.contains(&name) {
        return Some(true);
    }
    // A class deriving from the ABC itself (through `_stitch_collections_abc`, which
    // class statements put in its place).
    if let Some(c) = class
        && stitch_core::classes::full_mro(c).iter().any(|&k| is_abc_class(k, abc))
    {
        return Some(true);
    }
    match abc {
        "Iterable" => {
            if registered("Sized").contains(&name) || registered("Iterator").contains(&name) {
                return Some(true);
            }
            if kind(v) == KIND_NATIVE {
                return Some(stitch_core::objects::native::get(v).is_some_and(|n| n.is_iterator()));
            }
        }
        "Iterator" if kind(v) == KIND_NATIVE => {
            return Some(stitch_core::objects::native::get(v).is_some_and(|n| n.is_iterator()));
        }
        "Callable" => return Some(stitch_core::ops::call::is_callable(v)),
        "Hashable" => {
            return Some(match class {
                Some(c) => stitch_core::classes::lookup(c, "__hash__").is_none_or(|h| h != Value::NONE)
                    && !matches!(name, "list" | "dict" | "set" | "bytearray"),
                None => !matches!(
                    name,
                    "list" | "dict" | "set" | "bytearray" | "OrderedDict" | "defaultdict" | "Counter" | "deque" | "dict_keys" | "dict_items"
                ),
            });
        }
        "Type" => return Some(matches!(kind(v), KIND_TYPE | KIND_CLASS)),
        _ => {}
    }
    let (Some(c), Some(methods)) = (class, hook) else { return Some(false) };
    Some(methods.iter().all(|m| stitch_core::classes::lookup(c, m).is_some_and(|f| f != Value::NONE)))
}

/// The names a protocol class's instances must have: what the protocol classes of
/// its MRO define or annotate, but typing's and the class machinery's own names.
fn protocol_members(proto: Value) -> Vec<String> {
    const OWN: &[&str] = &[
        "__module__", "__qualname__", "__doc__", "__dict__", "__weakref__", "__annotations__", "__init__",
        "__class_getitem__", "__init_subclass__", "__slots__", "__abstractmethods__", "__parameters__",
        "__orig_bases__", "__hash__", "_is_protocol", "_is_runtime_protocol", "__protocol_attrs__",
    ];
    let mut names = Vec::new();
    let mut add = |k: &str| {
        if !OWN.contains(&k) && !k.starts_with("_abc_") && !names.iter().any(|n: &String| n == k) {
            names.push(k.to_string());
        }
    };
    for c in stitch_core::classes::full_mro(proto) {
        if !stitch_core::classes::is_protocol(c) {
            continue;
        }
        // SAFETY: MRO entries are classes; class dicts hold str keys.
        let d = unsafe { stitch_core::objects::class::as_class(c) }.dict;
        for e in unsafe { stitch_core::objects::dict::entries(d.cast()) } {
            if let Ok(k) = unsafe { stitch_core::objects::str::text(e.key) } {
                add(k);
            }
        }
        if let Some(ann) = stitch_core::classes::dict_get(d, "__annotations__")
            && ann.is_kind(KIND_DICT)
        {
            // SAFETY: the kind was checked; annotation keys are strs.
            for e in unsafe { stitch_core::objects::dict::entries(ann.cast()) } {
                if let Ok(k) = unsafe { stitch_core::objects::str::text(e.key) } {
                    add(k);
                }
            }
        }
    }
    names
}

/// `isinstance(v, proto)` for a protocol class: a nominal instance, or, for a
/// `@runtime_checkable` one, any object with all its members (a method the protocol
/// defines must not be None on the object). None when `proto` is no protocol.
pub fn protocol_isinstance(v: Value, proto: Value) -> Option<stitch_core::errors::PyResult<bool>> {
    if !stitch_core::classes::is_protocol(proto) {
        return None;
    }
    if stitch_core::classes::lookup(proto, "_is_runtime_protocol") != Some(Value::TRUE) {
        return Some(Err(stitch_core::errors::PyErr::type_error(
            "Instance and class checks can only be used with @runtime_checkable protocols",
        )));
    }
    if stitch_core::classes::user_class_of(v).is_some_and(|c| stitch_core::classes::is_subclass(c, proto)) {
        return Some(Ok(true));
    }
    for name in protocol_members(proto) {
        let Ok(found) = crate::attr::load_attr(v, &name) else {
            stitch_core::ops::call::discard_traceback();
            return Some(Ok(false));
        };
        let defined = stitch_core::classes::lookup(proto, &name);
        let callable_member = defined.is_some_and(stitch_core::ops::call::is_callable);
        let none = found == Value::NONE;
        found.decref();
        if callable_member && none {
            return Some(Ok(false));
        }
    }
    Some(Ok(true))
}
