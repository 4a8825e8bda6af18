//! The special methods of user classes (`__add__`, `__eq__`, `__hash__`, `__len__`,
//! `__getitem__`, `__iter__`, `__call__`, ...) as the generic operations in `ops` reach
//! them, with CPython's rules: reflected operands, `NotImplemented`, the default
//! identity `__eq__`/`__ne__`, and CPython's messages. Each entry point answers `None`
//! when no operand is an instance, so the builtin types keep their own paths.
//!
//! A list, dict, tuple, str or int of a user class that overrides one of these methods
//! (`class Vector(tuple)` with `__add__`; its objects carry `OVERRIDES_FLAG`, which the
//! specialized families' guards refuse) is dispatched here too, but where its class
//! does not define the method the base type's own behaviour applies: the entry points
//! answer `None` then, as for a plain value.

use crate::classes::{class_name, class_of, is_subclass, lookup};
use crate::errors::{ExcKind, PyErr, PyResult};
use crate::objects::builtin::Args;
use crate::objects::{class, str as strs};
use crate::ops::call::call_any;
use crate::ops::num::{Int, as_int};
use crate::ops::types::type_name;
use stitch_abi::*;

/// The `NotImplemented` singleton: the one instance of `NotImplementedType`. It is
/// made once and never freed (one reference is kept here).
pub fn not_implemented() -> Value {
    static NI: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    singleton(&NI, "NotImplementedType")
}

/// The `Ellipsis` singleton (`...`): the one instance of `ellipsis`, made once and
/// never freed.
pub fn ellipsis() -> Value {
    static ELLIPSIS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    singleton(&ELLIPSIS, "ellipsis")
}

/// The one instance of a builtin class named `class_name`, made on first use.
fn singleton(cell: &std::sync::OnceLock<usize>, class_name: &str) -> Value {
    let p = *cell.get_or_init(|| {
        let d = crate::objects::dict::new_dict();
        let m = strs::new_str("builtins");
        let k = strs::new_str("__module__");
        // SAFETY: a new dict; key and value are new references.
        unsafe { crate::objects::dict::set(d.cast(), k, strs::as_str(k).hash(), m) };
        let cls = class::new_class(class_name, class_name.to_string(), vec![], vec![], d, None, None);
        class::new_instance(cls).object() as usize
    });
    Value::from_object(p as *mut Object)
}

/// Whether `v` is a list, dict, tuple, str or int of a user class that overrides a
/// special method (the flag is set when the object is made).
pub fn overrides(v: Value) -> bool {
    // SAFETY: the header of a live object is readable; the flag bit means this only for
    // the kinds checked (other kinds use it for their own marks).
    v.is_object()
        && unsafe { (*v.object()).flags } & OVERRIDES_FLAG != 0
        && matches!(crate::objects::kind(v), KIND_LIST | KIND_DICT | KIND_TUPLE | KIND_STR | KIND_BIGINT)
}

/// Whether `v` is an instance whose class has no builtin behaviour to fall back on (an
/// instance of a class deriving from float has float's, as a builtin-type subclass
/// object has its base type's).
fn plain_instance(v: Value) -> bool {
    v.is_kind(KIND_INSTANCE) && !crate::float_subclass::is(v)
}

/// Whether `v` has a builtin base type's behaviour after its class's special methods:
/// an object of a builtin type's subclass that overrides some, or a float subclass's
/// instance.
fn has_base_behaviour(v: Value) -> bool {
    overrides(v) || crate::float_subclass::is(v)
}

/// Whether the special methods of `v`'s class are asked for: an instance, or such an
/// object of a builtin type's subclass.
fn dispatches(v: Value) -> bool {
    v.is_kind(KIND_INSTANCE) || overrides(v)
}

/// The user class whose methods `v` answers to (borrowed), if it is dispatched here.
fn dispatch_class(v: Value) -> Option<Value> {
    if v.is_kind(KIND_INSTANCE) {
        Some(class_of(v))
    } else if overrides(v) {
        crate::builtin_subclasses::class_of(v)
    } else {
        None
    }
}

/// `name` on the class of `v` when `v` is an instance (borrowed), or defined by the user
/// class of a builtin type's subclass object (the base type's own methods are not
/// found here: its builtin behaviour is the caller's fallback).
fn method(v: Value, name: &str) -> Option<Value> {
    dispatch_class(v).and_then(|c| lookup(c, name))
}

/// Whether `sub`'s type is a proper subclass of `base`'s (CPython then tries `sub`'s
/// reflected method first): user classes, or a user class deriving from the builtin
/// type of a plain `base`.
fn derives_from(sub: Value, base: Value) -> bool {
    let Some(cs) = dispatch_class(sub) else { return false };
    match dispatch_class(base).or_else(|| crate::builtin_subclasses::class_of(base)) {
        Some(cb) => cb != cs && is_subclass(cs, cb),
        None if crate::float_subclass::is(sub) => base.is_float(),
        None => !sub.is_kind(KIND_INSTANCE) && crate::objects::kind(sub) == crate::objects::kind(base),
    }
}

/// Calls the special method `f` found on the class of `obj`, with `obj` as self.
pub fn call_method(f: Value, obj: Value, args: &[Value]) -> PyResult<Value> {
    if f.is_kind(KIND_FUNCTION) {
        let mut positional = Vec::with_capacity(args.len() + 1);
        positional.push(obj);
        positional.extend_from_slice(args);
        return call_any(f, &Args { positional: &positional, keywords: &[] });
    }
    if f == Value::NONE {
        return Err(PyErr::type_error("'NoneType' object is not callable"));
    }
    let Some(cls) = dispatch_class(obj) else {
        return Err(PyErr::unsupported("a special method of this object"));
    };
    let bound = crate::classes::bind_attribute(f, obj, cls)?;
    let r = call_any(bound, &Args { positional: args, keywords: &[] });
    bound.decref();
    r
}

/// Calls `name` of `obj`'s class if it has it: `None` when it does not.
fn call_if(obj: Value, name: &str, args: &[Value]) -> Option<PyResult<Value>> {
    method(obj, name).map(|f| call_method(f, obj, args))
}

/// `obj.name(*args)` for the numeric conversions (`__int__`, `__round__`, `__floor__`,
/// ...) when `obj` is an instance whose class defines `name`; `None` otherwise.
pub fn conversion(obj: Value, name: &str, args: &[Value]) -> Option<PyResult<Value>> {
    call_if(obj, name, args)
}

/// `float(obj)` through `__float__` when `obj` is an instance whose class defines it,
/// with CPython's check of the result.
pub fn instance_float(obj: Value) -> Option<PyResult<f64>> {
    let Some(r) = call_if(obj, "__float__", &[]) else {
        // A float subclass's instance is its value.
        return crate::float_subclass::value(obj).map(Ok);
    };
    Some(r.and_then(|v| {
        let out = if v.is_float() {
            Ok(v.as_float())
        } else {
            Err(PyErr::type_error(format!("{}.__float__ returned non-float (type {})", class_name(class_of(obj)), type_name(v))))
        };
        v.decref();
        out
    }))
}

/// `int(obj)` through `__int__` (then `__trunc__`) when `obj` is an instance whose
/// class defines one, with CPython's check of the result (a new reference).
pub fn instance_int(obj: Value) -> Option<PyResult<Value>> {
    let r = call_if(obj, "__int__", &[]).or_else(|| call_if(obj, "__trunc__", &[]))?;
    Some(r.and_then(|v| {
        if as_int(v).is_some() {
            Ok(v)
        } else {
            let e = PyErr::type_error(format!("__int__ returned non-int (type {})", type_name(v)));
            v.decref();
            Err(e)
        }
    }))
}

/// A result that is not `NotImplemented` (which is released).
fn implemented(r: Value) -> Option<Value> {
    if r == not_implemented() {
        r.decref();
        None
    } else {
        Some(r)
    }
}

/// The special method names of a binary operator: plain, reflected, in place.
fn binary_names(nb: u32) -> (&'static str, &'static str, &'static str) {
    match nb {
        NB_ADD => ("__add__", "__radd__", "__iadd__"),
        NB_SUBTRACT => ("__sub__", "__rsub__", "__isub__"),
        NB_MULTIPLY => ("__mul__", "__rmul__", "__imul__"),
        NB_TRUE_DIVIDE => ("__truediv__", "__rtruediv__", "__itruediv__"),
        NB_FLOOR_DIVIDE => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        NB_REMAINDER => ("__mod__", "__rmod__", "__imod__"),
        NB_POWER => ("__pow__", "__rpow__", "__ipow__"),
        NB_LSHIFT => ("__lshift__", "__rlshift__", "__ilshift__"),
        NB_RSHIFT => ("__rshift__", "__rrshift__", "__irshift__"),
        NB_AND => ("__and__", "__rand__", "__iand__"),
        NB_OR => ("__or__", "__ror__", "__ior__"),
        NB_XOR => ("__xor__", "__rxor__", "__ixor__"),
        NB_MATRIX_MULTIPLY => ("__matmul__", "__rmatmul__", "__imatmul__"),
        _ => ("", "", ""),
    }
}

/// `a (nb) b` when an operand is an instance (CPython's `binary_op1`): the in-place
/// method first for an augmented assignment; the right operand's reflected method
/// before the left's when its class derives from the left's; `NotImplemented` passes
/// on to the next candidate.
pub fn binary(a: Value, b: Value, nb: u32, inplace: bool) -> Option<PyResult<Value>> {
    if !dispatches(a) && !dispatches(b) {
        return None;
    }
    if !plain_instance(a) && !plain_instance(b) {
        // Builtin-type subclass objects only: their classes' methods, if they define
        // any for this operator; else the base types' operator.
        let (name, rname, iname) = binary_names(nb);
        if method(a, name).is_none() && method(b, rname).is_none() && !(inplace && method(a, iname).is_some()) {
            return None;
        }
    }
    binary_dispatch(a, b, nb, inplace).transpose()
}

/// The methods' result; `None` when none of them answered and an operand is a
/// builtin-type subclass object, whose base type's operator then decides (as the
/// inherited slot, or the other operand's builtin one, does in CPython).
fn binary_dispatch(a: Value, b: Value, nb: u32, inplace: bool) -> PyResult<Option<Value>> {
    let names @ (name, rname, iname) = binary_names(nb);
    if let Some(v) = pair_dispatch(a, b, names, inplace, nb == NB_REMAINDER)? {
        return Ok(Some(v));
    }
    let answered = method(a, name).is_some() || method(b, rname).is_some() || (inplace && method(a, iname).is_some());
    if !answered && (has_base_behaviour(a) || has_base_behaviour(b)) {
        return Ok(None);
    }
    if base_slot_follows(a, b, nb, names) {
        return Ok(None);
    }
    // A class's method returned NotImplemented and no builtin slot comes after it.
    Err(crate::ops::arith::unsupported(a, b, nb, inplace))
}

/// After a builtin-type subclass's methods returned `NotImplemented`: whether CPython
/// still reaches a builtin slot, whose behaviour the base operation then gives. A class
/// defining the operator owns the type's slot (which asks its methods, or the base
/// type's method it inherits); the other operand's type's own slot comes next when it
/// is a different one (`J(2) + 3` with `J.__add__` declining is `int.__add__`), and
/// `*` and a left `+` also try the sequence repeat and concatenation of a type that
/// keeps them.
fn base_slot_follows(a: Value, b: Value, nb: u32, (name, rname, _): (&str, &str, &str)) -> bool {
    if plain_instance(a) || plain_instance(b) {
        return false;
    }
    let owns = |v: Value| method(v, name).is_some() || method(v, rname).is_some();
    let (a_user, b_user) = (owns(a), owns(b));
    if dispatch_class(a).is_some() && dispatch_class(a) == dispatch_class(b) {
        // One slot for both: it asked `a.__add__`, the base type's when the class has none.
        return method(a, name).is_none();
    }
    let sequence = |v: Value| matches!(crate::objects::kind(v), KIND_LIST | KIND_TUPLE | KIND_STR) || v.is_kind(stitch_abi::KIND_BYTES);
    match (a_user, b_user) {
        (true, false) => number_slot(b, a, nb, false) || (nb == NB_MULTIPLY && b.is_object() && sequence(b)),
        (false, true) => {
            number_slot(a, b, nb, true) || (matches!(nb, NB_ADD | NB_MULTIPLY) && a.is_object() && sequence(a))
        }
        _ => false,
    }
}

/// Whether `v`'s builtin type has a numeric slot for the operator `nb` that takes
/// `other` (the user operand; `v_left` when `v` is the left one) rather than declining.
fn number_slot(v: Value, other: Value, nb: u32, v_left: bool) -> bool {
    let arith = matches!(
        nb,
        NB_ADD | NB_SUBTRACT | NB_MULTIPLY | NB_TRUE_DIVIDE | NB_FLOOR_DIVIDE | NB_REMAINDER | NB_POWER
    );
    let bits = matches!(nb, NB_AND | NB_OR | NB_XOR | NB_LSHIFT | NB_RSHIFT);
    let numeric = |x: Value| x.is_int() || x.is_bool() || x.is_float() || x.is_kind(KIND_BIGINT);
    if v.is_int() || v.is_bool() || v.is_kind(KIND_BIGINT) {
        // int's slot declines a float (a float subclass's instance too).
        return numeric(other) && (arith || bits);
    }
    if v.is_float() || v.is_kind(stitch_abi::KIND_COMPLEX) || crate::float_subclass::is(v) {
        return (numeric(other) || crate::float_subclass::is(other)) && arith;
    }
    match crate::objects::kind(v) {
        KIND_DICT => nb == NB_OR && other.is_kind(KIND_DICT),
        KIND_STR => nb == NB_REMAINDER && v_left,
        _ => v.is_kind(stitch_abi::KIND_BYTES) && nb == NB_REMAINDER && v_left,
    }
}

/// The Python function that is all `a (op) b` runs (BINARY_OP_INSTANCE, which pushes
/// its frame), with the type version of `a`'s class that pins it: `a` is an instance
/// whose class defines the operator's method as a plain function of two parameters
/// (not a generator), and `b` a small int, a float or an instance of the same class,
/// so no reflected method comes first, and none comes after when the method declines
/// (`binary_declined`); an augmented assignment only when the class has no in-place
/// method. The guard of the family member checks exactly these operand kinds.
pub fn binary_method_for_version(a: Value, b: Value, op: u32) -> Option<(u32, Value)> {
    if !a.is_kind(KIND_INSTANCE) {
        return None;
    }
    let cls = class_of(a);
    let same = b.is_kind(KIND_INSTANCE) && class_of(b) == cls;
    if !(b.is_int() || b.is_float() || same) {
        return None;
    }
    let (name, _, iname) = binary_names(op & !NB_INPLACE);
    if name.is_empty() || (op & NB_INPLACE != 0 && lookup(cls, iname).is_some()) {
        return None;
    }
    // SAFETY: a class.
    let version = unsafe { (*cls.cast::<ClassHead>()).version };
    if version == 0 {
        return None;
    }
    let f = lookup(cls, name).filter(|f| f.is_kind(KIND_FUNCTION))?;
    // SAFETY: a function; its code is a live code object.
    let (argcount, generator) = unsafe {
        let fp = f.cast::<stitch_abi::Function>();
        let code = &*((*fp).code as *mut crate::objects::code::Code);
        ((*fp).argcount, code.flags & crate::objects::code::CO_GENERATOR != 0)
    };
    (argcount == 2 && !generator).then_some((version, f))
}

/// The error of `a (op) b` when the method `binary_method_for_version` found returned
/// NotImplemented: with such operands no other method is asked (the right one is of
/// the same class, whose reflected method CPython skips, or a number, whose operator
/// declines an instance).
pub fn binary_declined(a: Value, b: Value, op: u32) -> PyErr {
    crate::ops::arith::unsupported(a, b, op & !NB_INPLACE, op & NB_INPLACE != 0)
}

/// `divmod(a, b)` when an operand is an instance: `__divmod__`, then `__rdivmod__`, in
/// the order binary operators take them; None if neither applies (the builtin then
/// raises its TypeError).
pub fn divmod(a: Value, b: Value) -> Option<PyResult<Option<Value>>> {
    if !a.is_kind(KIND_INSTANCE) && !b.is_kind(KIND_INSTANCE) {
        return None;
    }
    if !plain_instance(a) && !plain_instance(b) && method(a, "__divmod__").is_none() && method(b, "__rdivmod__").is_none() {
        // A float subclass's instance without its own: float's divmod.
        return None;
    }
    Some(pair_dispatch(a, b, ("__divmod__", "__rdivmod__", ""), false, false))
}

/// The binary-operator protocol over the method names (plain, reflected, in place):
/// the result, or None when every candidate is missing or returns NotImplemented.
fn pair_dispatch(
    a: Value,
    b: Value,
    (name, rname, iname): (&str, &str, &str),
    inplace: bool,
    str_format: bool,
) -> PyResult<Option<Value>> {
    if inplace && let Some(r) = call_if(a, iname, &[b]) {
        if let Some(v) = implemented(r?) {
            return Ok(Some(v));
        }
    }
    let same_class = dispatch_class(a).is_some() && dispatch_class(a) == dispatch_class(b);
    let mut right = if same_class { None } else { method(b, rname) };
    if let Some(f) = right
        && derives_from(b, a)
    {
        if let Some(v) = implemented(call_method(f, b, &[a])?) {
            return Ok(Some(v));
        }
        right = None;
    }
    if let Some(f) = method(a, name) {
        if let Some(v) = implemented(call_method(f, a, &[b])?) {
            return Ok(Some(v));
        }
    } else if str_format && a.is_kind(KIND_STR) {
        // str.__mod__ formats any right operand.
        // SAFETY: the kind was checked.
        return crate::ops::printf::format(unsafe { strs::text(a) }?, b).map(Some);
    }
    if let Some(f) = right
        && let Some(v) = implemented(call_method(f, b, &[a])?)
    {
        return Ok(Some(v));
    }
    Ok(None)
}

/// `-a`, `+a`, `~a` of an instance.
pub fn unary(a: Value, op: u32) -> Option<PyResult<Value>> {
    let (name, symbol) = match op {
        UNARY_NEGATIVE => ("__neg__", "-"),
        UNARY_POSITIVE => ("__pos__", "+"),
        _ => ("__invert__", "~"),
    };
    if has_base_behaviour(a) {
        return call_if(a, name, &[]);
    }
    if !a.is_kind(KIND_INSTANCE) {
        return None;
    }
    Some(call_if(a, name, &[]).unwrap_or_else(|| {
        Err(PyErr::type_error(format!("bad operand type for unary {symbol}: '{}'", type_name(a))))
    }))
}

/// `abs(a)` of an instance.
pub fn abs(a: Value) -> Option<PyResult<Value>> {
    if has_base_behaviour(a) {
        return call_if(a, "__abs__", &[]);
    }
    if !a.is_kind(KIND_INSTANCE) {
        return None;
    }
    Some(
        call_if(a, "__abs__", &[])
            .unwrap_or_else(|| Err(PyErr::type_error(format!("bad operand type for abs(): '{}'", type_name(a))))),
    )
}

fn compare_name(op: u32) -> &'static str {
    match op {
        CMP_LT => "__lt__",
        CMP_LE => "__le__",
        CMP_EQ => "__eq__",
        CMP_NE => "__ne__",
        CMP_GT => "__gt__",
        _ => "__ge__",
    }
}

/// The comparison with the operands swapped (`a < b` is `b > a`).
fn reflected(op: u32) -> u32 {
    match op {
        CMP_LT => CMP_GT,
        CMP_LE => CMP_GE,
        CMP_GT => CMP_LT,
        CMP_GE => CMP_LE,
        o => o,
    }
}

/// `x.__op__(y)` as CPython's slot does it: the class's method, or `object`'s
/// (`__eq__` is identity, `__ne__` inverts `__eq__`); NULL for `NotImplemented`.
fn compare_slot(x: Value, y: Value, op: u32) -> PyResult<Value> {
    if !dispatches(x) {
        return Ok(Value::NULL);
    }
    if let Some(r) = call_if(x, compare_name(op), &[y]) {
        return Ok(implemented(r?).unwrap_or(Value::NULL));
    }
    if !plain_instance(x) {
        // A builtin-type subclass object without the method: its base type's
        // comparison is the caller's fallback.
        return Ok(Value::NULL);
    }
    match op {
        CMP_EQ if x == y => Ok(Value::TRUE),
        CMP_NE => {
            let eq = compare_slot(x, y, CMP_EQ)?;
            if eq.is_null() {
                return Ok(Value::NULL);
            }
            let t = truth(eq);
            eq.decref();
            Ok(Value::bool(!t?))
        }
        _ => Ok(Value::NULL),
    }
}

/// `a (op) b` when an operand is an instance (CPython's `do_richcompare`): whatever
/// the method returned (a new reference).
pub fn richcompare(a: Value, b: Value, op: u32) -> Option<PyResult<Value>> {
    if !dispatches(a) && !dispatches(b) {
        return None;
    }
    richcompare_dispatch(a, b, op).transpose()
}

/// The methods' result; `None` when none answered and an operand is a builtin-type
/// subclass object (its base type's comparison decides then).
fn richcompare_dispatch(a: Value, b: Value, op: u32) -> PyResult<Option<Value>> {
    let mut reverse_tried = false;
    if derives_from(b, a) {
        reverse_tried = true;
        let r = compare_slot(b, a, reflected(op))?;
        if !r.is_null() {
            return Ok(Some(r));
        }
    }
    let r = compare_slot(a, b, op)?;
    if !r.is_null() {
        return Ok(Some(r));
    }
    if !reverse_tried {
        let r = compare_slot(b, a, reflected(op))?;
        if !r.is_null() {
            return Ok(Some(r));
        }
    }
    if has_base_behaviour(a) || has_base_behaviour(b) {
        return Ok(None);
    }
    Ok(Some(match op {
        CMP_EQ => Value::bool(a == b),
        CMP_NE => Value::bool(a != b),
        _ => return Err(crate::ops::compare::not_supported(a, b, op)),
    }))
}

/// Python truth of any value (`__bool__`, then `__len__`, of an instance).
pub fn truth(v: Value) -> PyResult<bool> {
    if let Some(t) = v.fast_truth() {
        return Ok(t);
    }
    if !dispatches(v) {
        return Ok(crate::ops::truthy(v));
    }
    if let Some(r) = call_if(v, "__bool__", &[]) {
        let r = r?;
        if !r.is_bool() {
            let e = PyErr::type_error(format!("__bool__ should return bool, returned {}", type_name(r)));
            r.decref();
            return Err(e);
        }
        return Ok(r == Value::TRUE);
    }
    match len(v) {
        Some(n) => Ok(n? > 0),
        None if overrides(v) => Ok(crate::ops::truthy(v)),
        None if let Some(f) = crate::float_subclass::value(v) => Ok(f != 0.0),
        None => Ok(true),
    }
}

/// Whether the truth of `v` runs Python code.
pub fn truth_runs_python(v: Value) -> bool {
    dispatches(v) && (method(v, "__bool__").is_some() || method(v, "__len__").is_some())
}

/// `len(v)` of an instance with `__len__`; `None` for other values.
pub fn len(v: Value) -> Option<PyResult<usize>> {
    if crate::enums::is_enum_class(v) {
        return Some(Ok(crate::enums::len(v)));
    }
    let r = call_if(v, "__len__", &[])?;
    Some(r.and_then(|r| {
        let n = len_of(r);
        r.decref();
        n
    }))
}

/// The int `__len__` returned, as CPython checks it.
fn len_of(r: Value) -> PyResult<usize> {
    match as_int(r) {
        Some(Int::Small(n)) if n >= 0 => Ok(n as usize),
        Some(Int::Small(_)) => Err(PyErr::value_error("__len__() should return >= 0")),
        Some(_) => Err(PyErr::new(ExcKind::OverflowError, "cannot fit 'int' into an index-sized integer")),
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(r)))),
    }
}

/// `hash(v)` of an instance: its class's `__hash__`, or identity; `__hash__ = None`
/// (set when the class defines `__eq__` alone) makes it unhashable.
pub fn hash(v: Value) -> Option<PyResult<u64>> {
    let f = method(v, "__hash__")?;
    if f == Value::NONE {
        return Some(Err(crate::ops::hash::unhashable(v)));
    }
    Some(call_method(f, v, &[]).and_then(|r| {
        let h = match as_int(r) {
            // CPython's slot_tp_hash: an int that fits a machine word is the hash
            // itself (-1 becoming -2), not the hash of that int, so `hash(self.name)`
            // gives the str's hash back.
            Some(Int::Small(x)) if !r.is_bool() => Ok(crate::ops::hash::fix_word(x)),
            Some(Int::Big(b)) if let Some(x) = num_traits::ToPrimitive::to_i64(b) => Ok(crate::ops::hash::fix_word(x)),
            Some(i) if !r.is_bool() => Ok(crate::ops::hash::hash_int(i)),
            _ => Err(PyErr::type_error("__hash__ method should return an integer")),
        };
        r.decref();
        h
    }))
}

/// `item in v` of an instance: `__contains__`, else a search of its iteration.
pub fn contains(v: Value, item: Value) -> Option<PyResult<bool>> {
    if overrides(v) {
        // The base type's own `in` unless the class defines `__contains__` (a list's
        // does not iterate through an overridden `__iter__`).
        return call_if(v, "__contains__", &[item]).map(|r| {
            r.and_then(|r| {
                let t = truth(r);
                r.decref();
                t
            })
        });
    }
    if !v.is_kind(KIND_INSTANCE) {
        return crate::enums::is_enum_class(v).then(|| crate::enums::contains(v, item));
    }
    if let Some(r) = call_if(v, "__contains__", &[item]) {
        return Some(r.and_then(|r| {
            let t = truth(r);
            r.decref();
            t
        }));
    }
    if method(v, "__iter__").is_none() {
        return Some(Err(PyErr::type_error(format!("argument of type '{}' is not iterable", type_name(v)))));
    }
    None
}

/// `v[sub]` of an instance.
pub fn getitem(v: Value, sub: Value) -> Option<PyResult<Value>> {
    if overrides(v) {
        return call_if(v, "__getitem__", &[sub]);
    }
    if !v.is_kind(KIND_INSTANCE) {
        if crate::enums::is_enum_class(v) {
            return Some(crate::enums::getitem(v, sub));
        }
        return crate::generic_alias::subscript_class(v, sub);
    }
    Some(
        call_if(v, "__getitem__", &[sub])
            .unwrap_or_else(|| Err(PyErr::type_error(format!("'{}' object is not subscriptable", type_name(v))))),
    )
}

/// `v[sub] = value` of an instance.
pub fn setitem(v: Value, sub: Value, value: Value) -> Option<PyResult<()>> {
    if overrides(v) {
        return call_if(v, "__setitem__", &[sub, value]).map(|r| r.map(|r| r.decref()));
    }
    if !v.is_kind(KIND_INSTANCE) {
        return None;
    }
    Some(match call_if(v, "__setitem__", &[sub, value]) {
        Some(r) => r.map(|r| r.decref()),
        None => Err(PyErr::type_error(format!("'{}' object does not support item assignment", type_name(v)))),
    })
}

/// `del v[sub]` of an instance.
pub fn delitem(v: Value, sub: Value) -> Option<PyResult<()>> {
    if overrides(v) {
        return call_if(v, "__delitem__", &[sub]).map(|r| r.map(|r| r.decref()));
    }
    if !v.is_kind(KIND_INSTANCE) {
        return None;
    }
    Some(match call_if(v, "__delitem__", &[sub]) {
        Some(r) => r.map(|r| r.decref()),
        None => Err(PyErr::type_error(format!("'{}' object doesn't support item deletion", type_name(v)))),
    })
}

/// Whether an instance can be iterated (its class has `__iter__`).
pub fn is_iterable(v: Value) -> bool {
    method(v, "__iter__").is_some() || crate::enums::is_enum_class(v)
}

/// Whether an instance is an iterator (its class has `__next__`), or a builtin-type
/// subclass object whose class has one.
pub fn is_iterator(v: Value) -> bool {
    method(v, "__next__").is_some()
}

/// `iter(v)` of an instance: what its `__iter__` returns, which must be an iterator.
pub fn get_iter(v: Value) -> Option<PyResult<Value>> {
    if overrides(v) {
        return call_if(v, "__iter__", &[]).map(|r| r.and_then(checked_iterator));
    }
    if !v.is_kind(KIND_INSTANCE) {
        // `for c in Color`: what CPython's EnumType.__iter__ does.
        return crate::enums::is_enum_class(v).then(|| Ok(crate::enums::iter(v)));
    }
    let Some(r) = call_if(v, "__iter__", &[]) else {
        if method(v, "__getitem__").is_some() {
            return Some(Err(PyErr::unsupported("iterating an object through its __getitem__")));
        }
        return Some(Err(crate::ops::iter::not_iterable(v)));
    };
    Some(r.and_then(checked_iterator))
}

/// What `__iter__` returned (taken), which must be an iterator.
fn checked_iterator(it: Value) -> PyResult<Value> {
    if crate::ops::iter::is_iterator(it) {
        Ok(it)
    } else {
        let e = PyErr::type_error(format!("iter() returned non-iterator of type '{}'", type_name(it)));
        it.decref();
        Err(e)
    }
}

thread_local! {
    /// Items a trace's `has_next` took from instance iterators ahead of `iter_next`.
    static PENDING: std::cell::RefCell<Vec<(Value, PyResult<Option<Value>>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `next(it)` of an instance: its `__next__`; StopIteration ends the iteration.
pub fn iter_next(it: Value) -> Option<PyResult<Option<Value>>> {
    if !it.is_kind(KIND_INSTANCE) && !(overrides(it) && is_iterator(it)) {
        return None;
    }
    let pending = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let i = p.iter().position(|(v, _)| *v == it)?;
        Some(p.swap_remove(i).1)
    });
    if let Some(r) = pending {
        it.decref();
        return Some(r);
    }
    Some(advance(it))
}

fn advance(it: Value) -> PyResult<Option<Value>> {
    let Some(r) = call_if(it, "__next__", &[]) else {
        return Err(crate::ops::iter::not_an_iterator(it));
    };
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.kind == ExcKind::StopIteration => {
            crate::ops::call::discard_traceback();
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `has_next` of an instance iterator: advances it and keeps the outcome for the
/// `iter_next` that follows (as a `filter` keeps its next item).
pub fn has_next(it: Value) -> bool {
    let r = advance(it);
    let more = !matches!(r, Ok(None));
    it.incref();
    PENDING.with(|p| p.borrow_mut().push((it, r)));
    more
}

/// `callable(*args)` of an instance: its `__call__`.
pub fn call(v: Value, args: &Args) -> PyResult<Value> {
    let Some(f) = method(v, "__call__") else {
        return Err(PyErr::type_error(format!("'{}' object is not callable", type_name(v))));
    };
    let mut positional = Vec::with_capacity(args.positional.len() + 1);
    positional.push(v);
    positional.extend_from_slice(args.positional);
    if f.is_kind(KIND_FUNCTION) {
        return call_any(f, &Args { positional: &positional, keywords: args.keywords });
    }
    let Some(cls) = dispatch_class(v) else {
        return Err(PyErr::type_error(format!("'{}' object is not callable", type_name(v))));
    };
    let bound = crate::classes::bind_attribute(f, v, cls)?;
    let r = call_any(bound, args);
    bound.decref();
    r
}

/// Whether an instance is callable.
pub fn is_callable(v: Value) -> bool {
    method(v, "__call__").is_some()
}

/// `format(v, spec)` of an instance whose class defines `__format__`.
pub fn format(v: Value, spec: &str) -> Option<PyResult<String>> {
    let f = method(v, "__format__")?;
    let s = strs::new_str(spec);
    let r = call_method(f, v, &[s]);
    s.decref();
    Some(r.and_then(|r| {
        let out = if r.is_kind(KIND_STR) {
            // SAFETY: the kind was checked.
            unsafe { strs::text(r) }.map(str::to_string)
        } else {
            Err(PyErr::type_error(format!("__format__ must return a str, not {}", type_name(r))))
        };
        r.decref();
        out
    }))
}

/// The name of an instance's class, for messages.
pub fn instance_class_name(v: Value) -> &'static str {
    class_name(class_of(v))
}
