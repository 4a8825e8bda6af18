//! The value word: every Python value in one `u64`, NaN-boxed.
//!
//! Shared module: compiled into the runtime and, pasted, into the JIT's `#![no_std]`
//! stencil crate. So it uses `core` only, never panics, and reaches the runtime only
//! through `helpers`.
//!
//! Encoding (the top 16 bits decide):
//! - below `0xFFF9`: an `f64`, unboxed. Every NaN the VM makes is a hardware NaN
//!   (`0x7FF8...` or `0xFFF8...`), so floats never collide with the tags.
//! - `0xFFF9`: a small int, 48-bit two's complement payload. Ints that fit are always
//!   small, so equal ints have equal words.
//! - `0xFFFA`: a pointer to a heap object (48-bit address) with an `Object` header.
//! - `0xFFFB`: a special: None, False, True, and the markers NULL and ERROR.

use super::helpers;
use super::layouts::Object;

#[repr(transparent)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Value(pub u64);

const TAG_SHIFT: u32 = 48;
const TAG_INT: u64 = 0xFFF9;
const TAG_OBJECT: u64 = 0xFFFA;
const TAG_SPECIAL: u64 = 0xFFFB;
const PAYLOAD: u64 = (1 << TAG_SHIFT) - 1;

/// Header flag of a list, dict, tuple, str or int of a user class that overrides a
/// special method (`__getitem__`, `__add__`, `__eq__`, ...): the fast paths refuse it
/// (`Value::is_plain_kind`). Set once, when the object is made (`objects::subclass`).
pub const OVERRIDES_FLAG: u8 = 2;

/// Header flag of a list, dict, tuple, str or int of a user class: its subclass object
/// sits in a side table (`objects::subclass`), and its methods are its class's first.
pub const SUBCLASS_FLAG: u8 = 1;

/// The smallest and largest small ints.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

impl Value {
    pub const NONE: Value = Value(TAG_SPECIAL << TAG_SHIFT);
    pub const FALSE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 2);
    pub const TRUE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 3);
    /// An empty slot: an unbound local, a missing optional value, an exhausted iterator.
    pub const NULL: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 4);
    /// Returned by helpers that raised: the exception is in the thread state.
    pub const ERROR: Value = Value((TAG_SPECIAL << TAG_SHIFT) | 5);

    #[inline(always)]
    fn tag(self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    #[inline(always)]
    pub fn is_int(self) -> bool {
        self.tag() == TAG_INT
    }

    #[inline(always)]
    pub fn both_int(a: Value, b: Value) -> bool {
        (a.tag() == TAG_INT) & (b.tag() == TAG_INT)
    }

    #[inline(always)]
    pub fn is_float(self) -> bool {
        self.0 < (TAG_INT << TAG_SHIFT)
    }

    #[inline(always)]
    pub fn both_float(a: Value, b: Value) -> bool {
        (a.0 < (TAG_INT << TAG_SHIFT)) & (b.0 < (TAG_INT << TAG_SHIFT))
    }

    #[inline(always)]
    pub fn is_object(self) -> bool {
        self.tag() == TAG_OBJECT
    }

    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0 == Value::NULL.0
    }

    #[inline(always)]
    pub fn is_error(self) -> bool {
        self.0 == Value::ERROR.0
    }

    #[inline(always)]
    pub fn is_bool(self) -> bool {
        (self.0 == Value::TRUE.0) | (self.0 == Value::FALSE.0)
    }

    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        Value(Value::FALSE.0 | b as u64)
    }

    /// The int of a small-int value (only meaningful when `is_int`).
    #[inline(always)]
    pub fn as_int(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    /// A raw machine word in a stack slot of a trace: not a value (see `_INT_TO_WORD`
    /// in the `.uops` file). Only the trace optimizer's word uops make and read them.
    #[inline(always)]
    pub fn from_word(i: i64) -> Value {
        Value(i as u64)
    }

    /// The machine word in a slot `from_word` filled.
    #[inline(always)]
    pub fn as_word(self) -> i64 {
        self.0 as i64
    }

    /// Whether `i` can be a small int.
    #[inline(always)]
    pub fn fits_int(i: i64) -> bool {
        ((i << 16) >> 16) == i
    }

    /// A small int; `i` must fit (see `fits_int`).
    #[inline(always)]
    pub fn int(i: i64) -> Value {
        Value((i as u64 & PAYLOAD) | (TAG_INT << TAG_SHIFT))
    }

    #[inline(always)]
    pub fn as_float(self) -> f64 {
        f64::from_bits(self.0)
    }

    #[inline(always)]
    pub fn float(f: f64) -> Value {
        Value(f.to_bits())
    }

    /// An int and a float, a float and an int, or two floats: numbers whose arithmetic
    /// is float arithmetic.
    #[inline(always)]
    pub fn float_mix(a: Value, b: Value) -> bool {
        let numbers = (a.is_float() | a.is_int()) & (b.is_float() | b.is_int());
        numbers & (a.is_float() | b.is_float())
    }

    /// The value of a small int or a float as an f64 (exact for small ints).
    #[inline(always)]
    pub fn to_f64(self) -> f64 {
        if self.is_int() { self.as_int() as f64 } else { self.as_float() }
    }

    /// The object header of an object value.
    #[inline(always)]
    pub fn object(self) -> *mut Object {
        (self.0 & PAYLOAD) as usize as *mut Object
    }

    /// The object as a layout `T` that starts with an `Object` header.
    #[inline(always)]
    pub fn cast<T>(self) -> *mut T {
        (self.0 & PAYLOAD) as usize as *mut T
    }

    /// An object value from a pointer to a header.
    #[inline(always)]
    pub fn from_object<T>(p: *mut T) -> Value {
        Value((p as usize as u64 & PAYLOAD) | (TAG_OBJECT << TAG_SHIFT))
    }

    /// Whether the value is an object of this kind (`KIND_*` in the .uops file).
    #[inline(always)]
    pub fn is_kind(self, kind: u8) -> bool {
        // SAFETY: an object value always points at a live header.
        self.is_object() && unsafe { (*self.object()).kind == kind }
    }

    /// Whether the value is an object of this kind that the kind's fast paths may take
    /// as it is: not an instance of a user subclass (of `list`, `dict`, `tuple`, `str`,
    /// `int`, `float`) whose class overrides a special method those paths would skip.
    /// The specialized families guard on this, so such an object goes the generic way,
    /// which calls the class's method.
    #[inline(always)]
    pub fn is_plain_kind(self, kind: u8) -> bool {
        // SAFETY: an object value always points at a live header.
        self.is_object() && unsafe { (*self.object()).kind == kind && (*self.object()).flags & OVERRIDES_FLAG == 0 }
    }

    /// Whether the value is an object of exactly the builtin type of this kind (a
    /// list, not an instance of a class deriving from list): its type, and so its
    /// methods, cannot change, which lets LOAD_METHOD cache a method by kind.
    #[inline(always)]
    pub fn is_exact_kind(self, kind: u8) -> bool {
        // SAFETY: an object value always points at a live header.
        self.is_object() && unsafe { (*self.object()).kind == kind && (*self.object()).flags & (OVERRIDES_FLAG | SUBCLASS_FLAG) == 0 }
    }

    #[inline(always)]
    pub fn incref(self) {
        if self.is_object() {
            // SAFETY: an object value always points at a live header.
            unsafe { (*self.object()).refcnt += 1 }
        }
    }

    /// Drops one reference; the last one frees the object (which can free others).
    #[inline(always)]
    pub fn decref(self) {
        if self.is_object() {
            // SAFETY: an object value always points at a live header, and the caller
            // owns the reference it drops.
            unsafe {
                let o = self.object();
                (*o).refcnt -= 1;
                if (*o).refcnt == 0 {
                    helpers::dealloc(self);
                }
            }
        }
    }

    /// Truth of None, bools, ints and floats without a call; `None` for the rest.
    #[inline(always)]
    pub fn fast_truth(self) -> Option<bool> {
        if self.0 == Value::TRUE.0 {
            Some(true)
        } else if self.0 == Value::FALSE.0 || self.0 == Value::NONE.0 {
            Some(false)
        } else if self.is_int() {
            Some(self.as_int() != 0)
        } else if self.is_float() {
            Some(self.as_float() != 0.0)
        } else {
            None
        }
    }
}

/// Python's floor division of small ints; `b` must not be 0.
#[inline(always)]
pub fn floor_div(a: i64, b: i64) -> i64 {
    let q = a / b;
    if (a % b != 0) & ((a < 0) != (b < 0)) { q - 1 } else { q }
}

/// Python's modulo of small ints (the sign of the divisor); `b` must not be 0.
#[inline(always)]
pub fn floor_mod(a: i64, b: i64) -> i64 {
    let r = a % b;
    if (r != 0) & ((r < 0) != (b < 0)) { r + b } else { r }
}
