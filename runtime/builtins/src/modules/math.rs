//! `math`, as CPython 3.11's `Modules/mathmodule.c`: float functions call the
//! platform's libm (as CPython does, so results are bit-identical) and map NaN and
//! infinite results to CPython's "math domain error" / "math range error"; `hypot`,
//! `dist` and `fsum` port CPython's algorithms; integer functions work on ints of any
//! size.

use crate::args::{between, bind, no_keywords, one};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use stitch_abi::{NB_MULTIPLY, Value};
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::bigint::from_bigint;
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::{Owned, tuple};
use stitch_core::ops::num::{as_int, float_to_int, require_int};
use stitch_core::ops::{arith, consume, types::type_name};
use stitch_core::vm::Runtime;

/// The platform's libm, which CPython calls: Rust's own `asinh`, `acosh` and `atanh`
/// use other formulas, so every function is taken from libm alike. On glibc each is
/// linked by its `_Float64` alias (`cbrtf64` is `cbrt`): Rust's compiler-builtins
/// defines some of the plain names (`cbrt`) with its own code, which the static link
/// would pick over glibc's. (`sqrt` is correctly rounded everywhere.)
pub(super) mod libm {
    unsafe extern "C" {
        pub safe fn sqrt(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "expf64")]
        pub safe fn exp(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "exp2f64")]
        pub safe fn exp2(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "expm1f64")]
        pub safe fn expm1(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "logf64")]
        pub safe fn log(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "log2f64")]
        pub safe fn log2(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "log10f64")]
        pub safe fn log10(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "log1pf64")]
        pub safe fn log1p(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "powf64")]
        pub safe fn pow(x: f64, y: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "sinf64")]
        pub safe fn sin(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "cosf64")]
        pub safe fn cos(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "tanf64")]
        pub safe fn tan(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "asinf64")]
        pub safe fn asin(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "acosf64")]
        pub safe fn acos(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "atanf64")]
        pub safe fn atan(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "atan2f64")]
        pub safe fn atan2(y: f64, x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "sinhf64")]
        pub safe fn sinh(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "coshf64")]
        pub safe fn cosh(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "tanhf64")]
        pub safe fn tanh(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "asinhf64")]
        pub safe fn asinh(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "acoshf64")]
        pub safe fn acosh(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "atanhf64")]
        pub safe fn atanh(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "hypotf64")]
        pub safe fn hypot(x: f64, y: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "cbrtf64")]
        pub safe fn cbrt(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "fmodf64")]
        pub safe fn fmod(x: f64, y: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "remainderf64")]
        pub safe fn remainder(x: f64, y: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "erff64")]
        pub safe fn erf(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "erfcf64")]
        pub safe fn erfc(x: f64) -> f64;
    }
}

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("sqrt", sqrt),
    ("exp", exp),
    ("exp2", exp2),
    ("expm1", expm1),
    ("log", log),
    ("log2", log2),
    ("log10", log10),
    ("log1p", log1p),
    ("pow", pow),
    ("sin", sin),
    ("cos", cos),
    ("tan", tan),
    ("asin", asin),
    ("acos", acos),
    ("atan", atan),
    ("atan2", atan2),
    ("sinh", sinh),
    ("cosh", cosh),
    ("tanh", tanh),
    ("asinh", asinh),
    ("acosh", acosh),
    ("atanh", atanh),
    ("cbrt", cbrt),
    ("erf", erf),
    ("gamma", gamma),
    ("lgamma", lgamma),
    ("erfc", erfc),
    ("fabs", fabs),
    ("fmod", fmod),
    ("remainder", remainder),
    ("modf", modf),
    ("frexp", frexp),
    ("ldexp", ldexp),
    ("copysign", copysign),
    ("floor", floor),
    ("ceil", ceil),
    ("trunc", trunc),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
    ("isclose", isclose),
    ("degrees", degrees),
    ("radians", radians),
    ("hypot", hypot),
    ("dist", dist),
    ("fsum", fsum),
    ("prod", prod),
    ("isqrt", isqrt),
    ("factorial", factorial),
    ("gcd", gcd),
    ("lcm", lcm),
    ("comb", comb),
    ("perm", perm),
    ("nextafter", nextafter),
    ("ulp", ulp),
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
        ],
    )
}

fn domain_error() -> PyErr {
    PyErr::value_error("math domain error")
}

fn range_error() -> PyErr {
    PyErr::new(ExcKind::OverflowError, "math range error")
}

/// `PyFloat_AsDouble`: floats, ints and bools.
pub fn to_double(v: Value) -> PyResult<f64> {
    if v.is_float() {
        return Ok(v.as_float());
    }
    if let Some(r) = stitch_core::special::instance_float(v) {
        return r;
    }
    match as_int(v) {
        Some(i) => i.to_f64(),
        None => Err(PyErr::type_error(format!("must be real number, not {}", type_name(v)))),
    }
}

/// The one argument of a METH_O function (`math.sqrt() takes exactly one argument`).
fn arg1(name: &str, args: &Args) -> PyResult<Value> {
    one(&format!("math.{name}"), args, 0)
}

/// Two positional arguments, Argument Clinic style (`pow expected 2 arguments, got 1`).
fn arg2<'a>(name: &str, args: &Args<'a>) -> PyResult<(Value, Value)> {
    no_keywords(name, args)?;
    let a = between(name, args, 0, 2, Some(2))?;
    Ok((a[0], a[1]))
}

/// CPython's `math_1`: NaN out of a non-NaN is a domain error; an infinity out of a
/// finite number is a range error when the function can overflow, else a domain error.
fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(Value::float(r))
}

/// CPython's `math_1a` for the functions that report through errno (gamma,
/// lgamma): a domain error is ValueError, a range error OverflowError unless the
/// result is below 1.5 in size (an underflow).
fn math_1a(x: f64, f: fn(f64) -> (f64, Option<super::math_gamma::MathErr>)) -> PyResult<Value> {
    use super::math_gamma::MathErr;
    match f(x) {
        (_, Some(MathErr::Domain)) => Err(domain_error()),
        (r, Some(MathErr::Range)) if r.abs() >= 1.5 => Err(range_error()),
        (r, _) => Ok(Value::float(r)),
    }
}

fn gamma(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    math_1a(to_double(arg1("gamma", args)?)?, super::math_gamma::gamma)
}

fn lgamma(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    math_1a(to_double(arg1("lgamma", args)?)?, super::math_gamma::lgamma)
}

macro_rules! func1 {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {$(
        fn $name(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
            let x = to_double(arg1(stringify!($name), args)?)?;
            math_1(x, |x: f64| ($f)(x), $overflow)
        }
    )*};
}

func1! {
    sqrt => libm::sqrt, false;
    exp => libm::exp, true;
    exp2 => libm::exp2, true;
    expm1 => libm::expm1, true;
    log1p => libm::log1p, false;
    sin => libm::sin, false;
    cos => libm::cos, false;
    tan => libm::tan, false;
    asin => libm::asin, false;
    acos => libm::acos, false;
    atan => libm::atan, false;
    sinh => libm::sinh, true;
    cosh => libm::cosh, true;
    tanh => libm::tanh, false;
    asinh => libm::asinh, false;
    acosh => libm::acosh, false;
    atanh => libm::atanh, false;
    cbrt => libm::cbrt, false;
    erf => libm::erf, false;
    erfc => libm::erfc, false;
    fabs => f64::abs, false;
}

/// CPython's `m_log`, `m_log2`, `m_log10`: zero and negatives are domain errors (NaN
/// or -inf out of a finite number).
fn m_log(x: f64, f: fn(f64) -> f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            f(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn m_ln(x: f64) -> f64 {
    m_log(x, |x| libm::log(x))
}

fn m_log2(x: f64) -> f64 {
    m_log(x, |x| libm::log2(x))
}

fn m_log10(x: f64) -> f64 {
    m_log(x, |x| libm::log10(x))
}

/// CPython's `loghelper`: an int too large for a float is taken as `m * 2**e`.
fn loghelper(v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = as_int(v) {
        if i.is_negative() || i.is_zero() {
            return Err(domain_error());
        }
        if let Ok(x) = i.to_f64() {
            return Ok(math_1(x, f, false)?.as_float());
        }
        // Too large for a float: log(m * 2**e) = log(m) + e * log(2), m from the top
        // 64 bits (CPython's _PyLong_Frexp keeps 55 and rounds; the log cannot tell).
        let big = i.big();
        let shift = big.bits().saturating_sub(64);
        let top = (&*big >> shift).to_f64().unwrap_or(f64::INFINITY);
        let (m, e) = frexp_parts(top);
        let e = e as f64 + shift as f64;
        return Ok(f(m) + f(2.0) * e);
    }
    Ok(math_1(to_double(v)?, f, false)?.as_float())
}

fn log(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("log", args)?;
    let a = args.positional;
    if a.is_empty() || a.len() > 2 {
        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(a[0], m_ln)?;
    if a.len() == 1 {
        return Ok(Value::float(num));
    }
    let den = loghelper(a[1], m_ln)?;
    if den == 0.0 {
        return Err(PyErr::zero_division("float division by zero"));
    }
    Ok(Value::float(num / den))
}

fn log2(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(Value::float(loghelper(arg1("log2", args)?, m_log2)?))
}

fn log10(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(Value::float(loghelper(arg1("log10", args)?, m_log10)?))
}

/// `frexp`: (m, e) with x = m * 2**e, 0.5 <= |m| < 1; zero, inf and NaN as they are.
fn frexp_parts(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp_parts(x * f64::from_bits(0x43f0_0000_0000_0000)); // 2**64
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// `ldexp`: scaled in exact steps while the value stays normal, so the result is
/// rounded once, as C's `ldexp` rounds it.
fn ldexp_f(x: f64, e: i64) -> f64 {
    let mut r = x;
    let mut e = e.clamp(-2300, 2300) as i32;
    while e > 1023 {
        r *= pow2(1023);
        e -= 1023;
    }
    while e < -1022 {
        let (_, re) = frexp_parts(r);
        // |r| >= 2**(re - 1): it may go down to 2**-1022 and stay exact.
        let room = (re - 1) + 1022;
        if room <= 0 {
            break;
        }
        let step = room.min(-e).min(1022);
        r *= pow2(-step);
        e += step;
    }
    if e < -1074 {
        return 0.0f64.copysign(r);
    }
    r * pow2(e)
}

fn pow2(e: i32) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

fn pow(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, b) = arg2("pow", args)?;
    let (x, y) = (to_double(a)?, to_double(b)?);
    let r;
    if !x.is_finite() || !y.is_finite() {
        r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && libm::fmod(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
    } else {
        r = libm::pow(x, y);
        if r.is_nan() {
            return Err(domain_error());
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain_error() } else { range_error() });
        }
    }
    Ok(Value::float(r))
}

fn atan2(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, b) = arg2("atan2", args)?;
    Ok(Value::float(libm::atan2(to_double(a)?, to_double(b)?)))
}

fn fmod(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, b) = arg2("fmod", args)?;
    let (x, y) = (to_double(a)?, to_double(b)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(Value::float(r))
}

/// `math.remainder(x, y)`: IEEE 754's remainder (the multiple of `y` nearest `x`, ties
/// to even), with CPython's special cases: NaNs pass through, an infinite `x` or a
/// zero `y` is a domain error, an infinite `y` leaves `x`.
fn remainder(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, b) = arg2("remainder", args)?;
    let (x, y) = (to_double(a)?, to_double(b)?);
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if y.is_nan() {
        return Ok(Value::float(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error());
    }
    if y.is_infinite() {
        return Ok(Value::float(x));
    }
    Ok(Value::float(libm::remainder(x, y)))
}

fn copysign(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, b) = arg2("copysign", args)?;
    Ok(Value::float(to_double(a)?.copysign(to_double(b)?)))
}

fn modf(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let x = to_double(arg1("modf", args)?)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let int = x.trunc();
        ((x - int).copysign(x), int)
    };
    Ok(tuple::from_vec(vec![Value::float(frac), Value::float(int)]))
}

fn frexp(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let x = to_double(arg1("frexp", args)?)?;
    let (m, e) = frexp_parts(x);
    Ok(tuple::from_vec(vec![Value::float(m), Value::int(e as i64)]))
}

fn ldexp(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, b) = arg2("ldexp", args)?;
    let x = to_double(a)?;
    let Some(i) = as_int(b) else {
        return Err(PyErr::type_error("Expected an int as second argument to ldexp."));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    let e = match i.to_i64() {
        Some(e) => e,
        None if i.is_negative() => return Ok(Value::float(0.0f64.copysign(x))),
        None => return Err(range_error()),
    };
    let r = ldexp_f(x, e);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::float(r))
}

/// `floor`/`ceil`: ints are returned as they are; floats become ints.
fn rounding(name: &str, args: &Args, f: fn(f64) -> f64) -> PyResult<Value> {
    let v = arg1(name, args)?;
    if let Some(i) = as_int(v) {
        return Ok(i.to_value());
    }
    if let Some(r) = stitch_core::special::conversion(v, &format!("__{name}__"), &[]) {
        return r;
    }
    float_to_int(f(to_double(v)?))
}

pub(crate) fn floor(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    rounding("floor", args, f64::floor)
}

pub(crate) fn ceil(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    rounding("ceil", args, f64::ceil)
}

pub(crate) fn trunc(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = arg1("trunc", args)?;
    if let Some(i) = as_int(v) {
        return Ok(i.to_value());
    }
    if v.is_float() {
        return float_to_int(v.as_float());
    }
    if let Some(r) = stitch_core::special::conversion(v, "__trunc__", &[]) {
        return r;
    }
    if let Some(f) = stitch_core::float_subclass::value(v) {
        return float_to_int(f);
    }
    Err(PyErr::type_error(format!("type {} doesn't define __trunc__ method", type_name(v))))
}

fn isfinite(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(Value::bool(to_double(arg1("isfinite", args)?)?.is_finite()))
}

fn isinf(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(Value::bool(to_double(arg1("isinf", args)?)?.is_infinite()))
}

fn isnan(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(Value::bool(to_double(arg1("isnan", args)?)?.is_nan()))
}

fn isclose(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if args.positional.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.positional.len()
        )));
    }
    let a = bind("isclose", args, 0, &["a", "b", "rel_tol", "abs_tol"], 0, 2)?;
    let x = to_double(a[0].unwrap_or(Value::NONE))?;
    let y = to_double(a[1].unwrap_or(Value::NONE))?;
    let rel_tol = match a[2] {
        Some(v) => to_double(v)?,
        None => 1e-9,
    };
    let abs_tol = match a[3] {
        Some(v) => to_double(v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (y - x).abs();
    Ok(Value::bool(diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol))
}

fn degrees(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(Value::float(to_double(arg1("degrees", args)?)? * (180.0 / std::f64::consts::PI)))
}

fn radians(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(Value::float(to_double(arg1("radians", args)?)? * (std::f64::consts::PI / 180.0)))
}

/// CPython 3.11's `vector_norm`: scaled, Dekker-split squares summed with
/// compensation, then one differential correction of the square root.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0; // ldexp(1.0, 27) + 1.0
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp_parts(max);
    if max_e < -1023 {
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp_f(1.0, -max_e as i64);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let mut x = v * scale;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        x = hi * hi;
        let mut old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        x = 2.0 * hi * lo;
        old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        frac3 += lo * lo;
    }
    let h = libm::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    let t = h * T27;
    let hi = t - (t - h);
    let lo = h - hi;
    let mut x = -hi * hi;
    let mut old = csum;
    csum += x;
    frac1 += (old - csum) + x;
    x = -2.0 * hi * lo;
    old = csum;
    csum += x;
    frac2 += (old - csum) + x;
    x = -lo * lo;
    old = csum;
    csum += x;
    frac3 += (old - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

fn hypot(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("hypot", args)?;
    let mut coords = Vec::with_capacity(args.positional.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for &v in args.positional {
        let x = to_double(v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::float(vector_norm(&mut coords, max, found_nan)))
}

fn dist(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (p, q) = arg2("dist", args)?;
    let p: Vec<Owned> = consume::collect(p)?.into_iter().map(Owned).collect();
    let q: Vec<Owned> = consume::collect(q)?.into_iter().map(Owned).collect();
    if p.len() != q.len() {
        return Err(PyErr::value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(&q) {
        let x = (to_double(a.get())? - to_double(b.get())?).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::float(vector_norm(&mut diffs, max, found_nan)))
}

/// CPython's `math_fsum`: Shewchuk's exact partial sums, with its handling of
/// infinities, NaNs and intermediate overflow, and its final half-way correction.
fn fsum(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let seq = arg1("fsum", args)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    let mut err = None;
    consume::for_each(seq, |item| {
        let mut x = to_double(item.get())?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A non-finite x: either an input inf/nan or an overflow.
                if xsave.is_finite() {
                    err = Some(PyErr::new(ExcKind::OverflowError, "intermediate overflow in fsum"));
                    return Ok(false);
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
        Ok(true)
    })?;
    if let Some(e) = err {
        return Err(e);
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly: if the rest of the partials have the same sign
        // as lo, the rounding of hi went the wrong way.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

fn prod(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if args.positional.len() != 1 {
        return Err(PyErr::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.positional.len()
        )));
    }
    let a = bind("prod", args, 0, &["iterable", "start"], 1, 1)?;
    let start = a[1].unwrap_or(Value::int(1));
    start.incref();
    let mut acc = Owned(start);
    consume::for_each(a[0].unwrap_or(Value::NONE), |item| {
        acc = Owned(arith::binary_op(rt, acc.get(), item.get(), NB_MULTIPLY)?);
        Ok(true)
    })?;
    Ok(acc.into_raw())
}

/// An int argument as a big int (`'float' object cannot be interpreted as an integer`).
fn big_arg(v: Value) -> PyResult<BigInt> {
    Ok(require_int(v)?.big().into_owned())
}

fn isqrt(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let n = big_arg(arg1("isqrt", args)?)?;
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(from_bigint(n.sqrt()))
}

/// The product of the odd numbers and so on, split in halves so the big products
/// stay balanced.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut word: u64 = 1;
        for k in lo..hi {
            match word.checked_mul(k) {
                Some(w) => word = w,
                None => {
                    acc *= word;
                    word = k;
                }
            }
        }
        return acc * word;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn factorial(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = arg1("factorial", args)?;
    let n = require_int(v)?;
    let n = match n.to_i64() {
        Some(n) => n,
        None if n.is_negative() => return Err(PyErr::value_error("factorial() not defined for negative values")),
        None => {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "factorial() argument should not exceed 9223372036854775807",
            ));
        }
    };
    if n < 0 {
        return Err(PyErr::value_error("factorial() not defined for negative values"));
    }
    Ok(from_bigint(range_product(1, n as u64 + 1)))
}

fn gcd(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("gcd", args)?;
    let mut acc = BigInt::zero();
    for &v in args.positional {
        let x = big_arg(v)?;
        acc = acc.gcd(&x);
    }
    Ok(from_bigint(acc))
}

fn lcm(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("lcm", args)?;
    let mut acc = BigInt::one();
    for &v in args.positional {
        let x = big_arg(v)?;
        acc = if acc.is_zero() || x.is_zero() { BigInt::zero() } else { acc.lcm(&x) };
    }
    Ok(from_bigint(acc.abs()))
}

/// `n` and `k` of `comb`/`perm`, with CPython's errors for negatives.
fn n_k(n: Value, k: Value) -> PyResult<(BigInt, BigInt)> {
    let (n, k) = (big_arg(n)?, big_arg(k)?);
    if n.sign() == Sign::Minus {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.sign() == Sign::Minus {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// n * (n-1) * ... * (n-k+1), for k that fits a machine word.
fn falling(n: &BigInt, k: u64) -> BigInt {
    if let Some(nn) = n.to_u64() {
        return range_product(nn - k + 1, nn + 1);
    }
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= n - BigInt::from(i);
    }
    acc
}

fn comb(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, b) = arg2("comb", args)?;
    let (n, k) = n_k(a, b)?;
    if k > n {
        return Ok(Value::int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let k = k.to_u64().ok_or_else(|| {
        PyErr::new(ExcKind::OverflowError, format!("min(n - k, k) must not exceed {}", i64::MAX))
    })?;
    Ok(from_bigint(falling(&n, k) / range_product(1, k + 1)))
}

fn perm(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("perm", args)?;
    let a = between("perm", args, 0, 1, Some(2))?;
    if a.len() == 1 || a[1] == Value::NONE {
        return factorial(_rt, &Args { positional: &a[..1], keywords: &[] });
    }
    let (n, k) = n_k(a[0], a[1])?;
    if k > n {
        return Ok(Value::int(0));
    }
    let k = k
        .to_u64()
        .ok_or_else(|| PyErr::new(ExcKind::OverflowError, format!("k must not exceed {}", i64::MAX)))?;
    Ok(from_bigint(falling(&n, k)))
}

fn nextafter(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, b) = arg2("nextafter", args)?;
    let (x, y) = (to_double(a)?, to_double(b)?);
    Ok(Value::float(next_after(x, y)))
}

fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn ulp(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let x = to_double(arg1("ulp", args)?)?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::float(x));
    }
    let x2 = next_after(x, f64::INFINITY);
    if x2.is_infinite() {
        let x2 = next_after(x, -f64::INFINITY);
        return Ok(Value::float(x - x2));
    }
    Ok(Value::float(x2 - x))
}
