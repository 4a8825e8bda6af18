//! `int | None`, `str | bytes`: CPython's `types.UnionType`. `isinstance` and
//! `issubclass` accept one as they accept a tuple of its arguments; its repr, its
//! `__args__` and its equality are CPython's. A union with a typing hint placeholder
//! in it (`List[int] | None`) stays a placeholder, as the hint does.

use crate::errors::PyResult;
use crate::objects::native::{Native, downcast, new_native};
use crate::objects::{Owned, tuple};
use stitch_abi::{KIND_CLASS, KIND_TYPE, Value};
use std::any::Any;
use std::sync::OnceLock;

static NONE_TYPE: OnceLock<usize> = OnceLock::new();

/// Tells this module the builtins' `NoneType`, which stands for None in a union.
pub fn set_none_type(t: Value) {
    let _ = NONE_TYPE.set(t.0 as usize);
}

fn none_type() -> Value {
    Value(*NONE_TYPE.get().unwrap_or(&(Value::NONE.0 as usize)) as u64)
}

struct UnionType {
    /// A tuple of types and classes, without repeats, in the order first written.
    args: Owned,
}

/// The members of a union (borrowed), if `v` is one.
pub fn args(v: Value) -> Option<&'static [Value]> {
    // SAFETY: a union's args are a live tuple, which lives as long as the union.
    downcast::<UnionType>(v).map(|u| unsafe { tuple::items(u.args.get().cast()) })
}

/// What `|` makes a union of: types, classes, None, unions, and user generic aliases
/// (`Box[int]`).
pub fn is_operand(v: Value) -> bool {
    v == Value::NONE || v.is_kind(KIND_TYPE) || v.is_kind(KIND_CLASS) || args(v).is_some() || crate::generic_alias::origin_of(v).is_some()
}

/// `a | b` of two operands (`is_operand`): a union of both sides' members, the
/// first occurrence of each kept; a single member is itself.
pub fn union(a: Value, b: Value) -> PyResult<Value> {
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let items: Vec<Value> = match args(side) {
            Some(items) => items.to_vec(),
            None if side == Value::NONE => vec![none_type()],
            None => vec![side],
        };
        for m in items {
            if !members.contains(&m) {
                members.push(m);
            }
        }
    }
    if let [only] = members[..] {
        only.incref();
        return Ok(only);
    }
    members.iter().for_each(|m| m.incref());
    Ok(new_native(Box::new(UnionType { args: Owned(tuple::from_vec(members)) })))
}

impl Native for UnionType {
    fn type_name(&self) -> &'static str {
        "UnionType"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.args.get());
    }
    fn clear(&self) {}
    fn repr(&self) -> Option<PyResult<String>> {
        // SAFETY: the args are a live tuple.
        let items = unsafe { tuple::items(self.args.get().cast()) };
        let parts: PyResult<Vec<String>> = items
            .iter()
            .map(|&m| match m {
                _ if m == none_type() => Ok("None".to_string()),
                _ if m.is_kind(KIND_TYPE) || m.is_kind(KIND_CLASS) => crate::generic_alias::type_repr(m),
                _ => crate::ops::repr(m),
            })
            .collect();
        Some(parts.map(|p| p.join(" | ")))
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__args__" => {
                self.args.get().incref();
                Some(Ok(self.args.get()))
            }
            "__parameters__" => Some(Ok(tuple::from_vec(Vec::new()))),
            _ => None,
        }
    }
    fn eq(&self, other: &dyn Native) -> Option<PyResult<bool>> {
        let other = other.as_any().downcast_ref::<UnionType>()?;
        // SAFETY: both args are live tuples.
        let (a, b) = unsafe { (tuple::items(self.args.get().cast()), tuple::items(other.args.get().cast())) };
        Some(Ok(a.len() == b.len() && a.iter().all(|m| b.contains(m))))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
