//! Inline accessors over the shared layouts: locals, tuple items, exits, inline-cache
//! counters and comparison masks.
//!
//! Shared module: compiled into the runtime and into the JIT's stencils, so `core`
//! only and no panics.

use super::layouts::{Executor, ExitData, Frame, Tuple};
use super::value::Value;

/// The `i`th local (or stack slot) of a frame.
///
/// # Safety
/// `frame` is live and `i` is within its locals and stack.
#[inline(always)]
pub unsafe fn local(frame: *mut Frame, i: u32) -> *mut Value {
    // SAFETY: `localsplus` is the frame's trailing array; callers index within the
    // frame's locals and stack, whose size the code object fixes.
    unsafe { (&raw mut (*frame).localsplus).cast::<Value>().add(i as usize) }
}

/// The items of a tuple.
///
/// # Safety
/// `t` is a live tuple.
#[inline(always)]
pub unsafe fn tuple_items(t: *mut Tuple) -> *mut Value {
    // SAFETY: `items` is the tuple's trailing array of `len` values.
    unsafe { (&raw mut (*t).items).cast::<Value>() }
}

/// The `i`th exit of an executor.
///
/// # Safety
/// `executor` is live and `i` is one of its exit indices.
#[inline(always)]
pub unsafe fn exit_data(executor: *mut Executor, i: u32) -> *mut ExitData {
    // SAFETY: `exits` is the executor's trailing array; `i` is an exit index the
    // projector gave out for this executor.
    unsafe { (&raw mut (*executor).exits).cast::<ExitData>().add(i as usize) }
}

/// Adaptive counters: 12 bits of count above 4 bits of backoff exponent. The counter
/// fires when the count reaches zero.
#[inline(always)]
pub fn counter_triggers(counter: u16) -> bool {
    counter < 16
}

/// Counts the first cache unit of an instruction down by one.
///
/// # Safety
/// `instr` is a live instruction with a counter in its first cache unit.
#[inline(always)]
pub unsafe fn tick_counter(instr: *mut u16) {
    // SAFETY: the instruction has a counter in its first cache unit (the analysis
    // checks that family heads do).
    unsafe {
        let c = instr.add(2);
        *c = (*c).wrapping_sub(16);
    }
}

/// Shifts the direction a branch took into its history (first cache unit).
///
/// # Safety
/// `instr` is a live branch instruction.
#[inline(always)]
pub unsafe fn record_branch(instr: *mut u16, taken: bool) {
    // SAFETY: branch instructions keep their history in their first cache unit.
    unsafe {
        let c = instr.add(2);
        *c = (*c << 1) | taken as u16;
    }
}

/// Comparison opargs carry a mask in their low 4 bits: bit 0 is the result when the
/// left side is less, bit 1 when equal, bit 2 when greater, bit 3 when unordered.
#[inline(always)]
pub fn compare_ints(a: i64, b: i64, oparg: u32) -> bool {
    let index = (a >= b) as u32 + (a > b) as u32;
    (oparg >> index) & 1 != 0
}

#[inline(always)]
pub fn compare_floats(a: f64, b: f64, oparg: u32) -> bool {
    let index = if a < b {
        0
    } else if a == b {
        1
    } else if a > b {
        2
    } else {
        3
    };
    (oparg >> index) & 1 != 0
}

/// Type tags of the loop-entry guards: 0 a small int, 1 a float, 2 a bool, and
/// `256 + kind` an object of that kind.
pub const TAG_INT: u64 = 0;
pub const TAG_FLOAT: u64 = 1;
pub const TAG_BOOL: u64 = 2;
pub const TAG_KIND: u64 = 256;

#[inline(always)]
pub fn has_type_tag(v: Value, tag: u64) -> bool {
    if tag == TAG_INT {
        v.is_int()
    } else if tag == TAG_FLOAT {
        v.is_float()
    } else if tag == TAG_BOOL {
        v.is_bool()
    } else {
        v.is_kind((tag - TAG_KIND) as u8)
    }
}
