//! `cmath`: CPython 3.11's formulas for finite arguments (`Modules/cmathmodule.c`),
//! computed with the platform's libm as CPython does, so results are bit-identical;
//! its errors ("math domain error", "math range error"). CPython takes infinite and
//! NaN arguments through tables of special values, which stitch does not have: such
//! an argument is refused (except where the functions below handle it, as
//! `phase`, `polar`, `isclose` and the predicates do).

use super::math::libm;
use crate::args::{bind, one};
use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::tuple;
use stitch_core::ops::complex::{self as cx, C, operand, quot};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("sqrt", sqrt),
    ("exp", exp),
    ("log", log),
    ("log10", log10),
    ("phase", phase),
    ("polar", polar),
    ("rect", rect),
    ("sin", sin),
    ("cos", cos),
    ("tan", tan),
    ("asin", asin),
    ("acos", acos),
    ("atan", atan),
    ("sinh", sinh),
    ("cosh", cosh),
    ("tanh", tanh),
    ("asinh", asinh),
    ("acosh", acosh),
    ("atanh", atanh),
    ("isclose", isclose),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
];

pub fn namespace() -> Value {
    super::namespace_of(
        FUNCTIONS,
        vec![
            ("pi", Value::float(std::f64::consts::PI)),
            ("e", Value::float(std::f64::consts::E)),
            ("tau", Value::float(std::f64::consts::TAU)),
            ("inf", Value::float(f64::INFINITY)),
            ("nan", Value::float(f64::NAN)),
            ("infj", cx::value((0.0, f64::INFINITY))),
            ("nanj", cx::value((0.0, f64::NAN))),
        ],
    )
}

/// CPython's errno after a function: EDOM or ERANGE.
#[derive(Clone, Copy, PartialEq)]
enum Errno {
    Ok,
    Domain,
    Range,
}

fn math_error(e: Errno) -> PyErr {
    match e {
        Errno::Range => PyErr::overflow("math range error"),
        _ => PyErr::value_error("math domain error"),
    }
}

const LARGE: f64 = f64::MAX / 4.0;
const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
/// The mantissa's bits, by which tiny arguments are scaled up.
const MANT_DIG: i32 = 53;

fn log_large() -> f64 {
    libm::log(LARGE)
}

fn sqrt_large() -> f64 {
    libm::sqrt(LARGE)
}

/// C's `ldexp` for the exact scalings used here.
fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

/// `PyArg_Parse`'s "D": a complex, float or int argument.
fn arg(v: Value) -> PyResult<C> {
    match operand(v) {
        Some(r) => r,
        None if v.is_kind(stitch_abi::KIND_INSTANCE) => Err(PyErr::unsupported("a cmath function of an instance")),
        None => Err(PyErr::type_error(format!("must be real number, not {}", type_name(v)))),
    }
}

/// A function's one finite argument; infinite and NaN parts are refused.
fn finite_arg(name: &str, args: &Args) -> PyResult<C> {
    let z = arg(one(name, args, 0)?)?;
    if !z.0.is_finite() || !z.1.is_finite() {
        return Err(PyErr::unsupported(format!("cmath.{name} of a complex with an infinite or NaN part")));
    }
    Ok(z)
}

/// Runs a function of one finite argument and turns its errno into CPython's error.
fn apply(name: &str, args: &Args, f: fn(C) -> (C, Errno)) -> PyResult<Value> {
    let (r, e) = f(finite_arg(name, args)?);
    if e != Errno::Ok {
        return Err(math_error(e));
    }
    Ok(cx::value(r))
}

/// ERANGE when a part overflowed.
fn range_check(r: C) -> (C, Errno) {
    (r, if r.0.is_infinite() || r.1.is_infinite() { Errno::Range } else { Errno::Ok })
}

fn c_sqrt(z: C) -> C {
    if z.0 == 0.0 && z.1 == 0.0 {
        return (0.0, z.1);
    }
    let (mut ax, ay) = (z.0.abs(), z.1.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot(ax, ay) would be subnormal: scale up first.
        ax = ldexp(ax, MANT_DIG);
        ldexp(libm::sqrt(ax + libm::hypot(ax, ldexp(ay, MANT_DIG))), -(MANT_DIG + 1) / 2)
    } else {
        ax /= 8.0;
        2.0 * libm::sqrt(ax + libm::hypot(ax, ay / 8.0))
    };
    let d = ay / (2.0 * s);
    if z.0 >= 0.0 { (s, d.copysign(z.1)) } else { (d, s.copysign(z.1)) }
}

fn c_exp(z: C) -> (C, Errno) {
    let r = if z.0 > log_large() {
        let l = libm::exp(z.0 - 1.0);
        (l * libm::cos(z.1) * std::f64::consts::E, l * libm::sin(z.1) * std::f64::consts::E)
    } else {
        let l = libm::exp(z.0);
        (l * libm::cos(z.1), l * libm::sin(z.1))
    };
    range_check(r)
}

fn c_log(z: C) -> (C, Errno) {
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let mut errno = Errno::Ok;
    let re = if ax > LARGE || ay > LARGE {
        libm::log(libm::hypot(ax / 2.0, ay / 2.0)) + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            libm::log(libm::hypot(ldexp(ax, MANT_DIG), ldexp(ay, MANT_DIG))) - MANT_DIG as f64 * LN2
        } else {
            errno = Errno::Domain;
            f64::NEG_INFINITY
        }
    } else {
        let h = libm::hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            libm::log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            libm::log(h)
        }
    };
    ((re, libm::atan2(z.1, z.0)), errno)
}

fn c_log10(z: C) -> (C, Errno) {
    let (s, e) = c_log(z);
    ((s.0 / LN10, s.1 / LN10), e)
}

fn c_cosh(z: C) -> (C, Errno) {
    let r = if z.0.abs() > log_large() {
        let x = z.0 - 1f64.copysign(z.0);
        (libm::cos(z.1) * libm::cosh(x) * std::f64::consts::E, libm::sin(z.1) * libm::sinh(x) * std::f64::consts::E)
    } else {
        (libm::cos(z.1) * libm::cosh(z.0), libm::sin(z.1) * libm::sinh(z.0))
    };
    range_check(r)
}

fn c_sinh(z: C) -> (C, Errno) {
    let r = if z.0.abs() > log_large() {
        let x = z.0 - 1f64.copysign(z.0);
        (libm::cos(z.1) * libm::sinh(x) * std::f64::consts::E, libm::sin(z.1) * libm::cosh(x) * std::f64::consts::E)
    } else {
        (libm::cos(z.1) * libm::sinh(z.0), libm::sin(z.1) * libm::cosh(z.0))
    };
    range_check(r)
}

fn c_tanh(z: C) -> (C, Errno) {
    if z.0.abs() > log_large() {
        let im = 4.0 * libm::sin(z.1) * libm::cos(z.1) * libm::exp(-2.0 * z.0.abs());
        return ((1f64.copysign(z.0), im), Errno::Ok);
    }
    let tx = libm::tanh(z.0);
    let ty = libm::tan(z.1);
    let cx = 1.0 / libm::cosh(z.0);
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    ((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx), Errno::Ok)
}

/// `f(i*z)` rotated back by `-i`: sin, tan, asin and atan from their hyperbolic forms.
fn rotated(z: C, f: fn(C) -> (C, Errno)) -> (C, Errno) {
    let (s, e) = f((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_cos(z: C) -> (C, Errno) {
    c_cosh((-z.1, z.0))
}

fn c_asinh(z: C) -> (C, Errno) {
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let l = libm::log(libm::hypot(z.0 / 2.0, z.1 / 2.0)) + LN2 * 2.0;
        let re = if z.1 >= 0.0 { l.copysign(z.0) } else { -l.copysign(-z.0) };
        return ((re, libm::atan2(z.1, z.0.abs())), Errno::Ok);
    }
    let s1 = c_sqrt((1.0 + z.1, -z.0));
    let s2 = c_sqrt((1.0 - z.1, z.0));
    ((libm::asinh(s1.0 * s2.1 - s2.0 * s1.1), libm::atan2(z.1, s1.0 * s2.0 - s1.1 * s2.1)), Errno::Ok)
}

fn c_acos(z: C) -> (C, Errno) {
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let re = libm::atan2(z.1.abs(), z.0);
        let l = libm::log(libm::hypot(z.0 / 2.0, z.1 / 2.0)) + LN2 * 2.0;
        let im = if z.0 < 0.0 { -l.copysign(z.1) } else { l.copysign(-z.1) };
        return ((re, im), Errno::Ok);
    }
    let s1 = c_sqrt((1.0 - z.0, -z.1));
    let s2 = c_sqrt((1.0 + z.0, z.1));
    ((2.0 * libm::atan2(s1.0, s2.0), libm::asinh(s2.0 * s1.1 - s2.1 * s1.0)), Errno::Ok)
}

fn c_acosh(z: C) -> (C, Errno) {
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let re = libm::log(libm::hypot(z.0 / 2.0, z.1 / 2.0)) + LN2 * 2.0;
        return ((re, libm::atan2(z.1, z.0)), Errno::Ok);
    }
    let s1 = c_sqrt((z.0 - 1.0, z.1));
    let s2 = c_sqrt((z.0 + 1.0, z.1));
    ((libm::asinh(s1.0 * s2.0 + s1.1 * s2.1), 2.0 * libm::atan2(s1.1, s2.0)), Errno::Ok)
}

fn c_atanh(z: C) -> (C, Errno) {
    if z.0 < 0.0 {
        // atanh(z) = -atanh(-z), so the real part is non-negative below.
        let (r, e) = c_atanh((-z.0, -z.1));
        return ((-r.0, -r.1), e);
    }
    let ay = z.1.abs();
    if z.0 > sqrt_large() || ay > sqrt_large() {
        let h = libm::hypot(z.0 / 2.0, z.1 / 2.0);
        return ((z.0 / 4.0 / h / h, -(std::f64::consts::FRAC_PI_2).copysign(-z.1)), Errno::Ok);
    }
    if z.0 == 1.0 && ay < libm::sqrt(f64::MIN_POSITIVE) {
        if ay == 0.0 {
            return ((f64::INFINITY, z.1), Errno::Domain);
        }
        let re = -libm::log(libm::sqrt(ay) / libm::sqrt(libm::hypot(ay, 2.0)));
        return ((re, (libm::atan2(2.0, -ay) / 2.0).copysign(z.1)), Errno::Ok);
    }
    let re = libm::log1p(4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)) / 4.0;
    let im = -libm::atan2(-2.0 * z.1, (1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0;
    ((re, im), Errno::Ok)
}

fn sqrt(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("sqrt", args, |z| (c_sqrt(z), Errno::Ok))
}

fn exp(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("exp", args, c_exp)
}

fn log10(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("log10", args, c_log10)
}

fn sin(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("sin", args, |z| rotated(z, c_sinh))
}

fn cos(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("cos", args, c_cos)
}

fn tan(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("tan", args, |z| rotated(z, c_tanh))
}

fn asin(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("asin", args, |z| rotated(z, c_asinh))
}

fn acos(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("acos", args, c_acos)
}

fn atan(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("atan", args, |z| rotated(z, c_atanh))
}

fn sinh(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("sinh", args, c_sinh)
}

fn cosh(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("cosh", args, c_cosh)
}

fn tanh(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("tanh", args, c_tanh)
}

fn asinh(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("asinh", args, c_asinh)
}

fn acosh(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("acosh", args, c_acosh)
}

fn atanh(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    apply("atanh", args, c_atanh)
}

/// `log(x[, base])`: each logarithm sets errno afresh, so only the last one's (or
/// the division's) error counts, as in CPython (`log(0, 2)` is `-inf+nanj`).
fn log(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = bind("log", args, 0, &["x", "base"], 2, 1)?;
    let finite = |v: Value| -> PyResult<C> {
        let z = arg(v)?;
        if !z.0.is_finite() || !z.1.is_finite() {
            return Err(PyErr::unsupported("cmath.log of a complex with an infinite or NaN part"));
        }
        Ok(z)
    };
    let x = finite(a[0].unwrap_or(Value::NONE))?;
    let (mut r, mut errno) = c_log(x);
    if let Some(b) = a[1] {
        let (lb, e) = c_log(finite(b)?);
        errno = e;
        match quot(r, lb) {
            Some(q) => r = q,
            None => {
                r = (0.0, 0.0);
                errno = Errno::Domain;
            }
        }
    }
    if errno != Errno::Ok {
        return Err(math_error(errno));
    }
    Ok(cx::value(r))
}

/// CPython's `c_atan2`: the argument of z, with its rules for infinities and NaNs.
fn c_atan2(z: C) -> f64 {
    use std::f64::consts::PI;
    if z.0.is_nan() || z.1.is_nan() {
        return f64::NAN;
    }
    if z.1.is_infinite() {
        if z.0.is_infinite() {
            return if z.0.is_sign_positive() { (0.25 * PI).copysign(z.1) } else { (0.75 * PI).copysign(z.1) };
        }
        return (0.5 * PI).copysign(z.1);
    }
    if z.0.is_infinite() || z.1 == 0.0 {
        return if z.0.is_sign_positive() { 0f64.copysign(z.1) } else { PI.copysign(z.1) };
    }
    libm::atan2(z.1, z.0)
}

fn phase(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let z = arg(one("phase", args, 0)?)?;
    let phi = c_atan2(z);
    if phi == 0.0 && z.1 != 0.0 && z.0.is_finite() && z.1.is_finite() {
        // glibc's atan2 sets ERANGE when a non-zero angle underflows to zero.
        return Err(math_error(Errno::Range));
    }
    Ok(Value::float(phi))
}

fn polar(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let z = arg(one("polar", args, 0)?)?;
    let phi = c_atan2(z);
    let r = cx::abs(z).map_err(|_| math_error(Errno::Range))?;
    Ok(tuple::from_vec(vec![Value::float(r), Value::float(phi)]))
}

fn rect(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = bind("rect", args, 0, &["r", "phi"], 2, 2)?;
    let r = super::math::to_double(a[0].unwrap_or(Value::NONE))?;
    let phi = super::math::to_double(a[1].unwrap_or(Value::NONE))?;
    if !r.is_finite() || !phi.is_finite() {
        return Err(PyErr::unsupported("cmath.rect of an infinite or NaN argument"));
    }
    if phi == 0.0 {
        // The sign of a zero phi carries into the imaginary part.
        return Ok(cx::value((r, r * phi)));
    }
    Ok(cx::value((r * libm::cos(phi), r * libm::sin(phi))))
}

fn isclose(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if args.positional.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.positional.len()
        )));
    }
    let a = bind("isclose", args, 0, &["a", "b", "rel_tol", "abs_tol"], 0, 2)?;
    let x = arg(a[0].unwrap_or(Value::NONE))?;
    let y = arg(a[1].unwrap_or(Value::NONE))?;
    let rel_tol = a[2].map_or(Ok(1e-9), super::math::to_double)?;
    let abs_tol = a[3].map_or(Ok(0.0), super::math::to_double)?;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if x.0 == y.0 && x.1 == y.1 {
        return Ok(Value::TRUE);
    }
    if [x.0, x.1, y.0, y.1].iter().any(|p| p.is_infinite()) {
        return Ok(Value::FALSE);
    }
    // An overflowing magnitude is infinite here, as CPython's _Py_c_abs gives it.
    let mag = |c: C| cx::abs(c).unwrap_or(f64::INFINITY);
    let diff = mag(cx::diff(x, y));
    Ok(Value::bool(diff <= rel_tol * mag(y) || diff <= rel_tol * mag(x) || diff <= abs_tol))
}

fn isfinite(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let z = arg(one("isfinite", args, 0)?)?;
    Ok(Value::bool(z.0.is_finite() && z.1.is_finite()))
}

fn isinf(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let z = arg(one("isinf", args, 0)?)?;
    Ok(Value::bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn isnan(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let z = arg(one("isnan", args, 0)?)?;
    Ok(Value::bool(z.0.is_nan() || z.1.is_nan()))
}
