//! What a value is: its CPython type name, its truth, its length.

use stitch_abi::*;
use crate::objects::iter::{DictPart, IterState, is_dict_view, state_mut};
use crate::objects::{self, kind, range::Range};

/// CPython's name of the value's type (`type(v).__name__`).
pub fn type_name(v: Value) -> &'static str {
    if v.is_float() {
        return "float";
    }
    if v.is_int() {
        return "int";
    }
    if v.is_bool() {
        return "bool";
    }
    if v == Value::NONE {
        return "NoneType";
    }
    if !v.is_object() {
        return "NULL";
    }
    match kind(v) {
        KIND_STR => objects::subclass::behaviour(v).map_or("str", |b| b.type_name()),
        KIND_BYTES => "bytes",
        KIND_COMPLEX => "complex",
        KIND_BYTEARRAY => "bytearray",
        KIND_BYTES_ITER => bytes_iter_name(v),
        KIND_LIST => objects::subclass::behaviour(v).map_or("list", |b| b.type_name()),
        KIND_TUPLE => objects::subclass::behaviour(v).map_or("tuple", |b| b.type_name()),
        KIND_DICT => objects::subclass::behaviour(v).map_or("dict", |b| b.type_name()),
        KIND_SET => "set",
        KIND_FROZENSET => "frozenset",
        KIND_SET_ITER => "set_iterator",
        KIND_BIGINT => objects::subclass::behaviour(v).map_or("int", |b| b.type_name()),
        KIND_FUNCTION => "function",
        KIND_CODE => "code",
        KIND_RANGE => "range",
        KIND_RANGE_ITER => "range_iterator",
        // CPython's longrange_iterator is for values beyond a C long; ranges here
        // have i64 bounds, so theirs is always a range_iterator.
        KIND_LONG_RANGE_ITER => "range_iterator",
        KIND_LIST_ITER => "list_iterator",
        KIND_TUPLE_ITER => "tuple_iterator",
        KIND_STR_ITER => str_iter_name(v),
        KIND_DICT_ITER => dict_iter_name(v),
        KIND_ENUMERATE => "enumerate",
        KIND_ZIP => "zip",
        KIND_REVERSED => reversed_name(v),
        // Bound builtin methods are builtin_function_or_method in CPython too.
        // SAFETY: the kind was matched.
        KIND_BOUND_METHOD if unsafe { (*v.cast::<crate::objects::builtin::BoundMethod>()).func.is_kind(KIND_FUNCTION) } => "method",
        KIND_BUILTIN | KIND_BOUND_METHOD => "builtin_function_or_method",
        KIND_SLICE => "slice",
        KIND_TYPE => "type",
        KIND_MAP => "map",
        KIND_FILTER => "filter",
        KIND_CELL => "cell",
        KIND_CLASS => "type",
        KIND_INSTANCE => crate::classes::class_name(crate::classes::class_of(v)),
        KIND_SUPER => "super",
        KIND_GENERATOR if crate::objects::generator::is_coroutine(v) => "coroutine",
        KIND_GENERATOR => "generator",
        // SAFETY: the kind was matched.
        KIND_DESCRIPTOR => match unsafe { (*v.cast::<crate::objects::class::Descriptor>()).which } {
            crate::objects::class::DescriptorKind::StaticMethod => "staticmethod",
            crate::objects::class::DescriptorKind::ClassMethod => "classmethod",
            crate::objects::class::DescriptorKind::Property => "property",
        },
        // SAFETY: the kind was matched.
        stitch_abi::KIND_EXCEPTION => crate::exceptions::class_name_of(v),
        stitch_abi::KIND_MODULE => "module",
        stitch_abi::KIND_NATIVE => objects::native::get(v).map_or("object", |n| n.type_name()),
        _ => "object",
    }
}

/// CPython 3.11 iterates ASCII strings with a type of its own.
fn str_iter_name(v: Value) -> &'static str {
    // SAFETY: a KIND_STR_ITER object is an `Iter`; the state is only read.
    match unsafe { state_mut(v) } {
        // SAFETY: the iterator owns a live str.
        IterState::Str { s, .. } if unsafe { objects::str::as_str(s.get()) }.is_ascii() => "str_ascii_iterator",
        _ => "str_iterator",
    }
}

fn dict_iter_name(v: Value) -> &'static str {
    // SAFETY: a KIND_DICT_ITER object is an `Iter`; the state is only read.
    let part = match unsafe { state_mut(v) } {
        IterState::Dict { part, .. } => *part,
        _ => DictPart::Keys,
    };
    match (is_dict_view(v), part) {
        (true, DictPart::Keys) => "dict_keys",
        (true, DictPart::Values) => "dict_values",
        (true, DictPart::Items) => "dict_items",
        (false, DictPart::Keys) => "dict_keyiterator",
        (false, DictPart::Values) => "dict_valueiterator",
        (false, DictPart::Items) => "dict_itemiterator",
    }
}

/// `reversed(list)` has its own iterator type; other sequences get `reversed`.
fn reversed_name(v: Value) -> &'static str {
    // SAFETY: a KIND_REVERSED object is an `Iter`; the state is only read.
    match unsafe { state_mut(v) } {
        IterState::Reversed { seq, .. } if seq.get().is_kind(KIND_LIST) => "list_reverseiterator",
        IterState::Reversed { seq, .. } if seq.get().is_kind(KIND_DICT) => "dict_reversekeyiterator",
        _ => "reversed",
    }
}

/// The length of a sized container (`len(v)`), or `None` for values without one.
pub fn len(v: Value) -> Option<usize> {
    if !v.is_object() {
        return None;
    }
    // SAFETY: each arm reads the layout its kind guarantees.
    unsafe {
        match kind(v) {
            KIND_STR => Some(objects::str::as_str(v).chars),
            KIND_LIST => Some((*v.cast::<List>()).len),
            KIND_BYTES | KIND_BYTEARRAY => Some(objects::bytes::data(v).len()),
            KIND_TUPLE => Some((*v.cast::<Tuple>()).len),
            KIND_DICT => Some((*v.cast::<Dict>()).len),
            KIND_SET | KIND_FROZENSET => Some(objects::set::len(v.cast())),
            KIND_RANGE => Some((*v.cast::<Range>()).len().min(isize::MAX as i128) as usize),
            KIND_DICT_ITER if is_dict_view(v) => match state_mut(v) {
                IterState::Dict { dict, .. } => Some((*dict.get().cast::<Dict>()).len),
                _ => None,
            },
            stitch_abi::KIND_NATIVE => objects::native::get(v)?.len(),
            _ => None,
        }
    }
}

/// Python truth: numbers are true when non-zero, containers when non-empty, None is
/// false, everything else true.
pub fn truthy(v: Value) -> bool {
    if let Some(t) = v.fast_truth() {
        return t;
    }
    if v.is_kind(KIND_BIGINT) {
        // Big ints never hold small values, zero included; an int of a class deriving
        // from int may.
        return !crate::ops::num::as_int(v).is_some_and(|i| i.is_zero());
    }
    if let Some((re, im)) = objects::complex::parts(v) {
        return re != 0.0 || im != 0.0;
    }
    len(v).is_none_or(|n| n > 0)
}

/// `bytes_iterator` or `bytearray_iterator`, after what it iterates.
fn bytes_iter_name(v: Value) -> &'static str {
    // SAFETY: a KIND_BYTES_ITER object is an `Iter`; the state is only read.
    match unsafe { state_mut(v) } {
        IterState::Bytes { seq, .. } if seq.get().is_kind(KIND_BYTEARRAY) => "bytearray_iterator",
        _ => "bytes_iterator",
    }
}
