//! The program's own modules: files and packages beside the script, found as CPython's
//! path finder finds them in `sys.path[0]` (the script's directory, made absolute),
//! compiled like the script and run in a namespace of their own. The import machinery
//! (`stitch_builtins::modules`) asks the loader installed here for any module stitch
//! does not provide; it lives in this top layer because only here can code be both
//! compiled and run.
//!
//! A module is in `Runtime::modules` before its code runs, so a circular import sees
//! the partly initialized module, as in CPython; if its code raises, it is taken out
//! again. Tracebacks show the lines of every file, so the sources read are kept.

use stitch_abi::Value;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::{dict, list, module, str as strs};
use stitch_core::vm::{Runtime, TracebackEntry};
use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use std::rc::Rc;

thread_local! {
    /// The script's directory, where top-level modules are looked for.
    static SEARCH: RefCell<Option<PathBuf>> = const { RefCell::new(None) };
    /// How `sys.path[0]` shows the search directory, when not as the path itself.
    static SHOWN: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Back edges before a loop in a module is projected (the machine's option).
    static LOOP_THRESHOLD: Cell<u16> = const { Cell::new(0) };
    /// The source of every module read, by the file name its code carries.
    static SOURCES: RefCell<Vec<(Rc<str>, Rc<str>)>> = const { RefCell::new(Vec::new()) };
}

/// Programs run from `script` find their own modules in its directory.
pub fn set_script(script: &str) {
    let path = Path::new(script);
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
    let dir = std::path::absolute(&dir).unwrap_or(dir);
    SEARCH.with(|s| *s.borrow_mut() = Some(dir));
}

/// Programs given with -c, -m or on stdin find their own modules in `dir` (the working
/// directory), which `sys.path[0]` shows as `shown`: `''` for -c and stdin, the
/// absolute directory for -m, as CPython shows them.
pub fn set_search_dir(dir: &str, shown: &str) {
    let dir = PathBuf::from(dir);
    let dir = std::path::absolute(&dir).unwrap_or(dir);
    SEARCH.with(|s| *s.borrow_mut() = Some(dir));
    SHOWN.with(|s| *s.borrow_mut() = Some(shown.to_string()));
}

/// The file `-m name` runs: the module's file, or a package's `__main__.py`; or what
/// to report, as CPython's runpy does, when there is none.
pub fn main_module_file(name: &str) -> Result<PathBuf, crate::program::Outcome> {
    use crate::program::Outcome;
    let program = crate::program::program_name();
    let not_found = || {
        if stitch_compiler::is_standard_module(name) {
            Outcome::Refused(format!("stitch: unsupported: running the standard module '{name}' with -m"))
        } else {
            Outcome::Unrunnable(format!("{program}: No module named {name}"), 1)
        }
    };
    let mut dir = search_dir().unwrap_or_else(|| PathBuf::from("."));
    let mut parts: Vec<&str> = name.split('.').collect();
    let leaf = parts.pop().unwrap_or(name);
    for part in parts {
        if !dir.join(part).join("__init__.py").is_file() {
            return Err(not_found());
        }
        dir = dir.join(part);
    }
    let Some(file) = stitch_compiler::module_file_in(&dir, leaf) else { return Err(not_found()) };
    if !file.ends_with("__init__.py") {
        return Ok(file);
    }
    let main = dir.join(leaf).join("__main__.py");
    if main.is_file() {
        Ok(main)
    } else {
        Err(Outcome::NoMain(format!("{program}: No module named {name}.__main__; '{name}' is a package and cannot be directly executed")))
    }
}

/// Where the running program's own modules are found, if it came from a file.
pub fn search_dir() -> Option<PathBuf> {
    SEARCH.with(|s| s.borrow().clone())
}

/// Installs the loader for a machine whose loops are projected after `loop_threshold`
/// back edges.
pub fn install(loop_threshold: u16) {
    LOOP_THRESHOLD.set(loop_threshold);
    stitch_builtins::modules::install_loader(load);
    crate::source_hooks::install();
}

/// Back edges before a loop of code compiled now is projected.
pub fn loop_threshold() -> u16 {
    LOOP_THRESHOLD.get()
}

/// Line `line` (from 1) of the module read from `filename`, if one was.
/// Keeps a module's or the script's source for the lines tracebacks show.
pub fn remember_source(filename: &str, source: &str) {
    SOURCES.with(|s| s.borrow_mut().push((Rc::from(filename), Rc::from(source))));
}

pub fn source_line(filename: &str, line: u32) -> Option<String> {
    SOURCES.with(|s| {
        let sources = s.borrow();
        let (_, text) = sources.iter().find(|(f, _)| &**f == filename)?;
        text.lines().nth(line.checked_sub(1)? as usize).map(str::to_string)
    })
}

/// The loader (`stitch_builtins::modules::SourceLoader`).
fn load(rt: &mut Runtime, name: &str) -> PyResult<Option<Value>> {
    let (dir, leaf) = match name.rsplit_once('.') {
        Some((parent, leaf)) => match package_dir(rt, parent)? {
            Some(dir) => (dir, leaf),
            None => {
                return Err(PyErr::new(ExcKind::ModuleNotFoundError, format!("No module named '{name}'; '{parent}' is not a package")));
            }
        },
        None => match path_dir(rt, name)? {
            Some(dir) => (dir, name),
            None => return load_written_in_python(rt, name),
        },
    };
    // As in CPython, the program's own file shadows a standard module written in Python.
    let Some(file) = stitch_compiler::module_file_in(&dir, leaf) else { return load_written_in_python(rt, name) };
    let filename = file.display().to_string();
    let source = match crate::program::read_source(&filename) {
        Ok(s) => s,
        Err(_) => return Err(PyErr::new(ExcKind::ImportError, format!("cannot read the module '{name}' from {filename}"))),
    };
    run_source(rt, name, source, &filename, &file)
}

/// The first directory of `sys.path` holding a module or package `name`, as CPython's
/// path finder takes them in order (`''` is the working directory); None when none does.
fn path_dir(rt: &Runtime, name: &str) -> PyResult<Option<PathBuf>> {
    if !rt.path.is_kind(stitch_abi::KIND_LIST) {
        return Ok(None);
    }
    // SAFETY: the kind was checked; the list's items are live values, and a copy of
    // the slice is taken because nothing here runs Python code that could change it.
    let entries: Vec<Value> = unsafe { list::items(rt.path.cast()) }.to_vec();
    for entry in entries {
        if !entry.is_kind(stitch_abi::KIND_STR) {
            continue;
        }
        // SAFETY: a live str.
        let text = unsafe { strs::text(entry) }?;
        let dir = if text.is_empty() { PathBuf::from(".") } else { PathBuf::from(text) };
        if stitch_compiler::module_file_in(&dir, name).is_some() {
            return Ok(Some(dir));
        }
    }
    Ok(None)
}

/// The first entry of `sys.path`: the directory of the program's own modules, when the
/// program came from a file, `-c`, `-m` or stdin.
pub fn init_path(rt: &mut Runtime) {
    let Some(dir) = search_dir() else { return };
    let shown = SHOWN.with(|s| s.borrow().clone()).unwrap_or_else(|| dir.display().to_string());
    if rt.path.is_kind(stitch_abi::KIND_LIST) {
        // SAFETY: the kind was checked; the new str is consumed by the list.
        unsafe { list::push(rt.path.cast(), strs::new_str(&shown)) };
    }
}

/// A standard module stitch provides as Python source (`stitch_builtins::modules::python`),
/// compiled and run like the program's own; None when there is none of that name.
fn load_written_in_python(rt: &mut Runtime, name: &str) -> PyResult<Option<Value>> {
    let Some(def) = stitch_builtins::modules::python::find(name) else { return Ok(None) };
    let filename = def.filename();
    run_source(rt, name, def.source.to_string(), &filename, Path::new(&filename))
}

/// Compiles `source` (read from `filename`) as the module `name` and runs it in a new
/// module, which is in `Runtime::modules` while it runs.
fn run_source(rt: &mut Runtime, name: &str, source: String, filename: &str, file: &Path) -> PyResult<Option<Value>> {
    let filename = filename.to_string();
    let code = match crate::program::compile(&source, &filename) {
        Ok(c) => c,
        Err(e) => return Err(compile_failure(rt, e, &filename, &source)),
    };
    remember_source(&filename, &source);
    crate::program::prepare_code(code, LOOP_THRESHOLD.get());
    let m = new_module(name, &filename, file);
    m.incref();
    rt.add_module(name, m);
    // SAFETY: `m` is the live module just made; its namespace lives as long as it.
    let globals = Value::from_object(unsafe { module::namespace(m) });
    let ran = stitch_interp::reenter::run_module(code, globals);
    code.decref();
    match ran {
        Ok(()) => Ok(Some(m)),
        Err(e) => {
            // CPython takes a module whose code failed out of `sys.modules`.
            rt.remove_module(name);
            m.decref();
            Err(e)
        }
    }
}

/// The directory of the package `parent` (imported already), or None when it is no
/// package.
fn package_dir(rt: &Runtime, parent: &str) -> PyResult<Option<PathBuf>> {
    let Some(m) = rt.module(parent).filter(|m| m.is_kind(stitch_abi::KIND_MODULE)) else { return Ok(None) };
    // SAFETY: `Runtime::modules` holds live modules; a package's `__path__` is the
    // list of strs made in `new_module`.
    unsafe {
        let Some(path) = module::get(m, "__path__").filter(|p| p.is_kind(stitch_abi::KIND_LIST)) else { return Ok(None) };
        let first = list::items(path.cast()).first().filter(|d| d.is_kind(stitch_abi::KIND_STR));
        first.map(|&d| strs::text(d).map(PathBuf::from)).transpose()
    }
}

/// A module object for `name` read from `file`, with the names CPython's import
/// system sets: `__file__`, `__package__`, and a package's `__path__`.
fn new_module(name: &str, filename: &str, file: &Path) -> Value {
    let is_package = file.file_name().is_some_and(|f| f == "__init__.py");
    let package = if is_package { name } else { name.rsplit_once('.').map_or("", |(p, _)| p) };
    let ns = dict::new_dict();
    let mut names = vec![("__file__", strs::new_str(filename)), ("__package__", strs::new_str(package))];
    if is_package {
        let dir = file.parent().map(|d| d.display().to_string()).unwrap_or_default();
        names.push(("__path__", list::from_vec(vec![strs::new_str(&dir)])));
    }
    for (key, value) in names {
        let key = strs::new_str(key);
        // SAFETY: `ns` is the new dict; key and value are new references.
        unsafe { dict::set(ns.cast(), key, strs::as_str(key).hash(), value) };
    }
    module::new_module(name, ns)
}

/// A module that does not compile: a refusal names the module's file and line (as the
/// innermost traceback entry, which the report names), a syntax error is raised as
/// CPython's SyntaxError.
pub(crate) fn compile_failure(rt: &mut Runtime, e: stitch_compiler::CompileError, filename: &str, source: &str) -> PyErr {
    match e {
        stitch_compiler::CompileError::Unsupported { construct, line, .. } => {
            rt.traceback.push(TracebackEntry { filename: Rc::from(filename), line: line as u32, name: "<module>".into() });
            PyErr::unsupported(construct)
        }
        stitch_compiler::CompileError::Syntax { line, .. } => {
            // CPython's report shows where the error is as a last entry with no
            // function (`File "<string>", line 1`).
            rt.traceback.push(TracebackEntry { filename: Rc::from(filename), line, name: String::new() });
            let text = e.render(filename, source);
            let last = text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("SyntaxError: invalid syntax");
            match last.strip_prefix("SyntaxError: ") {
                Some(message) => PyErr::new(ExcKind::SyntaxError, message.to_string()),
                // IndentationError and TabError are subclasses stitch does not have.
                None => {
                    let kind = last.split(':').next().unwrap_or(last);
                    PyErr::unsupported(format!("{kind} raised by the compiler in {filename}"))
                }
            }
        }
    }
}
