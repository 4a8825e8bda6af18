//! Ints beyond the 48-bit small-int range. Every int that fits is a small int, so a
//! big int never holds a small value.

use super::{header, new_object};
use crate::abi::{KIND_BIGINT, Object, Value};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

#[repr(C)]
pub struct BigIntObject {
    pub header: Object,
    pub value: BigInt,
}

/// An int value: small when it fits.
pub fn from_bigint(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) if Value::fits_int(i) => Value::int(i),
        _ => new_object(BigIntObject { header: header(KIND_BIGINT), value: b }),
    }
}

/// An int value from any i64.
pub fn from_i64(i: i64) -> Value {
    if Value::fits_int(i) { Value::int(i) } else { from_bigint(BigInt::from(i)) }
}

/// An int value from an i128 (products and sums of i64s).
pub fn from_i128(i: i128) -> Value {
    match i64::try_from(i) {
        Ok(i) => from_i64(i),
        Err(_) => from_bigint(BigInt::from(i)),
    }
}

/// The big int of a value known to be a big int.
///
/// # Safety
/// `v` is a live big int, and the reference does not outlive it.
pub unsafe fn as_big<'a>(v: Value) -> &'a BigInt {
    // SAFETY: the caller guarantees the kind.
    unsafe { &(*v.cast::<BigIntObject>()).value }
}
