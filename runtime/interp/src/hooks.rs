//! How the interpreters reach tier 2, the layer above them. A hot back edge asks for an
//! executor, ENTER_EXECUTOR runs one, a cold exit that got warm asks for one to stitch
//! on, and a store to a global that executors depend on invalidates them: each goes
//! through a hook the tier-2 layer installs (`stitch_tier2::install`). Without it, or
//! with a thread whose `tier2` state is null, only tier 1 runs.

use std::sync::OnceLock;
use stitch_abi::{Dict, Executor, Frame, Thread, Value};

/// The tier-2 layer's entry points.
pub struct Tier2Hooks {
    /// A loop's back-edge counter fired at the JUMP_BACKWARD `instr` (by `oparg` code
    /// units, its prefixes' bits included): an executor for the loop, installed in its
    /// place, or null (the counter backs off).
    pub optimize: unsafe fn(ts: *mut Thread, frame: *mut Frame, instr: *mut u16, oparg: u32) -> *mut Executor,
    /// Runs an executor from tier 1. True if an exception was raised; either way
    /// `(*ts).frame` is the frame to continue in, its `ip` and `sp` saved.
    pub enter: unsafe fn(ts: *mut Thread, frame: *mut Frame, executor: *mut Executor) -> bool,
    /// Exit `index` of `executor` got warm: the executor stitched on, or null.
    pub stitch_exit: unsafe fn(ts: *mut Thread, frame: *mut Frame, executor: *mut Executor, index: u32) -> *mut Executor,
    /// `key` of `globals`, a name executors may depend on, was stored.
    pub global_stored: unsafe fn(ts: *mut Thread, globals: *mut Dict, key: Value),
}

static HOOKS: OnceLock<&'static Tier2Hooks> = OnceLock::new();

/// Installs the tier-2 layer's hooks (once per process; later calls change nothing).
pub fn install(hooks: &'static Tier2Hooks) {
    let _ = HOOKS.set(hooks);
    stitch_core::objects::dict::set_watch_hook(watched_key_changed);
}

/// A watched key of a dict changed, by whatever path (the dict layer calls this):
/// executors of the thread running now that assumed its binding are invalidated.
///
/// # Safety
/// `d` is a live dict and `key` a live value.
unsafe fn watched_key_changed(d: *mut Dict, key: Value) {
    let ts = crate::reenter::thread();
    // Watched keys are global names, strs; a store before any code runs tells no one.
    if ts.is_null() || !key.is_kind(stitch_abi::KIND_STR) {
        return;
    }
    // SAFETY: the thread state is live while its tier-1 loop runs; forwarded.
    unsafe {
        if let Some(h) = tier2(ts) {
            (h.global_stored)(ts, d, key);
        }
    }
}

/// The hooks, when tier 2 runs on this thread.
///
/// # Safety
/// `ts` is the live thread state.
#[inline]
pub unsafe fn tier2(ts: *mut Thread) -> Option<&'static Tier2Hooks> {
    // SAFETY: the caller guarantees the thread state.
    if unsafe { (*ts).tier2.is_null() } { None } else { HOOKS.get().copied() }
}
