//! `__future__`: the feature names a program imports. `annotations` is what the
//! compiler acts on (annotations are then never evaluated); the others are on by
//! default in 3.11.

use stitch_abi::Value;

const FEATURES: &[&str] = &[
    "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
    "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
];

/// Each feature is bound to True: stitch has no `_Feature` objects, so a program that
/// inspects one sees a different value (outside the subset's promise).
pub fn namespace() -> Value {
    super::namespace_of(&[], FEATURES.iter().map(|&f| (f, Value::TRUE)).collect())
}
