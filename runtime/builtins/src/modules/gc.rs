//! `gc`: the cycle collector's switches (`runtime/core/src/objects/gc.rs`). Programs
//! in the style of benchmark suites call `gc.collect()` between phases and
//! `gc.disable()` around timed code; stitch's collector obeys both.

use crate::args::{between, bind, no_keywords};
use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::{bigint, tuple};
use stitch_core::ops::num::require_i64;
use stitch_core::vm::Runtime;
use stitch_core::objects::gc as collector;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("collect", collect),
    ("enable", enable),
    ("disable", disable),
    ("isenabled", isenabled),
    ("get_threshold", get_threshold),
    ("set_threshold", set_threshold),
    ("get_count", get_count),
];

pub fn namespace() -> Value {
    super::namespace_of(FUNCTIONS, vec![])
}

/// `collect(generation=2)`: every generation is collected (stitch's collections of
/// younger generations alone are its own business); returns the containers freed.
fn collect(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("collect", args, 0, &["generation"], 0, 0)?;
    if let Some(g) = p[0] {
        let g = require_i64(g)?;
        if !(0..=2).contains(&g) {
            return Err(PyErr::value_error("invalid generation"));
        }
    }
    Ok(bigint::from_i64(collector::collect() as i64))
}

fn enable(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("enable", args)?;
    between("enable", args, 0, 0, Some(0))?;
    collector::set_enabled(true);
    Ok(Value::NONE)
}

fn disable(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("disable", args)?;
    between("disable", args, 0, 0, Some(0))?;
    collector::set_enabled(false);
    Ok(Value::NONE)
}

fn isenabled(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("isenabled", args)?;
    between("isenabled", args, 0, 0, Some(0))?;
    Ok(Value::bool(collector::is_enabled()))
}

/// CPython's threshold 0 turns automatic collection off; stitch's own threshold 0
/// (`--gc-threshold 0`) collects at every allocation, so a program's 0 is kept as
/// "never" (the largest threshold) and reported back as 0.
const NEVER: usize = usize::MAX;

fn get_threshold(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("get_threshold", args)?;
    between("get_threshold", args, 0, 0, Some(0))?;
    let t = collector::thresholds();
    let first = if t[0] == NEVER { 0 } else { t[0] };
    Ok(tuple::from_vec([first, t[1], t[2]].iter().map(|&n| bigint::from_i64(n as i64)).collect()))
}

/// `set_threshold(threshold0[, threshold1[, threshold2]])`: stitch's older
/// generations keep CPython's default thresholds (10, 10); setting others is refused.
fn set_threshold(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("set_threshold", args)?;
    let a = between("set_threshold", args, 0, 1, Some(3))?;
    let mut t = [0i64; 3];
    for (slot, &v) in t.iter_mut().zip(a) {
        *slot = require_i64(v)?;
    }
    if a.len() > 1 && t[1..a.len()].iter().any(|&n| n != 10) {
        return Err(PyErr::unsupported("gc.set_threshold() of the older generations"));
    }
    collector::set_threshold(if t[0] <= 0 { NEVER } else { t[0] as usize });
    Ok(Value::NONE)
}

fn get_count(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("get_count", args)?;
    between("get_count", args, 0, 0, Some(0))?;
    Ok(tuple::from_vec(collector::counts().iter().map(|&n| bigint::from_i64(n as i64)).collect()))
}
