//! doctest's finder: the docstrings a module's tests come from (CPython's
//! `DocTestFinder`): the module's own, its functions' and classes' (those defined in
//! it, not imported), and within classes their methods (static and class methods
//! too), properties and nested classes; each docstring a test named by its dotted
//! path, with its line in the source file, and a copy of the globals of its own.
//! Tests come out sorted by name.

use super::doctest_parse::{Example, parse};
use crate::attr::load_attr;
use stitch_abi::{KIND_BOUND_METHOD, KIND_BUILTIN, KIND_CLASS, KIND_DESCRIPTOR, KIND_DICT, KIND_FUNCTION, KIND_NATIVE, KIND_STR, KIND_TYPE, Value};
use stitch_core::errors::PyResult;
use stitch_core::objects::class::{Descriptor, DescriptorKind};
use stitch_core::objects::{Owned, dict, str as strs};
use stitch_core::vm::Runtime;

/// One docstring's examples and where they run.
pub struct DocTest {
    pub name: String,
    pub filename: String,
    /// The docstring's line in the file, counted from 0 (None: not found).
    pub lineno: Option<usize>,
    pub examples: Vec<Example>,
    /// A copy of the module's globals: each test's examples share it, no other's.
    pub globs: Owned,
}

/// What the finder looks through.
pub struct Finder<'a> {
    pub rt: &'a mut Runtime,
    /// The module's name (`__main__`): what is defined in it carries it.
    pub module_name: String,
    pub filename: String,
    pub source_lines: Option<Vec<String>>,
    /// The globals every test gets a copy of (borrowed dict).
    pub globs: Value,
    pub exclude_empty: bool,
    pub recurse: bool,
    pub verbose: bool,
}

/// Where a docstring is found.
#[derive(Clone, Copy)]
pub enum Target {
    /// A module, by its namespace (borrowed dict).
    Module(Value),
    Object(Value),
}

impl Finder<'_> {
    /// The tests of `target` called `name` and of what it contains, sorted by name.
    pub fn find(&mut self, target: Target, name: &str) -> PyResult<Vec<DocTest>> {
        let mut tests = Vec::new();
        let mut seen = Vec::new();
        self.find_in(&mut tests, target, name.to_string(), &mut seen)?;
        tests.sort_by(|a, b| a.name.cmp(&b.name).then(a.lineno.cmp(&b.lineno)));
        Ok(tests)
    }

    fn find_in(&mut self, tests: &mut Vec<DocTest>, target: Target, name: String, seen: &mut Vec<u64>) -> PyResult<()> {
        if self.verbose {
            self.rt.write_out(&format!("Finding tests in {name}\n"))?;
        }
        let identity = match target {
            Target::Module(d) | Target::Object(d) => d.0,
        };
        if seen.contains(&identity) {
            return Ok(());
        }
        seen.push(identity);
        if let Some(test) = self.test_of(target, &name)? {
            tests.push(test);
        }
        if !self.recurse {
            return Ok(());
        }
        match target {
            Target::Module(namespace) => {
                for (key, value) in entries(namespace) {
                    if (is_routine(value.get()) || is_class(value.get())) && self.from_module(value.get()) {
                        self.find_in(tests, Target::Object(value.get()), format!("{name}.{key}"), seen)?;
                    }
                }
            }
            Target::Object(cls) if cls.is_kind(KIND_CLASS) => {
                // SAFETY: the kind was checked.
                let namespace = unsafe { stitch_core::objects::class::as_class(cls) }.dict;
                for (key, value) in entries(namespace) {
                    let v = match descriptor(value.get()) {
                        Some((DescriptorKind::StaticMethod | DescriptorKind::ClassMethod, func)) => func,
                        _ => value.get(),
                    };
                    // Properties are tested wherever they come from (CPython cannot tell);
                    // `@dataclass`'s methods are the module's own functions in CPython.
                    let property = matches!(descriptor(v), Some((DescriptorKind::Property, _)));
                    if property || super::dataclass_methods::is_generated(v) || ((is_routine(v) || is_class(v)) && self.from_module(v)) {
                        self.find_in(tests, Target::Object(v), format!("{name}.{key}"), seen)?;
                    }
                }
            }
            Target::Object(_) => {}
        }
        Ok(())
    }

    /// CPython's `_from_module`: the object says it was defined in the module.
    fn from_module(&mut self, v: Value) -> bool {
        let module = self.attr(v, "__module__");
        // SAFETY: the kind is checked first.
        module.is_some_and(|m| m.get().is_kind(KIND_STR) && unsafe { strs::text(m.get()) }.is_ok_and(|t| t == self.module_name))
    }

    /// An attribute, or None when reading it fails (its traceback dropped).
    fn attr(&mut self, v: Value, name: &str) -> Option<Owned> {
        match load_attr(v, name) {
            Ok(a) => Some(Owned(a)),
            Err(_) => {
                self.rt.traceback.clear();
                None
            }
        }
    }

    fn test_of(&mut self, target: Target, name: &str) -> PyResult<Option<DocTest>> {
        let doc = self.docstring_value(target);
        let docstring = match doc.as_ref().map(Owned::get) {
            None => String::new(),
            Some(d) if d == Value::NONE => String::new(),
            // SAFETY: the kind is checked first.
            Some(d) if d.is_kind(KIND_STR) => unsafe { strs::text(d) }?.to_string(),
            Some(d) => stitch_core::ops::str(d)?,
        };
        if self.exclude_empty && docstring.is_empty() {
            return Ok(None);
        }
        let lineno = self.lineno(target, doc.as_ref().map(Owned::get));
        let examples = parse(&docstring, name)?;
        Ok(Some(DocTest { name: name.to_string(), filename: self.filename.clone(), lineno, examples, globs: copy_dict(self.globs) }))
    }

    /// `obj.__doc__` (a property's is its getter's).
    fn docstring_value(&mut self, target: Target) -> Option<Owned> {
        match target {
            Target::Module(namespace) => dict_get(namespace, "__doc__"),
            Target::Object(v) => match descriptor(v) {
                Some((DescriptorKind::Property, getter)) => self.attr(getter, "__doc__"),
                _ => self.attr(v, "__doc__"),
            },
        }
    }

    /// CPython's `_find_lineno`: where the object starts (a module at its top, a
    /// class at its first `class NAME` line, a function at its first line), then the
    /// first line from there that opens a string.
    fn lineno(&mut self, target: Target, doc: Option<Value>) -> Option<usize> {
        let has_doc = doc.is_some_and(|d| d != Value::NONE);
        let start = match target {
            Target::Module(_) if has_doc => Some(0),
            Target::Object(v) if v.is_kind(KIND_CLASS) && has_doc => {
                // SAFETY: `__name__` of a class is a str.
                let name = self.attr(v, "__name__").and_then(|n| unsafe { strs::text(n.get()) }.ok().map(str::to_string))?;
                self.source_lines.as_ref()?.iter().position(|l| is_class_line(l, &name))
            }
            Target::Object(v) if v.is_kind(KIND_FUNCTION) && doc.is_some_and(stitch_core::ops::truthy) => {
                // SAFETY: the kind was checked; a function's code is a live code object.
                let first = unsafe { stitch_core::objects::code::as_code(Value::from_object((*v.cast::<stitch_abi::Function>()).code)).firstlineno };
                Some(first.saturating_sub(1) as usize)
            }
            _ => None,
        }?;
        let Some(lines) = &self.source_lines else {
            return Some(start + 1);
        };
        (start..lines.len()).find(|&i| opens_string(&lines[i]))
    }
}

/// A dict's entries with str keys (borrowed dict; new references).
fn entries(d: Value) -> Vec<(String, Owned)> {
    // SAFETY: callers pass live dicts; the entries are copied out before anything runs.
    unsafe {
        dict::entries(d.cast())
            .filter(|e| e.key.is_kind(KIND_STR))
            .map(|e| {
                e.value.incref();
                (strs::display(e.key).into_owned(), Owned(e.value))
            })
            .collect()
    }
}

fn dict_get(d: Value, name: &str) -> Option<Owned> {
    let key = Owned(strs::new_str(name));
    // SAFETY: callers pass live dicts; the key is a str.
    let v = unsafe { dict::get(d.cast(), key.get(), strs::as_str(key.get()).hash()) }?;
    v.incref();
    Some(Owned(v))
}

/// A new dict with the entries of `d` (a shallow copy, as `dict.copy()`).
pub fn copy_dict(d: Value) -> Owned {
    let copy = dict::new_dict();
    debug_assert!(d.is_kind(KIND_DICT));
    // SAFETY: `d` is a live dict and `copy` a new one; keys and values gain a
    // reference for the copy.
    unsafe {
        for e in dict::entries(d.cast()) {
            e.key.incref();
            e.value.incref();
            dict::set(copy.cast(), e.key, e.hash, e.value);
        }
    }
    Owned(copy)
}

/// `staticmethod`, `classmethod` or `property`, and the function it holds.
fn descriptor(v: Value) -> Option<(DescriptorKind, Value)> {
    if !v.is_kind(KIND_DESCRIPTOR) {
        return None;
    }
    // SAFETY: the kind was checked.
    let d = unsafe { &*v.cast::<Descriptor>() };
    Some((d.which, d.func))
}

/// `inspect.isroutine(inspect.unwrap(v))`: functions, builtins, methods, and wrappers
/// (`functools.lru_cache`) of one.
fn is_routine(v: Value) -> bool {
    if v.is_kind(KIND_FUNCTION) || v.is_kind(KIND_BUILTIN) || v.is_kind(KIND_BOUND_METHOD) {
        return true;
    }
    v.is_kind(KIND_NATIVE)
        && load_attr(v, "__wrapped__").is_ok_and(|w| {
            let routine = w.is_kind(KIND_FUNCTION);
            w.decref();
            routine
        })
}

fn is_class(v: Value) -> bool {
    v.is_kind(KIND_CLASS) || v.is_kind(KIND_TYPE)
}

/// CPython's `^\s*class\s*NAME\b`.
fn is_class_line(line: &str, name: &str) -> bool {
    let Some(rest) = line.trim_start().strip_prefix("class") else { return false };
    let Some(after) = rest.trim_start().strip_prefix(name) else { return false };
    !after.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// CPython's `(^|.*:)\s*\w*("|')`: a line that opens a string, at its start or after
/// a colon.
fn opens_string(line: &str) -> bool {
    let starts = |s: &str| {
        let s = s.trim_start();
        let s = s.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
        s.starts_with(['"', '\''])
    };
    starts(line) || line.match_indices(':').any(|(i, _)| starts(&line[i + 1..]))
}
