//! `set` and `frozenset`: CPython's set table (`Objects/setobject.c`), so a set prints
//! its items in the order CPython does. Open addressing over a power-of-two table:
//! a probe looks at `LINEAR_PROBES + 1` neighbouring slots before jumping by
//! `i * 5 + 1 + perturb`; deleted slots stay as dummies until a resize; the table
//! grows to `used * 4` once it is 60% full. Iteration is table order.
//!
//! Key equality may run Python code (`__eq__` of a user class), which may change the
//! set: the functions here work through the raw pointer and re-read the table after
//! each comparison, restarting the probe when it changed, as CPython does.

use super::header;
use crate::errors::PyResult;
use crate::ops;
use stitch_abi::{KIND_FROZENSET, KIND_SET, Object, Value};

/// The smallest table (CPython's `PySet_MINSIZE`).
const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The hash of a deleted slot (a real hash is never -1: `ops::hash` maps it to -2).
const DUMMY_HASH: u64 = u64::MAX;
/// `hash` of a frozenset whose hash is not computed yet.
const NO_HASH: u64 = u64::MAX;

/// A slot: unused (null key, hash 0), dummy (null key, `DUMMY_HASH`) or active.
#[derive(Clone, Copy)]
pub struct Entry {
    pub key: Value,
    pub hash: u64,
}

const UNUSED: Entry = Entry { key: Value::NULL, hash: 0 };

#[repr(C)]
pub struct SetObject {
    pub header: Object,
    /// Active plus dummy slots.
    pub fill: usize,
    /// Active slots: the length.
    pub used: usize,
    /// Where `pop` starts looking.
    pub finger: usize,
    /// A frozenset's cached hash.
    pub hash: u64,
    /// `mask + 1` slots.
    pub table: Vec<Entry>,
}

/// A new empty set (`KIND_SET`) or frozenset (`KIND_FROZENSET`).
pub fn new_set(kind: u8) -> Value {
    debug_assert!(kind == KIND_SET || kind == KIND_FROZENSET);
    let s = SetObject { header: header(kind), fill: 0, used: 0, finger: 0, hash: NO_HASH, table: vec![UNUSED; MIN_SIZE] };
    Value::from_object(super::gc::new_tracked(s))
}

/// Whether `v` is a set or a frozenset.
pub fn is_any_set(v: Value) -> bool {
    v.is_kind(KIND_SET) || v.is_kind(KIND_FROZENSET)
}

/// The set behind a value checked by `is_any_set`.
pub fn as_set(v: Value) -> *mut SetObject {
    v.cast::<SetObject>()
}

/// The number of items.
///
/// # Safety
/// `s` is a live set.
pub unsafe fn len(s: *mut SetObject) -> usize {
    // SAFETY: the caller guarantees the set.
    unsafe { (*s).used }
}

/// The active entries in table order (borrowed keys), copied out so the caller may run
/// code that changes the set.
///
/// # Safety
/// `s` is a live set.
pub unsafe fn entries(s: *mut SetObject) -> Vec<Entry> {
    // SAFETY: the caller guarantees the set; the borrow ends before returning.
    unsafe { (&(*s).table).iter().filter(|e| !e.key.is_null()).copied().collect() }
}

/// The active entry at or after slot `i`, and the slot after it (iteration).
///
/// # Safety
/// `s` is a live set.
pub unsafe fn next_entry(s: *mut SetObject, mut i: usize) -> Option<(Entry, usize)> {
    // SAFETY: the caller guarantees the set; indices are bounds-checked.
    unsafe {
        let table = &(*s).table;
        while i < table.len() {
            if !table[i].key.is_null() {
                return Some((table[i], i + 1));
            }
            i += 1;
        }
        None
    }
}

/// Whether `a` and `b` (both with hash `hash`) are the same key; `a` is held while it
/// is compared, since the comparison may remove it from the set.
fn same_key(a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    a.incref();
    let r = ops::compare::eq(a, b);
    a.decref();
    r
}

/// Outcome of a probe for a key.
enum Probe {
    Found(usize),
    /// Absent: the first unused slot met, and the last dummy before it.
    Absent { unused: usize, dummy: Option<usize> },
}

/// Looks `key` up (CPython's `set_lookkey`, which `set_add_entry` repeats with the
/// dummy slots noted).
///
/// # Safety
/// `s` is a live set.
unsafe fn probe(s: *mut SetObject, key: Value, hash: u64) -> PyResult<Probe> {
    // SAFETY: slot indices stay below the table length (`i + probes <= mask`); the table
    // is re-read after every comparison.
    unsafe {
        'restart: loop {
            let mask = (*s).table.len() - 1;
            let mut i = hash as usize & mask;
            let mut perturb = hash;
            let mut dummy = None;
            loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in i..=i + probes {
                    let e = (&(*s).table)[j];
                    if e.key.is_null() {
                        if e.hash == 0 {
                            return Ok(Probe::Absent { unused: j, dummy });
                        }
                        // CPython 3.11 keeps the last dummy its probe met.
                        dummy = Some(j);
                        continue;
                    }
                    if e.hash == hash {
                        let table = (*s).table.as_ptr();
                        if same_key(e.key, key)? {
                            return Ok(Probe::Found(j));
                        }
                        if (*s).table.as_ptr() != table || (&(*s).table)[j].key != e.key {
                            continue 'restart;
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
        }
    }
}

/// Whether the set holds `key` (whose hash is `hash`).
///
/// # Safety
/// `s` is a live set.
pub unsafe fn contains(s: *mut SetObject, key: Value, hash: u64) -> PyResult<bool> {
    // SAFETY: forwarded.
    Ok(matches!(unsafe { probe(s, key, hash) }?, Probe::Found(_)))
}

/// Adds `key` (borrowed; the set takes its own reference) with its hash
/// (`set_add_entry`).
///
/// # Safety
/// `s` is a live set.
pub unsafe fn add(s: *mut SetObject, key: Value, hash: u64) -> PyResult<()> {
    // SAFETY: the probe returns slots of the current table.
    unsafe {
        let (unused, dummy) = match probe(s, key, hash)? {
            Probe::Found(_) => return Ok(()),
            Probe::Absent { unused, dummy } => (unused, dummy),
        };
        key.incref();
        let table = &mut (*s).table;
        if let Some(d) = dummy {
            table[d] = Entry { key, hash };
            (*s).used += 1;
            return Ok(());
        }
        table[unused] = Entry { key, hash };
        (*s).fill += 1;
        (*s).used += 1;
        let mask = (*s).table.len() - 1;
        if (*s).fill * 5 >= mask * 3 {
            let used = (*s).used;
            resize(s, if used > 50000 { used * 2 } else { used * 4 });
        }
        Ok(())
    }
}

/// Removes `key`; whether it was there (`set_discard_entry`).
///
/// # Safety
/// `s` is a live set.
pub unsafe fn discard(s: *mut SetObject, key: Value, hash: u64) -> PyResult<bool> {
    // SAFETY: the probe returns a slot of the current table.
    unsafe {
        let Probe::Found(j) = probe(s, key, hash)? else { return Ok(false) };
        let old = std::mem::replace(&mut (&mut (*s).table)[j], Entry { key: Value::NULL, hash: DUMMY_HASH });
        (*s).used -= 1;
        old.key.decref();
        Ok(true)
    }
}

/// Removes and returns (owned) an arbitrary item, as CPython's `set.pop` picks it.
///
/// # Safety
/// `s` is a live set.
pub unsafe fn pop(s: *mut SetObject) -> Option<Value> {
    // SAFETY: indices are reduced by the mask.
    unsafe {
        if (*s).used == 0 {
            return None;
        }
        let table = &mut (*s).table;
        let mask = table.len() - 1;
        let mut i = (*s).finger & mask;
        while table[i].key.is_null() {
            i = (i + 1) & mask;
        }
        let key = std::mem::replace(&mut table[i], Entry { key: Value::NULL, hash: DUMMY_HASH }).key;
        (*s).used -= 1;
        (*s).finger = i + 1;
        Some(key)
    }
}

/// Puts a key known absent into a table without dummies (`set_insert_clean`).
fn insert_clean(table: &mut [Entry], key: Value, hash: u64) {
    let mask = table.len() - 1;
    let mut i = hash as usize & mask;
    let mut perturb = hash;
    loop {
        let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
        for j in i..=i + probes {
            if table[j].key.is_null() {
                table[j] = Entry { key, hash };
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}

/// Rebuilds the table with the smallest size above `min_used`, dropping dummies
/// (`set_table_resize`).
///
/// # Safety
/// `s` is a live set.
unsafe fn resize(s: *mut SetObject, min_used: usize) {
    let mut size = MIN_SIZE;
    while size <= min_used {
        size <<= 1;
    }
    // SAFETY: the caller guarantees the set; no code runs while the table is rebuilt.
    unsafe {
        let old = std::mem::replace(&mut (*s).table, vec![UNUSED; size]);
        let table = &mut (*s).table;
        for e in old.iter().filter(|e| !e.key.is_null()) {
            insert_clean(table, e.key, e.hash);
        }
        (*s).fill = (*s).used;
    }
}

/// Adds every item of the set `other` (`set_merge`).
///
/// # Safety
/// Both are live sets.
pub unsafe fn merge(s: *mut SetObject, other: *mut SetObject) -> PyResult<()> {
    // SAFETY: the caller guarantees both; `other`'s entries are copied out first.
    unsafe {
        if s == other || (*other).used == 0 {
            return Ok(());
        }
        let mask = (*s).table.len() - 1;
        if ((*s).fill + (*other).used) * 5 >= mask * 3 {
            resize(s, ((*s).used + (*other).used) * 2);
        }
        if (*s).fill == 0 {
            let same_size = (*s).table.len() == (*other).table.len() && (*other).fill == (*other).used;
            if same_size {
                // An empty table of the same size: the slots copy over as they are.
                for (to, from) in (&mut (*s).table).iter_mut().zip(&(*other).table) {
                    if !from.key.is_null() {
                        from.key.incref();
                        *to = *from;
                    }
                }
            } else {
                let items = entries(other);
                let table = &mut (*s).table;
                for e in &items {
                    e.key.incref();
                    insert_clean(table, e.key, e.hash);
                }
            }
            (*s).fill = (*other).used;
            (*s).used = (*other).used;
            return Ok(());
        }
        for e in entries(other) {
            e.key.incref();
            let r = add(s, e.key, e.hash);
            e.key.decref();
            r?;
        }
        Ok(())
    }
}

/// Makes room for `extra` more keys as CPython does before adding a dict's keys.
///
/// # Safety
/// `s` is a live set.
pub unsafe fn reserve_for(s: *mut SetObject, extra: usize) {
    // SAFETY: the caller guarantees the set.
    unsafe {
        let mask = (*s).table.len() - 1;
        if ((*s).fill + extra) * 5 >= mask * 3 {
            resize(s, ((*s).used + extra) * 2);
        }
    }
}

/// After removing many keys: rebuilds the table when more than a quarter of it is
/// dummies (the end of `set_difference_update_internal`).
///
/// # Safety
/// `s` is a live set.
pub unsafe fn compact(s: *mut SetObject) {
    // SAFETY: the caller guarantees the set.
    unsafe {
        let mask = (*s).table.len() - 1;
        if (*s).fill - (*s).used > mask / 4 {
            let used = (*s).used;
            resize(s, if used > 50000 { used * 2 } else { used * 4 });
        }
    }
}

/// Empties the set back to the smallest table; the keys are released after the set is
/// consistent again.
///
/// # Safety
/// `s` is a live set.
pub unsafe fn clear(s: *mut SetObject) {
    // SAFETY: the caller guarantees the set.
    let old = unsafe {
        (*s).fill = 0;
        (*s).used = 0;
        std::mem::replace(&mut (*s).table, vec![UNUSED; MIN_SIZE])
    };
    old.iter().for_each(|e| e.key.decref());
}

/// Exchanges the contents of two sets (`set_swap_bodies`: `&=` keeps the intersection's
/// table).
///
/// # Safety
/// Both are live sets.
pub unsafe fn swap_bodies(a: *mut SetObject, b: *mut SetObject) {
    // SAFETY: the caller guarantees both; only the contents move.
    unsafe {
        std::mem::swap(&mut (*a).table, &mut (*b).table);
        std::mem::swap(&mut (*a).fill, &mut (*b).fill);
        std::mem::swap(&mut (*a).used, &mut (*b).used);
        (*a).hash = NO_HASH;
        (*b).hash = NO_HASH;
    }
}

/// CPython's `frozenset_hash`: independent of order, cached.
///
/// # Safety
/// `s` is a live frozenset.
pub unsafe fn frozen_hash(s: *mut SetObject) -> u64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    // SAFETY: the caller guarantees the set.
    unsafe {
        if (*s).hash != NO_HASH {
            return (*s).hash;
        }
        let mut h: u64 = 0;
        for e in (&(*s).table).iter().filter(|e| !e.key.is_null()) {
            h ^= shuffle(e.hash);
        }
        h ^= ((*s).used as u64 + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        if h == u64::MAX {
            h = 590923713;
        }
        (*s).hash = h;
        h
    }
}

/// # Safety
/// `s` has no references left.
pub unsafe fn free(s: *mut SetObject) {
    // SAFETY: we own the set and its keys.
    let set = unsafe { super::gc::take(s) };
    set.table.iter().for_each(|e| e.key.decref());
}
