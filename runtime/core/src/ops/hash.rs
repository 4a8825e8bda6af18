//! `hash(v)`: CPython's numeric hash (equal numbers of any type hash equal, reduced
//! modulo the Mersenne prime 2**61 - 1) and its tuple hash, so dicts find `1`, `1.0`
//! and `True` as the same key and `hash()` prints what CPython prints for numbers.

use super::num::{Int, as_num, Num};
use super::types::type_name;
use stitch_abi::*;
use crate::errors::{PyErr, PyResult};
use crate::objects::{self, kind, range::Range, tuple};
use num_traits::{Signed, ToPrimitive};

const HASH_BITS: u32 = 61;
const MODULUS: u64 = (1 << HASH_BITS) - 1;
const HASH_INF: i64 = 314159;

/// CPython maps a hash of -1 (its error marker) to -2.
fn fix(h: i64) -> u64 {
    (if h == -1 { -2 } else { h }) as u64
}

/// A hash that a `__hash__` returned as a word-sized int: itself, -1 being -2.
pub fn fix_word(h: i64) -> u64 {
    fix(h)
}

pub fn hash(v: Value) -> PyResult<u64> {
    if v.is_plain_kind(KIND_STR) {
        // The common case first: strs cache their hash.
        // SAFETY: the kind was checked.
        return Ok(unsafe { objects::str::as_str(v) }.hash());
    }
    if (crate::special::overrides(v) || crate::float_subclass::is(v))
        && let Some(h) = crate::special::hash(v)
    {
        // A str or int of a class with its own `__hash__` (or `__eq__` alone: None).
        return h;
    }
    if let Some(n) = as_num(v) {
        return Ok(hash_num(n));
    }
    if let Some(c) = objects::complex::parts(v) {
        return Ok(super::complex::hash(c));
    }
    if v == Value::NONE {
        // CPython 3.11 hashes None by address; any constant is as good.
        return Ok(0xFCA8_6420);
    }
    match kind(v) {
        KIND_TUPLE => hash_nested_tuples(v),
        // SAFETY: the kind was checked.
        KIND_BYTES => Ok(unsafe { objects::bytes::hash(v) }),
        KIND_BYTEARRAY => Err(unhashable(v)),
        KIND_RANGE => {
            // SAFETY: the kind was checked.
            let r = unsafe { &*v.cast::<Range>() };
            Ok(hash_range(r))
        }
        KIND_LIST | KIND_DICT | KIND_SLICE | KIND_SET => Err(unhashable(v)),
        // SAFETY: the kind was checked.
        KIND_FROZENSET => Ok(unsafe { objects::set::frozen_hash(v.cast()) }),
        KIND_INSTANCE if let Some(h) = crate::special::hash(v) => h,
        KIND_DICT_ITER if objects::iter::is_dict_view(v) => Err(unhashable(v)),
        // Everything else hashes by identity, rotated as CPython's _Py_HashPointer does
        // so the always-zero alignment bits do not collide in small tables.
        _ => Ok(fix((v.0 & ((1 << 48) - 1)).rotate_right(4) as i64)),
    }
}

pub fn unhashable(v: Value) -> PyErr {
    PyErr::type_error(format!("unhashable type: '{}'", type_name(v)))
}

pub fn hash_num(n: Num) -> u64 {
    match n {
        Num::Int(i) => hash_int(i),
        Num::Float(f) => hash_float(f),
    }
}

pub fn hash_int(i: Int) -> u64 {
    let h = match i {
        Int::Small(x) => {
            let m = (x.unsigned_abs() % MODULUS) as i64;
            if x < 0 { -m } else { m }
        }
        Int::Big(b) => {
            let m = (b.magnitude() % MODULUS).to_i64().unwrap_or(0);
            if b.is_negative() { -m } else { m }
        }
    };
    fix(h)
}

/// CPython's `_Py_HashDouble`: the hash of the exact rational value of `f`, so floats
/// that are integers hash like those ints.
pub fn hash_float(f: f64) -> u64 {
    if f.is_infinite() {
        return fix(if f > 0.0 { HASH_INF } else { -HASH_INF });
    }
    if f.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(f);
    let negative = m < 0.0;
    if negative {
        m = -m;
    }
    // Consume the mantissa 28 bits at a time, reducing modulo 2**61 - 1 (multiplying
    // by 2**28 is a rotation by 28 bits in that modulus).
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e as u32 % HASH_BITS } else { HASH_BITS - 1 - ((-1 - e) as u32 % HASH_BITS) };
    x = ((x << e) & MODULUS) | (x >> (HASH_BITS - e));
    let h = x as i64;
    fix(if negative { -h } else { h })
}

/// C's `frexp`: `f == m * 2**e` with `0.5 <= |m| < 1` (for finite non-zero `f`).
fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (f, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// CPython's tuple hash (xxHash-based `tuplehash`).
pub fn hash_tuple(items: impl Iterator<Item = PyResult<u64>>, len: usize) -> PyResult<u64> {
    let mut acc = PRIME_5;
    for lane in items {
        acc = tuple_lane(acc, lane?);
    }
    Ok(tuple_finish(acc, len))
}

const PRIME_1: u64 = 11400714785074694791;
const PRIME_2: u64 = 14029467366897019727;
const PRIME_5: u64 = 2870177450012600261;

/// One item's hash into a tuple hash's accumulator.
#[inline]
fn tuple_lane(acc: u64, lane: u64) -> u64 {
    acc.wrapping_add(lane.wrapping_mul(PRIME_2)).rotate_left(31).wrapping_mul(PRIME_1)
}

/// A tuple hash's accumulator after its `len` items.
#[inline]
fn tuple_finish(acc: u64, len: usize) -> u64 {
    let acc = acc.wrapping_add(len as u64 ^ (PRIME_5 ^ 3527539));
    if acc == u64::MAX { 1546275796 } else { acc }
}

/// CPython's tuple hash of a tuple whose items may be tuples nested to any depth
/// (CPython hashes a tuple nested 100,000 deep): the tuples being hashed are kept on a
/// work list instead of the native stack.
fn hash_nested_tuples(t: Value) -> PyResult<u64> {
    // SAFETY: tuples are live while their hash is taken (the caller holds `t`, which
    // holds the rest).
    let mut items = unsafe { tuple::items(t.cast()) };
    let mut i = 0;
    let mut acc = PRIME_5;
    let mut outer: Vec<(&[Value], usize, u64)> = Vec::new();
    loop {
        if i == items.len() {
            let h = tuple_finish(acc, items.len());
            let Some((up, at, up_acc)) = outer.pop() else { return Ok(h) };
            items = up;
            i = at + 1;
            acc = tuple_lane(up_acc, h);
            continue;
        }
        let item = items[i];
        if item.is_kind(KIND_TUPLE) {
            outer.push((items, i, acc));
            // SAFETY: as above.
            items = unsafe { tuple::items(item.cast()) };
            i = 0;
            acc = PRIME_5;
        } else {
            acc = tuple_lane(acc, hash(item)?);
            i += 1;
        }
    }
}

/// CPython hashes a range as the tuple (len, start, step), with None for the parts
/// that do not matter to equality.
fn hash_range(r: &Range) -> u64 {
    let n = r.len();
    let none = Ok(0xFCA8_6420);
    let int = |x: i128| Ok(hash_int(Int::Big(&num_bigint::BigInt::from(x))));
    let parts = match n {
        0 => [int(0), none.clone(), none],
        1 => [int(1), int(r.start), none],
        _ => [int(n), int(r.start), int(r.step)],
    };
    hash_tuple(parts.into_iter(), 3).unwrap_or(0)
}
