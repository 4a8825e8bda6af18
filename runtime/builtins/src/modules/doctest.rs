//! `doctest`: `testmod` and `run_docstring_examples`, the option flags, and
//! `TestResults`. The work is split by job: parsing docstrings (doctest_parse),
//! finding them (doctest_find), running and checking examples (doctest_run,
//! doctest_check) and reporting (doctest_report), each following CPython 3.11's
//! doctest.py.
//!
//! The main module is not a module object in stitch: `testmod()` without a module
//! tests the globals of the code that called it (CPython's `sys.modules['__main__']`,
//! the same thing when the script calls it).

use super::doctest_find::{Finder, Target, copy_dict};
use super::doctest_parse::{FLAGS, REPORT_DIFFS};
use super::doctest_run::Runner;
use crate::args::bind;
use crate::functions::source;
use stitch_abi::{KIND_DICT, KIND_FUNCTION, KIND_LIST, KIND_MODULE, KIND_STR, Value};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::{Owned, dict, list, module, str as strs};
use stitch_core::vm::Runtime;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[("testmod", testmod), ("run_docstring_examples", run_docstring_examples)];

pub fn namespace() -> Value {
    let mut values: Vec<(&str, Value)> = FLAGS.iter().map(|&(name, v)| (name, Value::int(v as i64))).collect();
    values.push(("COMPARISON_FLAGS", Value::int(63)));
    values.push(("REPORTING_FLAGS", Value::int(1984)));
    values.push(("BLANKLINE_MARKER", strs::new_str("<BLANKLINE>")));
    values.push(("ELLIPSIS_MARKER", strs::new_str("...")));
    super::namespace_of(FUNCTIONS, values)
}

/// `testmod(m=None, name=None, globs=None, verbose=None, report=True, optionflags=0,
/// extraglobs=None, raise_on_error=False, exclude_empty=False)`.
pub fn testmod(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    const PARAMS: [&str; 9] = ["m", "name", "globs", "verbose", "report", "optionflags", "extraglobs", "raise_on_error", "exclude_empty"];
    let p = bind("testmod", args, 0, &PARAMS, 0, 0)?;
    let given = |i: usize| p[i].filter(|&v| v != Value::NONE);
    if given(7).is_some_and(stitch_core::ops::truthy) {
        return Err(PyErr::unsupported("doctest.testmod(raise_on_error=True)"));
    }
    let namespace = match given(0) {
        None => source::caller_globals().ok_or_else(|| PyErr::unsupported("doctest.testmod() called from outside Python code"))?,
        // SAFETY: the kind is checked first.
        Some(m) if m.is_kind(KIND_MODULE) => Value::from_object(unsafe { module::namespace(m) }),
        Some(m) => return Err(PyErr::type_error(format!("testmod: module required; {}", stitch_core::ops::repr(m)?))),
    };
    let module_name = text_of(dict_get(namespace, "__name__")).unwrap_or_else(|| "__main__".to_string());
    let name = match given(1) {
        Some(n) => stitch_core::ops::str(n)?,
        None => module_name.clone(),
    };
    let globs = match given(2) {
        Some(g) if g.is_kind(KIND_DICT) => copy_dict(g),
        Some(_) => return Err(PyErr::unsupported("doctest.testmod(globs=) that is not a dict")),
        None => copy_dict(namespace),
    };
    if let Some(extra) = given(6) {
        if !extra.is_kind(KIND_DICT) {
            return Err(PyErr::unsupported("doctest.testmod(extraglobs=) that is not a dict"));
        }
        update(globs.get(), extra);
    }
    let verbose = match given(3) {
        Some(v) => stitch_core::ops::truthy(v),
        None => argv_has_v(rt),
    };
    let report = p[4].is_none_or(stitch_core::ops::truthy);
    let optionflags = flags_arg(p[5])?;
    let exclude_empty = given(8).is_some_and(stitch_core::ops::truthy);
    let filename = file_of(namespace, &module_name);
    let mut finder = Finder {
        rt,
        module_name,
        source_lines: source_lines(&filename),
        filename,
        globs: globs.get(),
        exclude_empty,
        recurse: true,
        verbose: false,
    };
    let tests = finder.find(Target::Module(namespace), &name)?;
    let mut runner = Runner { verbose, optionflags, outcomes: Vec::new() };
    let result = run_all(rt, &mut runner, &tests);
    for t in &tests {
        clear(t.globs.get());
    }
    result?;
    let (text, failed, attempted) = super::doctest_report::summary(&runner.outcomes, verbose);
    if report {
        rt.write_out(&text)?;
    }
    Ok(test_results(failed, attempted))
}

/// `run_docstring_examples(f, globs, verbose=False, name='NoName', compileflags=None,
/// optionflags=0)`: the examples of `f`'s own docstring, run in a copy of `globs`;
/// no summary.
pub fn run_docstring_examples(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    const PARAMS: [&str; 6] = ["f", "globs", "verbose", "name", "compileflags", "optionflags"];
    let p = bind("run_docstring_examples", args, 0, &PARAMS, 0, 2)?;
    let (f, globs) = (p[0].unwrap_or(Value::NONE), p[1].unwrap_or(Value::NONE));
    if !globs.is_kind(KIND_DICT) {
        return Err(PyErr::unsupported("doctest.run_docstring_examples() with globs that are not a dict"));
    }
    if p[4].is_some_and(|c| c != Value::NONE) {
        return Err(PyErr::unsupported("doctest.run_docstring_examples(compileflags=)"));
    }
    let verbose = p[2].is_some_and(stitch_core::ops::truthy);
    let name = match p[3] {
        Some(n) => stitch_core::ops::str(n)?,
        None => "NoName".to_string(),
    };
    let optionflags = flags_arg(p[5])?;
    // The module `f` was defined in names the file (a function's globals are its
    // module's namespace).
    let home = if f.is_kind(KIND_FUNCTION) {
        // SAFETY: the kind was checked; a function's globals are a live dict.
        Some(Value::from_object(unsafe { (*f.cast::<stitch_abi::Function>()).globals }))
    } else {
        source::caller_globals()
    };
    let module_name = home.and_then(|h| text_of(dict_get(h, "__name__"))).unwrap_or_else(|| "__main__".to_string());
    let filename = home.map_or_else(|| module_name.clone(), |h| file_of(h, &module_name));
    let mut finder = Finder {
        rt,
        module_name,
        source_lines: source_lines(&filename),
        filename,
        globs,
        exclude_empty: false,
        recurse: false,
        verbose,
    };
    let tests = finder.find(Target::Object(f), &name)?;
    let mut runner = Runner { verbose, optionflags, outcomes: Vec::new() };
    let result = run_all(rt, &mut runner, &tests);
    for t in &tests {
        clear(t.globs.get());
    }
    result?;
    Ok(Value::NONE)
}

fn run_all(rt: &mut Runtime, runner: &mut Runner, tests: &[super::doctest_find::DocTest]) -> PyResult<()> {
    for test in tests {
        runner.run(rt, test)?;
    }
    Ok(())
}

/// `TestResults(failed=F, attempted=A)`.
fn test_results(failed: usize, attempted: usize) -> Value {
    super::namedtuple::struct_sequence("TestResults", &["failed", "attempted"], vec![Value::int(failed as i64), Value::int(attempted as i64)])
}

fn flags_arg(v: Option<Value>) -> PyResult<u32> {
    let flags = match v {
        None => 0,
        Some(f) if f.is_int() && (0..1 << 20).contains(&f.as_int()) => f.as_int() as u32,
        Some(_) => return Err(PyErr::unsupported("doctest option flags that are not a small int")),
    };
    if flags & REPORT_DIFFS != 0 {
        return Err(PyErr::unsupported("doctest's diff reports (REPORT_UDIFF, REPORT_CDIFF, REPORT_NDIFF)"));
    }
    Ok(flags)
}

/// CPython's default verbosity: `'-v' in sys.argv` (the list the program may have
/// changed, once `sys` is imported).
fn argv_has_v(rt: &Runtime) -> bool {
    let argv = rt.module("sys").filter(|m| m.is_kind(stitch_abi::KIND_MODULE)).and_then(|m| {
        // SAFETY: a live module, as the kind says.
        unsafe { module::get(m, "argv") }
    });
    match argv {
        Some(a) if a.is_kind(KIND_LIST) => {
            // SAFETY: the kind was checked; its items are live.
            unsafe { list::items(a.cast()) }.iter().any(|&i| i.is_kind(KIND_STR) && unsafe { strs::text(i) }.is_ok_and(|t| t == "-v"))
        }
        Some(_) => false,
        None => super::sys::argv().iter().any(|a| a == "-v"),
    }
}

/// The file a module's tests report: its `__file__` (a `.pyc` as its `.py`), else
/// its name.
fn file_of(namespace: Value, module_name: &str) -> String {
    let file = text_of(dict_get(namespace, "__file__")).filter(|f| !f.is_empty()).unwrap_or_else(|| module_name.to_string());
    match file.strip_suffix(".pyc") {
        Some(stem) => format!("{stem}.py"),
        None => file,
    }
}

/// The file's lines, as `linecache` reads them (None when there is no such file).
fn source_lines(filename: &str) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(filename).ok()?;
    let lines: Vec<String> = text.split_inclusive('\n').map(|l| l.trim_end_matches(['\n', '\r']).to_string()).collect();
    (!lines.is_empty()).then_some(lines)
}

fn dict_get(d: Value, name: &str) -> Option<Value> {
    let key = Owned(strs::new_str(name));
    // SAFETY: callers pass live dicts; the key is a str.
    unsafe { dict::get(d.cast(), key.get(), strs::as_str(key.get()).hash()) }
}

fn text_of(v: Option<Value>) -> Option<String> {
    let v = v.filter(|v| v.is_kind(KIND_STR))?;
    // SAFETY: the kind was checked.
    unsafe { strs::text(v) }.ok().map(str::to_string)
}

/// `d.update(other)` of two dicts.
fn update(d: Value, other: Value) {
    // SAFETY: both are live dicts; keys and values gain a reference for `d`.
    unsafe {
        for e in dict::entries(other.cast()) {
            e.key.incref();
            e.value.incref();
            dict::set(d.cast(), e.key, e.hash, e.value);
        }
    }
}

/// CPython clears each test's globals once it ran (breaking the cycles between the
/// globals and the functions the examples defined).
fn clear(d: Value) {
    // SAFETY: a live dict the test owns.
    unsafe { dict::clear(d.cast()) };
}
