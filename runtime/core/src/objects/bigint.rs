//! Ints beyond the 48-bit small-int range. Every int that fits is a small int, so a
//! heap int never holds a small value. Heap ints that fit a machine word ("medium"
//! ints, as in `(seed * 1103515245 + 12345) % 2**31`) keep the word itself: making one
//! is a single allocation and arithmetic on it takes machine paths, with no digit
//! vector behind it. Only ints beyond i64 are num-bigint values.

use super::{header, new_object};
use stitch_abi::{KIND_BIGINT, Object, Value};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// A heap int's value: a word when it fits in an i64 (always, when it does), else
/// digits.
pub enum Repr {
    Word(i64),
    Big(BigInt),
}

#[repr(C)]
pub struct BigIntObject {
    pub header: Object,
    pub value: Repr,
}

/// An int value: small when it fits, a word when it fits an i64.
pub fn from_bigint(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => from_i64(i),
        None => new_object(BigIntObject { header: header(KIND_BIGINT), value: Repr::Big(b) }),
    }
}

/// An int value from any i64.
pub fn from_i64(i: i64) -> Value {
    if Value::fits_int(i) { Value::int(i) } else { new_object(BigIntObject { header: header(KIND_BIGINT), value: Repr::Word(i) }) }
}

/// An int value from an i128 (products and sums of i64s).
pub fn from_i128(i: i128) -> Value {
    match i64::try_from(i) {
        Ok(i) => from_i64(i),
        Err(_) => new_object(BigIntObject { header: header(KIND_BIGINT), value: Repr::Big(BigInt::from(i)) }),
    }
}

/// The value of a heap int.
///
/// # Safety
/// `v` is a live heap int, and the reference does not outlive it.
pub unsafe fn repr<'a>(v: Value) -> &'a Repr {
    // SAFETY: the caller guarantees the kind.
    unsafe { &(*v.cast::<BigIntObject>()).value }
}

/// A new heap int of `v`'s value (an int, borrowed), whatever its size: the object an
/// instance of a class deriving from int is (`crate::builtin_subclasses`), never a
/// small int nor a shared one.
pub fn unshared_copy(v: Value) -> Option<Value> {
    let value = if v.is_int() {
        Repr::Word(v.as_int())
    } else if v.is_kind(KIND_BIGINT) {
        // SAFETY: the kind was checked.
        match unsafe { repr(v) } {
            Repr::Word(i) => Repr::Word(*i),
            Repr::Big(b) => Repr::Big(b.clone()),
        }
    } else {
        return None;
    };
    Some(new_object(BigIntObject { header: header(KIND_BIGINT), value }))
}
