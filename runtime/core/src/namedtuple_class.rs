//! The classes `collections.namedtuple` and `class P(typing.NamedTuple)` make: user
//! classes deriving from `tuple` (`crate::builtin_subclasses`), whose namespace holds
//! what CPython's generated class has — `__new__` binding the fields, a property per
//! field, `__repr__`, `_make`, `_replace`, `_asdict`, `_fields`, `_field_defaults`,
//! `__match_args__` and `__slots__ = ()` — as native callables. A program may derive
//! from such a class as from any other.

use crate::classes::{build_class, class_name, dict_get, user_class_of};
use crate::errors::{ExcKind, PyErr, PyResult};
use crate::objects::builtin::Args;
use crate::objects::class::{DescriptorKind, new_descriptor};
use crate::objects::native::{Native, downcast, new_native};
use crate::objects::{Owned, dict, str as strs, tuple};
use stitch_abi::{KIND_STR, KIND_TUPLE, Value};
use std::any::Any;
use std::rc::Rc;

/// Hook for `tuple` (the builtin type lives in the builtins layer).
static TUPLE_TYPE: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

/// Records the `tuple` type object (immortal), the base of the classes made here.
pub fn set_tuple_type(t: Value) {
    let _ = TUPLE_TYPE.set(t.0 as usize);
}

/// The names a `typing.NamedTuple` class body may not define (CPython's list).
const PROHIBITED: &[&str] =
    &["__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace", "_asdict", "_source"];

/// The namedtuple class `qualname` with `fields` and the `defaults` of its last
/// fields; `body` (borrowed; a class body's namespace) adds its other entries.
pub fn make_class(qualname: &str, fields: Vec<String>, defaults: Vec<Owned>, body: Option<Value>) -> PyResult<Value> {
    let Some(&tuple_type) = TUPLE_TYPE.get() else { return Err(PyErr::unsupported("namedtuple before builtins exist")) };
    let tuple_type = Value(tuple_type as u64);
    let name = qualname.rsplit('.').next().unwrap_or(qualname).to_string();
    let fields: Rc<[String]> = fields.into();
    let ns = Owned(dict::new_dict());
    let put = |k: &str, v: Value| {
        let key = strs::intern(k);
        // SAFETY: `ns` is a live dict; the key and `v` are new references.
        unsafe { dict::set(ns.get().cast(), key, strs::hash_text(k), v) };
    };
    let names = || tuple::from_vec(fields.iter().map(|f| strs::new_str(f)).collect());
    put("__module__", strs::new_str("__main__"));
    put("__slots__", tuple::from_vec(Vec::new()));
    put("_fields", names());
    put("__match_args__", names());
    let field_defaults = dict::new_dict();
    for (f, d) in fields[fields.len() - defaults.len()..].iter().zip(&defaults) {
        d.get().incref();
        // SAFETY: a new dict; the key and the value are new references.
        unsafe { dict::set(field_defaults.cast(), strs::new_str(f), strs::hash_text(f), d.get()) };
    }
    put("_field_defaults", field_defaults);
    put("__new__", new_native(Box::new(NewFn { name: name.clone(), fields: fields.clone(), defaults })));
    put("__repr__", new_native(Box::new(Method { which: Which::Repr, fields: fields.clone() })));
    put("_asdict", new_native(Box::new(Method { which: Which::AsDict, fields: fields.clone() })));
    put("_replace", new_native(Box::new(Method { which: Which::Replace, fields: fields.clone() })));
    let make = new_native(Box::new(Method { which: Which::Make, fields: fields.clone() }));
    put("_make", new_descriptor(DescriptorKind::ClassMethod, make));
    make.decref();
    for (index, f) in fields.iter().enumerate() {
        let getter = new_native(Box::new(FieldGetter { index }));
        put(f, new_descriptor(DescriptorKind::Property, getter));
        getter.decref();
    }
    if let Some(body) = body {
        // SAFETY: a class body's namespace is a live dict of str keys.
        for e in unsafe { dict::entries(body.cast()) } {
            // SAFETY: keys are strs.
            let k = unsafe { strs::text(e.key) }?;
            // The fields' values in the body are their defaults, not class attributes.
            if fields.iter().any(|f| f == k) {
                continue;
            }
            e.key.incref();
            e.value.incref();
            // SAFETY: a live dict; the key and the value are new references.
            unsafe { dict::set(ns.get().cast(), e.key, strs::hash_text(k), e.value) };
        }
    }
    tuple_type.incref();
    let bases = Owned(tuple::from_vec(vec![tuple_type]));
    build_class(qualname, bases.get(), ns.get())
}

/// `class qualname(NamedTuple): body`: the fields are the body's annotations, their
/// defaults the body's values of them; the rest of the body joins the class.
pub fn from_class_body(qualname: &str, bases: &[Value], namespace: Value) -> PyResult<Value> {
    if bases.iter().any(|&b| !is_named_tuple_base(b) && !crate::objects::builtin::is_hint_placeholder(b)) {
        return Err(PyErr::type_error("can only inherit from a NamedTuple type and Generic"));
    }
    let mut fields: Vec<String> = Vec::new();
    let mut defaults: Vec<Owned> = Vec::new();
    if let Some(ann) = dict_get(namespace, "__annotations__").filter(|a| a.is_kind(stitch_abi::KIND_DICT)) {
        // SAFETY: a live dict.
        for e in unsafe { dict::entries(ann.cast()) } {
            if !e.key.is_kind(KIND_STR) {
                return Err(PyErr::type_error("Type names and field names must be strings"));
            }
            // SAFETY: the kind was checked.
            let f = unsafe { strs::text(e.key) }?.to_string();
            match dict_get(namespace, &f) {
                Some(d) => defaults.push(Owned::new_ref(d)),
                None if !defaults.is_empty() => {
                    let plural = if defaults.len() > 1 { "s" } else { "" };
                    return Err(PyErr::type_error(format!(
                        "Non-default namedtuple field {f} cannot follow default field{plural} {}",
                        fields[fields.len() - defaults.len()..].join(", ")
                    )));
                }
                None => {}
            }
            fields.push(f);
        }
    }
    check_names(&fields)?;
    // SAFETY: a class body's namespace is a live dict of str keys.
    for e in unsafe { dict::entries(namespace.cast()) } {
        // SAFETY: keys are strs.
        let k = unsafe { strs::text(e.key) }?;
        if PROHIBITED.contains(&k) {
            return Err(PyErr::new(ExcKind::AttributeError, format!("Cannot overwrite NamedTuple attribute {k}")));
        }
    }
    make_class(qualname, fields, defaults, Some(namespace))
}

/// CPython's checks of the field names (the type name is a class's, so valid).
pub fn check_names(fields: &[String]) -> PyResult<()> {
    for (i, f) in fields.iter().enumerate() {
        if f.starts_with('_') {
            return Err(PyErr::value_error(format!(
                "Field names cannot start with an underscore: {}",
                crate::ops::repr::str_repr(f)
            )));
        }
        if fields[..i].contains(f) {
            return Err(PyErr::value_error(format!("Encountered duplicate field name: {}", crate::ops::repr::str_repr(f))));
        }
    }
    Ok(())
}

/// `typing.NamedTuple` (a placeholder of the `typing` module).
pub fn is_named_tuple_base(b: Value) -> bool {
    crate::objects::builtin::is_hint_placeholder(b)
        // SAFETY: placeholders are builtins.
        && unsafe { (*b.cast::<crate::objects::builtin::Builtin>()).name } == "NamedTuple"
}

/// Whether the `__new__` of `cls` is the one a namedtuple class has.
pub fn has_generated_new(cls: Value) -> bool {
    crate::class_new::own_new(cls).is_some_and(|f| downcast::<NewFn>(f).is_some())
}

/// The index of the field `f` gets, if `f` is a namedtuple field's getter.
pub fn field_index(f: Value) -> Option<usize> {
    downcast::<FieldGetter>(f).map(|g| g.index)
}

/// Whether `f` is the getter of a namedtuple field (whose assignment CPython refuses
/// with its own message).
pub fn is_field_getter(f: Value) -> bool {
    downcast::<FieldGetter>(f).is_some()
}

/// The getter of field `index`: `p.x` is `p[index]`.
struct FieldGetter {
    index: usize,
}

impl Native for FieldGetter {
    fn type_name(&self) -> &'static str {
        "_collections._tuplegetter"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        let item = match args.positional {
            // SAFETY: the kind is checked first.
            [t] if t.is_kind(KIND_TUPLE) => unsafe { tuple::items(t.cast()) }.get(self.index).copied(),
            _ => None,
        };
        Some(match item {
            Some(v) => {
                v.incref();
                Ok(v)
            }
            None => Err(PyErr::type_error("descriptor for index of a namedtuple field applied to a wrong object")),
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The class's `__new__(cls, *fields)`: binds the arguments to the fields (with the
/// defaults) and makes the tuple of `cls`.
struct NewFn {
    /// The type name given to `namedtuple`, which CPython's messages name.
    name: String,
    fields: Rc<[String]>,
    /// Defaults of the last fields.
    defaults: Vec<Owned>,
}

impl NewFn {
    fn bind(&self, args: &[Value], keywords: &[(&str, Value)]) -> PyResult<Vec<Value>> {
        let n = self.fields.len();
        if args.len() > n {
            return Err(PyErr::type_error(format!(
                "{}.__new__() takes {} positional arguments but {} were given",
                self.name,
                n + 1,
                args.len() + 1
            )));
        }
        let mut slots: Vec<Option<Value>> = vec![None; n];
        for (s, &v) in slots.iter_mut().zip(args) {
            *s = Some(v);
        }
        for &(k, v) in keywords {
            match self.fields.iter().position(|f| f == k) {
                Some(i) if slots[i].is_some() => {
                    return Err(PyErr::type_error(format!("{}.__new__() got multiple values for argument '{k}'", self.name)));
                }
                Some(i) => slots[i] = Some(v),
                None => return Err(PyErr::type_error(format!("{}.__new__() got an unexpected keyword argument '{k}'", self.name))),
            }
        }
        let first_default = n - self.defaults.len();
        let missing: Vec<String> =
            (0..n).filter(|&i| slots[i].is_none() && i < first_default).map(|i| format!("'{}'", self.fields[i])).collect();
        if !missing.is_empty() {
            let list = match missing.len() {
                1 => missing[0].clone(),
                2 => format!("{} and {}", missing[0], missing[1]),
                _ => format!("{}, and {}", missing[..missing.len() - 1].join(", "), missing[missing.len() - 1]),
            };
            let s = if missing.len() == 1 { "" } else { "s" };
            return Err(PyErr::type_error(format!(
                "{}.__new__() missing {} required positional argument{s}: {list}",
                self.name,
                missing.len()
            )));
        }
        Ok(slots
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let v = s.unwrap_or_else(|| self.defaults[i - first_default].get());
                v.incref();
                v
            })
            .collect())
    }
}

impl Native for NewFn {
    fn type_name(&self) -> &'static str {
        "function"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        self.defaults.iter().for_each(|d| visit(d.get()));
    }
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        Some((|| {
            let Some((&cls, rest)) = args.positional.split_first() else {
                return Err(PyErr::type_error(format!("{}.__new__() missing 1 required positional argument: '_cls'", self.name)));
            };
            let values = self.bind(rest, args.keywords)?;
            crate::builtin_subclasses::tuple_of_class(cls, values)
        })())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[derive(Clone, Copy)]
enum Which {
    Repr,
    AsDict,
    Replace,
    /// `_make(iterable)`, a class method.
    Make,
}

/// `__repr__`, `_asdict`, `_replace` (methods) and `_make` (a class method's function).
struct Method {
    which: Which,
    fields: Rc<[String]>,
}

impl Method {
    fn name(&self) -> &'static str {
        match self.which {
            Which::Repr => "__repr__",
            Which::AsDict => "_asdict",
            Which::Replace => "_replace",
            Which::Make => "_make",
        }
    }

    fn run(&self, args: &Args) -> PyResult<Value> {
        let Some((&me, rest)) = args.positional.split_first() else {
            return Err(PyErr::type_error(format!("{}() missing 1 required positional argument", self.name())));
        };
        if let Which::Make = self.which {
            let [it] = rest else {
                return Err(PyErr::type_error(format!("_make() takes 2 positional arguments but {} were given", rest.len() + 1)));
            };
            let values = crate::ops::consume::collect(*it)?;
            return self.make(me, values);
        }
        if !me.is_kind(KIND_TUPLE) {
            return Err(PyErr::type_error(format!("{}() needs a namedtuple", self.name())));
        }
        // SAFETY: the kind was checked; the items are copied out (as new references)
        // before any Python code runs.
        let items: Vec<Owned> = unsafe { tuple::items(me.cast()) }.iter().map(|&v| Owned::new_ref(v)).collect();
        match self.which {
            Which::Repr if rest.is_empty() => {
                let parts: PyResult<Vec<String>> = self
                    .fields
                    .iter()
                    .zip(&items)
                    .map(|(f, v)| Ok(format!("{f}={}", crate::ops::repr::repr(v.get())?)))
                    .collect();
                let cls = user_class_of(me).map_or("tuple", class_name);
                Ok(strs::new_str(&format!("{cls}({})", parts?.join(", "))))
            }
            Which::AsDict if rest.is_empty() => {
                let d = dict::new_dict();
                for (f, v) in self.fields.iter().zip(&items) {
                    v.get().incref();
                    // SAFETY: a new dict; the key and the value are new references.
                    unsafe { dict::set(d.cast(), strs::new_str(f), strs::hash_text(f), v.get()) };
                }
                Ok(d)
            }
            Which::Replace if rest.is_empty() => {
                let mut values: Vec<Value> = items.iter().map(Owned::get).collect();
                let mut unexpected = Vec::new();
                for &(k, v) in args.keywords {
                    match self.fields.iter().position(|f| f == k) {
                        Some(i) => values[i] = v,
                        None => unexpected.push(crate::ops::repr::str_repr(k)),
                    }
                }
                if !unexpected.is_empty() {
                    return Err(PyErr::value_error(format!("Got unexpected field names: [{}]", unexpected.join(", "))));
                }
                values.iter().for_each(|v| v.incref());
                let cls = user_class_of(me).ok_or_else(|| PyErr::type_error("_replace() needs a namedtuple"))?;
                self.make(cls, values)
            }
            _ => Err(PyErr::type_error(format!(
                "{}() takes 1 positional argument but {} were given",
                self.name(),
                rest.len() + 1
            ))),
        }
    }

    /// `tuple.__new__(cls, values)` with `_make`'s check of the length (`values` taken).
    fn make(&self, cls: Value, values: Vec<Value>) -> PyResult<Value> {
        if values.len() != self.fields.len() {
            let e = PyErr::type_error(format!("Expected {} arguments, got {}", self.fields.len(), values.len()));
            values.into_iter().for_each(Value::decref);
            return Err(e);
        }
        crate::builtin_subclasses::tuple_of_class(cls, values)
    }
}

impl Native for Method {
    fn type_name(&self) -> &'static str {
        "function"
    }
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
    fn as_any(&self) -> &dyn Any {
        self
    }
}
