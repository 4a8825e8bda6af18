//! Dependencies: executors embed the functions bound to some globals (and so inline
//! them); storing to such a global invalidates every executor that watches it.

use crate::abi::{Dict, Executor, Value};
use crate::objects::str::text;
use crate::vm::Runtime;
use std::collections::HashMap;

/// Global name -> executors that assume its binding.
#[derive(Default)]
pub struct Watches {
    by_name: HashMap<String, Vec<*mut Executor>>,
}

impl Watches {
    pub fn watch(&mut self, name: String, e: *mut Executor) {
        self.by_name.entry(name).or_default().push(e);
    }

    /// Stops watching for a freed executor.
    pub fn forget(&mut self, e: *mut Executor) {
        self.by_name.retain(|_, list| {
            list.retain(|&x| x != e);
            !list.is_empty()
        });
    }

    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }

    fn take(&mut self, name: &str) -> Vec<*mut Executor> {
        self.by_name.remove(name).unwrap_or_default()
    }
}

/// The bloom bit of a key hash in `Dict::watched`.
pub fn bloom_bit(hash: u64) -> u32 {
    1 << (hash & 31)
}

/// Marks a global as depended on: stores to it go through the runtime.
///
/// # Safety
/// `globals` is a live dict.
pub unsafe fn mark_watched(globals: *mut Dict, hash: u64) {
    // SAFETY: the caller guarantees the dict.
    unsafe { (*globals).watched |= bloom_bit(hash) }
}

/// Whether a store to this key may concern an executor (a bloom filter: false means
/// surely not).
///
/// # Safety
/// `globals` is a live dict.
pub unsafe fn may_be_watched(globals: *mut Dict, hash: u64) -> bool {
    // SAFETY: the caller guarantees the dict.
    unsafe { (*globals).watched & bloom_bit(hash) != 0 }
}

/// A global was stored: invalidate the executors that assumed its old binding.
pub fn global_stored(rt: &mut Runtime, _globals: *mut Dict, name: Value) {
    if rt.tier2.watches.is_empty() {
        return;
    }
    // SAFETY: global names are strs.
    let name = unsafe { text(name) };
    for e in rt.tier2.watches.take(name) {
        // SAFETY: watched executors are live until freed, and freeing forgets them.
        unsafe { super::invalidate(rt, e) };
    }
}
