//! The constants of one code object, deduplicated as CPython does (the constants
//! themselves are plain data, `unit::Const`).

use super::unit::Const;
use num_bigint::BigInt;
use std::collections::HashMap;

/// Identity of a constant for deduplication: `1`, `1.0` and `True` stay distinct
/// (as in CPython), and so do `0.0` and `-0.0`.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    None,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Wtf8(Vec<u8>),
    Bytes(Vec<u8>),
    Tuple(Vec<Key>),
    Ellipsis,
}

impl Key {
    /// The key of `value`; None for a code object, which is never shared.
    fn of(value: &Const) -> Option<Key> {
        Some(match value {
            Const::None => Key::None,
            Const::Ellipsis => Key::Ellipsis,
            Const::Bool(b) => Key::Bool(*b),
            Const::Int(i) => Key::Int(i.clone()),
            Const::Float(f) => Key::Float(f.to_bits()),
            Const::Complex(re, im) => Key::Complex(re.to_bits(), im.to_bits()),
            Const::Str(s) => Key::Str(s.clone()),
            Const::Wtf8(b) => Key::Wtf8(b.clone()),
            Const::Bytes(b) => Key::Bytes(b.clone()),
            Const::Tuple(items) => Key::Tuple(items.iter().map(Key::of).collect::<Option<_>>()?),
            Const::Code(_) => return None,
        })
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
        let key = Key::of(&value);
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
