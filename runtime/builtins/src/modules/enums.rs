//! `enum`: `Enum`, `IntEnum`, `Flag`, `IntFlag`, `StrEnum`, `auto` and `unique`. The
//! class-level behaviour CPython's EnumType metaclass gives is the core's
//! (`stitch_core::enums`, `stitch_core::enum_flags`), as are the `int` and `str`
//! data-type mixins.

use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn, TypeId};
use stitch_core::vm::Runtime;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[("auto", auto), ("unique", unique)];

pub fn namespace() -> Value {
    let base = stitch_core::enums::enum_base();
    base.incref();
    let int_enum = stitch_core::enums::int_enum(crate::types::type_object(stitch_core::objects::builtin::TypeId::Int)).expect("the IntEnum class builds");
    int_enum.incref();
    let types = |id| crate::types::type_object(id);
    let flag = stitch_core::enum_flags::flag_base();
    flag.incref();
    let int_flag = stitch_core::enum_flags::int_flag(types(TypeId::Int)).expect("the IntFlag class builds");
    int_flag.incref();
    let str_enum = stitch_core::enum_flags::str_enum(types(TypeId::Str)).expect("the StrEnum class builds");
    str_enum.incref();
    super::namespace_of(
        FUNCTIONS,
        vec![("Enum", base), ("IntEnum", int_enum), ("Flag", flag), ("IntFlag", int_flag), ("StrEnum", str_enum)],
    )
}

/// `auto()`: the class statement gives the member the next value.
fn auto(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if !args.positional.is_empty() || !args.keywords.is_empty() {
        return Err(PyErr::unsupported("auto() with a value"));
    }
    Ok(stitch_core::enums::new_auto())
}

/// `@unique`: the class itself, when no member is an alias.
fn unique(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let [cls] = args.positional else {
        return Err(PyErr::type_error(format!("unique() takes 1 positional argument but {} were given", args.positional.len())));
    };
    stitch_core::enums::check_unique(*cls)?;
    cls.incref();
    Ok(*cls)
}
