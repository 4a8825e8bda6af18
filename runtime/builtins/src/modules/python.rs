//! The standard modules stitch provides as Python source: the sources are built into
//! the binary (`runtime/builtins/python/`), and the top layer's loader compiles and runs
//! one the first time it is imported, as CPython runs its `Lib/*.py`. Modules that are
//! mostly logic over what stitch already has are written this way: they grow in the
//! language they serve, and every tier runs them.

/// What the file names of these modules start with.
pub const FILE_PREFIX: &str = "<stitch>/";

/// A standard module written in Python.
pub struct PythonModule {
    pub name: &'static str,
    pub source: &'static str,
    /// Every public name of CPython's module is there (see `ModuleDef::complete`).
    pub complete: bool,
}

impl PythonModule {
    /// The file name its code and tracebacks carry.
    pub fn filename(&self) -> String {
        format!("{FILE_PREFIX}{}.py", self.name.replace('.', "/"))
    }
}

macro_rules! python_module {
    ($name:literal, $complete:expr) => {
        PythonModule { name: $name, source: include_str!(concat!("../../python/", $name, ".py")), complete: $complete }
    };
}

pub const PYTHON_MODULES: &[PythonModule] = &[
    python_module!("_stitch_collections", false),
    python_module!("_stitch_collections_abc", false),
    python_module!("_stitch_files", false),
    python_module!("_stitch_functools", false),
    python_module!("_stitch_json", false),
    python_module!("_stitch_string", false),
    python_module!("argparse", false),
    python_module!("asyncio", false),
    python_module!("base64", false),
    python_module!("binascii", false),
    python_module!("contextlib", false),
    python_module!("csv", false),
    python_module!("datetime", false),
    python_module!("difflib", false),
    python_module!("fractions", false),
    python_module!("logging", false),
    python_module!("os", false),
    python_module!("pathlib", false),
    python_module!("posixpath", false),
    python_module!("pprint", false),
    python_module!("queue", false),
    python_module!("statistics", false),
    python_module!("struct", false),
    python_module!("textwrap", false),
    python_module!("timeit", false),
    python_module!("traceback", false),
    python_module!("types", false),
    python_module!("unittest", false),
    python_module!("warnings", false),
];

/// Native modules with names written in Python: (the native module, the Python
/// module whose `__all__` it takes when first imported).
pub const EXTENSIONS: &[(&str, &str)] = &[("collections", "_stitch_collections"), ("functools", "_stitch_functools"), ("json", "_stitch_json"), ("string", "_stitch_string")];

/// The modules written here in Python that CPython writes in C (`_datetime`, `_io`): their
/// frames are left out of tracebacks, where CPython has none.
const NATIVE_IN_CPYTHON: &[&str] = &["datetime", "_stitch_files", "warnings", "binascii", "csv"];

/// Whether a traceback entry of file `filename` is one CPython would not show.
pub fn hidden_in_tracebacks(filename: &str) -> bool {
    filename.strip_prefix(FILE_PREFIX).and_then(|f| f.strip_suffix(".py")).is_some_and(|m| NATIVE_IN_CPYTHON.contains(&m))
}

pub fn find(name: &str) -> Option<&'static PythonModule> {
    PYTHON_MODULES.iter().find(|m| m.name == name)
}
