//! `hashlib`: the MD5, SHA-1 and SHA-2 constructors (`md5`, `sha1`, `sha224`,
//! `sha256`, `sha384`, `sha512`, and `new(name)` for those names) and their hash
//! objects (`update`, `digest`, `hexdigest`, `copy`, `name`, `digest_size`,
//! `block_size`), computed by the RustCrypto crates. Other algorithms (SHA-3, BLAKE2,
//! SHAKE) are outside the subset and refused by name.

use crate::args::takes;
use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::native::{Native, downcast, new_native};
use stitch_core::objects::{bytes, str as strs};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;
use std::any::Any;
use std::cell::RefCell;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("new", new),
    ("md5", md5_new),
    ("sha1", sha1_new),
    ("sha224", sha224_new),
    ("sha256", sha256_new),
    ("sha384", sha384_new),
    ("sha512", sha512_new),
];

pub fn namespace() -> Value {
    super::namespace_of(FUNCTIONS, vec![])
}

/// The running state of one algorithm.
#[derive(Clone)]
enum State {
    Md5(Md5),
    Sha1(Sha1),
    Sha224(Sha224),
    Sha256(Sha256),
    Sha384(Sha384),
    Sha512(Sha512),
}

impl State {
    fn named(name: &str) -> Option<State> {
        Some(match name {
            "md5" => State::Md5(Md5::new()),
            "sha1" => State::Sha1(Sha1::new()),
            "sha224" => State::Sha224(Sha224::new()),
            "sha256" => State::Sha256(Sha256::new()),
            "sha384" => State::Sha384(Sha384::new()),
            "sha512" => State::Sha512(Sha512::new()),
            _ => return None,
        })
    }

    fn name(&self) -> &'static str {
        match self {
            State::Md5(_) => "md5",
            State::Sha1(_) => "sha1",
            State::Sha224(_) => "sha224",
            State::Sha256(_) => "sha256",
            State::Sha384(_) => "sha384",
            State::Sha512(_) => "sha512",
        }
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => h.update(data),
            State::Sha1(h) => h.update(data),
            State::Sha224(h) => h.update(data),
            State::Sha256(h) => h.update(data),
            State::Sha384(h) => h.update(data),
            State::Sha512(h) => h.update(data),
        }
    }

    /// The digest of what was fed so far; the state goes on (a clone is finalized).
    fn digest(&self) -> Vec<u8> {
        match self.clone() {
            State::Md5(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha224(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
        }
    }

    fn digest_size(&self) -> usize {
        match self {
            State::Md5(_) => 16,
            State::Sha1(_) => 20,
            State::Sha224(_) => 28,
            State::Sha256(_) => 32,
            State::Sha384(_) => 48,
            State::Sha512(_) => 64,
        }
    }

    fn block_size(&self) -> usize {
        match self {
            State::Md5(_) | State::Sha1(_) | State::Sha224(_) | State::Sha256(_) => 64,
            State::Sha384(_) | State::Sha512(_) => 128,
        }
    }
}

/// A hash object (CPython's `_hashlib.HASH`).
pub struct Hash {
    state: RefCell<State>,
}

impl Native for Hash {
    fn type_name(&self) -> &'static str {
        "HASH"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn repr(&self) -> Option<PyResult<String>> {
        Some(Ok(format!("<{} _hashlib.HASH object @ {:#x}>", self.state.borrow().name(), self as *const Hash as usize)))
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        let state = self.state.borrow();
        match name {
            "name" => Some(Ok(strs::new_str(state.name()))),
            "digest_size" => Some(Ok(Value::int(state.digest_size() as i64))),
            "block_size" => Some(Ok(Value::int(state.block_size() as i64))),
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub const HASH_METHODS: &[(&str, BuiltinFn)] = &[("update", update), ("digest", digest), ("hexdigest", hexdigest), ("copy", copy)];

/// The bytes to hash, as CPython's hash objects take them: a bytes-like object; a str
/// must be encoded first.
fn data_of(v: Value) -> PyResult<Vec<u8>> {
    if v.is_kind(KIND_STR) {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    bytes::bytes_of(v).ok_or_else(|| PyErr::type_error("object supporting the buffer API required"))
}

/// A new hash object of `state` fed with the constructor's data (CPython 3.11 names
/// the parameter `string`; `usedforsecurity`, keyword only, changes nothing here).
fn make(mut state: State, args: &Args, what: &str) -> PyResult<Value> {
    let positional = takes(what, args, 0, 0, 1)?;
    let mut data = positional.first().copied();
    for &(k, v) in args.keywords {
        match k {
            "string" if data.is_none() => data = Some(v),
            "string" => return Err(PyErr::type_error(format!("argument for {what}() given by name ('string') and position (1)"))),
            "usedforsecurity" => {}
            _ => return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for {what}()"))),
        }
    }
    if let Some(d) = data {
        state.update(&data_of(d)?);
    }
    Ok(new_native(Box::new(Hash { state: RefCell::new(state) })))
}

macro_rules! constructor {
    ($fn_name:ident, $algo:literal) => {
        fn $fn_name(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
            make(State::named($algo).expect("a known algorithm"), args, concat!("openssl_", $algo))
        }
    };
}

constructor!(md5_new, "md5");
constructor!(sha1_new, "sha1");
constructor!(sha224_new, "sha224");
constructor!(sha256_new, "sha256");
constructor!(sha384_new, "sha384");
constructor!(sha512_new, "sha512");

/// `hashlib.new(name, data=b'', **kwargs)`: names as CPython spells them, in any
/// case; the data goes on to the constructor as its positional argument.
fn new(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let positional = takes("__hash_new", args, 0, 0, 2)?;
    let mut name = positional.first().copied();
    let mut data = positional.get(1).copied();
    let mut rest = Vec::new();
    for &(k, v) in args.keywords {
        match k {
            "name" if name.is_none() => name = Some(v),
            "data" if data.is_none() => data = Some(v),
            "name" | "data" => return Err(PyErr::type_error(format!("__hash_new() got multiple values for argument '{k}'"))),
            _ => rest.push((k, v)),
        }
    }
    let name = match name {
        Some(n) if n.is_kind(KIND_STR) => {
            // SAFETY: the kind was checked.
            unsafe { strs::text(n) }?.to_ascii_lowercase()
        }
        Some(n) => return Err(PyErr::type_error(format!("new() argument 'name' must be str, not {}", type_name(n)))),
        None => return Err(PyErr::type_error("__hash_new() missing 1 required positional argument: 'name'")),
    };
    let Some(state) = State::named(&name) else {
        return Err(match name.as_str() {
            "sha3_224" | "sha3_256" | "sha3_384" | "sha3_512" | "shake_128" | "shake_256" | "blake2b" | "blake2s" | "sha512_224" | "sha512_256" | "md5-sha1" | "sm3" | "ripemd160" => {
                PyErr::unsupported(format!("the hash algorithm '{name}'"))
            }
            _ => PyErr::value_error(format!("unsupported hash type {name}")),
        });
    };
    if rest.iter().any(|(k, _)| *k == "string") && data.is_some() {
        return Err(PyErr::type_error("argument for new() given by name ('string') and position (2)"));
    }
    let data = data.map(|d| vec![d]).unwrap_or_default();
    make(state, &Args { positional: &data, keywords: &rest }, "new")
}

/// `type(h)()`: hash objects are made by the module's constructors only.
pub fn hash_type(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create '_hashlib.HASH' instances"))
}

/// The hash object a method was called on, and the method's arguments.
fn this<'a>(args: &Args<'a>, method: &str, n: usize) -> PyResult<(&'a Hash, &'a [Value])> {
    crate::args::no_keywords(method, args)?;
    let h = args.positional.first().and_then(|&v| downcast::<Hash>(v)).ok_or_else(|| {
        PyErr::type_error(format!("descriptor '{method}' for '_hashlib.HASH' objects doesn't apply to this object"))
    })?;
    Ok((h, takes(method, args, 1, n, n)?))
}

fn update(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (h, a) = this(args, "update", 1)?;
    let data = data_of(a[0])?;
    h.state.borrow_mut().update(&data);
    Ok(Value::NONE)
}

fn digest(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (h, _) = this(args, "digest", 0)?;
    Ok(bytes::new_bytes(h.state.borrow().digest()))
}

fn hexdigest(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (h, _) = this(args, "hexdigest", 0)?;
    let text: String = h.state.borrow().digest().iter().map(|b| format!("{b:02x}")).collect();
    Ok(strs::from_string(text))
}

fn copy(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (h, _) = this(args, "copy", 0)?;
    Ok(new_native(Box::new(Hash { state: RefCell::new(h.state.borrow().clone()) })))
}
