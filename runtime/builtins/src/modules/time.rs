//! `time`: the clocks and `sleep` (the values differ from run to run, as CPython's do).

use crate::args::one;
use crate::modules::math::to_double;
use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::vm::Runtime;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("time", time),
    ("perf_counter", monotonic),
    ("monotonic", monotonic),
    ("process_time", process_time),
    ("time_ns", time_ns),
    ("perf_counter_ns", monotonic_ns),
    ("monotonic_ns", monotonic_ns),
    ("sleep", sleep),
    ("_stitch_utcoffset", utcoffset),
];

pub fn namespace() -> Value {
    super::namespace_of(FUNCTIONS, vec![])
}

fn since_epoch() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

/// Seconds on a monotonic clock, from an origin fixed at the first call.
fn monotonic_duration() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

fn time(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("time", args, 0)?;
    Ok(Value::float(since_epoch().as_secs_f64()))
}

fn time_ns(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("time_ns", args, 0)?;
    Ok(stitch_core::objects::bigint::from_i128(since_epoch().as_nanos() as i128))
}

fn monotonic(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("monotonic", args, 0)?;
    Ok(Value::float(monotonic_duration().as_secs_f64()))
}

fn monotonic_ns(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("monotonic_ns", args, 0)?;
    Ok(stitch_core::objects::bigint::from_i128(monotonic_duration().as_nanos() as i128))
}

/// CPU time of the process (approximated by the monotonic clock: a single-threaded
/// program that does not sleep spends its wall time on the CPU).
fn process_time(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("process_time", args, 0)?;
    Ok(Value::float(monotonic_duration().as_secs_f64()))
}

fn sleep(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let secs = to_double(one("sleep", args, 0)?)?;
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    // In slices, so that a SIGINT raises KeyboardInterrupt here soon, as CPython's
    // sleep is interrupted.
    let end = std::time::Instant::now() + Duration::from_secs_f64(secs.min(1e9));
    loop {
        if stitch_core::output::take_interrupt() {
            return Err(PyErr::bare(stitch_core::errors::ExcKind::KeyboardInterrupt));
        }
        let left = end.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Ok(Value::NONE);
        }
        std::thread::sleep(left.min(Duration::from_millis(20)));
    }
}

/// `time._stitch_utcoffset(secs)`: the machine's UTC offset in seconds (local time
/// minus UTC) at the POSIX time `secs`, from the C library's `localtime_r` (which reads
/// TZ and the zone files, as CPython's time module does). stitch's own name: the
/// datetime module (written in Python) turns timestamps into local times with it.
fn utcoffset(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let secs = one("_stitch_utcoffset", args, 0)?;
    if !secs.is_int() {
        return Err(PyErr::type_error("_stitch_utcoffset() takes a small int"));
    }
    let t: libc::time_t = secs.as_int() as libc::time_t;
    // SAFETY: `localtime_r` reads `t` and writes only into `tm`, a plain C struct for
    // which all zero bytes are a valid value; both live on this stack frame.
    let (ok, tm) = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        let ok = !libc::localtime_r(&t, &mut tm).is_null();
        (ok, tm)
    };
    if !ok {
        return Err(PyErr::new(stitch_core::errors::ExcKind::OverflowError, "timestamp out of range for platform time_t"));
    }
    Ok(Value::int(tm.tm_gmtoff as i64))
}
