//! Machine-word ints in traces. Int arithmetic that overflows the 48-bit small ints
//! makes a heap int and frees it an instruction later (`x * 1103515245 + 12345` of an
//! LCG), and tier 1 leaves such operations generic. When the types pass has proven the
//! operands are ints, the operation becomes its declared word form (`word of`), whose
//! result stays a raw i64 on the stack until an instruction that is not word arithmetic
//! reads it; the conversion back to an int then makes it a small int again, or leaves
//! the trace when it does not fit.
//!
//! Words are not values, so none may reach tier 1, a helper or another frame:
//! - before an instruction that reads a word and is not word arithmetic, the word is
//!   turned back into a small int;
//! - before an instruction that may escape, raise, switch frames or leave the trace,
//!   every word on the stack is;
//! - an exit taken while words are on the stack boxes them first (`stubs`, from
//!   `live_words`).
//!
//! The conversions are the uops whose signatures convert `int` to `word`, `word` to
//! `int` and `word` to a value (`facts::conversion`).

use super::Edits;
use crate::facts::{self, conversion};
use crate::projector::inst;
use stitch_abi::{Ty, UOPS, UopInst, flags, word_variant};

/// Whether a uop may run while words lie on the stack below what it reads: it stays
/// in this frame and this trace, raises nothing and calls nothing that could look at
/// the stack. (Its exits box the words.)
fn word_safe(opcode: u16) -> bool {
    let unsafe_flags = flags::ESCAPES
        | flags::HAS_ERROR
        | flags::SWITCHES_FRAME
        | flags::ENTERS_EXECUTOR
        | flags::LEAVES_TIER2
        | flags::JUMPS_TO_TOP
        | flags::EXITS_INTERPRETER;
    facts::flags_of(opcode) & unsafe_flags == 0
}

/// A type guard that proves nothing but ints: the word form makes it unneeded.
fn guards_ints(opcode: u16) -> bool {
    let info = &UOPS[opcode as usize];
    info.flags & flags::TYPE_GUARD != 0 && info.outputs.iter().all(|o| o.ty.is_none_or(|t| t == Ty::Int))
}

/// What to do with words at the start of one instruction's uops.
#[derive(Debug, PartialEq, Eq)]
pub enum Plan {
    /// No word is involved.
    Nothing,
    /// Uop `at` of the instruction becomes word arithmetic `op`; the int guards before
    /// it go; the small ints at `convert` (depths, 1 the top) become words first, the
    /// top first (so that a constant loaded just before is loaded as a word).
    Lower { at: usize, op: u16, convert: Vec<u16> },
    /// The words at these depths become small ints before the instruction.
    Unbox(Vec<u16>),
}

/// The plan for the instruction made of `uops`, with `stack` the types on the stack
/// before it (the top last).
pub fn plan(stack: &[Option<Ty>], uops: &[UopInst]) -> Plan {
    let (Some(last), n) = (uops.last(), stack.len()) else { return Plan::Nothing };
    let guards_only = uops[..uops.len() - 1].iter().all(|g| guards_ints(g.opcode));
    if let (true, Some(op), true) = (guards_only, word_variant(last.opcode, last.oparg as u32), n >= 2) {
        let (left, right) = (stack[n - 2], stack[n - 1]);
        let int_like = |t| matches!(t, Some(Ty::Int | Ty::Word));
        let any_word = left == Some(Ty::Word) || right == Some(Ty::Word);
        // An operation whose result is not known to be a small int is generic: tier 1
        // saw it overflow, so words pay. One specialized for small ints only when an
        // operand is a word already.
        let generic = UOPS[last.opcode as usize].outputs.first().is_none_or(|o| o.ty != Some(Ty::Int));
        if int_like(left) && int_like(right) && (generic || any_word) {
            let convert = [(right, 1), (left, 2)].into_iter().filter(|(t, _)| *t == Some(Ty::Int)).map(|(_, d)| d).collect();
            return Plan::Lower { at: uops.len() - 1, op, convert };
        }
    }
    if !stack.contains(&Some(Ty::Word)) {
        return Plan::Nothing;
    }
    // The lowest stack position any uop of the instruction reads, and whether they
    // may all run with words below.
    let (mut height, mut lowest, mut safe) = (n as i64, n as i64, true);
    for u in uops {
        let info = &UOPS[u.opcode as usize];
        height -= info.popped.eval(u.oparg as u32);
        lowest = lowest.min(height);
        height += info.pushed.eval(u.oparg as u32);
        safe &= word_safe(u.opcode);
    }
    let from = if safe { lowest.max(0) as usize } else { 0 };
    let depths: Vec<u16> = (from..n).filter(|&k| stack[k] == Some(Ty::Word)).map(|k| (n - k) as u16).collect();
    if depths.is_empty() { Plan::Nothing } else { Plan::Unbox(depths) }
}

/// Plans the instruction `body[i..end]` and records the plan in `edits`, updating the
/// types on `stack`. Returns true when the instruction became word arithmetic (its uops
/// need no more analysis).
pub fn plan_into(stack: &mut Vec<Option<Ty>>, body: &[UopInst], i: usize, end: usize, edits: &mut Edits) -> bool {
    let (Some(to_word), Some(to_int)) = (conversion(Some(Ty::Int), Some(Ty::Word)), conversion(Some(Ty::Word), Some(Ty::Int))) else {
        return false;
    };
    let n = stack.len();
    match plan(stack, &body[i..end]) {
        Plan::Nothing => false,
        Plan::Unbox(depths) => {
            for d in depths {
                edits.before[i].push(inst(to_int, u32::from(d - 1), body[i].target, 0));
                stack[n - d as usize] = Some(Ty::Int);
            }
            false
        }
        Plan::Lower { at, op, convert } => {
            let arith = i + at;
            edits.keep[i..arith].fill(false);
            for d in convert {
                edits.before[arith].push(inst(to_word, u32::from(d - 1), body[arith].target, 0));
            }
            edits.replace[arith] = Some(op);
            stack.truncate(n - 2);
            stack.push(Some(Ty::Word));
            true
        }
    }
}

/// For each uop of a trace body, the depths (1 the top) of the words on the stack
/// before it. Empty everywhere in a trace without words.
pub fn live_words(body: &[UopInst]) -> Vec<Vec<u16>> {
    let mut out = vec![Vec::new(); body.len()];
    if !body.iter().any(|u| UOPS[u.opcode as usize].outputs.iter().any(|s| s.ty == Some(Ty::Word))) {
        return out;
    }
    let conversions = [conversion(Some(Ty::Int), Some(Ty::Word)), conversion(Some(Ty::Word), Some(Ty::Int)), conversion(Some(Ty::Word), None)];
    // Per frame the trace is in (the caller's first), whether each stack slot holds a
    // word; what lies below the first slot of a frame never does.
    let mut frames: Vec<Vec<bool>> = vec![Vec::new()];
    for (i, u) in body.iter().enumerate() {
        let stack = frames.last_mut().expect("a frame");
        let n = stack.len();
        out[i] = (0..n).rev().filter(|&k| stack[k]).map(|k| (n - k) as u16).collect();
        let depth = u.oparg as usize + 1;
        let info = &UOPS[u.opcode as usize];
        let oparg = u.oparg as u32;
        if conversions.contains(&Some(u.opcode)) {
            // Words are made in the trace, in slots it pushed.
            debug_assert!(n >= depth, "a conversion below the frame's known stack");
            if let Some(k) = n.checked_sub(depth) {
                stack[k] = info.outputs[0].ty == Some(Ty::Word);
            }
            continue;
        }
        match facts::frame_delta(u.opcode) {
            1 => {
                debug_assert!(!stack.contains(&true), "a word crosses a call");
                stack.truncate(n.saturating_sub(info.popped.eval(oparg).max(0) as usize));
                frames.push(Vec::new());
                continue;
            }
            -1 => {
                debug_assert!(!stack.contains(&true), "a word crosses a return");
                frames.pop();
                if frames.is_empty() {
                    // Out of the trace's first frame into its caller: nothing known.
                    frames.push(Vec::new());
                }
                frames.last_mut().expect("a frame").push(false);
                continue;
            }
            _ => {}
        }
        if info.flags & flags::SWITCHES_FRAME != 0 {
            debug_assert!(!stack.contains(&true), "a word crosses a frame switch");
            *stack = Vec::new();
            continue;
        }
        let pop = info.popped.eval(oparg).max(0) as usize;
        // Slots below the trace's first are no words.
        let mut kept = vec![false; pop.saturating_sub(n)];
        kept.extend(stack.drain(n.saturating_sub(pop)..));
        let mut k = 0;
        for slot in info.outputs {
            for _ in 0..slot.size.eval(oparg).max(0) {
                // A peek stays what it was; a new output is a word if it says so.
                let was = if slot.peek { kept.get(k).copied().unwrap_or(false) } else { false };
                stack.push(was || slot.ty == Some(Ty::Word));
                k += 1;
            }
        }
    }
    out
}
