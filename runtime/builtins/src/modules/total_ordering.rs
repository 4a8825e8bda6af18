//! `functools.total_ordering`: a class defining `__eq__` and one ordering method gets
//! the other three, each derived from the one it has (the highest-named of those it
//! defines, as CPython picks it) with CPython's formulas, so NotImplemented and the
//! non-bool results of `and`/`or` pass through as they do there.

use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::native::{Native, new_native};
use stitch_core::objects::{Owned, dict, str as strs};
use stitch_core::ops::truthy;
use stitch_core::vm::Runtime;
use std::any::Any;

const ORDERING: [&str; 4] = ["__lt__", "__le__", "__gt__", "__ge__"];

/// How a derived method combines the root's result `r` with `self == other`.
#[derive(Clone, Copy)]
enum Formula {
    /// `not r and self != other`
    NotAndNe,
    /// `r or self == other`
    OrEq,
    /// `not r`
    Not,
    /// `not r or self == other`
    NotOrEq,
    /// `r and self != other`
    AndNe,
}

/// For each root, the methods it gives (CPython's `_convert` table).
fn derived(root: &str) -> [(&'static str, Formula); 3] {
    use Formula::*;
    match root {
        "__lt__" => [("__gt__", NotAndNe), ("__le__", OrEq), ("__ge__", Not)],
        "__le__" => [("__ge__", NotOrEq), ("__lt__", AndNe), ("__gt__", Not)],
        "__gt__" => [("__lt__", NotAndNe), ("__ge__", OrEq), ("__le__", Not)],
        _ => [("__le__", NotOrEq), ("__gt__", AndNe), ("__lt__", Not)],
    }
}

/// `@total_ordering` on `cls`.
pub fn total_ordering(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let cls = crate::args::one("total_ordering", args, 0)?;
    if !cls.is_kind(KIND_CLASS) {
        return Err(PyErr::unsupported("functools.total_ordering of something other than a class"));
    }
    let roots: Vec<&str> = ORDERING.iter().copied().filter(|op| stitch_core::classes::lookup(cls, op).is_some()).collect();
    let Some(&root) = roots.iter().max() else {
        return Err(PyErr::value_error("must define at least one ordering operation: < > <= >="));
    };
    // SAFETY: the kind was checked.
    let d = unsafe { stitch_core::objects::class::as_class(cls) }.dict;
    for (name, formula) in derived(root) {
        if roots.contains(&name) {
            continue;
        }
        let m = new_native(Box::new(Derived { root, name, formula }));
        let k = strs::new_str(name);
        // SAFETY: a class's dict is a live dict; key and value are new references.
        unsafe { dict::set(d.cast(), k, strs::as_str(k).hash(), m) };
    }
    cls.incref();
    Ok(cls)
}

/// A comparison method made from the class's `root` one.
struct Derived {
    root: &'static str,
    name: &'static str,
    formula: Formula,
}

impl Derived {
    fn run(&self, me: Value, other: Value) -> PyResult<Value> {
        let cls = stitch_core::classes::user_class_of(me)
            .ok_or_else(|| PyErr::unsupported(format!("{} of total_ordering called on a non-instance", self.name)))?;
        let f = stitch_core::classes::lookup(cls, self.root)
            .ok_or_else(|| PyErr::type_error(format!("type object has no attribute '{}'", self.root)))?;
        let r = Owned(stitch_core::special::call_method(f, me, &[other])?);
        if r.get() == stitch_core::special::not_implemented() {
            return Ok(r.into_raw());
        }
        let cmp = |op| stitch_core::ops::compare(me, other, op);
        let rt = truthy(r.get());
        Ok(match self.formula {
            Formula::NotAndNe if rt => Value::FALSE,
            Formula::NotAndNe => cmp(CMP_NE)?,
            Formula::OrEq if rt => r.into_raw(),
            Formula::OrEq => cmp(CMP_EQ)?,
            Formula::Not => Value::bool(!rt),
            Formula::NotOrEq if !rt => Value::TRUE,
            Formula::NotOrEq => cmp(CMP_EQ)?,
            Formula::AndNe if !rt => r.into_raw(),
            Formula::AndNe => cmp(CMP_NE)?,
        })
    }
}

impl Native for Derived {
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
        Some(match args.positional {
            [me, other] if args.keywords.is_empty() => self.run(*me, *other),
            _ => Err(PyErr::type_error(format!(
                "{}() takes 2 positional arguments but {} were given",
                self.name,
                args.positional.len()
            ))),
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
