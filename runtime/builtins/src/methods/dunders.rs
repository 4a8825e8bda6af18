//! The special methods of builtin types as attributes: `sorted(d, key=d.__getitem__)`,
//! `it.__next__`, `int.__add__`, `hasattr(x, "__len__")`. CPython exposes its type
//! slots as these "slot wrappers"; here each one calls the operation its slot stands
//! for. Which type has which is CPython's `dir()` (`has`), so `hasattr` answers as
//! CPython does; a special method outside this set stays refused.
//!
//! A slot of a number or a set answers `NotImplemented` to an operand of a type it
//! does not know (`(1).__eq__(1.0)`), as CPython's do; `compatible` says which those are.

use crate::functions::{convert, introspect, iteration, numeric};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::ops;
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

/// The types that have their own comparisons (the others compare by identity, as
/// `object` does).
const COMPARED: &[&str] = &["int", "float", "str", "bytes", "list", "tuple", "dict", "set", "range", "deque", "view"];
/// Of those, the ones whose `<` is defined.
const ORDERED: &[&str] = &["int", "float", "str", "bytes", "list", "tuple", "set", "deque", "view"];

const NUMBER: &[&str] = &[
    "__hash__", "__repr__", "__str__", "__format__", "__bool__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
    "__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__pow__", "__radd__", "__rsub__", "__rmul__",
    "__rtruediv__", "__rfloordiv__", "__rmod__", "__rpow__", "__neg__", "__pos__", "__abs__", "__int__", "__float__", "__divmod__", "__rdivmod__", "__round__", "__trunc__",
    "__floor__", "__ceil__",
];
const INT_ONLY: &[&str] = &[
    "__and__", "__or__", "__xor__", "__lshift__", "__rshift__", "__rand__", "__ror__", "__rxor__", "__rlshift__",
    "__rrshift__", "__invert__", "__index__",
];
const OBJECT: &[&str] = &["__hash__", "__repr__", "__str__", "__format__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
const ITERATOR: &[&str] = &["__iter__", "__next__"];
const UNHASHABLE_OBJECT: &[&str] = &["__repr__", "__str__", "__format__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
const SEQUENCE: &[&str] = &["__len__", "__iter__", "__getitem__", "__contains__", "__add__", "__mul__", "__rmul__"];
const MUTABLE: &[&str] = &["__setitem__", "__delitem__"];
const MAPPING: &[&str] = &["__len__", "__iter__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__or__", "__ror__"];
const SET_OPS: &[&str] = &["__len__", "__iter__", "__contains__", "__sub__", "__and__", "__or__", "__xor__", "__rsub__", "__rand__", "__ror__", "__rxor__"];

/// The iterator types (their own `__iter__` and `__next__`, `object`'s comparisons).
const ITERATORS: &[&str] = &[
    "generator", "list_iterator", "tuple_iterator", "str_ascii_iterator", "str_iterator", "range_iterator",
    "longrange_iterator", "dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "set_iterator", "map", "filter", "zip",
    "enumerate", "reversed", "list_reverseiterator", "bytes_iterator", "bytearray_iterator", "count", "chain", "cycle", "repeat",
    "islice", "accumulate", "product", "permutations", "combinations", "combinations_with_replacement", "groupby", "starmap",
    "takewhile", "dropwhile", "zip_longest", "compress", "filterfalse", "pairwise",
];

/// Whether CPython's type named `owner` has the special method `name` (among those
/// this module provides).
fn has(owner: &str, name: &str) -> bool {
    let any = |lists: &[&[&str]]| lists.iter().any(|l| l.contains(&name));
    match owner {
        "int" | "bool" => any(&[NUMBER, INT_ONLY]),
        "float" => any(&[NUMBER]),
        "str" | "bytes" => any(&[OBJECT, SEQUENCE, &["__mod__"]]),
        "tuple" => any(&[OBJECT, SEQUENCE]),
        "bytearray" => any(&[UNHASHABLE_OBJECT, SEQUENCE, MUTABLE, &["__mod__"]]),
        "list" | "deque" => any(&[UNHASHABLE_OBJECT, SEQUENCE, MUTABLE]),
        "dict" | "defaultdict" | "OrderedDict" => any(&[UNHASHABLE_OBJECT, MAPPING]),
        "Counter" => any(&[UNHASHABLE_OBJECT, MAPPING, &["__add__", "__sub__", "__and__", "__neg__", "__pos__"]]),
        "set" => any(&[UNHASHABLE_OBJECT, SET_OPS]),
        "frozenset" => any(&[OBJECT, SET_OPS]),
        "dict_keys" | "dict_items" => any(&[UNHASHABLE_OBJECT, SET_OPS]) && name != "__getitem__",
        "dict_values" => any(&[UNHASHABLE_OBJECT, &["__len__", "__iter__"]]),
        "range" => any(&[OBJECT, &["__len__", "__iter__", "__getitem__", "__contains__", "__bool__"]]),
        "NoneType" => any(&[OBJECT, &["__bool__"]]),
        t if ITERATORS.contains(&t) => any(&[OBJECT, ITERATOR]),
        _ => false,
    }
}

/// The special method `name` of the type named `owner`, if CPython's type has it.
pub fn lookup(owner: &str, name: &str) -> Option<BuiltinFn> {
    if !has(owner, name) {
        return None;
    }
    SLOTS.iter().find(|&&(n, _)| n == name).map(|&(_, f)| f)
}

/// `NotImplemented`, as a new reference (the singleton is borrowed).
fn not_implemented() -> Value {
    let v = stitch_core::special::not_implemented();
    v.incref();
    v
}

/// Whether CPython's type named `owner` lacks the special method `name`, as far as
/// this module knows (then the attribute is an AttributeError, not a refusal).
pub fn lacks(owner: &str, name: &str) -> bool {
    let known = has(owner, "__repr__");
    known && SLOTS.iter().any(|&(n, _)| n == name) && !has(owner, name)
}

/// What kind of operand a value is, for the slots' `NotImplemented`.
fn family(v: Value) -> &'static str {
    if v.is_int() || v.is_bool() || v.is_kind(KIND_BIGINT) {
        return "int";
    }
    if v.is_float() {
        return "float";
    }
    match stitch_core::objects::kind(v) {
        KIND_STR => "str",
        KIND_BYTES | KIND_BYTEARRAY => "bytes",
        KIND_LIST => "list",
        KIND_TUPLE => "tuple",
        KIND_DICT => "dict",
        KIND_SET | KIND_FROZENSET => "set",
        KIND_RANGE => "range",
        _ => match type_name(v) {
            "dict_keys" | "dict_items" => "view",
            "deque" => "deque",
            _ => "",
        },
    }
}

/// Whether the slot of `receiver` handles `other` (rather than answer `NotImplemented`).
fn compatible(receiver: Value, other: Value) -> bool {
    match (family(receiver), family(other)) {
        ("float", "int" | "float") => true,
        // A dict view's set operations take any iterable.
        ("view", _) => true,
        ("", _) | (_, "") => false,
        (a, b) => a == b,
    }
}

/// The receiver and the `n` arguments after it, with CPython's count error.
fn operands<'a>(args: &'a Args, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if !args.keywords.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    let Some((_, rest)) = args.positional.split_first() else {
        return Err(PyErr::type_error(format!("descriptor '{name}' needs an argument")));
    };
    if rest.len() != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!("expected {n} argument{s}, got {}", rest.len())));
    }
    Ok(&args.positional[..=n])
}

fn unary(rt: &mut Runtime, args: &Args, name: &str, f: fn(&mut Runtime, &Args) -> PyResult<Value>) -> PyResult<Value> {
    let v = operands(args, name, 0)?;
    f(rt, &Args { positional: v, keywords: &[] })
}

fn str_of(v: Value) -> PyResult<Value> {
    Ok(stitch_core::objects::str::from_string(ops::str(v)?))
}

/// `a.__op__(b)` (or, reflected, `b (op) a`) for an arithmetic operator.
fn arith(rt: &mut Runtime, args: &Args, name: &str, op: u32, reflected: bool) -> PyResult<Value> {
    let v = operands(args, name, 1)?;
    let (a, b) = (v[0], v[1]);
    let numeric = matches!(family(a), "int" | "float" | "set" | "dict" | "view") || type_name(a) == "Counter";
    if numeric && !compatible(a, b) {
        return Ok(not_implemented());
    }
    if op == NB_MULTIPLY && !numeric && !matches!(family(b), "int") {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(b))));
    }
    if reflected { ops::binary_op(rt, b, a, op) } else { ops::binary_op(rt, a, b, op) }
}

fn compare(args: &Args, name: &str, op: u32) -> PyResult<Value> {
    let v = operands(args, name, 1)?;
    let (a, b) = (v[0], v[1]);
    let fa = family(a);
    if !COMPARED.contains(&fa) {
        // `object`'s: identity for == and !=, NotImplemented otherwise.
        return Ok(match op {
            CMP_EQ if a == b => Value::TRUE,
            CMP_NE if a == b => Value::FALSE,
            _ => not_implemented(),
        });
    }
    let ordering = !matches!(op, CMP_EQ | CMP_NE);
    if !compatible(a, b) || (ordering && !ORDERED.contains(&fa)) {
        return Ok(not_implemented());
    }
    ops::compare(a, b, op)
}

/// `list.__getitem__(self, i)` with `self` of a class deriving from list that has
/// special methods of its own: the base type's operation, which must not ask the
/// class's method again (`base_specials` runs it with the class's flag lifted).
fn base_of_subclass(rt: &mut Runtime, args: &Args, name: &str) -> Option<PyResult<Value>> {
    let &receiver = args.positional.first()?;
    if !stitch_core::special::overrides(receiver) {
        return None;
    }
    let f = stitch_core::base_specials::lookup(family(receiver), name)?;
    Some(ops::call(rt, f, args))
}

macro_rules! slots {
    ($($name:literal => |$rt:ident, $args:ident| $body:expr;)*) => {
        /// Each special method's wrapper, by name.
        const SLOTS: &[(&str, BuiltinFn)] = &[$(($name, {
            fn slot($rt: &mut Runtime, $args: &Args) -> PyResult<Value> {
                if let Some(r) = base_of_subclass($rt, $args, $name) {
                    return r;
                }
                #[allow(unused_variables)]
                let $rt = $rt;
                $body
            }
            slot
        })),*];
    };
}

slots! {
    "__len__" => |rt, args| unary(rt, args, "__len__", iteration::len);
    "__iter__" => |rt, args| unary(rt, args, "__iter__", iteration::iter);
    "__next__" => |rt, args| unary(rt, args, "__next__", iteration::next);
    "__hash__" => |rt, args| unary(rt, args, "__hash__", numeric::hash);
    "__repr__" => |rt, args| unary(rt, args, "__repr__", convert::repr);
    "__str__" => |rt, args| str_of(operands(args, "__str__", 0)?[0]);
    "__bool__" => |rt, args| Ok(Value::bool(ops::truthy(operands(args, "__bool__", 0)?[0])));
    "__abs__" => |rt, args| unary(rt, args, "__abs__", numeric::abs);
    "__neg__" => |rt, args| ops::unary_op(operands(args, "__neg__", 0)?[0], UNARY_NEGATIVE);
    "__pos__" => |rt, args| ops::unary_op(operands(args, "__pos__", 0)?[0], UNARY_POSITIVE);
    "__invert__" => |rt, args| ops::unary_op(operands(args, "__invert__", 0)?[0], UNARY_INVERT);
    "__int__" => |rt, args| unary(rt, args, "__int__", convert::int);
    "__trunc__" => |rt, args| unary(rt, args, "__trunc__", crate::modules::math::trunc);
    "__floor__" => |rt, args| unary(rt, args, "__floor__", crate::modules::math::floor);
    "__ceil__" => |rt, args| unary(rt, args, "__ceil__", crate::modules::math::ceil);
    "__round__" => |rt, args| {
        if args.positional.len() > 2 {
            let n = args.positional.len() - 1;
            return Err(PyErr::type_error(format!("__round__ expected at most 1 argument, got {n}")));
        }
        numeric::round(rt, args)
    };
    "__divmod__" => |rt, args| {
        let v = operands(args, "__divmod__", 1)?;
        if !compatible(v[0], v[1]) {
            return Ok(not_implemented());
        }
        numeric::divmod(rt, &Args { positional: v, keywords: &[] })
    };
    "__rdivmod__" => |rt, args| {
        let v = operands(args, "__rdivmod__", 1)?;
        if !compatible(v[0], v[1]) {
            return Ok(not_implemented());
        }
        numeric::divmod(rt, &Args { positional: &[v[1], v[0]], keywords: &[] })
    };
    "__index__" => |rt, args| unary(rt, args, "__index__", convert::int);
    "__float__" => |rt, args| unary(rt, args, "__float__", convert::float);
    "__format__" => |rt, args| {
        let v = operands(args, "__format__", 1)?;
        convert::format_(rt, &Args { positional: v, keywords: &[] })
    };
    "__getitem__" => |rt, args| {
        if args.positional.len() != 2 || !args.keywords.is_empty() {
            let owner = args.positional.first().map_or("object", |&v| type_name(v));
            let n = args.positional.len().saturating_sub(1);
            return Err(PyErr::type_error(format!("{owner}.__getitem__() takes exactly one argument ({n} given)")));
        }
        ops::getitem(args.positional[0], args.positional[1])
    };
    "__setitem__" => |rt, args| {
        // A sequence's item slot counts its arguments with a nameless message.
        let sequence = args.positional.first().is_some_and(|&v| matches!(family(v), "list" | "bytes" | "deque"));
        let v = operands(args, "__setitem__", 2).map_err(|mut e| {
            if sequence {
                e.message = e.message.map(|m| format!(" {m}"));
            }
            e
        })?;
        ops::setitem(v[0], v[1], v[2]).map(|()| Value::NONE)
    };
    "__delitem__" => |rt, args| {
        let v = operands(args, "__delitem__", 1)?;
        ops::delitem(v[0], v[1]).map(|()| Value::NONE)
    };
    "__contains__" => |rt, args| {
        let v = operands(args, "__contains__", 1)?;
        Ok(Value::bool(ops::contains(v[0], v[1])?))
    };
    "__eq__" => |rt, args| compare(args, "__eq__", CMP_EQ);
    "__ne__" => |rt, args| compare(args, "__ne__", CMP_NE);
    "__lt__" => |rt, args| compare(args, "__lt__", CMP_LT);
    "__le__" => |rt, args| compare(args, "__le__", CMP_LE);
    "__gt__" => |rt, args| compare(args, "__gt__", CMP_GT);
    "__ge__" => |rt, args| compare(args, "__ge__", CMP_GE);
    "__add__" => |rt, args| arith(rt, args, "__add__", NB_ADD, false);
    "__sub__" => |rt, args| arith(rt, args, "__sub__", NB_SUBTRACT, false);
    "__mul__" => |rt, args| arith(rt, args, "__mul__", NB_MULTIPLY, false);
    "__truediv__" => |rt, args| arith(rt, args, "__truediv__", NB_TRUE_DIVIDE, false);
    "__floordiv__" => |rt, args| arith(rt, args, "__floordiv__", NB_FLOOR_DIVIDE, false);
    "__mod__" => |rt, args| {
        let v = operands(args, "__mod__", 1)?;
        if matches!(family(v[0]), "str" | "bytes") {
            return ops::binary_op(rt, v[0], v[1], NB_REMAINDER);
        }
        arith(rt, args, "__mod__", NB_REMAINDER, false)
    };
    "__pow__" => |rt, args| {
        if args.positional.len() == 3 {
            return numeric::pow(rt, args);
        }
        arith(rt, args, "__pow__", NB_POWER, false)
    };
    "__and__" => |rt, args| arith(rt, args, "__and__", NB_AND, false);
    "__or__" => |rt, args| arith(rt, args, "__or__", NB_OR, false);
    "__xor__" => |rt, args| arith(rt, args, "__xor__", NB_XOR, false);
    "__lshift__" => |rt, args| arith(rt, args, "__lshift__", NB_LSHIFT, false);
    "__rshift__" => |rt, args| arith(rt, args, "__rshift__", NB_RSHIFT, false);
    "__radd__" => |rt, args| arith(rt, args, "__radd__", NB_ADD, true);
    "__rsub__" => |rt, args| arith(rt, args, "__rsub__", NB_SUBTRACT, true);
    "__rmul__" => |rt, args| arith(rt, args, "__rmul__", NB_MULTIPLY, true);
    "__rtruediv__" => |rt, args| arith(rt, args, "__rtruediv__", NB_TRUE_DIVIDE, true);
    "__rfloordiv__" => |rt, args| arith(rt, args, "__rfloordiv__", NB_FLOOR_DIVIDE, true);
    "__rmod__" => |rt, args| arith(rt, args, "__rmod__", NB_REMAINDER, true);
    "__rpow__" => |rt, args| arith(rt, args, "__rpow__", NB_POWER, true);
    "__rand__" => |rt, args| arith(rt, args, "__rand__", NB_AND, true);
    "__ror__" => |rt, args| arith(rt, args, "__ror__", NB_OR, true);
    "__rxor__" => |rt, args| arith(rt, args, "__rxor__", NB_XOR, true);
    "__rlshift__" => |rt, args| arith(rt, args, "__rlshift__", NB_LSHIFT, true);
    "__rrshift__" => |rt, args| arith(rt, args, "__rrshift__", NB_RSHIFT, true);
}

/// `x.__class__` for the builtin values: `type(x)`.
pub fn class_of(v: Value) -> PyResult<Value> {
    introspect::type_of(v)
}
