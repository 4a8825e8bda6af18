//! Argument checking for builtins, with CPython's messages. CPython words them
//! differently depending on how each builtin parses its arguments (METH_O,
//! METH_NOARGS, Argument Clinic, PyArg_ParseTupleAndKeywords), so there is one
//! helper per style.

use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::Args;

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `len() takes no keyword arguments`.
pub fn no_keywords(name: &str, args: &Args) -> PyResult<()> {
    if args.keywords.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// METH_O: exactly one positional argument after the first `skip` (the receiver of
/// a method): `len() takes exactly one argument (2 given)`.
pub fn one(name: &str, args: &Args, skip: usize) -> PyResult<Value> {
    no_keywords(name, args)?;
    let given = args.positional.len().saturating_sub(skip);
    if given != 1 {
        return Err(PyErr::type_error(format!("{name}() takes exactly one argument ({given} given)")));
    }
    Ok(args.positional[skip])
}

/// METH_NOARGS: `list.reverse() takes no arguments (1 given)`.
pub fn none(name: &str, args: &Args, skip: usize) -> PyResult<()> {
    no_keywords(name, args)?;
    let given = args.positional.len().saturating_sub(skip);
    if given != 0 {
        return Err(PyErr::type_error(format!("{name}() takes no arguments ({given} given)")));
    }
    Ok(())
}

/// Argument Clinic's positional-only count check: `pop expected at most 1 argument,
/// got 2`, `insert expected 2 arguments, got 1`, `min expected at least 1 argument,
/// got 0`. Returns the arguments after `skip`.
pub fn between<'a>(name: &str, args: &Args<'a>, skip: usize, min: usize, max: Option<usize>) -> PyResult<&'a [Value]> {
    let given = &args.positional[skip.min(args.positional.len())..];
    let n = given.len();
    let msg = |bound: &str, k: usize| format!("{name} expected {bound}{k} argument{}, got {n}", plural(k));
    match max {
        Some(max) if min == max && n != min => Err(PyErr::type_error(msg("", min))),
        _ if n < min => Err(PyErr::type_error(msg("at least ", min))),
        Some(max) if n > max => Err(PyErr::type_error(msg("at most ", max))),
        _ => Ok(given),
    }
}

/// The older wording of count errors: `startswith() takes at least 1 argument (0
/// given)`, `sum() takes at most 2 arguments (3 given)`.
pub fn takes<'a>(name: &str, args: &Args<'a>, skip: usize, min: usize, max: usize) -> PyResult<&'a [Value]> {
    let given = &args.positional[skip.min(args.positional.len())..];
    let n = given.len();
    if n < min {
        return Err(PyErr::type_error(format!("{name}() takes at least {min} argument{} ({n} given)", plural(min))));
    }
    if n > max {
        return Err(PyErr::type_error(format!("{name}() takes at most {max} argument{} ({n} given)", plural(max))));
    }
    Ok(given)
}

/// `'foo' is an invalid keyword argument for print()` unless every keyword is one of
/// `allowed`.
pub fn check_keywords(name: &str, args: &Args, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in args.keywords {
        if !allowed.contains(k) {
            return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
        }
    }
    Ok(())
}

/// The keyword argument `name`, if given.
pub fn keyword(args: &Args, name: &str) -> Option<Value> {
    args.keywords.iter().find(|(k, _)| *k == name).map(|&(_, v)| v)
}

/// Binds positional and keyword arguments to `params` (after `skip` receiver
/// arguments), Argument Clinic style: the first `posonly` parameters cannot be
/// passed by keyword, the first `required` must be given.
pub fn bind(
    name: &str,
    args: &Args,
    skip: usize,
    params: &[&str],
    posonly: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let positional = takes(name, args, skip, 0, params.len())?;
    let mut out: Vec<Option<Value>> = vec![None; params.len()];
    for (slot, &v) in out.iter_mut().zip(positional) {
        *slot = Some(v);
    }
    for &(k, v) in args.keywords {
        match params.iter().position(|p| *p == k) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument for {name}() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v);
            }
            _ => return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for {name}()"))),
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(PyErr::type_error(format!(
                "{name}() missing required argument '{}' (pos {})",
                params[i],
                i + 1
            )));
        }
    }
    Ok(out)
}
