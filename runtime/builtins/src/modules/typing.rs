//! `typing`: the common names, as placeholders for annotations. Stitch never
//! evaluates annotations beyond their names (see the compiler's `annotations.rs`), so
//! `List[int]` in a hint needs only `List` to exist. Using a placeholder as a value
//! (calling it, printing it) is outside the subset; subscribing one in a type alias
//! gives a placeholder back (`stitch_core::objects::builtin::is_hint_placeholder`).

use stitch_abi::Value;
use stitch_core::errors::PyResult;
use stitch_core::objects::builtin::{Args, immortal_builtin, refuse_hint};
use stitch_core::vm::Runtime;

/// The special forms and aliases programs annotate with.
const NAMES: &[&str] = &[
    "Any", "Callable", "ClassVar", "Counter", "DefaultDict", "Deque", "Dict", "FrozenSet", "Generator", "Generic",
    "Hashable", "Iterable", "Iterator", "List", "Literal", "Mapping", "MutableMapping", "MutableSequence", "NoReturn",
    "Optional", "Protocol", "Sequence", "Set", "Sized", "Tuple", "Type", "Union", "Final", "Annotated",
    "AbstractSet", "Collection", "Container", "Reversible", "Awaitable", "Coroutine", "AsyncIterator",
    "AsyncIterable", "AsyncGenerator", "ChainMap", "OrderedDict", "IO", "TextIO", "BinaryIO", "Pattern", "Match",
    "SupportsInt", "SupportsFloat", "SupportsAbs", "SupportsIndex", "SupportsRound", "SupportsBytes",
    "SupportsComplex", "TypeAlias", "Self", "Never", "LiteralString", "Required", "NotRequired", "Unpack",
    "Concatenate", "TypeGuard", "AnyStr", "KeysView", "ValuesView", "ItemsView", "MappingView", "MutableSet",
    "ContextManager", "AsyncContextManager", "ByteString",
    // As a base only (`class P(NamedTuple)`: `stitch_core::namedtuple_class`).
    "NamedTuple",
];

/// The decorators that give back what they decorate (`final` also marks it, where it
/// can, as CPython does).
const IDENTITY_DECORATORS: &[&str] = &["final", "no_type_check"];

fn identity(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = crate::args::one("decorator", args, 0)?;
    v.incref();
    Ok(v)
}

/// `@runtime_checkable` on a protocol class: marks it, so `isinstance` may check an
/// object against it by its attributes.
fn runtime_checkable(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let cls = crate::args::one("runtime_checkable", args, 0)?;
    if !stitch_core::classes::is_protocol(cls) {
        let shown = stitch_core::ops::repr(cls)?;
        return Err(stitch_core::errors::PyErr::type_error(format!(
            "@runtime_checkable can be only applied to protocol classes, got {shown}"
        )));
    }
    stitch_core::classes::class_setattr(cls, "_is_runtime_protocol", Value::TRUE)?;
    cls.incref();
    Ok(cls)
}

/// `cast(typ, val)`: `val`, unchanged.
fn cast(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::no_keywords("cast", args)?;
    let a = crate::args::between("cast", args, 0, 2, Some(2))?;
    a[1].incref();
    Ok(a[1])
}

/// `@overload`: CPython hands back a function that refuses to be called (the real
/// definition that follows replaces it).
fn overload(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::one("overload", args, 0)?;
    thread_local! {
        static DUMMY: Value = immortal_builtin("_overload_dummy", None, overload_dummy);
    }
    Ok(DUMMY.with(|v| *v))
}

fn overload_dummy(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(stitch_core::errors::PyErr::new(
        stitch_core::errors::ExcKind::NotImplementedError,
        "You should not call an overloaded function. A series of @overload-decorated functions outside a stub module should always be followed by an implementation that is not @overload-ed.",
    ))
}

/// `NewType(name, tp)`: a callable that returns its argument. Its repr and attributes
/// are refused (it is a builtin placeholder here).
fn new_type(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::no_keywords("NewType", args)?;
    let a = crate::args::between("NewType", args, 0, 2, Some(2))?;
    if !a[0].is_kind(stitch_abi::KIND_STR) {
        return Err(stitch_core::errors::PyErr::unsupported("NewType() with a name that is not a str"));
    }
    fn call_new_type(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
        let v = crate::args::one("NewType", args, 0)?;
        v.incref();
        Ok(v)
    }
    Ok(immortal_builtin("NewType", None, call_new_type))
}

/// `TypedDict(name, fields, total=True)`: the class (`stitch_core::typed_dict`), which
/// a class statement may also derive from.
fn typed_dict(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = crate::args::between("TypedDict", args, 0, 2, Some(2))?;
    let mut total = true;
    for &(k, v) in args.keywords {
        match k {
            "total" => total = stitch_core::ops::truthy(v),
            _ => return Err(stitch_core::errors::PyErr::unsupported(format!("TypedDict() with the keyword '{k}'"))),
        }
    }
    if !a[0].is_kind(stitch_abi::KIND_STR) {
        return Err(stitch_core::errors::PyErr::type_error("TypedDict() argument 1 must be str"));
    }
    // SAFETY: the kind was checked.
    let name = unsafe { stitch_core::objects::str::text(a[0]) }?.to_string();
    stitch_core::typed_dict::functional(&name, a[1], total)
}

/// `TypeVar('T', ...)`: a placeholder, as the generic classes and functions that use
/// it only mention it in hints (and `Generic[T]` as a base, which adds nothing here).
fn type_var(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    match args.positional.first() {
        Some(n) if n.is_kind(stitch_abi::KIND_STR) => {}
        _ => return Err(stitch_core::errors::PyErr::unsupported("TypeVar() without a name")),
    }
    thread_local! {
        static VAR: Value = immortal_builtin("TypeVar", Some("typing"), refuse_hint);
    }
    Ok(VAR.with(|v| *v))
}

pub fn namespace() -> Value {
    let mut values: Vec<(&str, Value)> = NAMES.iter().map(|&n| (n, immortal_builtin(n, Some("typing"), refuse_hint))).collect();
    // Owned by `typing`, as the placeholders are, so a class statement may derive from it.
    values.push(("TypedDict", immortal_builtin("TypedDict", Some("typing"), typed_dict)));
    let mut functions: Vec<(&'static str, stitch_core::objects::builtin::BuiltinFn)> =
        vec![("TypeVar", type_var), ("ParamSpec", type_var), ("cast", cast), ("runtime_checkable", runtime_checkable), ("overload", overload), ("NewType", new_type)];
    functions.extend(IDENTITY_DECORATORS.iter().map(|&n| (n, identity as stitch_core::objects::builtin::BuiltinFn)));
    let d = super::namespace_of(&functions, values);
    let key = stitch_core::objects::str::new_str("TYPE_CHECKING");
    // SAFETY: `d` is the new dict; key and value are new references.
    unsafe { stitch_core::objects::dict::set(d.cast(), key, stitch_core::objects::str::as_str(key).hash(), Value::FALSE) };
    d
}

