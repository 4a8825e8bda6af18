//! `random`, bit-identical with CPython for int seeds: the Mersenne Twister of
//! `Modules/_randommodule.c` (`init_by_array` seeding from the seed's 32-bit words)
//! and the derivations of `Lib/random.py` (`random`, `getrandbits`, `_randbelow` by
//! rejection, `randrange`, `randint`, `choice`, `shuffle`, `uniform`; `sample`,
//! `choices`, `gauss` and `normalvariate` in `random_dist.rs`). A str, bytes or
//! bytearray seed is the int of its bytes followed by their SHA-512 digest, as in
//! CPython's version 2 seeding. Other seeds (float, version 1) and the other functions
//! are outside the subset for now.

use crate::args::{between, no_keywords, one};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{ToPrimitive, Zero};
use stitch_abi::{KIND_LIST, Value};
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::bigint::from_bigint;
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::list;
use stitch_core::ops::num::{as_int, require_int};
use stitch_core::ops::{subscript, types};
use stitch_core::vm::Runtime;
use std::cell::RefCell;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("seed", seed),
    ("random", random),
    ("getrandbits", getrandbits),
    ("randrange", randrange),
    ("randint", randint),
    ("choice", choice),
    ("shuffle", shuffle),
    ("uniform", uniform),
    ("sample", super::random_dist::sample),
    ("choices", super::random_dist::choices),
    ("gauss", super::random_dist::gauss),
    ("normalvariate", super::random_dist::normalvariate),
];

pub fn namespace() -> Value {
    super::namespace_of(FUNCTIONS, vec![("Random", super::native_type("random.Random"))])
}

const N: usize = 624;
const M: usize = 397;

/// MT19937's state.
pub(super) struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(s: u32) -> Mt {
        let mut state = [0u32; N];
        state[0] = s;
        for i in 1..N {
            let p = state[i - 1];
            state[i] = 1812433253u32.wrapping_mul(p ^ (p >> 30)).wrapping_add(i as u32);
        }
        Mt { state, index: N }
    }

    fn init_by_array(key: &[u32]) -> Mt {
        let mut mt = Mt::init_genrand(19650218);
        let s = &mut mt.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let p = s[i - 1];
            s[i] = (s[i] ^ (p ^ (p >> 30)).wrapping_mul(1664525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let p = s[i - 1];
            s[i] = (s[i] ^ (p ^ (p >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
        }
        s[0] = 0x8000_0000;
        mt
    }

    fn next_u32(&mut self) -> u32 {
        const MAG: [u32; 2] = [0, 0x9908_b0df];
        if self.index >= N {
            let s = &mut self.state;
            for k in 0..N {
                let y = (s[k] & 0x8000_0000) | (s[(k + 1) % N] & 0x7fff_ffff);
                s[k] = s[(k + M) % N] ^ (y >> 1) ^ MAG[(y & 1) as usize];
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    pub(super) fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)`: 32-bit words, least significant first, the top one shifted.
    fn getrandbits(&mut self, k: u64) -> BigUint {
        if k <= 32 {
            return BigUint::from(if k == 0 { 0 } else { self.next_u32() >> (32 - k) });
        }
        let words = k.div_ceil(32) as usize;
        let mut digits = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let r = self.next_u32();
            digits.push(if left < 32 { r >> (32 - left) } else { r });
            left = left.saturating_sub(32);
        }
        BigUint::new(digits)
    }

    /// `_randbelow(n)` for n > 0: `getrandbits(n.bit_length())` until below n.
    fn randbelow(&mut self, n: &BigUint) -> BigUint {
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    pub(super) fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow(&BigUint::from(n)).to_usize().unwrap_or(0)
    }
}

thread_local! {
    /// The module's generator (CPython's hidden `random._inst`), seeded on first use.
    static GENERATOR: RefCell<Option<Mt>> = const { RefCell::new(None) };
}

/// A seed from the time and the process, for a program that never calls `seed`
/// (CPython takes os.urandom; either way the numbers differ from run to run).
fn entropy_seed() -> Mt {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let mixed = nanos ^ ((std::process::id() as u128) << 64);
    Mt::init_by_array(&[mixed as u32, (mixed >> 32) as u32, (mixed >> 64) as u32, (mixed >> 96) as u32])
}

/// Puts `mt` in as the module's generator; the one it replaces.
pub(super) fn swap_generator(mt: Option<Mt>) -> Option<Mt> {
    GENERATOR.with(|g| std::mem::replace(&mut *g.borrow_mut(), mt))
}

pub(super) fn with<R>(f: impl FnOnce(&mut Mt) -> R) -> R {
    GENERATOR.with(|g| f(g.borrow_mut().get_or_insert_with(entropy_seed)))
}

pub(super) fn seed(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("seed", args)?;
    let a = between("seed", args, 0, 0, Some(2))?;
    let v = a.first().copied().unwrap_or(Value::NONE);
    if a.get(1).is_some_and(|&version| !(version.is_int() && version.as_int() == 2)) {
        return Err(PyErr::unsupported("random.seed() with a version other than 2"));
    }
    let text = if v.is_kind(stitch_abi::KIND_STR) {
        // SAFETY: a str, checked above.
        Some(unsafe { stitch_core::objects::str::text(v) }?.as_bytes().to_vec())
    } else {
        stitch_core::objects::bytes::bytes_of(v)
    };
    let mt = if v == Value::NONE {
        entropy_seed()
    } else if let Some(i) = as_int(v) {
        // |n| as 32-bit words, least significant first (0 gives [0]).
        let mut key = i.big().magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        Mt::init_by_array(&key)
    } else if let Some(mut data) = text {
        let digest = <sha2::Sha512 as sha2::Digest>::digest(&data);
        data.extend_from_slice(&digest);
        let mut key = BigUint::from_bytes_be(&data).to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        Mt::init_by_array(&key)
    } else {
        return Err(PyErr::unsupported(format!("random.seed() of a {}", types::type_name(v))));
    };
    GENERATOR.with(|g| *g.borrow_mut() = Some(mt));
    super::random_dist::forget_gauss_next();
    Ok(Value::NONE)
}

pub(super) fn random(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("random", args, 0)?;
    Ok(Value::float(with(Mt::random)))
}

pub(super) fn getrandbits(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let k = one("getrandbits", args, 0)?;
    let k = require_int(k)?;
    if k.is_negative() {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    let k = k.to_i64().ok_or_else(|| PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C int"))?;
    Ok(from_bigint(BigInt::from_biguint(Sign::Plus, with(|mt| mt.getrandbits(k as u64)))))
}

/// An int argument of randrange (CPython 3.11 still accepts integral floats, with a
/// DeprecationWarning: outside the subset).
fn int_arg(v: Value) -> PyResult<BigInt> {
    match as_int(v) {
        Some(i) => Ok(i.big().into_owned()),
        None if v.is_float() => Err(PyErr::unsupported("randrange() of a float")),
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", types::type_name(v)))),
    }
}

fn below(n: &BigInt) -> BigInt {
    BigInt::from_biguint(Sign::Plus, with(|mt| mt.randbelow(n.magnitude())))
}

fn randrange_of(start: Value, stop: Option<Value>, step: Option<Value>) -> PyResult<Value> {
    let istart = int_arg(start)?;
    let Some(stop) = stop.filter(|&s| s != Value::NONE) else {
        if step.is_some() {
            return Err(PyErr::type_error("Missing a non-None stop argument"));
        }
        if istart > BigInt::zero() {
            return Ok(from_bigint(below(&istart)));
        }
        return Err(PyErr::value_error("empty range for randrange()"));
    };
    let istop = int_arg(stop)?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => int_arg(s)?,
        None => BigInt::from(1),
    };
    if istep == BigInt::from(1) {
        if width > BigInt::zero() {
            return Ok(from_bigint(istart + below(&width)));
        }
        return Err(PyErr::value_error(format!("empty range for randrange() ({istart}, {istop}, {width})")));
    }
    let n = if istep > BigInt::zero() {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep < BigInt::zero() {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return Err(PyErr::value_error("zero step for randrange()"));
    };
    if n <= BigInt::zero() {
        return Err(PyErr::value_error("empty range for randrange()"));
    }
    Ok(from_bigint(istart + istep * below(&n)))
}

pub(super) fn randrange(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = crate::args::bind("randrange", args, 0, &["start", "stop", "step"], 0, 1)?;
    randrange_of(a[0].unwrap_or(Value::NONE), a[1], a[2])
}

pub(super) fn randint(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = crate::args::bind("randint", args, 0, &["a", "b"], 0, 2)?;
    let b = int_arg(a[1].unwrap_or(Value::NONE))?;
    let stop = from_bigint(b + 1);
    let r = randrange_of(a[0].unwrap_or(Value::NONE), Some(stop), None);
    stop.decref();
    r
}

pub(super) fn choice(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let seq = one("choice", args, 0)?;
    let n = types::len(seq).ok_or_else(|| {
        PyErr::type_error(format!("object of type '{}' has no len()", types::type_name(seq)))
    })?;
    if n == 0 {
        return Err(PyErr::index_error("Cannot choose from an empty sequence"));
    }
    let i = with(|mt| mt.randbelow_usize(n));
    subscript::getitem(seq, Value::int(i as i64))
}

pub(super) fn shuffle(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let x = one("shuffle", args, 0)?;
    if !x.is_kind(KIND_LIST) {
        return Err(PyErr::unsupported(format!("random.shuffle() of a {}", types::type_name(x))));
    }
    // SAFETY: the kind was checked; swapping items keeps every reference.
    unsafe {
        list::with_vec(x.cast(), |v| {
            for i in (1..v.len()).rev() {
                let j = with(|mt| mt.randbelow_usize(i + 1));
                v.swap(i, j);
            }
        })
    };
    Ok(Value::NONE)
}

pub(super) fn uniform(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = crate::args::bind("uniform", args, 0, &["a", "b"], 0, 2)?;
    let x = crate::modules::math::to_double(a[0].unwrap_or(Value::NONE))?;
    let y = crate::modules::math::to_double(a[1].unwrap_or(Value::NONE))?;
    let r = with(Mt::random);
    Ok(Value::float(x + (y - x) * r))
}
