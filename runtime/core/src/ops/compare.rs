//! Comparisons: `==` for every type (different types are unequal, numbers compare
//! across int/float/bool exactly), and ordering for numbers, strs, lists and tuples.

use super::depth;
use super::int;
use super::num::{Int, Num, as_num};
use super::types::type_name;
use stitch_abi::*;
use crate::errors::{PyErr, PyResult};
use crate::objects::{self, dict, kind, list, range::Range, tuple};
use num_bigint::BigInt;
use num_traits::FromPrimitive;
use std::cmp::Ordering;

thread_local! {
    /// An error raised by `==` while a dict compared keys (nested too deep to compare):
    /// the dict operation stops there, and its caller raises it (`key_error_pending`).
    static KEY_ERROR: std::cell::RefCell<Option<PyErr>> = const { std::cell::RefCell::new(None) };
}

/// Dict key equality: `==`. When it raises (keys nested too deep to compare), the
/// keys count as different and the error waits in `KEY_ERROR` for the dict
/// operation's caller.
pub fn eq_keys(a: Value, b: Value) -> bool {
    match eq(a, b) {
        Ok(e) => e,
        Err(e) => {
            KEY_ERROR.with(|k| *k.borrow_mut() = Some(e));
            false
        }
    }
}

/// Leaves `e` for the dict operation's caller to raise (a table that could not grow).
pub fn set_key_error(e: PyErr) {
    KEY_ERROR.with(|k| *k.borrow_mut() = Some(e));
}

/// Whether a dict operation's key comparison raised (see `eq_keys`).
pub fn key_error_is_pending() -> bool {
    KEY_ERROR.with(|k| k.borrow().is_some())
}

/// Raises the error a dict operation's key comparison raised, if any.
pub fn key_error_pending() -> PyResult<()> {
    match KEY_ERROR.with(|k| k.borrow_mut().take()) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// `a == b`.
pub fn eq(a: Value, b: Value) -> PyResult<bool> {
    // Identity implies equality (CPython's containers assume it too), except for
    // floats, where NaN is not equal to itself.
    if a == b && !a.is_float() {
        return Ok(true);
    }
    if let Some(r) = crate::special::richcompare(a, b, CMP_EQ) {
        return truth_of(r?);
    }
    let k = kind(a);
    if k == KIND_STR && b.is_kind(KIND_STR) {
        // The common dict-key case, before the numeric checks.
        // SAFETY: both are strs.
        return Ok(unsafe { objects::str::bytes(a) == objects::str::bytes(b) });
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Ok(cmp_num(x, y) == Some(Ordering::Equal));
    }
    if let Some(z) = objects::complex::parts(a) {
        return Ok(super::complex::eq(z, b).unwrap_or(false));
    }
    if let Some(z) = objects::complex::parts(b) {
        return Ok(super::complex::eq(z, a).unwrap_or(false));
    }
    if objects::set::is_any_set(a) && objects::set::is_any_set(b) {
        return super::set::eq(a, b);
    }
    if objects::bytes::is_bytes_like(a) && objects::bytes::is_bytes_like(b) {
        // A bytes equals a bytearray of the same bytes.
        // SAFETY: both are bytes-like; nothing runs while they are borrowed.
        return Ok(unsafe { objects::bytes::data(a) == objects::bytes::data(b) });
    }
    if k == 0 || k != kind(b) {
        return Ok(false);
    }
    if k == KIND_NATIVE
        && let (Some(x), Some(y)) = (crate::objects::native::get(a), crate::objects::native::get(b))
        && let Some(r) = x.eq(y)
    {
        return r;
    }
    // SAFETY: both values are live objects of kind `k`; each arm reads that layout.
    unsafe {
        match k {
            KIND_STR => Ok(objects::str::bytes(a) == objects::str::bytes(b)),
            KIND_LIST => seq_eq(list::items(a.cast()), list::items(b.cast())),
            KIND_TUPLE => seq_eq(tuple::items(a.cast()), tuple::items(b.cast())),
            KIND_DICT => dict_eq(a.cast(), b.cast()),
            KIND_RANGE => Ok(range_eq(&*a.cast::<Range>(), &*b.cast::<Range>())),
            _ => Ok(false),
        }
    }
}

/// Items equal pairwise; items that are the same value count as equal without a
/// comparison, as in CPython's `PyObject_RichCompareBool`.
fn seq_eq(a: &[Value], b: &[Value]) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    let _level = depth::enter(" in comparison")?;
    for (&x, &y) in a.iter().zip(b) {
        if x != y && !eq(x, y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// # Safety
/// Both are live dicts.
unsafe fn dict_eq(a: *mut Dict, b: *mut Dict) -> PyResult<bool> {
    // SAFETY: live dicts; nothing mutates them while comparing.
    unsafe {
        if (*a).len != (*b).len {
            return Ok(false);
        }
        let _level = depth::enter(" in comparison")?;
        for e in dict::entries(a) {
            match dict::get(b, e.key, e.hash) {
                Some(v) if v == e.value || eq(e.value, v)? => {}
                _ => {
                    key_error_pending()?;
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }
}

/// Ranges are equal when they yield the same values.
fn range_eq(a: &Range, b: &Range) -> bool {
    let n = a.len();
    n == b.len() && (n == 0 || (a.start == b.start && (n == 1 || a.step == b.step)))
}

/// The ordering of two numbers; `None` when a NaN is involved.
pub fn cmp_num(a: Num, b: Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(int::cmp(x, y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
        (Num::Int(x), Num::Float(y)) => cmp_int_float(x, y),
        (Num::Float(x), Num::Int(y)) => cmp_int_float(y, x).map(Ordering::reverse),
    }
}

/// Exact comparison of an int with a float: converting a big int to a float would
/// round (2**53 + 1 == 2.0**53 must be False).
fn cmp_int_float(i: Int, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    match i {
        Int::Small(x) if x.unsigned_abs() <= super::int::EXACT => (x as f64).partial_cmp(&f),
        _ => {
            let b = i.big();
            let floor = f.floor();
            let fb = BigInt::from_f64(floor)?;
            match b.as_ref().cmp(&fb) {
                Ordering::Equal if f > floor => Some(Ordering::Less),
                o => Some(o),
            }
        }
    }
}

/// The comparison symbol of a CMP_* number.
fn symbol(op: u32) -> &'static str {
    match op {
        CMP_LT => "<",
        CMP_LE => "<=",
        CMP_EQ => "==",
        CMP_NE => "!=",
        CMP_GT => ">",
        _ => ">=",
    }
}

fn holds(op: u32, o: Ordering) -> bool {
    match op {
        CMP_LT => o == Ordering::Less,
        CMP_LE => o != Ordering::Greater,
        CMP_EQ => o == Ordering::Equal,
        CMP_NE => o != Ordering::Equal,
        CMP_GT => o == Ordering::Greater,
        _ => o != Ordering::Less,
    }
}

/// `a (op) b` for a CMP_* `op`, as a bool value.
pub fn compare(a: Value, b: Value, op: u32) -> PyResult<Value> {
    // An instance's method may return anything, and `p == p` runs `__eq__`.
    if let Some(r) = crate::special::richcompare(a, b, op) {
        return r;
    }
    compare_bool(a, b, op).map(Value::bool)
}

/// The truth of a comparison method's result (consumed).
fn truth_of(r: Value) -> PyResult<bool> {
    let t = crate::special::truth(r);
    r.decref();
    t
}

/// `a (op) b` as a Rust bool.
pub fn compare_bool(a: Value, b: Value, op: u32) -> PyResult<bool> {
    if let Some(r) = crate::special::richcompare(a, b, op) {
        return truth_of(r?);
    }
    match op {
        CMP_EQ => return eq(a, b),
        CMP_NE => return eq(a, b).map(|e| !e),
        _ => {}
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        // Every ordering comparison with NaN is false.
        return Ok(cmp_num(x, y).is_some_and(|o| holds(op, o)));
    }
    if objects::set::is_any_set(a) && objects::set::is_any_set(b) {
        return super::set::compare(a, b, op);
    }
    if let Some(r) = super::dict_views::compare(a, b, op) {
        return r;
    }
    if objects::bytes::is_bytes_like(a) && objects::bytes::is_bytes_like(b) {
        // SAFETY: both are bytes-like; nothing runs while they are borrowed.
        return Ok(holds(op, unsafe { objects::bytes::data(a).cmp(objects::bytes::data(b)) }));
    }
    let k = kind(a);
    if k != 0 && k == kind(b) {
        // SAFETY: both are live objects of kind `k`.
        unsafe {
            match k {
                // UTF-8 byte order is code point order (generalized UTF-8's too).
                KIND_STR => return Ok(holds(op, objects::str::bytes(a).cmp(objects::str::bytes(b)))),
                KIND_LIST => return seq_compare(list::items(a.cast()), list::items(b.cast()), op),
                KIND_TUPLE => return seq_compare(tuple::items(a.cast()), tuple::items(b.cast()), op),
                KIND_NATIVE => {
                    if let (Some(x), Some(y)) = (objects::native::get(a), objects::native::get(b))
                        && let Some(r) = x.compare(y, op)
                    {
                        return r;
                    }
                }
                _ => {}
            }
        }
    }
    Err(not_supported(a, b, op))
}

pub fn not_supported(a: Value, b: Value, op: u32) -> PyErr {
    PyErr::type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        symbol(op),
        type_name(a),
        type_name(b)
    ))
}

/// Lexicographic order: the first pair of unequal items decides; if one sequence is
/// a prefix of the other, the shorter is smaller.
fn seq_compare(a: &[Value], b: &[Value], op: u32) -> PyResult<bool> {
    let _level = depth::enter(" in comparison")?;
    for (&x, &y) in a.iter().zip(b) {
        if x != y && !eq(x, y)? {
            return compare_bool(x, y, op);
        }
    }
    Ok(holds(op, a.len().cmp(&b.len())))
}

/// `a < b` (sorting, min and max use it).
pub fn lt(a: Value, b: Value) -> PyResult<bool> {
    compare_bool(a, b, CMP_LT)
}

/// STR-specialized comparison: `oparg`'s low 4 bits are the mask of outcomes for
/// which the result is true (bit 0 less, bit 1 equal, bit 2 greater).
pub fn str_compare(a: Value, b: Value, oparg: u32) -> bool {
    // SAFETY: the specialized instruction guards that both are strs.
    let o = unsafe { objects::str::bytes(a).cmp(objects::str::bytes(b)) };
    let index = match o {
        Ordering::Less => 0,
        Ordering::Equal => 1,
        Ordering::Greater => 2,
    };
    (oparg >> index) & 1 != 0
}
