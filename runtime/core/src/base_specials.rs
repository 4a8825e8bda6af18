//! The builtin types' own special methods as callables (`list.__getitem__`,
//! `dict.__setitem__`, `tuple.__add__`, `str.__eq__`, `int.__add__`, ...), as the
//! method of a class deriving from one reaches them: `list.__getitem__(self, i)` or
//! `super().__setitem__(key, value)`. Each runs the generic operation with the
//! operands' `OVERRIDES_FLAG` lifted for the call, so the class's own method (the one
//! calling this) is not asked again: the base type's behaviour runs, as CPython's
//! slot wrapper calls the base's slot.

use crate::errors::{PyErr, PyResult};
use crate::objects::builtin::{Args, BuiltinFn, immortal_builtin};
use crate::ops;
use stitch_abi::*;

/// The special methods offered, in a fixed order (the builtin for entry `I` runs
/// `run(I, ...)`).
const NAMES: &[&str] = &[
    "__getitem__", "__setitem__", "__delitem__", "__len__", "__contains__", "__iter__", "__hash__",
    "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
    "__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__pow__",
    "__lshift__", "__rshift__", "__and__", "__or__", "__xor__",
    "__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__rfloordiv__", "__rmod__", "__rpow__",
    "__rlshift__", "__rrshift__", "__rand__", "__ror__", "__rxor__",
    "__iadd__", "__imul__", "__ior__",
    "__neg__", "__pos__", "__invert__", "__abs__",
];

/// Whether the builtin type `type_name` has the special method `name` (in this
/// subset).
fn type_has(type_name: &str, name: &str) -> bool {
    let container = matches!(name, "__getitem__" | "__len__" | "__contains__" | "__iter__");
    let order = matches!(name, "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__");
    match type_name {
        "list" => container || order || matches!(name, "__setitem__" | "__delitem__" | "__add__" | "__mul__" | "__rmul__" | "__iadd__" | "__imul__"),
        "dict" => {
            container || matches!(name, "__setitem__" | "__delitem__" | "__eq__" | "__ne__" | "__or__" | "__ror__" | "__ior__")
        }
        "tuple" => container || order || matches!(name, "__hash__" | "__add__" | "__mul__" | "__rmul__"),
        "str" => container || order || matches!(name, "__hash__" | "__add__" | "__mul__" | "__rmul__" | "__mod__" | "__rmod__"),
        "int" => {
            !container && !matches!(name, "__setitem__" | "__delitem__" | "__iadd__" | "__imul__" | "__ior__")
        }
        _ => false,
    }
}

/// `type_name.name`, the builtin type's own special method, if it has it here.
pub fn lookup(type_name: &str, name: &str) -> Option<Value> {
    if !type_has(type_name, name) {
        return None;
    }
    let i = NAMES.iter().position(|&n| n == name)?;
    // One builtin per name: `BuiltinFn` is a plain function, so the index is a literal.
    macro_rules! all {
        ($($i:literal)*) => { [$((|rt, a| run($i, rt, a)) as BuiltinFn),*] };
    }
    const FUNCS: [BuiltinFn; 44] =
        all!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43);
    // The type is the builtin's owner, so `list.__getitem__` called through
    // LOAD_METHOD drops the type pushed as self (`ops::call`).
    let owner: &'static str = ["list", "dict", "tuple", "str", "int", "float"].into_iter().find(|&t| t == type_name)?;
    thread_local! {
        static MADE: std::cell::RefCell<std::collections::HashMap<(&'static str, usize), usize>> = Default::default();
    }
    let p = MADE.with(|m| *m.borrow_mut().entry((owner, i)).or_insert_with(|| immortal_builtin(NAMES[i], Some(owner), FUNCS[i]).object() as usize));
    Some(Value::from_object(p as *mut Object))
}

/// The operands whose flag was lifted; it is put back when this is dropped.
struct Lifted(Vec<Value>);

impl Lifted {
    fn new(values: &[Value]) -> Lifted {
        let mut lifted = Vec::new();
        for &v in values {
            if crate::special::overrides(v) && !lifted.contains(&v) {
                // SAFETY: the value is a live object (an argument of the call).
                unsafe { (*v.object()).flags &= !OVERRIDES_FLAG };
                lifted.push(v);
            }
        }
        Lifted(lifted)
    }
}

impl Drop for Lifted {
    fn drop(&mut self) {
        for &v in &self.0 {
            // SAFETY: the arguments outlive the call.
            unsafe { (*v.object()).flags |= OVERRIDES_FLAG };
        }
    }
}

/// The operator of a special method's name: plain (`__add__`), reflected (`__radd__`)
/// or in place (`__iadd__`).
fn nb_of(name: &str) -> Option<u32> {
    let nb = |n: &str| {
        Some(match n {
            "__add__" => NB_ADD,
            "__sub__" => NB_SUBTRACT,
            "__mul__" => NB_MULTIPLY,
            "__truediv__" => NB_TRUE_DIVIDE,
            "__floordiv__" => NB_FLOOR_DIVIDE,
            "__mod__" => NB_REMAINDER,
            "__pow__" => NB_POWER,
            "__lshift__" => NB_LSHIFT,
            "__rshift__" => NB_RSHIFT,
            "__and__" => NB_AND,
            "__or__" => NB_OR,
            "__xor__" => NB_XOR,
            _ => return None,
        })
    };
    nb(name).or_else(|| nb(&format!("__{}", name.get(3..)?)))
}

fn run(i: usize, rt: &mut crate::vm::Runtime, args: &Args) -> PyResult<Value> {
    let name = NAMES[i];
    let need = match name {
        "__setitem__" => 3,
        "__len__" | "__iter__" | "__hash__" | "__neg__" | "__pos__" | "__invert__" | "__abs__" => 1,
        _ => 2,
    };
    if !args.keywords.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    let a = args.positional;
    if a.is_empty() || a[0].is_kind(KIND_INSTANCE) {
        return Err(PyErr::type_error(format!("descriptor '{name}' needs a builtin-typed object")));
    }
    if a.len() != need {
        return Err(PyErr::type_error(format!("expected {} argument{}, got {}", need - 1, if need == 2 { "" } else { "s" }, a.len() - 1)));
    }
    let _lifted = Lifted::new(a);
    match name {
        "__getitem__" => ops::subscript::getitem(a[0], a[1]),
        "__setitem__" => ops::subscript::setitem(a[0], a[1], a[2]).map(|()| Value::NONE),
        "__delitem__" => ops::subscript::delitem(a[0], a[1]).map(|()| Value::NONE),
        "__len__" => Ok(crate::objects::bigint::from_i64(ops::types::len(a[0]).unwrap_or(0) as i64)),
        "__contains__" => ops::contains::contains(a[0], a[1]).map(Value::bool),
        "__iter__" => ops::iter::get_iter(a[0]),
        "__hash__" => ops::hash::hash(a[0]).map(|h| crate::objects::bigint::from_i64(h as i64)),
        "__eq__" => ops::compare::compare(a[0], a[1], CMP_EQ),
        "__ne__" => ops::compare::compare(a[0], a[1], CMP_NE),
        "__lt__" => ops::compare::compare(a[0], a[1], CMP_LT),
        "__le__" => ops::compare::compare(a[0], a[1], CMP_LE),
        "__gt__" => ops::compare::compare(a[0], a[1], CMP_GT),
        "__ge__" => ops::compare::compare(a[0], a[1], CMP_GE),
        "__neg__" => ops::arith::unary_op(a[0], UNARY_NEGATIVE),
        "__pos__" => ops::arith::unary_op(a[0], UNARY_POSITIVE),
        "__invert__" => ops::arith::unary_op(a[0], UNARY_INVERT),
        "__abs__" => ops::arith::abs(a[0]).unwrap_or_else(|| Err(PyErr::type_error(format!("bad operand type for abs(): '{}'", ops::type_name(a[0]))))),
        _ => {
            let nb = nb_of(name).ok_or_else(|| PyErr::unsupported(format!("the special method {name} of a builtin type")))?;
            let plain = matches!(name, "__rshift__") || !(name.starts_with("__r") || name.starts_with("__i"));
            if plain {
                ops::arith::binary_op(rt, a[0], a[1], nb)
            } else if name.starts_with("__r") {
                ops::arith::binary_op(rt, a[1], a[0], nb)
            } else {
                ops::arith::binary_op(rt, a[0], a[1], nb | NB_INPLACE)
            }
        }
    }
}
