//! The tier-2 interpreter: a loop over the uops of a trace, with one arm per uop
//! generated from the `.uops` file (generated/src/tier2_cases.rs). Control moves
//! between executors (side exits, cold exits, stitched executors) inside this loop.

#![allow(unused_imports)]

use stitch_abi::access::*;
use stitch_interp::helpers;
use stitch_abi::value::{floor_div, floor_mod};
use stitch_abi::*;

/// JIT-compiled code: the frame, its stack pointer and the thread state in registers;
/// returns nonzero if an exception was raised.
pub type JitEntry = unsafe extern "C" fn(*mut Frame, *mut Value, *mut Thread) -> u64;

/// Runs `executor` from `frame`. Returns true if an exception was raised. When it
/// returns, `(*ts).frame` is the frame to continue in, its `ip` and `sp` saved.
///
/// # Safety
/// `executor` is valid, its trace starts where `frame` stands, and `frame`'s `sp` is
/// saved.
pub unsafe fn enter(ts: *mut Thread, frame: *mut Frame, executor: *mut Executor) -> bool {
    // SAFETY: forwarded; JIT code has the `JitEntry` signature.
    unsafe {
        let rt = super::state(ts);
        rt.stats.executor_entries += 1;
        let counting = rt.counting;
        let failed = if !(*executor).jit_code.is_null() {
            let code: JitEntry = std::mem::transmute((*executor).jit_code);
            code(frame, (*frame).sp, ts) != 0
        } else if counting {
            interpret::<true>(ts, frame, executor)
        } else {
            interpret::<false>(ts, frame, executor)
        };
        super::state(ts).stats.tier1_reentries += 1;
        failed
    }
}

/// Where JIT code goes for an executor the JIT left uncompiled (its machine code would
/// not fit the instruction cache; see stitch-jit's `thunk`): called with JIT code's
/// registers plus the executor, it interprets from there and returns as JIT code
/// returns (nonzero if an exception was raised), to whoever entered the JIT code.
///
/// # Safety
/// As `enter`, with `sp` the frame's current stack pointer (JIT code keeps it in a
/// register, so `Frame.sp` may be stale).
pub unsafe extern "C" fn enter_from_jit(frame: *mut Frame, sp: *mut Value, ts: *mut Thread, executor: *mut Executor) -> u64 {
    // SAFETY: forwarded; the interpreter starts from `Frame.sp`, so it is saved first.
    unsafe {
        (*frame).sp = sp;
        let failed = if super::state(ts).counting { interpret::<true>(ts, frame, executor) } else { interpret::<false>(ts, frame, executor) };
        failed as u64
    }
}

/// # Safety
/// As `enter`.
#[allow(unused_variables, unused_mut, unused_assignments, unused_labels, unreachable_code, clippy::all)]
unsafe fn interpret<const STATS: bool>(ts: *mut Thread, mut frame: *mut Frame, mut executor: *mut Executor) -> bool {
    // SAFETY: the trace was projected from this frame's code; each uop's stack plan
    // keeps its accesses within the frame's stack and the objects its values point to.
    unsafe {
        let mut sp: *mut Value = (*frame).sp;
        let mut trace: *mut UopInst = (*executor).trace;
        let mut uip: *mut UopInst = trace;
        'dispatch: loop {
            let inst = uip;
            uip = uip.add(1);
            let opcode = (*inst).opcode;
            if STATS {
                (*ts).tier2_uops += 1;
                super::state(ts).stats.count_uop(opcode);
            }
            include!("../../../generated/src/tier2_cases.rs");
        }
    }
}

#[cold]
#[inline(never)]
fn invalid_uop() -> ! {
    panic!("a uop that cannot appear in a trace was found in one")
}
