//! The methods `@dataclass` gives a class: `__init__` (with CPython's argument
//! errors, named by the class's qualified name), `__repr__`, `__eq__`, the ordering
//! methods, `__hash__`, and a frozen class's `__setattr__`. Each reads the instance's
//! fields by attribute, as the methods CPython generates do.

use super::dataclass_fields::{Field, as_field, frozen_error};
use crate::attr::{load_attr, store_attr};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::native::Native;
use stitch_core::objects::{Owned, tuple};
use std::any::Any;
use std::cell::RefCell;

/// What one class's methods share: its fields (owned `Field` objects of the `_FIELD`
/// kind, in order) and the class, by identity only (the methods live in its dict).
pub struct Spec {
    pub qualname: String,
    pub class_id: usize,
    pub fields: Vec<Value>,
    pub frozen: bool,
}

impl Spec {
    fn field(&self, i: usize) -> &Field {
        as_field(self.fields[i]).expect("a spec holds fields")
    }

    fn name(&self, i: usize) -> String {
        self.field(i).name.borrow().clone()
    }
}

impl Drop for Spec {
    fn drop(&mut self) {
        self.fields.iter().for_each(|f| f.decref());
    }
}

#[derive(Clone, Copy)]
pub enum Which {
    Init,
    Repr,
    Eq,
    Order(u32),
    Hash,
    FrozenSetattr,
}

pub struct Method {
    pub spec: std::rc::Rc<Spec>,
    pub which: Which,
}

thread_local! {
    /// The instances whose `__repr__` is running (CPython's `recursive_repr`): a field
    /// that leads back to one shows as `...`.
    static IN_REPR: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Whether `v` is a method `@dataclass` made (CPython makes them as functions of the
/// class's module: doctest finds them).
pub fn is_generated(v: Value) -> bool {
    stitch_core::objects::native::downcast::<Method>(v).is_some()
}

fn method_name(which: Which) -> &'static str {
    match which {
        Which::Init => "__init__",
        Which::Repr => "__repr__",
        Which::Eq => "__eq__",
        Which::Order(CMP_LT) => "__lt__",
        Which::Order(CMP_LE) => "__le__",
        Which::Order(CMP_GT) => "__gt__",
        Which::Order(_) => "__ge__",
        Which::Hash => "__hash__",
        Which::FrozenSetattr => "__setattr__",
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` (CPython's list of missing arguments).
fn name_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

impl Method {
    fn init(&self, me: Value, given: &[Value], keywords: &[(&str, Value)]) -> PyResult<Value> {
        let spec = &*self.spec;
        let q = format!("{}.__init__", spec.qualname);
        let inits: Vec<usize> = (0..spec.fields.len()).filter(|&i| spec.field(i).init).collect();
        let kw_only = |i: usize| spec.field(i).kw_only.get() == Some(true);
        let std: Vec<usize> = inits.iter().copied().filter(|&i| !kw_only(i)).collect();
        let kws: Vec<usize> = inits.iter().copied().filter(|&i| kw_only(i)).collect();
        let optional = |i: usize| spec.field(i).default.is_some() || spec.field(i).factory.is_some();
        if given.len() > std.len() {
            let required = std.iter().filter(|&&i| !optional(i)).count();
            let takes = if required == std.len() {
                plural(std.len() + 1, "positional argument")
            } else {
                format!("from {} to {} positional arguments", required + 1, std.len() + 1)
            };
            let kw_given = keywords.iter().filter(|(k, _)| kws.iter().any(|&i| spec.name(i) == *k)).count();
            let were = if kw_given > 0 {
                format!(
                    "{} (and {}) were given",
                    plural(given.len() + 1, "positional argument"),
                    plural(kw_given, "keyword-only argument")
                )
            } else {
                format!("{} {} given", given.len() + 1, if given.len() + 1 == 1 { "was" } else { "were" })
            };
            return Err(PyErr::type_error(format!("{q}() takes {takes} but {were}")));
        }
        let mut values: Vec<Option<Value>> = vec![None; spec.fields.len()];
        for (&i, &v) in std.iter().zip(given) {
            values[i] = Some(v);
        }
        for &(k, v) in keywords {
            let Some(&i) = inits.iter().find(|&&i| spec.name(i) == k) else {
                return Err(PyErr::type_error(format!("{q}() got an unexpected keyword argument '{k}'")));
            };
            if values[i].is_some() {
                return Err(PyErr::type_error(format!("{q}() got multiple values for argument '{k}'")));
            }
            values[i] = Some(v);
        }
        for (group, what) in [(&std, "positional"), (&kws, "keyword-only")] {
            let missing: Vec<String> = group.iter().filter(|&&i| values[i].is_none() && !optional(i)).map(|&i| spec.name(i)).collect();
            if !missing.is_empty() {
                return Err(PyErr::type_error(format!(
                    "{q}() missing {} required {what} argument{}: {}",
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    name_list(&missing)
                )));
            }
        }
        for (i, given) in values.into_iter().enumerate() {
            let f = spec.field(i);
            let value = match (given, f.factory, f.default) {
                (Some(v), _, _) => Owned::new_ref(v),
                (None, Some(factory), _) => Owned(stitch_core::ops::call::call_any(factory, &Args { positional: &[], keywords: &[] })?),
                (None, None, Some(d)) if f.init => Owned::new_ref(d),
                // No default, or one the class attribute already provides.
                _ => continue,
            };
            let name = spec.name(i);
            if spec.frozen {
                stitch_core::classes::object_setattr(me, &name, value.get())?;
            } else {
                store_attr(me, &name, value.get())?;
            }
        }
        if stitch_core::classes::lookup(stitch_core::classes::class_of(me), "__post_init__").is_some() {
            let post = Owned(load_attr(me, "__post_init__")?);
            stitch_core::ops::call::call_any(post.get(), &Args { positional: &[], keywords: &[] })?.decref();
        }
        Ok(Value::NONE)
    }

    /// The values of the fields `keep` selects, as a tuple.
    fn values(&self, me: Value, keep: impl Fn(&Field) -> bool) -> PyResult<Owned> {
        let mut items = Vec::new();
        for (i, &f) in self.spec.fields.iter().enumerate() {
            if keep(as_field(f).expect("a spec holds fields")) {
                match load_attr(me, &self.spec.name(i)) {
                    Ok(v) => items.push(v),
                    Err(e) => {
                        items.iter().for_each(|v: &Value| v.decref());
                        return Err(e);
                    }
                }
            }
        }
        Ok(Owned(tuple::from_vec(items)))
    }

    fn repr(&self, me: Value) -> PyResult<Value> {
        let id = me.object() as usize;
        if IN_REPR.with(|r| r.borrow().contains(&id)) {
            return Ok(stitch_core::objects::str::new_str("..."));
        }
        IN_REPR.with(|r| r.borrow_mut().push(id));
        let text = (|| {
            let cls = stitch_core::classes::class_of(me);
            let mut parts = Vec::new();
            for (i, &f) in self.spec.fields.iter().enumerate() {
                if as_field(f).expect("a spec holds fields").repr {
                    let name = self.spec.name(i);
                    let v = Owned(load_attr(me, &name)?);
                    parts.push(format!("{name}={}", stitch_core::ops::repr(v.get())?));
                }
            }
            let qualname = Owned(stitch_core::classes::class_getattr(cls, "__qualname__")?);
            // SAFETY: `__qualname__` of a class is a str.
            let q = unsafe { stitch_core::objects::str::text(qualname.get()) }?.to_string();
            Ok(format!("{q}({})", parts.join(", ")))
        })();
        IN_REPR.with(|r| r.borrow_mut().retain(|&x| x != id));
        Ok(stitch_core::objects::str::new_str(&text?))
    }

    fn compare(&self, me: Value, other: Value, op: u32) -> PyResult<Value> {
        if !other.is_kind(KIND_INSTANCE) || stitch_core::classes::class_of(other) != stitch_core::classes::class_of(me) {
            let ni = stitch_core::special::not_implemented();
            ni.incref();
            return Ok(ni);
        }
        let a = self.values(me, |f| f.compare)?;
        let b = self.values(other, |f| f.compare)?;
        stitch_core::ops::compare(a.get(), b.get(), op)
    }

    fn hash(&self, me: Value) -> PyResult<Value> {
        let t = self.values(me, Field::hashed)?;
        let h = stitch_core::ops::hash::hash(t.get())? as i64;
        Ok(stitch_core::objects::bigint::from_i64(h))
    }

    fn setattr(&self, me: Value, name: Value, value: Value) -> PyResult<Value> {
        let text = crate::functions::classes::name_arg("__setattr__", name)?;
        let cls = stitch_core::classes::class_of(me);
        if cls.object() as usize == self.spec.class_id || (0..self.spec.fields.len()).any(|i| self.spec.name(i) == text) {
            return Err(frozen_error(text));
        }
        stitch_core::classes::object_setattr(me, text, value)?;
        Ok(Value::NONE)
    }

    fn run(&self, args: &Args) -> PyResult<Value> {
        let name = method_name(self.which);
        let wrong = |n: usize| {
            PyErr::type_error(format!(
                "{}.{name}() takes {} but {} given",
                self.spec.qualname,
                plural(n, "positional argument"),
                args.positional.len()
            ))
        };
        let Some((&me, rest)) = args.positional.split_first() else { return Err(wrong(1)) };
        if !me.is_kind(KIND_INSTANCE) {
            return Err(PyErr::unsupported(format!("{name} of a dataclass called on a non-instance")));
        }
        if !matches!(self.which, Which::Init) && !args.keywords.is_empty() {
            return Err(PyErr::type_error(format!("{}.{name}() got an unexpected keyword argument '{}'", self.spec.qualname, args.keywords[0].0)));
        }
        match (self.which, rest) {
            (Which::Init, _) => self.init(me, rest, args.keywords),
            (Which::Repr, []) => self.repr(me),
            (Which::Hash, []) => self.hash(me),
            (Which::Eq, [other]) => self.compare(me, *other, CMP_EQ),
            (Which::Order(op), [other]) => self.compare(me, *other, op),
            (Which::FrozenSetattr, [n, v]) => self.setattr(me, *n, *v),
            (Which::Repr | Which::Hash, _) => Err(wrong(1)),
            (Which::FrozenSetattr, _) => Err(wrong(3)),
            _ => Err(wrong(2)),
        }
    }
}

impl Native for Method {
    fn type_name(&self) -> &'static str {
        "function"
    }
    // The fields are shared by the class's methods (one reference for all), so no
    // one method may report them to the collector.
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn binds_as_method(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        Some(self.run(args))
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__name__" => Some(Ok(stitch_core::objects::str::new_str(method_name(self.which)))),
            "__qualname__" => Some(Ok(stitch_core::objects::str::new_str(&format!("{}.{}", self.spec.qualname, method_name(self.which))))),
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
