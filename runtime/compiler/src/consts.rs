//! Constants of a code object. They stay plain Rust data while compiling (so a
//! failed compilation leaks no runtime objects) and become values only in
//! `CodeUnit::into_value`.

use super::unit::CodeUnit;
use stitch_abi::Value;
use stitch_core::objects::{bigint, str as pystr, tuple};
use num_bigint::BigInt;
use num_traits::Zero;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub enum Const {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Str(String),
    Tuple(Vec<Const>),
    Code(Box<CodeUnit>),
}

/// Identity of a constant for deduplication: `1`, `1.0` and `True` stay distinct
/// (as in CPython), and so do `0.0` and `-0.0`.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    None,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Str(String),
    Tuple(Vec<Key>),
}

impl Const {
    fn key(&self) -> Option<Key> {
        Some(match self {
            Const::None => Key::None,
            Const::Bool(b) => Key::Bool(*b),
            Const::Int(i) => Key::Int(i.clone()),
            Const::Float(f) => Key::Float(f.to_bits()),
            Const::Str(s) => Key::Str(s.clone()),
            Const::Tuple(items) => Key::Tuple(items.iter().map(Const::key).collect::<Option<_>>()?),
            Const::Code(_) => return None,
        })
    }

    /// Python truthiness, for conditions on constants.
    pub fn truthy(&self) -> bool {
        match self {
            Const::None => false,
            Const::Bool(b) => *b,
            Const::Int(i) => !i.is_zero(),
            Const::Float(f) => *f != 0.0,
            Const::Str(s) => !s.is_empty(),
            Const::Tuple(items) => !items.is_empty(),
            Const::Code(_) => true,
        }
    }

    /// The constant as a new runtime value (one reference).
    pub fn into_value(self, filename: &Rc<str>) -> Value {
        match self {
            Const::None => Value::NONE,
            Const::Bool(b) => Value::bool(b),
            Const::Int(i) => bigint::from_bigint(i),
            Const::Float(f) => Value::float(f),
            Const::Str(s) => pystr::from_string(s),
            Const::Tuple(items) => {
                tuple::from_vec(items.into_iter().map(|c| c.into_value(filename)).collect())
            }
            Const::Code(code) => code.into_value(filename),
        }
    }
}

/// The constants of one code object, deduplicated.
#[derive(Default)]
pub struct ConstPool {
    entries: Vec<Const>,
    index: HashMap<Key, u32>,
}

impl ConstPool {
    /// The index of `value`, adding it if new.
    pub fn add(&mut self, value: Const) -> u32 {
        let key = value.key();
        if let Some(key) = &key
            && let Some(&i) = self.index.get(key)
        {
            return i;
        }
        let i = self.entries.len() as u32;
        self.entries.push(value);
        if let Some(key) = key {
            self.index.insert(key, i);
        }
        i
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn into_vec(self) -> Vec<Const> {
        self.entries
    }
}
