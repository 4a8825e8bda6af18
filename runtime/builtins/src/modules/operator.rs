//! `operator`: the operators as functions, and `itemgetter`, `attrgetter`,
//! `methodcaller` as native callables (`objects::native`).

use crate::args::{no_keywords, takes};
use crate::attr::load_attr;
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn, immortal_builtin};
use stitch_core::objects::native::{Native, new_native};
use stitch_core::objects::{Owned, str as strs, tuple};
use stitch_core::ops::arith::{abs as num_abs, binary_op, unary_op};
use stitch_core::ops::call::call_any;
use stitch_core::ops::compare::{compare, eq};
use stitch_core::ops::repr::repr;
use stitch_core::ops::types::{truthy, type_name};
use stitch_core::ops::{contains as contains_op, getitem, consume::for_each, setitem as setitem_op, subscript::delitem as delitem_op};
use stitch_core::vm::Runtime;
use std::any::Any;

macro_rules! binary {
    ($($name:ident: $op:expr),* $(,)?) => {
        $(fn $name(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
            let a = two(stringify!($name), args)?;
            binary_op(rt, a[0], a[1], $op)
        })*
    };
}

macro_rules! comparison {
    ($($name:ident: $op:expr),* $(,)?) => {
        $(fn $name(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
            let a = two(stringify!($name), args)?;
            compare(a[0], a[1], $op)
        })*
    };
}

fn two<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a [Value]> {
    no_keywords(name, args)?;
    takes(name, args, 0, 2, 2)
}

fn one(name: &str, args: &Args) -> PyResult<Value> {
    no_keywords(name, args)?;
    Ok(takes(name, args, 0, 1, 1)?[0])
}

binary! {
    add: NB_ADD, sub: NB_SUBTRACT, mul: NB_MULTIPLY, truediv: NB_TRUE_DIVIDE, floordiv: NB_FLOOR_DIVIDE,
    mod_: NB_REMAINDER, pow: NB_POWER, and_: NB_AND, or_: NB_OR, xor: NB_XOR, lshift: NB_LSHIFT, rshift: NB_RSHIFT,
    matmul: NB_MATRIX_MULTIPLY,
    iadd: NB_ADD | NB_INPLACE, isub: NB_SUBTRACT | NB_INPLACE, imul: NB_MULTIPLY | NB_INPLACE,
    itruediv: NB_TRUE_DIVIDE | NB_INPLACE, ifloordiv: NB_FLOOR_DIVIDE | NB_INPLACE, imod: NB_REMAINDER | NB_INPLACE,
    ipow: NB_POWER | NB_INPLACE, iand: NB_AND | NB_INPLACE, ior: NB_OR | NB_INPLACE, ixor: NB_XOR | NB_INPLACE,
    ilshift: NB_LSHIFT | NB_INPLACE, irshift: NB_RSHIFT | NB_INPLACE, imatmul: NB_MATRIX_MULTIPLY | NB_INPLACE,
}

comparison! { lt: CMP_LT, le: CMP_LE, eq_: CMP_EQ, ne: CMP_NE, gt: CMP_GT, ge: CMP_GE }

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("add", add),
    ("sub", sub),
    ("mul", mul),
    ("truediv", truediv),
    ("floordiv", floordiv),
    ("mod", mod_),
    ("pow", pow),
    ("and_", and_),
    ("or_", or_),
    ("xor", xor),
    ("lshift", lshift),
    ("rshift", rshift),
    ("matmul", matmul),
    ("iadd", iadd),
    ("isub", isub),
    ("imul", imul),
    ("itruediv", itruediv),
    ("ifloordiv", ifloordiv),
    ("imod", imod),
    ("ipow", ipow),
    ("iand", iand),
    ("ior", ior),
    ("ixor", ixor),
    ("ilshift", ilshift),
    ("irshift", irshift),
    ("imatmul", imatmul),
    ("iconcat", iconcat),
    ("call", call),
    ("lt", lt),
    ("le", le),
    ("eq", eq_),
    ("ne", ne),
    ("gt", gt),
    ("ge", ge),
    ("neg", neg),
    ("pos", pos),
    ("invert", invert),
    ("inv", invert),
    ("abs", abs),
    ("not_", not_),
    ("truth", truth),
    ("is_", is_),
    ("is_not", is_not),
    ("concat", concat),
    ("contains", contains),
    ("countOf", count_of),
    ("indexOf", index_of),
    ("getitem", getitem_fn),
    ("setitem", setitem_fn),
    ("delitem", delitem_fn),
    ("index", index),
    ("itemgetter", itemgetter),
    ("attrgetter", attrgetter),
    ("methodcaller", methodcaller),
];

pub fn namespace() -> Value {
    super::namespace_of(FUNCTIONS, vec![])
}

/// `operator.add` as a value, for code that adds through the call hook (which
/// brings the runtime): `itertools.accumulate` and `count`.
pub fn add_function() -> Value {
    thread_local! { static ADD: Value = immortal_builtin("add", None, add); }
    ADD.with(|a| *a)
}

/// `operator.sub` as a value (see `add_function`).
pub fn sub_function() -> Value {
    thread_local! { static SUB: Value = immortal_builtin("sub", None, sub); }
    SUB.with(|a| *a)
}

fn neg(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    unary_op(one("neg", args)?, UNARY_NEGATIVE)
}

fn pos(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    unary_op(one("pos", args)?, UNARY_POSITIVE)
}

fn invert(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    unary_op(one("invert", args)?, UNARY_INVERT)
}

fn abs(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = one("abs", args)?;
    num_abs(v).unwrap_or_else(|| Err(PyErr::type_error(format!("bad operand type for abs(): '{}'", type_name(v)))))
}

fn not_(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(Value::bool(!truthy(one("not_", args)?)))
}

fn truth(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(Value::bool(truthy(one("truth", args)?)))
}

fn is_(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = two("is_", args)?;
    Ok(Value::bool(a[0] == a[1]))
}

fn is_not(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = two("is_not", args)?;
    Ok(Value::bool(a[0] != a[1]))
}

/// `operator.iconcat(a, b)`: `a += b` for sequences.
fn iconcat(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = two("iconcat", args)?;
    if !matches!(stitch_core::objects::kind(a[0]), KIND_LIST | KIND_TUPLE | KIND_STR) {
        return Err(PyErr::type_error(format!("'{}' object can't be concatenated", type_name(a[0]))));
    }
    binary_op(rt, a[0], a[1], NB_ADD | NB_INPLACE)
}

/// `operator.call(f, *args, **kwargs)` (new in 3.11).
fn call(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let Some((&f, rest)) = args.positional.split_first() else {
        return Err(PyErr::type_error("call expected at least 1 argument, got 0"));
    };
    call_any(f, &Args { positional: rest, keywords: args.keywords })
}

fn concat(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = two("concat", args)?;
    if !matches!(stitch_core::objects::kind(a[0]), KIND_LIST | KIND_TUPLE | KIND_STR) {
        return Err(PyErr::type_error(format!("'{}' object can't be concatenated", type_name(a[0]))));
    }
    binary_op(rt, a[0], a[1], NB_ADD)
}

fn contains(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = two("contains", args)?;
    contains_op(a[0], a[1]).map(Value::bool)
}

fn count_of(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = two("countOf", args)?;
    let mut n = 0;
    for_each(a[0], |x| {
        if x.get() == a[1] || eq(x.get(), a[1])? {
            n += 1;
        }
        Ok(true)
    })?;
    Ok(Value::int(n))
}

fn index_of(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = two("indexOf", args)?;
    let (mut i, mut found) = (0, None);
    for_each(a[0], |x| {
        if x.get() == a[1] || eq(x.get(), a[1])? {
            found = Some(i);
            return Ok(false);
        }
        i += 1;
        Ok(true)
    })?;
    found.map(Value::int).ok_or_else(|| PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn getitem_fn(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = two("getitem", args)?;
    getitem(a[0], a[1])
}

fn setitem_fn(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("setitem", args)?;
    let a = takes("setitem", args, 0, 3, 3)?;
    setitem_op(a[0], a[1], a[2])?;
    Ok(Value::NONE)
}

fn delitem_fn(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = two("delitem", args)?;
    delitem_op(a[0], a[1])?;
    Ok(Value::NONE)
}

fn index(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = one("index", args)?;
    if !stitch_core::ops::num::is_int_like(v) {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))));
    }
    if v.is_bool() {
        return Ok(Value::int((v == Value::TRUE) as i64));
    }
    v.incref();
    Ok(v)
}

/// `itemgetter`, `attrgetter` and `methodcaller` objects.
enum Getter {
    Items(Vec<Owned>),
    /// Dotted names, each split at its dots.
    Attrs(Vec<Vec<String>>),
    Method { name: String, args: Vec<Owned>, keywords: Vec<(String, Owned)> },
}

impl Getter {
    fn name(&self) -> &'static str {
        match self {
            Getter::Items(_) => "itemgetter",
            Getter::Attrs(_) => "attrgetter",
            Getter::Method { .. } => "methodcaller",
        }
    }

    fn apply(&self, obj: Value) -> PyResult<Value> {
        match self {
            Getter::Items(items) if items.len() == 1 => getitem(obj, items[0].get()),
            Getter::Items(items) => {
                let vals = items.iter().map(|i| getitem(obj, i.get()).map(Owned)).collect::<PyResult<Vec<_>>>()?;
                Ok(tuple::from_vec(vals.into_iter().map(Owned::into_raw).collect()))
            }
            Getter::Attrs(paths) => {
                let get = |path: &Vec<String>| -> PyResult<Owned> {
                    let mut v = Owned::new_ref(obj);
                    for part in path {
                        v = Owned(load_attr(v.get(), part)?);
                    }
                    Ok(v)
                };
                if paths.len() == 1 {
                    return get(&paths[0]).map(Owned::into_raw);
                }
                let vals = paths.iter().map(get).collect::<PyResult<Vec<_>>>()?;
                Ok(tuple::from_vec(vals.into_iter().map(Owned::into_raw).collect()))
            }
            Getter::Method { name, args, keywords } => {
                let m = Owned(load_attr(obj, name)?);
                let positional: Vec<Value> = args.iter().map(Owned::get).collect();
                let kw: Vec<(&str, Value)> = keywords.iter().map(|(k, v)| (k.as_str(), v.get())).collect();
                call_any(m.get(), &Args { positional: &positional, keywords: &kw })
            }
        }
    }
}

impl Native for Getter {
    fn type_name(&self) -> &'static str {
        self.name()
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        match self {
            Getter::Items(items) => items.iter().for_each(|i| visit(i.get())),
            Getter::Attrs(_) => {}
            Getter::Method { args, keywords, .. } => args.iter().chain(keywords.iter().map(|(_, v)| v)).for_each(|i| visit(i.get())),
        }
    }
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        Some(match args.positional {
            [obj] if args.keywords.is_empty() => self.apply(*obj),
            _ => Err(PyErr::type_error(format!(
                "{}() takes exactly 1 positional argument ({} given)",
                self.name(),
                args.positional.len()
            ))),
        })
    }
    fn repr(&self) -> Option<PyResult<String>> {
        Some((|| {
            let parts: Vec<String> = match self {
                Getter::Items(items) => items.iter().map(|i| repr(i.get())).collect::<PyResult<_>>()?,
                Getter::Attrs(paths) => paths.iter().map(|p| stitch_core::ops::repr::str_repr(&p.join("."))).collect(),
                Getter::Method { name, args, keywords } => {
                    let mut parts = vec![stitch_core::ops::repr::str_repr(name)];
                    for a in args {
                        parts.push(repr(a.get())?);
                    }
                    for (k, v) in keywords {
                        parts.push(format!("{k}={}", repr(v.get())?));
                    }
                    parts
                }
            };
            Ok(format!("operator.{}({})", self.name(), parts.join(", ")))
        })())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn itemgetter(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("itemgetter", args)?;
    if args.positional.is_empty() {
        return Err(PyErr::type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(new_native(Box::new(Getter::Items(args.positional.iter().map(|&v| Owned::new_ref(v)).collect()))))
}

fn attrgetter(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("attrgetter", args)?;
    if args.positional.is_empty() {
        return Err(PyErr::type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::new();
    for &v in args.positional {
        if !v.is_kind(KIND_STR) {
            return Err(PyErr::type_error("attribute name must be a string"));
        }
        // SAFETY: the kind was checked.
        paths.push(unsafe { strs::text(v) }?.split('.').map(str::to_string).collect());
    }
    Ok(new_native(Box::new(Getter::Attrs(paths))))
}

fn methodcaller(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let Some((&name, rest)) = args.positional.split_first() else {
        return Err(PyErr::type_error("methodcaller needs at least one argument, the method name"));
    };
    if !name.is_kind(KIND_STR) {
        return Err(PyErr::type_error("method name must be a string"));
    }
    // SAFETY: the kind was checked.
    let name = unsafe { strs::text(name) }?.to_string();
    let keywords = args.keywords.iter().map(|&(k, v)| (k.to_string(), Owned::new_ref(v))).collect();
    Ok(new_native(Box::new(Getter::Method { name, args: rest.iter().map(|&v| Owned::new_ref(v)).collect(), keywords })))
}
