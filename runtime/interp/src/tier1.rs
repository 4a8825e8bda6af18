//! The tier-1 interpreter: a hand-written dispatch loop around the instruction arms
//! generated from the `.uops` file (generated/src/tier1_cases.rs).
//!
//! An instruction is two code units, opcode then oparg, followed by its inline cache.
//! `this_instr` points at the instruction being executed; the generated arm sets `ip`
//! to the next one before running the body. An oparg wider than 16 bits is carried by
//! prefixes (EXTENDED_ARG, `extend_oparg!`): a prefix's arm leaves its bits in
//! `extended`, and the next instruction runs with them above its own; re-dispatch and
//! deopt put the bits of the oparg back there, so the instruction runs again with the
//! same oparg.

#![allow(unused_imports)]

use super::unwind::unwind;
use stitch_abi::access::*;
use crate::helpers;
use crate::specialize::families as specialize;
use stitch_abi::value::{floor_div, floor_mod};
use stitch_abi::*;

/// Runs tier 1 from `entry` until the frame below it (the interpreter's exit frame)
/// receives a value. Returns it, or `Value::ERROR` with the exception and traceback
/// recorded in the runtime.
///
/// # Safety
/// `ts` is the live thread state, and `entry` a frame ready to run whose caller chain
/// ends in a frame running INTERPRETER_EXIT.
#[allow(unused_variables, unused_mut, unused_assignments, unused_labels, unreachable_code, clippy::all)]
pub unsafe fn run<const STATS: bool>(ts: *mut Thread, entry: *mut Frame) -> Value {
    let mut frame = entry;
    crate::reenter::bind(ts, STATS);
    // SAFETY: the frame is live; everything below runs generated instruction arms
    // whose memory accesses the stack plans computed by the analysis keep within the
    // frame's stack, its locals and the objects the values point to.
    unsafe {
        let mut ip: *mut u16 = (*frame).ip;
        let mut sp: *mut Value = (*frame).sp;
        let mut this_instr: *mut u16 = ip;
        // The bits above 16 of the next instruction's oparg (see `extend_oparg!`).
        let mut extended: u32 = 0;
        loop {
            'error: {
                'dispatch: loop {
                    this_instr = ip;
                    if STATS {
                        (*ts).tier1_instructions += 1;
                    }
                    let word = core::ptr::read_unaligned(this_instr as *const u32);
                    let opcode = word as u16;
                    let oparg = (word >> 16) | extended;
                    extended = 0;
                    include!("../../../generated/src/tier1_cases.rs");
                }
            }
            (*frame).sp = sp;
            (*frame).ip = this_instr;
            // A handler in this run's frames continues there; otherwise the exception
            // goes to whoever called the interpreter.
            frame = unwind(ts, frame);
            if frame.is_null() {
                return Value::ERROR;
            }
            ip = (*frame).ip;
            sp = (*frame).sp;
            extended = 0;
        }
    }
}

/// A guard of a specialized instruction failed: rewrite it to its family's head, with
/// the specialization counter backed off, so the generic form runs from now on.
///
/// # Safety
/// `instr` is a live instruction whose first cache unit is its family's counter.
#[inline(never)]
#[cold]
unsafe fn deopt_instruction(instr: *mut u16, head: u16) {
    // SAFETY: forwarded.
    unsafe { super::specialize::deopt(instr, head) }
}

/// Runs an executor from tier 1: through the JIT's code if it has some, else the tier-2
/// interpreter. Returns true if an exception was raised. On return `(*ts).frame` is the
/// frame to continue in, with its `ip` and `sp` saved.
///
/// # Safety
/// `executor` is valid and starts where `frame` stands.
#[inline(never)]
unsafe fn run_executor(ts: *mut Thread, frame: *mut Frame, executor: *mut Executor) -> bool {
    // SAFETY: forwarded; executors exist only where tier 2 runs.
    unsafe {
        let hooks = crate::hooks::tier2(ts).expect("an executor without tier 2");
        (hooks.enter)(ts, frame, executor)
    }
}

#[cold]
#[inline(never)]
fn invalid_opcode() -> ! {
    panic!("invalid tier-1 opcode")
}
