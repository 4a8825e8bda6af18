//! Builtin functions, types and methods: `builtins_dict` is the dict the interpreter
//! resolves builtin names in.
//!
//! * `functions/`: the builtin functions and type constructors, by theme.
//! * `methods/`: the methods of list, str and dict (`dict.keys()`/`values()`/
//!   `items()` return live view objects that print as `dict_keys([...])`).
//! * `types`: one immortal type object per builtin type (`type(x) is int`).
//! * `args`: argument checking with CPython's messages; `sort`: the sort.
//!
//! Builtins call Python functions (`key=`, `map`, `filter`) through `ops::call`, which
//! reaches the interpreter by the hook it installs.

pub mod args;
pub mod attr;
pub mod codecs;
pub mod coverage;
pub mod cpython_names;
pub mod functions;
pub mod matching;
pub mod methods;
pub mod modules;
pub mod sort;
pub mod sort_order;
pub mod types;

#[cfg(test)]
mod tests;

use stitch_abi::Value;
use stitch_core::objects::builtin::{BuiltinFn, immortal_builtin};
use stitch_core::objects::{dict, str as strs};
use stitch_core::ops;
use functions::{classes, convert, files, introspect, io, iteration, numeric, radix, source};
use std::sync::OnceLock;

/// The builtin functions that are not types.
const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("print", io::print),
    ("input", io::input),
    ("open", files::open),
    ("len", iteration::len),
    ("abs", numeric::abs),
    ("min", numeric::min),
    ("max", numeric::max),
    ("sum", numeric::sum),
    ("round", numeric::round),
    ("divmod", numeric::divmod),
    ("pow", numeric::pow),
    ("hash", numeric::hash),
    ("repr", convert::repr),
    ("ascii", convert::ascii),
    ("format", convert::format_),
    ("chr", convert::chr),
    ("ord", convert::ord),
    ("isinstance", introspect::isinstance),
    ("sorted", iteration::sorted),
    ("any", iteration::any),
    ("all", iteration::all),
    ("iter", iteration::iter),
    ("next", iteration::next),
    ("hex", radix::hex),
    ("bin", radix::bin),
    ("oct", radix::oct),
    ("format", radix::format),
    ("callable", introspect::callable),
    ("id", introspect::id),
    ("super", classes::super_),
    ("staticmethod", classes::staticmethod),
    ("classmethod", classes::classmethod),
    ("property", classes::property),
    ("issubclass", classes::issubclass),
    ("getattr", classes::getattr),
    ("setattr", classes::setattr),
    ("hasattr", classes::hasattr),
    ("delattr", classes::delattr),
    // The site module's `exit()` and `quit()`: SystemExit, as `sys.exit`.
    ("exit", modules::sys::exit),
    ("quit", modules::sys::exit),
    ("vars", classes::vars),
    ("dir", classes::dir),
    ("exec", source::exec),
    ("eval", source::eval),
    ("globals", source::globals),
    ("compile", source::compile),
];

/// The immortal builtin function objects, made once.
fn functions() -> &'static [(&'static str, Value)] {
    static TABLE: OnceLock<Vec<(&'static str, Value)>> = OnceLock::new();
    TABLE.get_or_init(|| FUNCTIONS.iter().map(|&(name, f)| (name, immortal_builtin(name, None, f))).collect())
}

/// A new dict mapping every builtin name to its (immortal) function or type.
pub fn builtins_dict() -> Value {
    let d = dict::new_dict();
    let constants = [("NotImplemented", stitch_core::special::not_implemented()), ("Ellipsis", stitch_core::special::ellipsis())];
    for (name, v) in functions().iter().copied().chain(types::all()).chain(stitch_core::exceptions::all()).chain(constants) {
        if name == "object" {
            stitch_core::classes::set_object_type(v);
        }
        if name == "type" {
            stitch_core::metaclass::set_type_type(v);
        }
        if name == "tuple" {
            stitch_core::namedtuple_class::set_tuple_type(v);
        }
        if name == "dict" {
            stitch_core::typed_dict::set_dict_type(v);
        }
        if name == "NoneType" {
            stitch_core::union_type::set_none_type(v);
        }
        if types::UNNAMED.contains(&name) {
            continue;
        }
        let key = strs::new_str(name);
        // Builtin names are strs, which always hash.
        let h = ops::hash(key).unwrap_or(0);
        v.incref();
        // SAFETY: `d` is the new dict; key and value are new references.
        unsafe { dict::set(d.cast(), key, h, v) };
    }
    d
}
