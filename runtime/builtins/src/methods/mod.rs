//! Methods of the builtin types. Each is a `BuiltinFn` taking the receiver as its
//! first positional argument; `lookup` hands out one immortal builtin per method.

pub mod bytearray;
pub mod bytes;
mod bytes_translate;
pub mod dict;
pub mod dunders;
mod int_bytes;
pub mod generator;
pub mod list;
pub mod set;
pub mod str;
mod str_format;
mod str_search;
pub(crate) mod str_shape;
pub(crate) mod str_split;
mod str_titlecase;
mod str_translate;
pub mod numbers;
pub mod property;
pub mod tuple;

use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn, immortal_builtin};
use stitch_core::ops::types::type_name;
use std::sync::OnceLock;

type Table = &'static [(&'static str, BuiltinFn)];

/// The method tables, by the name of the type they belong to.
const TABLES: &[(&str, Table)] = &[
    ("list", list::METHODS),
    ("str", str::METHODS),
    ("bytes", bytes::METHODS),
    ("bytearray", bytearray::METHODS),
    ("dict", dict::METHODS),
    ("dict_keys", dict::VIEW_METHODS),
    ("dict_items", dict::VIEW_METHODS),
    ("deque", crate::modules::collections::DEQUE_METHODS),
    ("defaultdict", crate::modules::collections::DEFAULTDICT_METHODS),
    ("Counter", crate::modules::collections::COUNTER_METHODS),
    ("OrderedDict", crate::modules::collections::ORDERED_METHODS),
    ("chain", crate::modules::itertools::CHAIN_METHODS),
    ("_lru_cache_wrapper", crate::modules::functools::LRU_METHODS),
    ("set", set::SET_METHODS),
    ("frozenset", set::FROZENSET_METHODS),
    ("tuple", tuple::METHODS),
    ("int", numbers::INT_METHODS),
    ("bool", numbers::INT_METHODS),
    ("float", numbers::FLOAT_METHODS),
    ("complex", numbers::COMPLEX_METHODS),
    ("generator", generator::METHODS),
    ("coroutine", generator::METHODS),
    ("Random", crate::modules::random_instance::METHODS),
    ("StringIO", crate::modules::io::STRINGIO_METHODS),
    ("HASH", crate::modules::hashlib::HASH_METHODS),
    ("array", crate::modules::array::ARRAY_METHODS),
    ("Pattern", crate::modules::re::PATTERN_METHODS),
    ("Match", crate::modules::re_match::MATCH_METHODS),
    ("property", property::METHODS),
];

/// The static methods, reached through the type (`str.maketrans`, `dict.fromkeys`);
/// through an instance, the method tables have versions that drop the receiver.
const STATIC_TABLES: &[(&str, Table)] = &[
    ("str", &[("maketrans", str_translate::maketrans)]),
    ("dict", &[("fromkeys", dict::fromkeys)]),
    ("bytes", &[("maketrans", bytes_translate::maketrans)]),
    ("bytearray", &[("maketrans", bytes_translate::maketrans)]),
];

/// The static method `name` of the type named `type_name`, as an immortal builtin.
pub fn lookup_static(type_name: &str, name: &str) -> Option<Value> {
    static MADE: OnceLock<Vec<Vec<Value>>> = OnceLock::new();
    let made = MADE.get_or_init(|| {
        STATIC_TABLES
            .iter()
            .map(|&(owner, table)| table.iter().map(|&(method, f)| immortal_builtin(method, Some(owner), f)).collect())
            .collect()
    });
    let t = STATIC_TABLES.iter().position(|&(owner, _)| owner == type_name)?;
    let m = STATIC_TABLES[t].1.iter().position(|&(method, _)| method == name)?;
    Some(made[t][m])
}

/// The method `name` of the type named `type_name`, as an immortal builtin. Tables
/// are short, so a scan with string compares beats hashing two strings per lookup
/// (LOAD_METHOD runs this on every method call).
pub fn lookup(type_name: &str, name: &str) -> Option<Value> {
    static MADE: OnceLock<Vec<Vec<Value>>> = OnceLock::new();
    let made = MADE.get_or_init(|| {
        TABLES
            .iter()
            .map(|&(owner, table)| table.iter().map(|&(method, f)| immortal_builtin(method, Some(owner), f)).collect())
            .collect()
    });
    let Some(t) = TABLES.iter().position(|&(owner, _)| owner == type_name) else { return special(type_name, name) };
    match TABLES[t].1.iter().position(|&(method, _)| method == name) {
        Some(m) => Some(made[t][m]),
        // The dict subclasses have the methods of dict they do not replace.
        None if crate::modules::collections::DICT_SUBCLASSES.contains(&type_name) => special(type_name, name).or_else(|| lookup("dict", name)),
        None if type_name == "bytearray" => lookup("bytes", name).or_else(|| special(type_name, name)),
        None => special(type_name, name),
    }
}

/// The special method `name` of a builtin type (`dunders`), as an immortal builtin
/// made on first use.
fn special(type_name: &str, name: &str) -> Option<Value> {
    use std::sync::Mutex;
    static MADE: Mutex<Vec<(String, &'static str, usize)>> = Mutex::new(Vec::new());
    if !name.starts_with("__") {
        return None;
    }
    let f = dunders::lookup(type_name, name)?;
    let mut made = MADE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&(_, _, v)) = made.iter().find(|(t, n, _)| t == type_name && *n == name) {
        return Some(Value::from_object(v as *mut stitch_abi::Object));
    }
    let owner: &'static str = Box::leak(type_name.to_string().into_boxed_str());
    let method: &'static str = Box::leak(name.to_string().into_boxed_str());
    let v = immortal_builtin(method, Some(owner), f);
    made.push((owner.to_string(), method, v.object() as usize));
    Some(v)
}

/// The kind of the objects of the builtin type `owner`, when every object of that kind
/// is a valid receiver of its methods: a list subclass's instance is a list, and a set
/// object is always exactly a set.
fn receiver_kind(owner: &str) -> Option<u8> {
    match owner {
        "list" => Some(stitch_abi::KIND_LIST),
        "dict" => Some(stitch_abi::KIND_DICT),
        "str" => Some(stitch_abi::KIND_STR),
        "tuple" => Some(stitch_abi::KIND_TUPLE),
        "set" => Some(stitch_abi::KIND_SET),
        "frozenset" => Some(stitch_abi::KIND_FROZENSET),
        _ => None,
    }
}

/// The receiver of a method call, checked to be of the method's type (it is not when
/// an unbound method such as `str.upper` is called with something else).
pub fn receiver(args: &Args, owner: &str, method: &str) -> PyResult<Value> {
    match args.positional.first() {
        // Checked by kind, without naming the receiver's type (this runs on every
        // method call): a defaultdict, Counter or OrderedDict is a dict, a namedtuple
        // a tuple, an instance of a class deriving from list, str or tuple one too.
        Some(&v) if receiver_kind(owner).is_some_and(|k| v.is_kind(k)) => Ok(v),
        Some(&v) if type_name(v) == owner => Ok(v),
        Some(&v) => Err(PyErr::type_error(format!(
            "descriptor '{method}' for '{owner}' objects doesn't apply to a '{}' object",
            type_name(v)
        ))),
        None => Err(PyErr::type_error(format!("unbound method {owner}.{method}() needs an argument"))),
    }
}
