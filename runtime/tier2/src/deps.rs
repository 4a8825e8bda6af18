//! Dependencies: executors embed the functions bound to some globals (and so inline
//! them); storing to such a global invalidates every executor that watches it.

use stitch_abi::{Dict, Executor, Value};
use stitch_core::objects::str::text;
use stitch_abi::Thread;
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

/// A global was stored: invalidate the executors that assumed its old binding.
///
/// # Safety
/// `ts` is the live thread state of a thread that runs tier 2; `name` is a str.
pub unsafe fn global_stored(ts: *mut Thread, _globals: *mut Dict, name: Value) {
    // SAFETY: the caller guarantees the state; global names are strs.
    let (rt, name) = unsafe { (super::state(ts), text(name)) };
    // Executors watch the names of LOAD_GLOBAL, identifiers: none holds a surrogate.
    let Ok(name) = name else { return };
    if rt.watches.is_empty() {
        return;
    }
    for e in rt.watches.take(name) {
        // SAFETY: watched executors are live until freed, and freeing forgets them.
        unsafe { super::invalidate(rt, e) };
    }
}
