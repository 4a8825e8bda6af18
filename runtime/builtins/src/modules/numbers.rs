//! `numbers`: the numeric tower's abstract base classes (`Number`, `Complex`, `Real`,
//! `Rational`, `Integral`) as placeholders, as `collections.abc`'s are: they name types
//! in hints, and `isinstance(x, numbers.Real)` answers as CPython's registrations do
//! (`functions/abc_checks.rs`: int and bool everywhere, float up to `Real`, complex
//! up to `Complex`, `fractions.Fraction` up to `Rational`). Subclassing one is outside
//! the subset.

use stitch_abi::Value;
use stitch_core::objects::builtin::{immortal_builtin, refuse_hint};

/// CPython 3.11's `numbers.__all__`.
const NAMES: &[&str] = &["Number", "Complex", "Real", "Rational", "Integral"];

pub fn namespace() -> Value {
    let values = NAMES.iter().map(|&n| (n, immortal_builtin(n, Some("numbers"), refuse_hint))).collect();
    super::namespace_of(&[], values)
}
