//! `dict`: insertion-ordered hash table, laid out as the shared `Dict`: a dense array
//! of entries in insertion order plus an open-addressing index of `u32` entry numbers.
//! Specialized global loads read `entries[i].value` directly, guarded by
//! `keys_version`, which resets to 0 whenever a key is added or removed.
//!
//! Hashing and key equality are Python's (`ops::hash`, `ops::eq`): the caller passes
//! the key's hash.

use super::header;
use stitch_abi::{Dict, DictEntry, KIND_DICT, Value};
use crate::ops;
use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};

const EMPTY: u32 = u32::MAX;
const DELETED: u32 = u32::MAX - 1;
const MIN_CAPACITY: usize = 8;

fn index_size(capacity: usize) -> usize {
    capacity * 2
}

/// Entries for `capacity` (null when there is no memory for them).
fn try_alloc_entries(capacity: usize) -> *mut DictEntry {
    let Ok(layout) = Layout::array::<DictEntry>(capacity) else { return std::ptr::null_mut() };
    // SAFETY: the layout is non-zero (capacity >= MIN_CAPACITY); entries are written
    // before they are read (`used` tracks them).
    unsafe { alloc(layout) as *mut DictEntry }
}

fn alloc_entries(capacity: usize) -> *mut DictEntry {
    let p = try_alloc_entries(capacity);
    if p.is_null() {
        handle_alloc_error(Layout::array::<DictEntry>(capacity).expect("dict too large"));
    }
    p
}

fn alloc_indices(capacity: usize) -> *mut u32 {
    let p = try_alloc_indices(capacity);
    if p.is_null() {
        handle_alloc_error(Layout::array::<u32>(index_size(capacity)).expect("dict too large"));
    }
    p
}

/// The index of `capacity` entries, all EMPTY (null when there is no memory for it).
fn try_alloc_indices(capacity: usize) -> *mut u32 {
    let n = index_size(capacity);
    let Ok(layout) = Layout::array::<u32>(n) else { return std::ptr::null_mut() };
    // SAFETY: non-zero layout; every slot is initialized to EMPTY right away.
    unsafe {
        let p = alloc(layout) as *mut u32;
        if p.is_null() {
            return p;
        }
        for i in 0..n {
            p.add(i).write(EMPTY);
        }
        p
    }
}

/// # Safety
/// `entries` and `indices` were allocated for `capacity` entries and are not used again.
unsafe fn free_arrays(entries: *mut DictEntry, indices: *mut u32, capacity: usize) {
    // SAFETY: the layouts match the allocations above.
    unsafe {
        dealloc(entries as *mut u8, Layout::array::<DictEntry>(capacity).expect("allocated before"));
        dealloc(indices as *mut u8, Layout::array::<u32>(index_size(capacity)).expect("allocated before"));
    }
}

/// A new empty dict.
pub fn new_dict() -> Value {
    with_capacity(MIN_CAPACITY)
}

pub fn with_capacity(n: usize) -> Value {
    let capacity = n.max(MIN_CAPACITY).next_power_of_two();
    let d = Dict {
        header: header(KIND_DICT),
        keys_version: 0,
        watched: 0,
        len: 0,
        used: 0,
        capacity,
        entries: alloc_entries(capacity),
        indices: alloc_indices(capacity),
    };
    Value::from_object(super::gc::new_tracked(d))
}

/// The slot of the index where `key` is, or where it would go.
///
/// # Safety
/// `d` is a live dict.
unsafe fn probe(d: *mut Dict, key: Value, hash: u64) -> (usize, Option<usize>) {
    // SAFETY: indices has index_size(capacity) slots; entries referenced by the index
    // are below `used`.
    unsafe {
        let mask = index_size((*d).capacity) - 1;
        let mut i = hash as usize & mask;
        let mut perturb = hash;
        let mut first_deleted = None;
        loop {
            let slot = *(*d).indices.add(i);
            if slot == EMPTY {
                return (first_deleted.unwrap_or(i), None);
            }
            if slot == DELETED {
                first_deleted.get_or_insert(i);
            } else {
                let e = &*(*d).entries.add(slot as usize);
                if e.hash == hash && (e.key == key || ops::eq_keys(e.key, key)) {
                    return (i, Some(slot as usize));
                }
                if e.hash == hash && ops::compare::key_error_is_pending() {
                    // The comparison raised: stop; the caller raises it.
                    return (first_deleted.unwrap_or(i), None);
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }
}

/// The entry index of `key`, if present.
///
/// # Safety
/// `d` is a live dict.
pub unsafe fn find(d: *mut Dict, key: Value, hash: u64) -> Option<usize> {
    // SAFETY: forwarded.
    unsafe { probe(d, key, hash).1 }
}

/// The entry index of the str key whose text is `text` (and hash `hash`, as
/// `str::hash_text` gives it), if present: a lookup by name that makes no str. Keys
/// that are not strs never equal it, so no comparison can run Python code.
///
/// # Safety
/// `d` is a live dict.
pub unsafe fn find_str(d: *mut Dict, text: &str, hash: u64) -> Option<usize> {
    // SAFETY: as `probe`: indices has index_size(capacity) slots; entries referenced by
    // the index are below `used`.
    unsafe {
        let mask = index_size((*d).capacity) - 1;
        let mut i = hash as usize & mask;
        let mut perturb = hash;
        loop {
            let slot = *(*d).indices.add(i);
            if slot == EMPTY {
                return None;
            }
            if slot != DELETED {
                let e = &*(*d).entries.add(slot as usize);
                if e.hash == hash && e.key.is_kind(stitch_abi::KIND_STR) && super::str::text(e.key).is_ok_and(|t| t == text) {
                    return Some(slot as usize);
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }
}

/// Adds `key` (a str, borrowed) with `value` (taken) as the next entry when no entry
/// has that key yet, growing the table if it is full; false, with nothing taken or
/// changed, when the key is there or no memory is left (the caller's generic path then
/// replaces the value or raises). The attribute store that adds an instance's
/// attribute at a cached entry (`_STORE_ATTR_NEW_WITH_HINT`) runs on this.
///
/// # Safety
/// `d` is a live dict; `key` is a live str (comparing strs runs no Python code).
pub unsafe fn add_absent_str(d: *mut Dict, key: Value, value: Value) -> bool {
    // SAFETY: the caller passes a live dict and str; `set` then finds the free slot.
    unsafe {
        let hash = super::str::as_str(key).hash();
        if find(d, key, hash).is_some() || ((*d).used == (*d).capacity && !resize(d)) {
            return false;
        }
        key.incref();
        set(d, key, hash, value);
        true
    }
}

/// The value for `key` (borrowed), if present.
///
/// # Safety
/// `d` is a live dict.
pub unsafe fn get(d: *mut Dict, key: Value, hash: u64) -> Option<Value> {
    // SAFETY: `find` returns a live entry index.
    unsafe { find(d, key, hash).map(|i| (*(*d).entries.add(i)).value) }
}

/// What a store to or removal of a watched key tells: the layer that keeps executors
/// (they may have assumed the key's old binding), whichever path changed the dict —
/// `STORE_GLOBAL`, `globals()[k] = v`, `setattr(module, k, v)` or `vars(m).update()`.
pub type WatchHook = unsafe fn(d: *mut Dict, key: Value);

static WATCH_HOOK: std::sync::OnceLock<WatchHook> = std::sync::OnceLock::new();

/// Installs the hook told of stores to watched keys (once per process).
pub fn set_watch_hook(hook: WatchHook) {
    let _ = WATCH_HOOK.set(hook);
}

/// Tells the hook that `key` (borrowed) of `d` changed, when the key may be watched.
///
/// # Safety
/// `d` is a live dict; `key` a live value.
#[inline]
unsafe fn changed(d: *mut Dict, key: Value, hash: u64) {
    // SAFETY: the caller guarantees both.
    unsafe {
        if may_be_watched(d, hash) {
            notify(d, key);
        }
    }
}

#[cold]
unsafe fn notify(d: *mut Dict, key: Value) {
    if let Some(hook) = WATCH_HOOK.get() {
        // SAFETY: forwarded from `changed`.
        unsafe { hook(d, key) }
    }
}

/// Sets `key` to `value`, taking ownership of both.
///
/// # Safety
/// `d` is a live dict.
pub unsafe fn set(d: *mut Dict, key: Value, hash: u64, value: Value) {
    // SAFETY: slots and entries stay within their allocations (resize first).
    unsafe {
        let (slot, found) = probe(d, key, hash);
        if found.is_none() && ops::compare::key_error_is_pending() {
            // The key could not be compared: nothing is stored (the caller raises).
            key.decref();
            value.decref();
            return;
        }
        if let Some(i) = found {
            let e = &mut *(*d).entries.add(i);
            let old = e.value;
            e.value = value;
            changed(d, key, hash);
            key.decref();
            old.decref();
            return;
        }
        if (*d).used == (*d).capacity {
            if !resize(d) {
                // No memory for a larger table: MemoryError for the caller to raise,
                // the dict unchanged.
                key.decref();
                value.decref();
                ops::compare::set_key_error(crate::memory::no_memory());
                return;
            }
            return set(d, key, hash, value);
        }
        let i = (*d).used;
        (*d).entries.add(i).write(DictEntry { hash, key, value });
        *(*d).indices.add(slot) = i as u32;
        (*d).used += 1;
        (*d).len += 1;
        (*d).keys_version = 0;
        changed(d, key, hash);
    }
}

/// Removes `key`; returns its value (owned) if it was there.
///
/// # Safety
/// `d` is a live dict.
pub unsafe fn remove(d: *mut Dict, key: Value, hash: u64) -> Option<Value> {
    // SAFETY: the probe returns a valid slot and entry.
    unsafe {
        let (slot, found) = probe(d, key, hash);
        let i = found?;
        let e = &mut *(*d).entries.add(i);
        let value = e.value;
        e.key.decref();
        e.key = Value::NULL;
        e.value = Value::NULL;
        *(*d).indices.add(slot) = DELETED;
        (*d).len -= 1;
        (*d).keys_version = 0;
        changed(d, key, hash);
        Some(value)
    }
}

/// Rebuilds the table without deleted entries, growing it if it is more than half full;
/// false (the dict unchanged) when there is no memory for the new table.
///
/// # Safety
/// `d` is a live dict.
unsafe fn resize(d: *mut Dict) -> bool {
    // SAFETY: the old arrays are read before being freed; the new ones are sized for
    // `capacity` entries.
    unsafe {
        let old_entries = (*d).entries;
        let old_indices = (*d).indices;
        let old_used = (*d).used;
        let old_capacity = (*d).capacity;
        let capacity = if (*d).len * 2 >= old_capacity { old_capacity * 2 } else { old_capacity };
        let entries = try_alloc_entries(capacity);
        let indices = if entries.is_null() { std::ptr::null_mut() } else { try_alloc_indices(capacity) };
        if indices.is_null() {
            if !entries.is_null() {
                dealloc(entries as *mut u8, Layout::array::<DictEntry>(capacity).expect("allocated before"));
            }
            return false;
        }
        (*d).entries = entries;
        (*d).indices = indices;
        (*d).capacity = capacity;
        let mask = index_size(capacity) - 1;
        let mut n = 0;
        for k in 0..old_used {
            let e = old_entries.add(k).read();
            if e.key.is_null() {
                continue;
            }
            let mut i = e.hash as usize & mask;
            let mut perturb = e.hash;
            while *(*d).indices.add(i) != EMPTY {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
            *(*d).indices.add(i) = n as u32;
            (*d).entries.add(n).write(e);
            n += 1;
        }
        (*d).used = n;
        (*d).keys_version = 0;
        free_arrays(old_entries, old_indices, old_capacity);
        true
    }
}

/// Live entries in insertion order (borrowed).
///
/// # Safety
/// `d` is live and not changed while the entries are used.
pub unsafe fn entries<'a>(d: *mut Dict) -> impl Iterator<Item = &'a DictEntry> {
    // SAFETY: `used` entries are initialized; deleted ones have a NULL key.
    unsafe { std::slice::from_raw_parts((*d).entries, (*d).used).iter().filter(|e| !e.key.is_null()) }
}

/// The entry at position `i` of the entry array if it is live.
///
/// # Safety
/// `d` is live.
pub unsafe fn entry_at<'a>(d: *mut Dict, i: usize) -> Option<&'a DictEntry> {
    // SAFETY: bounds-checked against `used`.
    unsafe {
        if i >= (*d).used {
            return None;
        }
        let e = &*(*d).entries.add(i);
        (!e.key.is_null()).then_some(e)
    }
}

/// # Safety
/// `d` has no references left.
pub unsafe fn free(d: *mut Dict) {
    // SAFETY: we own the dict, its entries and its index.
    unsafe {
        if super::subclass::flagged(d) {
            super::subclass::detach(Value::from_object(d));
        }
        let dict = super::gc::take(d);
        for k in 0..dict.used {
            let e = dict.entries.add(k).read();
            e.key.decref();
            e.value.decref();
        }
        free_arrays(dict.entries, dict.indices, dict.capacity);
    }
}

/// Drops every entry (the collector breaking a cycle): the dict is left empty, with
/// its arrays.
///
/// # Safety
/// `d` is a live dict.
pub unsafe fn clear(d: *mut Dict) {
    let mut dropped = Vec::new();
    // SAFETY: entries below `used` are initialized; the index has index_size(capacity)
    // slots. The dict is consistent (empty) before any reference is dropped.
    unsafe {
        for k in 0..(*d).used {
            let e = &mut *(*d).entries.add(k);
            if !e.key.is_null() {
                changed(d, e.key, e.hash);
            }
            dropped.push(std::mem::replace(&mut e.key, Value::NULL));
            dropped.push(std::mem::replace(&mut e.value, Value::NULL));
        }
        for i in 0..index_size((*d).capacity) {
            *(*d).indices.add(i) = EMPTY;
        }
        (*d).used = 0;
        (*d).len = 0;
        (*d).keys_version = 0;
    }
    dropped.into_iter().for_each(Value::decref);
}

/// The bloom bit of a key hash in `Dict::watched`.
pub fn bloom_bit(hash: u64) -> u32 {
    1 << (hash & 31)
}

/// Marks a key as one executors depend on: stores to it go through the runtime, which
/// tells tier 2.
///
/// # Safety
/// `d` is a live dict.
pub unsafe fn mark_watched(d: *mut Dict, hash: u64) {
    // SAFETY: the caller guarantees the dict.
    unsafe { (*d).watched |= bloom_bit(hash) }
}

/// Whether a store to this key may concern an executor (a bloom filter: false means
/// surely not).
///
/// # Safety
/// `d` is a live dict.
pub unsafe fn may_be_watched(d: *mut Dict, hash: u64) -> bool {
    // SAFETY: the caller guarantees the dict.
    unsafe { (*d).watched & bloom_bit(hash) != 0 }
}
