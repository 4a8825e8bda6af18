//! `collections.namedtuple`: a user class deriving from tuple
//! (`stitch_core::namedtuple_class`), so its instances index, unpack, compare and hash
//! as tuples do and a program may derive from it. CPython's struct sequences
//! (`sys.version_info`) are tuples with a native object saying their names.

use crate::args::bind;
use stitch_abi::*;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::native::{Native, new_native};
use stitch_core::objects::subclass::attach;
use stitch_core::objects::{Owned, str as strs, tuple};
use stitch_core::ops::consume::collect;
use stitch_core::ops::repr::repr;
use stitch_core::vm::Runtime;
use std::any::Any;

/// What a struct sequence's tuples share: their type name and field names.
struct StructSequence {
    name: &'static str,
    fields: Vec<String>,
}

impl Native for StructSequence {
    fn type_name(&self) -> &'static str {
        self.name
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn instance_getattr(&self, obj: Value, name: &str) -> Option<PyResult<Value>> {
        if let Some(i) = self.fields.iter().position(|f| f == name) {
            // SAFETY: `obj` is a tuple of this kind.
            let v = unsafe { tuple::items(obj.cast()) }[i];
            v.incref();
            return Some(Ok(v));
        }
        (!name.starts_with("__"))
            .then(|| Err(PyErr::new(ExcKind::AttributeError, format!("'{}' object has no attribute '{name}'", self.name))))
    }
    fn dict_repr(&self, obj: Value) -> Option<PyResult<String>> {
        // SAFETY: `obj` is a tuple of this kind.
        let items: Vec<Owned> = unsafe { tuple::items(obj.cast()) }.iter().map(|&v| Owned::new_ref(v)).collect();
        Some((|| {
            let parts: PyResult<Vec<String>> =
                self.fields.iter().zip(&items).map(|(f, v)| Ok(format!("{f}={}", repr(v.get())?))).collect();
            Ok(format!("{}({})", self.name, parts?.join(", ")))
        })())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn field_names(v: Value) -> PyResult<Vec<String>> {
    if v.is_kind(KIND_STR) {
        // SAFETY: the kind was checked.
        let text = unsafe { strs::text(v) }?;
        return Ok(text.replace(',', " ").split_whitespace().map(str::to_string).collect());
    }
    let items: Vec<Owned> = collect(v)?.into_iter().map(Owned).collect();
    items
        .iter()
        .map(|i| {
            if i.get().is_kind(KIND_STR) {
                // SAFETY: the kind was checked.
                unsafe { strs::text(i.get()) }.map(str::to_string)
            } else {
                Err(PyErr::type_error("Type names and field names must be strings"))
            }
        })
        .collect()
}

fn is_identifier(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|f| f.is_alphabetic() || f == '_') && c.all(|x| x.is_alphanumeric() || x == '_')
}

pub fn namedtuple(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("namedtuple", args, 0, &["typename", "field_names", "rename", "defaults", "module"], 2, 2)?;
    let name_v = p[0].unwrap_or(Value::NONE);
    if !name_v.is_kind(KIND_STR) {
        return Err(PyErr::type_error("Type names and field names must be strings"));
    }
    // SAFETY: the kind was checked.
    let name = unsafe { strs::text(name_v) }?.to_string();
    if p[2].is_some_and(|r| r != Value::FALSE) || p[4].is_some_and(|m| m != Value::NONE) {
        return Err(PyErr::unsupported("namedtuple(rename=, module=)"));
    }
    let fields = field_names(p[1].unwrap_or(Value::NONE))?;
    for f in std::iter::once(&name).chain(&fields) {
        if !is_identifier(f) {
            return Err(PyErr::value_error(format!("Type names and field names must be valid identifiers: {}", strs_repr(f))));
        }
    }
    stitch_core::namedtuple_class::check_names(&fields)?;
    let defaults: Vec<Owned> = match p[3] {
        Some(d) if d != Value::NONE => collect(d)?.into_iter().map(Owned).collect(),
        _ => Vec::new(),
    };
    if defaults.len() > fields.len() {
        return Err(PyErr::type_error("Got more default values than field names"));
    }
    stitch_core::namedtuple_class::make_class(&name, fields, defaults, None)
}

fn strs_repr(s: &str) -> String {
    stitch_core::ops::repr::str_repr(s)
}

/// An instance of a new struct sequence (CPython's `sys.version_info` and the like):
/// `values` are taken.
pub fn struct_sequence(name: &'static str, fields: &[&str], values: Vec<Value>) -> Value {
    let fields = fields.iter().map(|f| f.to_string()).collect();
    let t = tuple::from_vec(values);
    attach(t, new_native(Box::new(StructSequence { name, fields })));
    t
}
