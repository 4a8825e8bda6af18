//! The comparison a sort uses when every key is of one builtin type whose `<` runs no
//! Python code and raises nothing: small ints, floats or strs compare directly, and
//! tuples whose first items are all small ints or all strs decide on those items when
//! they differ. CPython's `list.sort` checks its keys the same way before sorting
//! (`unsafe_long_compare`, `unsafe_latin_compare`, `unsafe_tuple_compare`): each
//! comparison then skips the generic dispatch on both operands' types. The outcome of
//! every comparison is the generic `<`'s, so the order is the same.

use stitch_abi::{KIND_STR, KIND_TUPLE, Value};
use stitch_core::objects::{str as strs, tuple};

/// What every key is, as far as the sort's comparison cares.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Keys {
    Ints,
    Floats,
    Strs,
    /// Non-empty tuples whose first items are all small ints.
    TuplesOfInts,
    /// Non-empty tuples whose first items are all strs.
    TuplesOfStrs,
    /// Anything else: the generic comparison.
    Mixed,
}

/// Which comparison fits all of `keys`.
pub fn classify(keys: &[Value]) -> Keys {
    let Some(&first) = keys.first() else { return Keys::Mixed };
    let all = |p: &dyn Fn(Value) -> bool| keys.iter().all(|&k| p(k));
    if first.is_int() {
        return if all(&|k| k.is_int()) { Keys::Ints } else { Keys::Mixed };
    }
    if first.is_float() {
        return if all(&|k| k.is_float()) { Keys::Floats } else { Keys::Mixed };
    }
    if first.is_plain_kind(KIND_STR) {
        return if all(&|k| k.is_plain_kind(KIND_STR)) { Keys::Strs } else { Keys::Mixed };
    }
    // A tuple of a user class may define its own `__lt__`: only plain tuples.
    if !all(&|k| k.is_plain_kind(KIND_TUPLE) && head(k).is_some()) {
        return Keys::Mixed;
    }
    let heads = |p: &dyn Fn(Value) -> bool| keys.iter().all(|&k| head(k).is_some_and(p));
    if heads(&|h| h.is_int()) {
        Keys::TuplesOfInts
    } else if heads(&|h| h.is_plain_kind(KIND_STR)) {
        Keys::TuplesOfStrs
    } else {
        Keys::Mixed
    }
}

/// The first item of a plain tuple, if it has one.
fn head(t: Value) -> Option<Value> {
    // SAFETY: callers pass plain tuples (checked by kind first in `classify`), which
    // are live while the sort borrows them.
    unsafe { tuple::items(t.cast()) }.first().copied()
}

/// `a < b` for two strs: code points in order, which is the order of their bytes
/// (UTF-8 keeps it, surrogates included in the generalized form).
fn str_less(a: Value, b: Value) -> bool {
    // SAFETY: `classify` checked both are strs.
    unsafe { strs::bytes(a) < strs::bytes(b) }
}

/// For `Keys::TuplesOfInts` and `Keys::TuplesOfStrs`: `Some(a < b)` when the first
/// items differ (the tuples' order is theirs), `None` when the rest must decide.
fn tuple_heads_less(keys: Keys, a: Value, b: Value) -> Option<bool> {
    let (x, y) = (head(a)?, head(b)?);
    match keys {
        Keys::TuplesOfInts => (x != y).then(|| x.as_int() < y.as_int()),
        // SAFETY: `classify` checked the first items are strs.
        Keys::TuplesOfStrs => unsafe { (strs::bytes(x) != strs::bytes(y)).then(|| strs::bytes(x) < strs::bytes(y)) },
        _ => None,
    }
}

/// `a < b` by the comparison `keys` allows; `None` when only the generic one can say.
#[inline]
pub fn less(keys: Keys, a: Value, b: Value) -> Option<bool> {
    match keys {
        Keys::Ints => Some(a.as_int() < b.as_int()),
        Keys::Floats => Some(a.as_float() < b.as_float()),
        Keys::Strs => Some(str_less(a, b)),
        Keys::TuplesOfInts | Keys::TuplesOfStrs => tuple_heads_less(keys, a, b),
        Keys::Mixed => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_homogeneous_keys_only() {
        assert_eq!(classify(&[Value::int(3), Value::int(1)]), Keys::Ints);
        assert_eq!(classify(&[Value::float(0.5), Value::float(2.0)]), Keys::Floats);
        // An int among floats compares by value across types: the generic way.
        assert_eq!(classify(&[Value::float(0.5), Value::int(2)]), Keys::Mixed);
        assert_eq!(classify(&[Value::int(2), Value::float(0.5)]), Keys::Mixed);
        assert_eq!(classify(&[]), Keys::Mixed);
    }

    #[test]
    fn int_and_float_orders() {
        assert_eq!(less(Keys::Ints, Value::int(-4), Value::int(3)), Some(true));
        assert_eq!(less(Keys::Ints, Value::int(3), Value::int(3)), Some(false));
        // NaN is less than nothing and nothing is less than it, as with `<`.
        assert_eq!(less(Keys::Floats, Value::float(f64::NAN), Value::float(1.0)), Some(false));
        assert_eq!(less(Keys::Floats, Value::float(1.0), Value::float(f64::NAN)), Some(false));
    }
}
