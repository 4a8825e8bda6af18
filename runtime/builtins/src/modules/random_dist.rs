//! `random.sample`, `choices`, `gauss` and `normalvariate`: `Lib/random.py`'s
//! algorithms over the shared generator, so the same seed gives CPython's values.

use super::random::{Mt, with};
use crate::args::bind;
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::{Owned, list};
use stitch_core::ops::arith::binary_op;
use stitch_core::ops::compare::lt;
use stitch_core::ops::consume::collect;
use stitch_core::ops::{subscript, types};
use stitch_core::vm::Runtime;
use std::cell::Cell;
use std::collections::HashSet;

thread_local! {
    /// `gauss`'s second value, kept for the next call (CPython's `gauss_next`).
    static GAUSS_NEXT: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Puts `v` in as the kept value; the one it replaces.
pub fn swap_gauss_next(v: Option<f64>) -> Option<f64> {
    GAUSS_NEXT.with(|g| g.replace(v))
}

/// `seed()` drops the kept value, as CPython's does.
pub fn forget_gauss_next() {
    GAUSS_NEXT.with(|g| g.set(None));
}

fn float_arg(v: Option<Value>, default: f64) -> PyResult<f64> {
    match v {
        Some(v) => super::math::to_double(v),
        None => Ok(default),
    }
}

pub fn gauss(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("gauss", args, 0, &["mu", "sigma"], 0, 0)?;
    let (mu, sigma) = (float_arg(p[0], 0.0)?, float_arg(p[1], 1.0)?);
    let z = match GAUSS_NEXT.with(|g| g.take()) {
        Some(z) => z,
        None => {
            let x2pi = with(Mt::random) * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - with(Mt::random)).ln()).sqrt();
            GAUSS_NEXT.with(|g| g.set(Some(x2pi.sin() * g2rad)));
            x2pi.cos() * g2rad
        }
    };
    Ok(Value::float(mu + z * sigma))
}

pub fn normalvariate(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("normalvariate", args, 0, &["mu", "sigma"], 0, 0)?;
    let (mu, sigma) = (float_arg(p[0], 0.0)?, float_arg(p[1], 1.0)?);
    // Kinderman and Monahan's method; NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0).
    let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    loop {
        let u1 = with(Mt::random);
        let u2 = 1.0 - with(Mt::random);
        let z = magic * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            return Ok(Value::float(mu + z * sigma));
        }
    }
}

/// The length of a sequence argument (dicts and other non-sequences refused as
/// CPython refuses them).
fn sequence_len(v: Value) -> PyResult<usize> {
    if !matches!(stitch_core::objects::kind(v), KIND_LIST | KIND_TUPLE | KIND_STR | KIND_RANGE) {
        return Err(PyErr::type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."));
    }
    types::len(v).ok_or_else(|| PyErr::type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."))
}

pub fn sample(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("sample", args, 0, &["population", "k", "counts"], 0, 2)?;
    if p[2].is_some_and(|c| c != Value::NONE) {
        return Err(PyErr::unsupported("random.sample(counts=)"));
    }
    let population = p[0].unwrap_or(Value::NONE);
    let n = sequence_len(population)?;
    let k = stitch_core::ops::num::require_i64(p[1].unwrap_or(Value::NONE))?;
    if k < 0 || k as usize > n {
        return Err(PyErr::value_error("Sample larger than population or is negative"));
    }
    let k = k as usize;
    let mut setsize = 21usize;
    if k > 5 {
        // 4 ** ceil(log(k * 3, 4)), with math.log's division of logarithms.
        setsize += 4usize.pow((((k * 3) as f64).ln() / 4f64.ln()).ceil() as u32);
    }
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool: Vec<Owned> = collect(population)?.into_iter().map(Owned).collect();
        for i in 0..k {
            let j = with(|mt| mt.randbelow_usize(n - i));
            result.push(pool[j].clone().into_raw());
            pool.swap(j, n - i - 1);
        }
    } else {
        let mut selected = HashSet::new();
        for _ in 0..k {
            let mut j = with(|mt| mt.randbelow_usize(n));
            while selected.contains(&j) {
                j = with(|mt| mt.randbelow_usize(n));
            }
            selected.insert(j);
            match subscript::getitem(population, Value::int(j as i64)) {
                Ok(v) => result.push(v),
                Err(e) => {
                    result.into_iter().for_each(Value::decref);
                    return Err(e);
                }
            }
        }
    }
    Ok(list::from_vec(result))
}

pub fn choices(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("choices", args, 0, &["population", "weights", "cum_weights", "k"], 0, 1)?;
    let population = p[0].unwrap_or(Value::NONE);
    let n = sequence_len(population)?;
    let k = match p[3] {
        Some(k) => stitch_core::ops::num::require_i64(k)?.max(0) as usize,
        None => 1,
    };
    let weights = p[1].filter(|&w| w != Value::NONE);
    let cum = p[2].filter(|&w| w != Value::NONE);
    let pick = |i: usize| subscript::getitem(population, Value::int(i as i64));
    let mut out = Vec::with_capacity(k);
    let cum_weights: Vec<Owned> = match (weights, cum) {
        (None, None) => {
            let nf = n as f64;
            for _ in 0..k {
                let i = (with(Mt::random) * nf).floor() as usize;
                match pick(i) {
                    Ok(v) => out.push(v),
                    Err(e) => {
                        out.into_iter().for_each(Value::decref);
                        return Err(e);
                    }
                }
            }
            return Ok(list::from_vec(out));
        }
        (Some(_), Some(_)) => return Err(PyErr::type_error("Cannot specify both weights and cumulative weights")),
        (Some(w), None) => {
            let mut acc: Option<Owned> = None;
            let mut cum = Vec::new();
            for x in collect(w)?.into_iter().map(Owned) {
                let next = match &acc {
                    None => x,
                    Some(a) => Owned(binary_op(rt, a.get(), x.get(), NB_ADD)?),
                };
                cum.push(next.clone());
                acc = Some(next);
            }
            cum
        }
        (None, Some(c)) => collect(c)?.into_iter().map(Owned).collect(),
    };
    if cum_weights.len() != n {
        return Err(PyErr::value_error("The number of weights does not match the population"));
    }
    let total = super::math::to_double(cum_weights.last().map_or(Value::int(0), Owned::get))? + 0.0;
    if total <= 0.0 {
        return Err(PyErr::value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(PyErr::value_error("Total of weights must be finite"));
    }
    let hi = n - 1;
    for _ in 0..k {
        let x = Value::float(with(Mt::random) * total);
        // bisect_right(cum_weights, x, 0, hi)
        let (mut lo, mut h) = (0usize, hi);
        while lo < h {
            let mid = (lo + h) / 2;
            if lt(x, cum_weights[mid].get())? {
                h = mid;
            } else {
                lo = mid + 1;
            }
        }
        match pick(lo) {
            Ok(v) => out.push(v),
            Err(e) => {
                out.into_iter().for_each(Value::decref);
                return Err(e);
            }
        }
    }
    Ok(list::from_vec(out))
}
