//! Subscribing a class: `Stack[int]` of a class derived from `typing.Generic` (or
//! `Protocol`), and a class's own `__class_getitem__`.
//!
//! CPython's `Generic` gives its subclasses a `__class_getitem__` whose result is a
//! `typing._GenericAlias`: calling it makes an instance of the class, its repr names
//! the class and the arguments. Stitch does not keep `Generic` in the MRO (typing is
//! placeholders here), so a class made with a `Generic` base gets that method in its
//! own namespace, which its subclasses inherit as they would `Generic`'s.

use crate::errors::{PyErr, PyResult};
use crate::objects::builtin::{Args, immortal_builtin};
use crate::objects::native::{Native, new_native};
use crate::objects::{Owned, str as strs, tuple};
use crate::vm::Runtime;
use stitch_abi::*;
use std::any::Any;

/// The `__class_getitem__` a class with a `Generic` base gets (a borrowed immortal).
pub fn generic_class_getitem() -> Value {
    thread_local! {
        static F: Value = immortal_builtin("__class_getitem__", None, class_getitem);
    }
    F.with(|f| *f)
}

/// The `__class_getitem__` of a class derived from a generic one that does not take
/// type parameters of its own (`class IntStack(Stack[int])`, `class Sub(Stack)`): in
/// CPython its `__parameters__` is empty, so subscribing it is an error.
pub fn not_generic_class_getitem() -> Value {
    thread_local! {
        static F: Value = immortal_builtin("__class_getitem__", None, refuse_class_getitem);
    }
    F.with(|f| *f)
}

fn refuse_class_getitem(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let name = match args.positional.first() {
        Some(&c) => type_repr(c)?,
        None => String::new(),
    };
    Err(PyErr::type_error(format!("<class '{name}'> is not a generic class")))
}

/// Whether a class base makes the new class generic: `Generic[T]`, or a generic
/// class subscripted with a type variable (`Base[T]`). Type variables are typing's
/// placeholders here, so any placeholder argument counts as one.
pub fn makes_generic(base: Value) -> bool {
    let Some(a) = crate::objects::native::downcast::<GenericAlias>(base) else { return false };
    // SAFETY: `args` is a tuple.
    unsafe { tuple::items(a.args.get().cast()) }.iter().any(|&v| crate::objects::builtin::is_hint_placeholder(v))
}

/// Whether `cls` answers `cls[...]` with the method above.
pub fn is_generic_class(cls: Value) -> bool {
    crate::classes::lookup(cls, "__class_getitem__") == Some(generic_class_getitem())
}

/// `cls[params]` of a class that has the method above.
fn class_getitem(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let [cls, params] = args.positional else {
        return Err(PyErr::type_error("__class_getitem__ expected 2 arguments"));
    };
    Ok(alias(*cls, *params))
}

/// A new alias of `cls` with `params` (both borrowed).
fn alias(cls: Value, params: Value) -> Value {
    let params = if params.is_kind(KIND_TUPLE) {
        params.incref();
        params
    } else {
        params.incref();
        tuple::from_vec(vec![params])
    };
    cls.incref();
    new_native(Box::new(GenericAlias { origin: Owned(cls), args: Owned(params) }))
}

/// `v[sub]` where `v` is a class: its `__class_getitem__`, if any (an implicit class
/// method, so it gets the class first, as CPython calls it).
pub fn subscript_class(cls: Value, sub: Value) -> Option<PyResult<Value>> {
    if !cls.is_kind(KIND_CLASS) {
        return None;
    }
    let Some(mut f) = crate::classes::lookup(cls, "__class_getitem__") else {
        // SAFETY: the kind was checked.
        let c = unsafe { crate::objects::class::as_class(cls) };
        // `list`, `dict` and `tuple` have CPython's `__class_getitem__`, which their
        // subclasses inherit; `str` and `int` have none.
        if c.builtin_base.is_some_and(|b| matches!(b.type_name(), "list" | "dict" | "tuple")) {
            return Some(Ok(alias(cls, sub)));
        }
        return Some(Err(PyErr::type_error(format!("type '{}' is not subscriptable", c.name))));
    };
    if f.is_kind(KIND_DESCRIPTOR) {
        // SAFETY: the kind was checked.
        let d = unsafe { &*f.cast::<crate::objects::class::Descriptor>() };
        if !matches!(d.which, crate::objects::class::DescriptorKind::ClassMethod) {
            return Some(Err(PyErr::unsupported("a __class_getitem__ that is not a function or class method")));
        }
        f = d.func;
    }
    Some(crate::ops::call::call_any(f, &Args { positional: &[cls, sub], keywords: &[] }))
}

/// The class a base like `Stack[int]` stands for (CPython's `__mro_entries__`).
pub fn origin_of(v: Value) -> Option<Value> {
    crate::objects::native::downcast::<GenericAlias>(v).map(|a| a.origin.get())
}

struct GenericAlias {
    origin: Owned,
    /// A tuple.
    args: Owned,
}

/// How an alias's repr names a class or type argument (`int`, `__main__.Node`).
pub(crate) fn type_repr(v: Value) -> PyResult<String> {
    if v.is_kind(KIND_TYPE) {
        // SAFETY: the kind was checked.
        return Ok(unsafe { (*v.cast::<crate::objects::builtin::TypeObject>()).name }.to_string());
    }
    if v.is_kind(KIND_CLASS) {
        // SAFETY: the kind was checked.
        let c = unsafe { crate::objects::class::as_class(v) };
        let module = crate::classes::lookup(v, "__module__")
            // SAFETY: the kind is checked first.
            .and_then(|m| if m.is_kind(KIND_STR) { unsafe { strs::text(m) }.ok().map(str::to_string) } else { None })
            .unwrap_or_else(|| "__main__".to_string());
        return Ok(if module == "builtins" { c.qualname.clone() } else { format!("{module}.{}", c.qualname) });
    }
    if v == Value::NONE {
        return Ok("NoneType".to_string());
    }
    // Type variables and other hints are placeholders here, without their names.
    Err(PyErr::unsupported("the repr of a generic alias with a type variable or hint argument"))
}

impl Native for GenericAlias {
    fn type_name(&self) -> &'static str {
        "_GenericAlias"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.origin.get());
        visit(self.args.get());
    }
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        Some(crate::ops::call::call_any(self.origin.get(), args))
    }
    fn repr(&self) -> Option<PyResult<String>> {
        Some((|| {
            // SAFETY: `args` is a tuple.
            let parts: PyResult<Vec<String>> = unsafe { tuple::items(self.args.get().cast()) }.iter().map(|&a| type_repr(a)).collect();
            Ok(format!("{}[{}]", type_repr(self.origin.get())?, parts?.join(", ")))
        })())
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        let v = match name {
            "__origin__" => self.origin.get(),
            "__args__" => self.args.get(),
            _ => return None,
        };
        v.incref();
        Some(Ok(v))
    }
    fn eq(&self, other: &dyn Native) -> Option<PyResult<bool>> {
        let o = other.as_any().downcast_ref::<GenericAlias>()?;
        if self.origin.get() != o.origin.get() {
            return Some(Ok(false));
        }
        Some(crate::ops::compare::compare_bool(self.args.get(), o.args.get(), CMP_EQ))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
