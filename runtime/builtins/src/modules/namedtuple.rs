//! `collections.namedtuple`: the class is a native callable; its instances are
//! tuples with the class as their subclass object (`objects::subclass`), so they
//! index, unpack, compare and hash as tuples do.

use crate::args::bind;
use stitch_abi::*;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::native::{Native, downcast, new_native};
use stitch_core::objects::subclass::{attach, subclass_of};
use stitch_core::objects::{Owned, dict, str as strs, tuple};
use stitch_core::ops::consume::collect;
use stitch_core::ops::repr::repr;
use stitch_core::vm::Runtime;
use std::any::Any;

struct NamedTuple {
    /// Leaked: a type name lives as long as the program (few classes are made).
    name: &'static str,
    fields: Vec<String>,
    /// Defaults of the last fields.
    defaults: Vec<Owned>,
}

impl NamedTuple {
    /// A new instance of the class `class` (borrowed) from its field values.
    fn instance(class: Value, values: Vec<Value>) -> Value {
        let t = tuple::from_vec(values);
        class.incref();
        attach(t, class);
        t
    }

    fn construct(&self, class: Value, args: &Args) -> PyResult<Value> {
        let n = self.fields.len();
        if args.positional.len() > n {
            return Err(PyErr::type_error(format!(
                "{}.__new__() takes {} positional arguments but {} were given",
                self.name,
                n + 1,
                args.positional.len() + 1
            )));
        }
        let mut slots: Vec<Option<Value>> = vec![None; n];
        for (s, &v) in slots.iter_mut().zip(args.positional) {
            *s = Some(v);
        }
        for &(k, v) in args.keywords {
            match self.fields.iter().position(|f| f == k) {
                Some(i) if slots[i].is_some() => {
                    return Err(PyErr::type_error(format!("{}.__new__() got multiple values for argument '{k}'", self.name)));
                }
                Some(i) => slots[i] = Some(v),
                None => return Err(PyErr::type_error(format!("{}.__new__() got an unexpected keyword argument '{k}'", self.name))),
            }
        }
        let first_default = n - self.defaults.len();
        let missing: Vec<&str> = (0..n).filter(|&i| slots[i].is_none() && i < first_default).map(|i| self.fields[i].as_str()).collect();
        if !missing.is_empty() {
            let names: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
            let list = match names.len() {
                1 => names[0].clone(),
                2 => format!("{} and {}", names[0], names[1]),
                _ => format!("{}, and {}", names[..names.len() - 1].join(", "), names[names.len() - 1]),
            };
            let s = if missing.len() == 1 { "" } else { "s" };
            return Err(PyErr::type_error(format!(
                "{}.__new__() missing {} required positional argument{s}: {list}",
                self.name,
                missing.len()
            )));
        }
        let values = slots
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let v = s.unwrap_or_else(|| self.defaults[i - first_default].get());
                v.incref();
                v
            })
            .collect();
        Ok(Self::instance(class, values))
    }

    fn fields_tuple(&self) -> Value {
        tuple::from_vec(self.fields.iter().map(|f| strs::new_str(f)).collect())
    }

    fn as_dict(&self, obj: Value) -> Value {
        let d = dict::new_dict();
        // SAFETY: `obj` is a tuple of this class (as many items as fields).
        let items = unsafe { tuple::items(obj.cast()) };
        for (f, &v) in self.fields.iter().zip(items) {
            let key = strs::new_str(f);
            v.incref();
            // SAFETY: `d` is a new dict; key and value are new references.
            unsafe { dict::set(d.cast(), key, strs::as_str(key).hash(), v) };
        }
        d
    }
}

impl Native for NamedTuple {
    fn type_name(&self) -> &'static str {
        self.name
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        self.defaults.iter().for_each(|d| visit(d.get()));
    }
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, _args: &Args) -> Option<PyResult<Value>> {
        // Called through `call_class` below, which knows the class value.
        None
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        match name {
            "_fields" => Some(Ok(self.fields_tuple())),
            "__name__" | "__qualname__" => Some(Ok(strs::new_str(self.name))),
            "_field_defaults" => {
                let d = dict::new_dict();
                let first = self.fields.len() - self.defaults.len();
                for (f, v) in self.fields[first..].iter().zip(&self.defaults) {
                    let key = strs::new_str(f);
                    // SAFETY: `d` is a new dict; key and value are new references.
                    unsafe { dict::set(d.cast(), key, strs::as_str(key).hash(), v.clone().into_raw()) };
                }
                Some(Ok(d))
            }
            _ => None,
        }
    }
    fn instance_getattr(&self, obj: Value, name: &str) -> Option<PyResult<Value>> {
        if let Some(i) = self.fields.iter().position(|f| f == name) {
            // SAFETY: `obj` is a tuple of this class.
            let v = unsafe { tuple::items(obj.cast()) }[i];
            v.incref();
            return Some(Ok(v));
        }
        match name {
            "_fields" => Some(Ok(self.fields_tuple())),
            "_asdict" | "_replace" => {
                let which = if name == "_asdict" { Method::AsDict } else { Method::Replace };
                Some(Ok(new_native(Box::new(BoundMethod { obj: Owned::new_ref(obj), which }))))
            }
            _ if !name.starts_with("__") => Some(Err(PyErr::new(
                ExcKind::AttributeError,
                format!("'{}' object has no attribute '{name}'", self.name),
            ))),
            _ => None,
        }
    }
    fn dict_repr(&self, obj: Value) -> Option<PyResult<String>> {
        // SAFETY: `obj` is a tuple of this class.
        let items: Vec<Owned> = unsafe { tuple::items(obj.cast()) }.iter().map(|&v| Owned::new_ref(v)).collect();
        Some((|| {
            let parts: PyResult<Vec<String>> =
                self.fields.iter().zip(&items).map(|(f, v)| Ok(format!("{f}={}", repr(v.get())?))).collect();
            Ok(format!("{}({})", self.name, parts?.join(", ")))
        })())
    }
    fn repr(&self) -> Option<PyResult<String>> {
        Some(Ok(format!("<class '__main__.{}'>", self.name)))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The class object: a native callable that hands itself to `construct`.
struct Class {
    def: Owned,
}

#[derive(Clone, Copy)]
enum Method {
    AsDict,
    Replace,
}

/// `p._asdict` and `p._replace` taken from an instance.
struct BoundMethod {
    obj: Owned,
    which: Method,
}

impl Native for BoundMethod {
    fn type_name(&self) -> &'static str {
        "method"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.obj.get());
    }
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        let class = subclass_of(self.obj.get())?;
        let nt = downcast::<NamedTuple>(class)?;
        Some(match self.which {
            Method::AsDict if args.positional.is_empty() && args.keywords.is_empty() => Ok(nt.as_dict(self.obj.get())),
            Method::AsDict => Err(PyErr::type_error(format!("{}._asdict() takes 1 positional argument", nt.name))),
            Method::Replace => {
                // SAFETY: the object is a tuple of the class.
                let mut values: Vec<Value> = unsafe { tuple::items(self.obj.get().cast()) }.to_vec();
                let mut bad = None;
                for &(k, v) in args.keywords {
                    match nt.fields.iter().position(|f| f == k) {
                        Some(i) => values[i] = v,
                        None => bad = Some(k),
                    }
                }
                if let Some(k) = bad {
                    return Some(Err(PyErr::value_error(format!("Got unexpected field names: ['{k}']"))));
                }
                if !args.positional.is_empty() {
                    return Some(Err(PyErr::type_error(format!("{}._replace() takes 1 positional argument", nt.name))));
                }
                values.iter().for_each(|v| v.incref());
                Ok(NamedTuple::instance(class, values))
            }
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Calls a namedtuple class (`Point(1, 2)`) or its `_make`.
fn call_class(def: Value, args: &Args) -> PyResult<Value> {
    let nt = downcast::<NamedTuple>(def).ok_or_else(|| PyErr::type_error("not a namedtuple class"))?;
    nt.construct(def, args)
}

impl Native for Class {
    fn type_name(&self) -> &'static str {
        "type"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.def.get());
    }
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        Some(call_class(self.def.get(), args))
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        if name == "_make" {
            return Some(Ok(new_native(Box::new(Make { def: self.def.clone() }))));
        }
        downcast::<NamedTuple>(self.def.get())?.getattr(name)
    }
    fn repr(&self) -> Option<PyResult<String>> {
        downcast::<NamedTuple>(self.def.get())?.repr()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `Point._make(iterable)`.
struct Make {
    def: Owned,
}

impl Native for Make {
    fn type_name(&self) -> &'static str {
        "method"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.def.get());
    }
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        Some((|| {
            let [it] = args.positional else {
                return Err(PyErr::type_error("_make() takes 1 positional argument"));
            };
            let values: Vec<Owned> = collect(*it)?.into_iter().map(Owned).collect();
            let vals: Vec<Value> = values.iter().map(Owned::get).collect();
            call_class(self.def.get(), &Args { positional: &vals, keywords: &[] })
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
    for (i, f) in fields.iter().enumerate() {
        if f.starts_with('_') {
            return Err(PyErr::value_error(format!("Field names cannot start with an underscore: {}", strs_repr(f))));
        }
        if fields[..i].contains(f) {
            return Err(PyErr::value_error(format!("Encountered duplicate field name: {}", strs_repr(f))));
        }
    }
    if fields.is_empty() {
        return Err(PyErr::unsupported("a namedtuple without fields"));
    }
    let defaults: Vec<Owned> = match p[3] {
        Some(d) if d != Value::NONE => collect(d)?.into_iter().map(Owned).collect(),
        _ => Vec::new(),
    };
    if defaults.len() > fields.len() {
        return Err(PyErr::type_error("Got more default values than field names"));
    }
    let name: &'static str = Box::leak(name.into_boxed_str());
    let def = Owned(new_native(Box::new(NamedTuple { name, fields, defaults })));
    Ok(new_native(Box::new(Class { def })))
}

fn strs_repr(s: &str) -> String {
    stitch_core::ops::repr::str_repr(s)
}

/// An instance of a new namedtuple-like class (CPython's struct sequences such as
/// `sys.version_info`): `values` are taken.
pub fn struct_sequence(name: &'static str, fields: &[&str], values: Vec<Value>) -> Value {
    let fields = fields.iter().map(|f| f.to_string()).collect();
    let def = Owned(new_native(Box::new(NamedTuple { name, fields, defaults: Vec::new() })));
    NamedTuple::instance(def.get(), values)
}

/// `isinstance(v, t)` when `t` is a namedtuple class; `None` for other `t`.
pub fn is_instance(v: Value, t: Value) -> Option<bool> {
    let class = downcast::<Class>(t)?;
    Some(subclass_of(v) == Some(class.def.get()))
}

/// A namedtuple class's name and `__match_args__` (its field names, as CPython
/// defines them), for class patterns; `None` for other values.
pub fn match_args(t: Value) -> Option<(&'static str, Vec<String>)> {
    let class = downcast::<Class>(t)?;
    let nt = downcast::<NamedTuple>(class.def.get())?;
    Some((nt.name, nt.fields.clone()))
}
