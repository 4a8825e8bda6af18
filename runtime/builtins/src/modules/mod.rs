//! The modules stitch provides, written in Rust, and the import machinery: `import`
//! finds a module here, builds its namespace once per run and caches it in the runtime
//! (`Runtime::modules`, CPython's `sys.modules`). Any other module is one of the
//! program's own, found and run by the loader the top layer installs (it can compile
//! and run code; `install_loader`), or CPython's ModuleNotFoundError.
//!
//! One file per module; each exposes `namespace()`, a new dict of its names.
//! `complete` says whether the module has every public name CPython's has: a missing
//! name is then CPython's AttributeError; otherwise it is outside the subset.

pub mod abc;
pub mod array;
pub mod bisect;
pub mod collections;
pub mod collections_abc;
pub mod copy;
mod dataclass_fields;
pub(crate) mod dataclass_methods;
pub mod dataclasses;
mod doctest_check;
mod doctest_find;
mod doctest_parse;
mod doctest_report;
mod doctest_run;
pub mod doctest;
mod dict_subclasses;
pub mod enums;
pub mod functools;
pub mod gc;
pub mod hashlib;
pub mod future;
pub mod heapq;
mod heapq_merge;
pub mod io;
pub mod itertools;
pub mod json;
mod json_decode;
mod json_encode;
pub mod cmath;
pub mod math;
mod math_gamma;
pub(crate) mod namedtuple;
pub mod numbers;
pub mod operator;
pub mod posix;
mod posix_fd;
pub mod python;
pub mod random;
mod random_dist;
pub mod random_instance;
pub mod re;
pub(crate) mod re_match;
mod re_pattern;
mod re_syntax;
pub mod string;
pub mod sys;
pub mod time;
mod total_ordering;
pub mod typing;

use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn, immortal_builtin};
use stitch_core::objects::{dict, module, str as strs};
use stitch_core::vm::Runtime;
use std::sync::OnceLock;

/// Finds, compiles and runs one of the program's own modules, by its full dotted name
/// (its parent package imported already): the module (a new reference, in
/// `Runtime::modules` from before its code ran), or None when there is no such file.
pub type SourceLoader = fn(rt: &mut Runtime, name: &str) -> PyResult<Option<Value>>;

static LOADER: OnceLock<SourceLoader> = OnceLock::new();

/// Installs the loader of the program's own modules (once per process).
pub fn install_loader(loader: SourceLoader) {
    let _ = LOADER.set(loader);
}

/// A module stitch provides.
pub struct ModuleDef {
    pub name: &'static str,
    /// A new dict of the module's names.
    pub namespace: fn() -> Value,
    /// Every public name of CPython's module is there.
    pub complete: bool,
}

pub const MODULES: &[ModuleDef] = &[
    ModuleDef { name: "__future__", namespace: future::namespace, complete: false },
    ModuleDef { name: "abc", namespace: abc::namespace, complete: false },
    ModuleDef { name: "array", namespace: array::namespace, complete: false },
    ModuleDef { name: "bisect", namespace: bisect::namespace, complete: true },
    ModuleDef { name: "cmath", namespace: cmath::namespace, complete: true },
    ModuleDef { name: "collections", namespace: collections::namespace, complete: false },
    // Every name of CPython's, as placeholders for hints.
    ModuleDef { name: "collections.abc", namespace: collections_abc::namespace, complete: true },
    ModuleDef { name: "copy", namespace: copy::namespace, complete: false },
    ModuleDef { name: "dataclasses", namespace: dataclasses::namespace, complete: false },
    ModuleDef { name: "doctest", namespace: doctest::namespace, complete: false },
    ModuleDef { name: "enum", namespace: enums::namespace, complete: false },
    ModuleDef { name: "functools", namespace: functools::namespace, complete: false },
    ModuleDef { name: "gc", namespace: gc::namespace, complete: false },
    ModuleDef { name: "hashlib", namespace: hashlib::namespace, complete: false },
    ModuleDef { name: "heapq", namespace: heapq::namespace, complete: false },
    ModuleDef { name: "io", namespace: io::namespace, complete: false },
    // Every name of CPython 3.11's (batched is 3.12's: an AttributeError, as in 3.11).
    ModuleDef { name: "itertools", namespace: itertools::namespace, complete: true },
    ModuleDef { name: "json", namespace: json::namespace, complete: false },
    ModuleDef { name: "math", namespace: math::namespace, complete: true },
    // Every name of CPython's.
    ModuleDef { name: "numbers", namespace: numbers::namespace, complete: true },
    ModuleDef { name: "operator", namespace: operator::namespace, complete: false },
    ModuleDef { name: "posix", namespace: posix::namespace, complete: false },
    ModuleDef { name: "random", namespace: random::namespace, complete: false },
    ModuleDef { name: "re", namespace: re::namespace, complete: false },
    ModuleDef { name: "string", namespace: string::namespace, complete: false },
    ModuleDef { name: "sys", namespace: sys::namespace, complete: false },
    ModuleDef { name: "time", namespace: time::namespace, complete: false },
    ModuleDef { name: "typing", namespace: typing::namespace, complete: false },
];

/// The types of the native objects the modules make (`objects::native`): qualified
/// type name and constructor.
pub const NATIVE_TYPES: &[(&str, BuiltinFn)] = &[
    ("collections.deque", collections::deque),
    ("random.Random", random_instance::random_new),
    ("collections.defaultdict", collections::defaultdict),
    ("collections.Counter", collections::counter),
    ("collections.OrderedDict", collections::ordered_dict),
    ("itertools.count", itertools::count),
    ("itertools.cycle", itertools::cycle),
    ("itertools.repeat", itertools::repeat),
    ("itertools.accumulate", itertools::accumulate),
    ("itertools.chain", itertools::chain),
    ("itertools.compress", itertools::compress),
    ("itertools.dropwhile", itertools::dropwhile),
    ("itertools.takewhile", itertools::takewhile),
    ("itertools.filterfalse", itertools::filterfalse),
    ("itertools.groupby", itertools::groupby),
    ("itertools.islice", itertools::islice),
    ("itertools.starmap", itertools::starmap),
    ("itertools.zip_longest", itertools::zip_longest),
    ("itertools.product", itertools::product),
    ("itertools.permutations", itertools::permutations),
    ("itertools.combinations", itertools::combinations),
    ("itertools.combinations_with_replacement", itertools::combinations_with_replacement),
    ("itertools.pairwise", itertools::pairwise),
    ("functools.partial", functools::partial),
    ("io.StringIO", io::string_io),
    ("_hashlib.HASH", hashlib::hash_type),
    ("array.array", array::array),
    ("re.Pattern", re::pattern_type),
    ("re.Match", re::match_type),
    (abc::ABC_META, abc::abc_meta),
    ("types.UnionType", union_type_new),
];

/// `types.UnionType(...)`: CPython makes unions with `|` only.
fn union_type_new(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'types.UnionType' instances"))
}

/// The type object of the native type `qualified` (`collections.deque`; immortal).
pub fn native_type(qualified: &'static str) -> Value {
    crate::types::type_object(stitch_core::objects::builtin::TypeId::Native(qualified))
}

/// The names of the modules stitch provides (the compiler refuses other imports).
pub fn names() -> Vec<String> {
    let aliases = ALIASES.iter().map(|&(alias, _)| alias);
    MODULES.iter().map(|m| m.name).chain(python::PYTHON_MODULES.iter().map(|m| m.name)).chain(aliases).map(str::to_string).collect()
}

/// Modules imported under a second name, as CPython's `os` puts its `posixpath` in
/// `sys.modules` as `os.path`: (the second name, the module's own).
const ALIASES: &[(&str, &str)] = &[("os.path", "posixpath")];

pub fn find(name: &str) -> Option<&'static ModuleDef> {
    MODULES.iter().find(|m| m.name == name)
}

/// A namespace dict of builtin functions and other values (consumed).
pub fn namespace_of(functions: &[(&'static str, BuiltinFn)], values: Vec<(&str, Value)>) -> Value {
    let d = dict::new_dict();
    let fs = functions.iter().map(|&(name, f)| (name, immortal_builtin(name, None, f)));
    for (name, v) in fs.chain(values) {
        let key = strs::new_str(name);
        // SAFETY: `d` is a live dict; key and value are new references.
        unsafe { dict::set(d.cast(), key, strs::as_str(key).hash(), v) };
    }
    d
}

/// The module named `name` (a new reference), built and cached on first import.
fn load(rt: &mut Runtime, name: &str) -> PyResult<Value> {
    let name = ALIASES.iter().find(|&&(alias, _)| alias == name).map_or(name, |&(_, own)| own);
    if let Some(m) = rt.module(name) {
        if m == Value::NONE {
            return Err(PyErr::new(stitch_core::errors::ExcKind::ModuleNotFoundError, format!("import of {name} halted; None in sys.modules")));
        }
        m.incref();
        return Ok(m);
    }
    let Some(def) = find(name) else {
        let found = match LOADER.get() {
            Some(loader) => loader(rt, name)?,
            None => None,
        };
        return found.ok_or_else(|| PyErr::new(stitch_core::errors::ExcKind::ModuleNotFoundError, format!("No module named '{name}'")));
    };
    let m = module::new_module(name, (def.namespace)());
    if name == "sys" {
        sys::attach(rt, m);
    }
    m.incref();
    rt.add_module(name, m);
    if let Err(e) = extend(rt, name, m) {
        rt.remove_module(name);
        m.decref();
        return Err(e);
    }
    Ok(m)
}

/// Adds to the native module `m` the names its Python part (`python::EXTENSIONS`)
/// lists in `__all__`.
fn extend(rt: &mut Runtime, name: &str, m: Value) -> PyResult<()> {
    let Some(&(_, part)) = python::EXTENSIONS.iter().find(|&&(native, _)| native == name) else { return Ok(()) };
    let Some(loader) = LOADER.get() else { return Ok(()) };
    let Some(source) = loader(rt, part)? else { return Ok(()) };
    let source = stitch_core::objects::Owned(source);
    // SAFETY: both are live modules; `__all__` is the list of strs the part defines.
    unsafe {
        let Some(all) = module::get(source.get(), "__all__").filter(|a| a.is_kind(stitch_abi::KIND_LIST)) else { return Ok(()) };
        for &key in stitch_core::objects::list::items(all.cast()) {
            let text = strs::text(key)?;
            if let Some(v) = module::get(source.get(), text) {
                v.incref();
                key.incref();
                dict::set(module::namespace(m), key, strs::as_str(key).hash(), v);
            }
        }
    }
    Ok(())
}

/// The absolute name of a relative import of `name` (empty for `from . import x`)
/// `level` packages up from `package` (the importer's `__package__`, None for the main
/// module), with CPython's ImportErrors.
pub fn resolve_relative(package: Option<&str>, name: &str, level: usize) -> PyResult<String> {
    let import_error = |text: &str| PyErr::new(stitch_core::errors::ExcKind::ImportError, text);
    let package = match package {
        Some(p) if !p.is_empty() => p,
        _ => return Err(import_error("attempted relative import with no known parent package")),
    };
    let parts: Vec<&str> = package.split('.').collect();
    if parts.len() < level {
        return Err(import_error("attempted relative import beyond top-level package"));
    }
    let base = parts[..parts.len() + 1 - level].join(".");
    Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
}

/// `from package import a, b`: the names that are not attributes of the package are
/// its submodules, imported here (CPython's `_handle_fromlist`); one that does not
/// exist is left for IMPORT_FROM to report.
pub fn import_fromlist(rt: &mut Runtime, package: Value, names: &[String]) -> PyResult<()> {
    // SAFETY: callers pass modules.
    let (is_package, base) = unsafe { (module::get(package, "__path__").is_some(), module::name(package).to_string()) };
    if !is_package {
        return Ok(());
    }
    for name in names {
        // SAFETY: as above.
        if name == "*" || unsafe { module::get(package, name) }.is_some() {
            continue;
        }
        let full = format!("{base}.{name}");
        match import(rt, &full, true) {
            Ok(m) => m.decref(),
            Err(e) if e.kind == stitch_core::errors::ExcKind::ModuleNotFoundError && e.message.as_deref() == Some(&format!("No module named '{full}'")) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// `import name`: every package along a dotted name is imported, each submodule bound
/// in its parent; the result is the last module when `leaf` (a `from` import or
/// `import a.b as c`), else the top-level one.
pub fn import(rt: &mut Runtime, name: &str, leaf: bool) -> PyResult<Value> {
    let mut parts = name.split('.');
    let top = load(rt, parts.next().unwrap_or(name))?;
    let mut current = top;
    current.incref();
    let mut path = String::from(name.split('.').next().unwrap_or(name));
    for part in parts {
        path.push('.');
        path.push_str(part);
        let child = match load(rt, &path) {
            Ok(c) => c,
            Err(e) => {
                current.decref();
                top.decref();
                return Err(e);
            }
        };
        let key = strs::new_str(part);
        child.incref();
        // SAFETY: `current` is a live module; key and value are new references.
        unsafe { dict::set(module::namespace(current), key, strs::as_str(key).hash(), child) };
        current.decref();
        current = child;
    }
    if leaf {
        top.decref();
        Ok(current)
    } else {
        current.decref();
        Ok(top)
    }
}

/// `module.name` is missing: CPython's AttributeError when the module is complete,
/// else a refusal (CPython's module may well have it).
pub fn missing(m: Value, name: &str) -> PyErr {
    // SAFETY: callers pass modules.
    let module = unsafe { module::name(m) };
    // SAFETY: as above; `__file__` is a str where the import system set it.
    let file = unsafe { module::get(m, "__file__").filter(|f| f.is_kind(stitch_abi::KIND_STR)).and_then(|f| strs::text(f).ok()) };
    // A standard module written in Python has a file too, and may be partial.
    let complete = match (file, python::find(module)) {
        (Some(f), Some(p)) if f == p.filename() => Some(p.complete),
        (Some(_), _) => Some(true),
        (None, _) => find(module).map(|def| def.complete),
    };
    let private = name.starts_with('_') && !name.starts_with("__");
    match complete {
        Some(complete) if complete || private => {
            PyErr::new(stitch_core::errors::ExcKind::AttributeError, format!("module '{module}' has no attribute '{name}'"))
        }
        _ => PyErr::unsupported(format!("the attribute '{name}' of module '{module}'")),
    }
}
