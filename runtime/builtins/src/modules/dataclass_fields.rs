//! The objects of `dataclasses` that describe fields: `Field` (what `field()` makes and
//! `fields()` gives back), the `MISSING` and `KW_ONLY` sentinels, and
//! `FrozenInstanceError`.

use stitch_abi::*;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::native::{Native, downcast, new_native};
use stitch_core::objects::{Owned, str as strs, tuple};
use std::any::Any;
use std::cell::{Cell, RefCell};

/// What kind of class attribute a field is (CPython's `_FIELD`, `_FIELD_CLASSVAR`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Field,
    ClassVar,
}

/// A field: made by `field()` (name and type unknown until the decorator sees the
/// annotation) or by the decorator for a plain annotation.
pub struct Field {
    pub name: RefCell<String>,
    /// The annotation (owned; NONE until the decorator sets it).
    pub ty: Cell<Value>,
    /// The default (owned), or None when there is none (CPython's MISSING).
    pub default: Option<Value>,
    pub factory: Option<Value>,
    pub init: bool,
    pub repr: bool,
    /// `hash=`: None (follow `compare`), else the bool given.
    pub hash: Option<bool>,
    pub compare: bool,
    /// `kw_only=`: None (the class's), else the bool given; the decorator decides.
    pub kw_only: Cell<Option<bool>>,
    pub kind: Cell<FieldKind>,
}

impl Field {
    pub fn new(default: Option<Value>, factory: Option<Value>) -> Field {
        Field {
            name: RefCell::new(String::new()),
            ty: Cell::new(Value::NONE),
            default,
            factory,
            init: true,
            repr: true,
            hash: None,
            compare: true,
            kw_only: Cell::new(None),
            kind: Cell::new(FieldKind::Field),
        }
    }

    /// Whether the field takes part in `__hash__`.
    pub fn hashed(&self) -> bool {
        self.hash.unwrap_or(self.compare)
    }
}

fn bool_repr(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

fn opt_repr(v: Option<Value>) -> PyResult<String> {
    match v {
        Some(v) => stitch_core::ops::repr(v),
        None => Ok(missing_repr()),
    }
}

impl Native for Field {
    fn type_name(&self) -> &'static str {
        "Field"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        self.default.iter().chain(&self.factory).for_each(|&v| visit(v));
        if self.ty.get().is_object() {
            visit(self.ty.get());
        }
    }
    fn clear(&self) {}
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        let own = |v: Value| {
            v.incref();
            v
        };
        let sentinel = || own(missing());
        Some(Ok(match name {
            "name" => strs::new_str(&self.name.borrow()),
            "type" => own(self.ty.get()),
            "default" => self.default.map_or_else(sentinel, own),
            "default_factory" => self.factory.map_or_else(sentinel, own),
            "init" => Value::bool(self.init),
            "repr" => Value::bool(self.repr),
            "compare" => Value::bool(self.compare),
            "hash" => self.hash.map_or(Value::NONE, Value::bool),
            "kw_only" => self.kw_only.get().map_or_else(sentinel, Value::bool),
            _ => return None,
        }))
    }
    fn repr(&self) -> Option<PyResult<String>> {
        let text = (|| {
            Ok(format!(
                "Field(name={},type={},default={},default_factory={},init={},repr={},hash={},compare={},metadata=mappingproxy({{}}),kw_only={},_field_type={})",
                stitch_core::ops::repr(Owned(strs::new_str(&self.name.borrow())).get())?,
                stitch_core::ops::repr(self.ty.get())?,
                opt_repr(self.default)?,
                opt_repr(self.factory)?,
                bool_repr(self.init),
                bool_repr(self.repr),
                self.hash.map_or("None", bool_repr),
                bool_repr(self.compare),
                self.kw_only.get().map_or_else(missing_repr, |b| bool_repr(b).to_string()),
                match self.kind.get() {
                    FieldKind::Field => "_FIELD",
                    FieldKind::ClassVar => "_FIELD_CLASSVAR",
                },
            ))
        })();
        Some(text)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Drop for Field {
    fn drop(&mut self) {
        self.default.iter().chain(&self.factory).for_each(|v| v.decref());
        self.ty.get().decref();
    }
}

/// A sentinel object of `dataclasses` (`MISSING`, `KW_ONLY`), shown as CPython shows
/// instances of its private classes.
pub struct Sentinel(&'static str);

impl Native for Sentinel {
    fn type_name(&self) -> &'static str {
        self.0
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
}

thread_local! {
    static MISSING: Value = new_native(Box::new(Sentinel("_MISSING_TYPE")));
    static KW_ONLY: Value = new_native(Box::new(Sentinel("_KW_ONLY_TYPE")));
    /// FrozenInstanceError, made with the module's first namespace.
    static FROZEN_ERROR: Cell<Option<Value>> = const { Cell::new(None) };
}

/// `dataclasses.MISSING` (borrowed; lives as long as the thread).
pub fn missing() -> Value {
    MISSING.with(|v| *v)
}

/// `dataclasses.KW_ONLY` (borrowed).
pub fn kw_only_marker() -> Value {
    KW_ONLY.with(|v| *v)
}

fn missing_repr() -> String {
    format!("<dataclasses._MISSING_TYPE object at {:#x}>", missing().object() as usize)
}

/// The field `v` is, if it is one.
pub fn as_field<'a>(v: Value) -> Option<&'a Field> {
    downcast::<Field>(v)
}

/// The FrozenInstanceError class (borrowed): an AttributeError of `dataclasses`.
pub fn frozen_error_class() -> Value {
    if let Some(c) = FROZEN_ERROR.with(|c| c.get()) {
        return c;
    }
    let base = stitch_core::exceptions::type_object(ExcKind::AttributeError);
    base.incref();
    let bases = Owned(tuple::from_vec(vec![base]));
    let ns = Owned(super::namespace_of(&[], vec![("__module__", strs::new_str("dataclasses"))]));
    let cls = stitch_core::classes::build_class("FrozenInstanceError", bases.get(), ns.get())
        .expect("a class deriving from AttributeError alone builds");
    FROZEN_ERROR.with(|c| c.set(Some(cls)));
    cls
}

/// `FrozenInstanceError(f"cannot assign to field {name!r}")`.
pub fn frozen_error(name: &str) -> PyErr {
    let quoted = stitch_core::ops::repr(Owned(strs::new_str(name)).get()).unwrap_or_else(|_| format!("'{name}'"));
    let message = format!("cannot assign to field {quoted}");
    let e = stitch_core::objects::exception::new_exception(ExcKind::AttributeError, tuple::from_vec(vec![strs::new_str(&message)]));
    let cls = frozen_error_class();
    cls.incref();
    // SAFETY: a new exception object; its class slot held no class.
    let old = std::mem::replace(&mut unsafe { stitch_core::objects::exception::as_exception(e) }.class, cls);
    old.decref();
    stitch_core::exceptions::to_err(e)
}
