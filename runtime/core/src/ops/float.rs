//! Float arithmetic with CPython's rules: the sign of zero in `%` and `//`, the
//! special cases of `**`, and the error messages.

use crate::errors::{PyErr, PyResult};

pub fn div(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// CPython's `float_rem`: the result has the sign of the divisor, and a zero result
/// is a zero of that sign.
pub fn rem(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float modulo"));
    }
    Ok(rem_nonzero(a, b))
}

fn rem_nonzero(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) { m + b } else { m }
    } else {
        0.0f64.copysign(b)
    }
}

pub fn floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float floor division by zero"));
    }
    Ok(divmod_nonzero(a, b).0)
}

pub fn divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float divmod()"));
    }
    Ok(divmod_nonzero(a, b))
}

/// CPython's `_float_div_mod`: the quotient is computed from the exact remainder so
/// that `q * b + r == a` as nearly as floats allow.
fn divmod_nonzero(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let q = if div != 0.0 {
        let mut q = div.floor();
        if div - q > 0.5 {
            q += 1.0;
        }
        q
    } else {
        0.0f64.copysign(a / b)
    };
    (q, m)
}

/// CPython's `DOUBLE_IS_ODD_INTEGER`.
fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// CPython's `float_pow` for real results. A negative base to a fractional power
/// is complex: `arith::numeric` hands those to `ops::complex` before calling this,
/// so the refusal below is only a guard for other callers.
pub fn pow(iv: f64, iw: f64) -> PyResult<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(PyErr::zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(PyErr::unsupported("complex numbers (a negative number raised to a fractional power)"));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(PyErr::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}
