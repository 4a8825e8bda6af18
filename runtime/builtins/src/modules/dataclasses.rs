//! `dataclasses`: `@dataclass` (with and without arguments) reads the class's own
//! annotations and defaults as CPython 3.11 does (fields of dataclass bases first, in
//! MRO order; `ClassVar` ones skipped; the same errors) and adds the methods of
//! `dataclass_methods`; `field`, `fields`, `asdict`, `astuple`, `replace`,
//! `is_dataclass`, `MISSING`, `KW_ONLY` and `FrozenInstanceError`.

use super::dataclass_fields::{Field, FieldKind, as_field, frozen_error_class, kw_only_marker, missing};
use super::dataclass_methods::{Method, Spec, Which};
use crate::args::bind;
use stitch_abi::*;
use stitch_core::classes::{class_of, full_mro, lookup, own_attr, remove_own_attr, set_own_attr};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::native::{Native, new_native};
use stitch_core::objects::{Owned, dict, list, str as strs, tuple};
use stitch_core::ops::truthy;
use stitch_core::vm::Runtime;
use std::any::Any;
use std::rc::Rc;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("dataclass", dataclass),
    ("field", field),
    ("fields", fields),
    ("asdict", asdict),
    ("astuple", astuple),
    ("replace", replace),
    ("is_dataclass", is_dataclass),
];

pub fn namespace() -> Value {
    let own = |v: Value| {
        v.incref();
        v
    };
    super::namespace_of(
        FUNCTIONS,
        vec![
            ("MISSING", own(missing())),
            ("KW_ONLY", own(kw_only_marker())),
            ("FrozenInstanceError", own(frozen_error_class())),
        ],
    )
}

/// The decorator's arguments.
#[derive(Clone, Copy)]
struct Params {
    init: bool,
    repr: bool,
    eq: bool,
    order: bool,
    unsafe_hash: bool,
    frozen: bool,
    match_args: bool,
    kw_only: bool,
}

const PARAMS: &[&str] = &["cls", "init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args", "kw_only", "slots", "weakref_slot"];

fn dataclass(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if args.positional.len() > 1 {
        return Err(PyErr::type_error(format!("dataclass() takes from 0 to 1 positional arguments but {} were given", args.positional.len())));
    }
    let p = bind("dataclass", args, 0, PARAMS, 1, 0)?;
    let flag = |i: usize, default: bool| p[i].map_or(default, truthy);
    if flag(9, false) || flag(10, false) {
        return Err(PyErr::unsupported("dataclass(slots=True)"));
    }
    let params = Params {
        init: flag(1, true),
        repr: flag(2, true),
        eq: flag(3, true),
        order: flag(4, false),
        unsafe_hash: flag(5, false),
        frozen: flag(6, false),
        match_args: flag(7, true),
        kw_only: flag(8, false),
    };
    match p[0] {
        Some(cls) if cls != Value::NONE => process(cls, params),
        _ => Ok(new_native(Box::new(Decorator(params)))),
    }
}

/// `dataclass(...)` with arguments: the decorator it returns.
struct Decorator(Params);

impl Native for Decorator {
    fn type_name(&self) -> &'static str {
        "function"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        Some(match (args.positional, args.keywords) {
            ([cls], []) => process(*cls, self.0),
            _ => Err(PyErr::type_error(format!("wrap() takes 1 positional argument but {} were given", args.positional.len()))),
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `field(*, default, default_factory, init, repr, hash, compare, metadata, kw_only)`.
fn field(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if !args.positional.is_empty() {
        return Err(PyErr::type_error(format!("field() takes 0 positional arguments but {} were given", args.positional.len())));
    }
    let names = ["default", "default_factory", "init", "repr", "hash", "compare", "metadata", "kw_only"];
    let p = bind("field", args, 0, &names, 0, 0)?;
    let given = |i: usize| p[i].filter(|&v| v != missing());
    if given(6).is_some_and(|m| m != Value::NONE) {
        return Err(PyErr::unsupported("field(metadata=...)"));
    }
    let (default, factory) = (given(0), given(1));
    if default.is_some() && factory.is_some() {
        return Err(PyErr::value_error("cannot specify both default and default_factory"));
    }
    default.iter().chain(&factory).for_each(|v| v.incref());
    let mut f = Field::new(default, factory);
    f.init = p[2].is_none_or(truthy);
    f.repr = p[3].is_none_or(truthy);
    f.hash = p[4].filter(|&v| v != Value::NONE).map(truthy);
    f.compare = p[5].is_none_or(truthy);
    f.kw_only.set(given(7).map(truthy));
    Ok(new_native(Box::new(f)))
}

/// Whether an annotation is `ClassVar` (or `ClassVar[...]`), also as the text
/// `from __future__ import annotations` leaves.
fn is_class_var(ty: Value) -> bool {
    if stitch_core::objects::builtin::is_hint_placeholder(ty) {
        // SAFETY: placeholders are builtins.
        return unsafe { (*ty.cast::<stitch_core::objects::builtin::Builtin>()).name } == "ClassVar";
    }
    if ty.is_kind(KIND_STR) {
        // SAFETY: the kind was checked.
        let Ok(text) = (unsafe { strs::text(ty) }) else { return false };
        let text = text.trim_start();
        let text = text.strip_prefix("typing.").unwrap_or(text);
        return text == "ClassVar" || text.starts_with("ClassVar[");
    }
    false
}

/// The field for the annotation `name: ty` of `cls` (CPython's `_get_field`).
fn get_field(cls: Value, name: &str, ty: Value, kw_only: bool) -> PyResult<Value> {
    let f = match lookup(cls, name) {
        Some(v) if as_field(v).is_some() => Owned::new_ref(v),
        Some(v) => {
            v.incref();
            Owned(new_native(Box::new(Field::new(Some(v), None))))
        }
        None => Owned(new_native(Box::new(Field::new(None, None)))),
    };
    let fd = as_field(f.get()).expect("a field");
    *fd.name.borrow_mut() = name.to_string();
    ty.incref();
    fd.ty.replace(ty).decref();
    if is_class_var(ty) {
        fd.kind.set(FieldKind::ClassVar);
        if fd.factory.is_some() {
            return Err(PyErr::type_error(format!("field {name} cannot have a default factory")));
        }
        return Ok(f.into_raw());
    }
    if fd.kw_only.get().is_none() {
        fd.kw_only.set(Some(kw_only));
    }
    if let Some(d) = fd.default
        && unhashable_type(d)
    {
        return Err(PyErr::value_error(format!(
            "mutable default <class '{}'> for field {name} is not allowed: use default_factory",
            stitch_core::ops::type_name(d)
        )));
    }
    Ok(f.into_raw())
}

/// Whether `type(v).__hash__ is None` (CPython's test for a mutable default).
fn unhashable_type(v: Value) -> bool {
    if v.is_kind(KIND_INSTANCE) {
        return lookup(class_of(v), "__hash__") == Some(Value::NONE);
    }
    v.is_object() && matches!(stitch_core::objects::kind(v), KIND_LIST | KIND_DICT | KIND_SET)
}

/// The fields `@dataclass` gave `cls` (or a base), in order, `ClassVar` ones too.
fn all_fields(cls: Value) -> Option<Vec<Value>> {
    let d = lookup(cls, "__dataclass_fields__")?;
    // SAFETY: the decorator stores a dict there.
    Some(unsafe { dict::entries(d.cast()) }.map(|e| e.value).collect())
}

fn process(cls: Value, params: Params) -> PyResult<Value> {
    if !cls.is_kind(KIND_CLASS) {
        return Err(PyErr::unsupported("dataclass of something other than a class"));
    }
    let name = stitch_core::classes::class_name(cls);
    // Fields of dataclass bases, the farthest first; a later one replaces a name.
    let mut order: Vec<(String, Owned)> = Vec::new();
    let put = |order: &mut Vec<(String, Owned)>, f: Value| {
        let n = as_field(f).expect("a field").name.borrow().clone();
        match order.iter_mut().find(|(k, _)| *k == n) {
            Some(slot) => slot.1 = Owned::new_ref(f),
            None => order.push((n, Owned::new_ref(f))),
        }
    };
    let mut any_frozen_base = None;
    for base in full_mro(cls).into_iter().skip(1).rev() {
        if let Some(fs) = own_attr(base, "__dataclass_fields__") {
            // SAFETY: the decorator stores a dict there.
            for e in unsafe { dict::entries(fs.cast()) } {
                put(&mut order, e.value);
            }
            let frozen = own_attr(base, "__dataclass_frozen__") == Some(Value::TRUE);
            any_frozen_base = Some(any_frozen_base.unwrap_or(false) | frozen);
        }
    }
    // The class's own annotations, in order.
    let annotations: Vec<(Value, Value)> = match own_attr(cls, "__annotations__") {
        // SAFETY: the class body made it a dict.
        Some(a) if a.is_kind(KIND_DICT) => unsafe { dict::entries(a.cast()) }.map(|e| (e.key, e.value)).collect(),
        _ => Vec::new(),
    };
    let mut kw_only = params.kw_only;
    let mut own = Vec::new();
    for &(k, ty) in &annotations {
        if !k.is_kind(KIND_STR) {
            continue;
        }
        // SAFETY: the kind was checked.
        let fname = unsafe { strs::text(k) }?.to_string();
        if ty == kw_only_marker() {
            if kw_only != params.kw_only {
                return Err(PyErr::type_error(format!("'KW_ONLY' is specified more than once in class {name}")));
            }
            kw_only = true;
            continue;
        }
        own.push(Owned(get_field(cls, &fname, ty, kw_only)?));
    }
    for f in &own {
        put(&mut order, f.get());
        let fd = as_field(f.get()).expect("a field");
        let n = fd.name.borrow().clone();
        // A `field()` left as the class attribute becomes its default, or goes.
        if own_attr(cls, &n).is_some_and(|v| as_field(v).is_some()) {
            match fd.default {
                Some(d) => set_own_attr(cls, &n, d),
                _ => remove_own_attr(cls, &n),
            }
        }
    }
    // SAFETY: a class's dict is a live dict of str keys.
    for e in unsafe { dict::entries(stitch_core::objects::class::as_class(cls).dict.cast()) } {
        // SAFETY: the keys of a class dict are strs.
        let k = unsafe { strs::text(e.key) }?;
        if as_field(e.value).is_some() && !annotations.iter().any(|&(a, _)| a.is_kind(KIND_STR) && unsafe { strs::text(a) }.is_ok_and(|t| t == k)) {
            return Err(PyErr::type_error(format!("'{k}' is a field but has no type annotation")));
        }
    }
    if let Some(frozen_base) = any_frozen_base {
        if frozen_base && !params.frozen {
            return Err(PyErr::type_error("cannot inherit non-frozen dataclass from a frozen one"));
        }
        if !frozen_base && params.frozen {
            return Err(PyErr::type_error("cannot inherit frozen dataclass from a non-frozen one"));
        }
    }
    let fields_dict = Owned(dict::new_dict());
    for (n, f) in &order {
        let key = strs::new_str(n);
        f.get().incref();
        // SAFETY: a new dict; key and value are new references.
        unsafe { dict::set(fields_dict.get().cast(), key, strs::as_str(key).hash(), f.get()) };
    }
    set_own_attr(cls, "__dataclass_fields__", fields_dict.get());
    set_own_attr(cls, "__dataclass_frozen__", Value::bool(params.frozen));

    let class_hash = own_attr(cls, "__hash__");
    let has_explicit_hash = !(class_hash.is_none() || class_hash == Some(Value::NONE) && own_attr(cls, "__eq__").is_some());
    if params.order && !params.eq {
        return Err(PyErr::value_error("eq must be true if order is true"));
    }
    let regular: Vec<Value> = order.iter().map(|(_, f)| f.get()).filter(|&f| as_field(f).expect("a field").kind.get() == FieldKind::Field).collect();
    if params.init {
        let mut seen_default = false;
        for &f in &regular {
            let fd = as_field(f).expect("a field");
            if !fd.init || fd.kw_only.get() == Some(true) {
                continue;
            }
            if fd.default.is_some() || fd.factory.is_some() {
                seen_default = true;
            } else if seen_default {
                return Err(PyErr::type_error(format!("non-default argument '{}' follows default argument", fd.name.borrow())));
            }
        }
    }
    regular.iter().for_each(|f| f.incref());
    // SAFETY: the kind was checked.
    let qualname = unsafe { stitch_core::objects::class::as_class(cls) }.qualname.clone();
    let spec = Rc::new(Spec { qualname, class_id: cls.object() as usize, fields: regular, frozen: params.frozen });
    let method = |which| Owned(new_native(Box::new(Method { spec: spec.clone(), which })));
    // Each method is added unless the class defines it itself.
    let add = |name: &str, which| {
        if own_attr(cls, name).is_some() {
            return true;
        }
        set_own_attr(cls, name, method(which).get());
        false
    };
    if params.init {
        add("__init__", Which::Init);
    }
    if params.repr {
        add("__repr__", Which::Repr);
    }
    if params.eq {
        add("__eq__", Which::Eq);
    }
    if params.order {
        for (n, op) in [("__lt__", CMP_LT), ("__le__", CMP_LE), ("__gt__", CMP_GT), ("__ge__", CMP_GE)] {
            if add(n, Which::Order(op)) {
                return Err(PyErr::type_error(format!(
                    "Cannot overwrite attribute {n} in class {name}. Consider using functools.total_ordering"
                )));
            }
        }
    }
    if params.frozen && add("__setattr__", Which::FrozenSetattr) {
        return Err(PyErr::type_error(format!("Cannot overwrite attribute __setattr__ in class {name}")));
    }
    // CPython's `_hash_action` table.
    match (params.unsafe_hash, params.eq, params.frozen, has_explicit_hash) {
        (true, _, _, true) => return Err(PyErr::type_error(format!("Cannot overwrite attribute __hash__ in class {name}"))),
        (true, _, _, false) | (false, true, true, false) => set_own_attr(cls, "__hash__", method(Which::Hash).get()),
        (false, true, false, false) => set_own_attr(cls, "__hash__", Value::NONE),
        _ => {}
    }
    if params.match_args && own_attr(cls, "__match_args__").is_none() {
        let names: Vec<Value> = spec
            .fields
            .iter()
            .map(|&f| as_field(f).expect("a field"))
            .filter(|f| f.init && f.kw_only.get() != Some(true))
            .map(|f| strs::new_str(&f.name.borrow()))
            .collect();
        set_own_attr(cls, "__match_args__", Owned(tuple::from_vec(names)).get());
    }
    cls.incref();
    Ok(cls)
}

/// The dataclass (class or instance) argument's regular fields, or CPython's TypeError.
fn regular_fields(v: Value, what: &str) -> PyResult<Vec<Value>> {
    let cls = if v.is_kind(KIND_CLASS) { v } else if v.is_kind(KIND_INSTANCE) { class_of(v) } else { Value::NULL };
    let found = if cls == Value::NULL { None } else { all_fields(cls) };
    let Some(fs) = found else {
        return Err(PyErr::type_error(what.to_string()));
    };
    Ok(fs.into_iter().filter(|&f| as_field(f).expect("a field").kind.get() == FieldKind::Field).collect())
}

fn fields(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = crate::args::one("fields", args, 0)?;
    let fs = regular_fields(v, "must be called with a dataclass type or instance")?;
    fs.iter().for_each(|f| f.incref());
    Ok(tuple::from_vec(fs))
}

fn is_dataclass(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = crate::args::one("is_dataclass", args, 0)?;
    let cls = if v.is_kind(KIND_CLASS) { v } else if v.is_kind(KIND_INSTANCE) { class_of(v) } else { return Ok(Value::FALSE) };
    Ok(Value::bool(lookup(cls, "__dataclass_fields__").is_some()))
}

fn is_dataclass_instance(v: Value) -> bool {
    v.is_kind(KIND_INSTANCE) && lookup(class_of(v), "__dataclass_fields__").is_some()
}

/// `asdict`/`astuple`'s recursion (CPython's `_asdict_inner`): dataclass instances
/// become dicts (or tuples), lists, tuples and dicts are rebuilt with converted
/// items, anything else is deep-copied.
fn convert(rt: &mut Runtime, v: Value, as_dict: bool) -> PyResult<Value> {
    let _depth = stitch_core::ops::depth::enter(" while converting a dataclass")?;
    if is_dataclass_instance(v) {
        let fs = regular_fields(v, "")?;
        let mut items = Vec::new();
        let d = Owned(dict::new_dict());
        for f in fs {
            let n = as_field(f).expect("a field").name.borrow().clone();
            let value = Owned(crate::attr::load_attr(v, &n)?);
            let c = convert(rt, value.get(), as_dict)?;
            if as_dict {
                let key = strs::new_str(&n);
                // SAFETY: a new dict; key and value are new references.
                unsafe { dict::set(d.get().cast(), key, strs::as_str(key).hash(), c) };
            } else {
                items.push(c);
            }
        }
        return Ok(if as_dict { d.into_raw() } else { tuple::from_vec(items) });
    }
    if v.is_kind(KIND_LIST) || v.is_kind(KIND_TUPLE) && stitch_core::classes::user_class_of(v).is_none() {
        // SAFETY: the kinds were checked.
        let src = unsafe { if v.is_kind(KIND_LIST) { list::items(v.cast()).to_vec() } else { tuple::items(v.cast()).to_vec() } };
        src.iter().for_each(|x| x.incref());
        let src: Vec<Owned> = src.into_iter().map(Owned).collect();
        let mut out = Vec::new();
        for x in &src {
            match convert(rt, x.get(), as_dict) {
                Ok(c) => out.push(c),
                Err(e) => {
                    out.iter().for_each(|c: &Value| c.decref());
                    return Err(e);
                }
            }
        }
        return Ok(if v.is_kind(KIND_LIST) { list::from_vec(out) } else { tuple::from_vec(out) });
    }
    if v.is_kind(KIND_DICT) && stitch_core::objects::subclass::subclass_of(v).is_none() {
        // SAFETY: the kind was checked.
        let src: Vec<(Owned, Owned)> =
            unsafe { dict::entries(v.cast()) }.map(|e| (Owned::new_ref(e.key), Owned::new_ref(e.value))).collect();
        let d = Owned(dict::new_dict());
        for (k, x) in &src {
            let ck = Owned(convert(rt, k.get(), as_dict)?);
            let cv = Owned(convert(rt, x.get(), as_dict)?);
            stitch_core::ops::setitem(d.get(), ck.get(), cv.get())?;
        }
        return Ok(d.into_raw());
    }
    super::copy::deepcopy(rt, &Args { positional: &[v], keywords: &[] })
}

fn asdict(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("asdict", args, 0, &["obj", "dict_factory"], 0, 1)?;
    let obj = p[0].unwrap_or(Value::NONE);
    if p[1].is_some() {
        return Err(PyErr::unsupported("asdict(dict_factory=...)"));
    }
    if !is_dataclass_instance(obj) {
        return Err(PyErr::type_error("asdict() should be called on dataclass instances"));
    }
    convert(rt, obj, true)
}

fn astuple(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("astuple", args, 0, &["obj", "tuple_factory"], 0, 1)?;
    let obj = p[0].unwrap_or(Value::NONE);
    if p[1].is_some() {
        return Err(PyErr::unsupported("astuple(tuple_factory=...)"));
    }
    if !is_dataclass_instance(obj) {
        return Err(PyErr::type_error("astuple() should be called on dataclass instances"));
    }
    convert(rt, obj, false)
}

/// `replace(obj, **changes)`: a new instance from the init fields, changed.
fn replace(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let [obj] = args.positional else {
        return Err(PyErr::type_error(format!("replace() takes 1 positional argument but {} were given", args.positional.len())));
    };
    let obj = *obj;
    if !is_dataclass_instance(obj) {
        return Err(PyErr::type_error("replace() should be called on dataclass instances"));
    }
    let mut keywords: Vec<(String, Owned)> = Vec::new();
    for f in regular_fields(obj, "")? {
        let fd = as_field(f).expect("a field");
        let n = fd.name.borrow().clone();
        if !fd.init {
            if args.keywords.iter().any(|(k, _)| *k == n) {
                return Err(PyErr::value_error(format!("field {n} is declared with init=False, it cannot be specified with replace()")));
            }
            continue;
        }
        if !args.keywords.iter().any(|(k, _)| *k == n) {
            keywords.push((n.clone(), Owned(crate::attr::load_attr(obj, &n)?)));
        }
    }
    let mut kw: Vec<(&str, Value)> = keywords.iter().map(|(k, v)| (k.as_str(), v.get())).collect();
    kw.extend(args.keywords.iter().copied());
    stitch_core::ops::call(rt, class_of(obj), &Args { positional: &[], keywords: &kw })
}
