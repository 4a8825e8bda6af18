//! Machine-word ints in traces. Int arithmetic that overflows the 48-bit small ints
//! makes a heap int and frees it an instruction later (`x * 1103515245 + 12345` of an
//! LCG), and tier 1 leaves such operations generic. When the optimizer has proven the
//! operands are ints, the operation becomes a word uop (`_BINARY_OP_MULTIPLY_WORD`)
//! whose result stays a raw i64 on the stack until an instruction that is not word
//! arithmetic reads it; `_WORD_TO_INT` then makes it a small int again, or leaves the
//! trace when it does not fit.
//!
//! Words are not values, so none may reach tier 1, a helper or another frame:
//! - before an instruction that reads a word and is not word arithmetic, the word is
//!   turned back into a small int;
//! - before an instruction that may escape, raise, switch frames or leave the trace,
//!   every word on the stack is;
//! - an exit taken while words are on the stack boxes them first (`stubs`, from
//!   `live_words`).

use stitch_abi::{NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_INPLACE, NB_LSHIFT, NB_MULTIPLY, NB_OR};
use stitch_abi::{NB_REMAINDER, NB_RSHIFT, NB_SUBTRACT, NB_XOR, Ty, UOPS, UopInst, flags, uop};

/// The word uop for an int operation: a generic `_BINARY_OP` by its operator, or a
/// specialized small-int operation.
fn word_op(u: &UopInst) -> Option<u16> {
    let by_operator = |nb: u32| match nb {
        NB_ADD => Some(uop::_BINARY_OP_ADD_WORD),
        NB_SUBTRACT => Some(uop::_BINARY_OP_SUBTRACT_WORD),
        NB_MULTIPLY => Some(uop::_BINARY_OP_MULTIPLY_WORD),
        NB_FLOOR_DIVIDE => Some(uop::_BINARY_OP_FLOOR_DIVIDE_WORD),
        NB_REMAINDER => Some(uop::_BINARY_OP_REMAINDER_WORD),
        NB_AND => Some(uop::_BINARY_OP_AND_WORD),
        NB_OR => Some(uop::_BINARY_OP_OR_WORD),
        NB_XOR => Some(uop::_BINARY_OP_XOR_WORD),
        NB_LSHIFT => Some(uop::_BINARY_OP_LSHIFT_WORD),
        NB_RSHIFT => Some(uop::_BINARY_OP_RSHIFT_WORD),
        _ => None,
    };
    match u.opcode {
        uop::_BINARY_OP => by_operator(u.oparg as u32 & !NB_INPLACE),
        uop::_BINARY_OP_ADD_INT => Some(uop::_BINARY_OP_ADD_WORD),
        uop::_BINARY_OP_SUBTRACT_INT => Some(uop::_BINARY_OP_SUBTRACT_WORD),
        uop::_BINARY_OP_MULTIPLY_INT => Some(uop::_BINARY_OP_MULTIPLY_WORD),
        uop::_BINARY_OP_FLOOR_DIVIDE_INT => Some(uop::_BINARY_OP_FLOOR_DIVIDE_WORD),
        uop::_BINARY_OP_REMAINDER_INT => Some(uop::_BINARY_OP_REMAINDER_WORD),
        uop::_BINARY_OP_AND_INT => Some(uop::_BINARY_OP_AND_WORD),
        uop::_BINARY_OP_OR_INT => Some(uop::_BINARY_OP_OR_WORD),
        uop::_BINARY_OP_XOR_INT => Some(uop::_BINARY_OP_XOR_WORD),
        uop::_BINARY_OP_LSHIFT_INT => Some(uop::_BINARY_OP_LSHIFT_WORD),
        uop::_BINARY_OP_RSHIFT_INT => Some(uop::_BINARY_OP_RSHIFT_WORD),
        _ => None,
    }
}

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
    UOPS[opcode as usize].flags & unsafe_flags == 0
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
    let guards_int = uops[..uops.len() - 1].iter().all(|g| g.opcode == uop::_GUARD_BOTH_INT);
    if let (true, Some(op), true) = (guards_int, word_op(last), n >= 2) {
        let (left, right) = (stack[n - 2], stack[n - 1]);
        let int_like = |t| matches!(t, Some(Ty::Int | Ty::Word));
        let any_word = left == Some(Ty::Word) || right == Some(Ty::Word);
        // Generic arithmetic on ints overflowed the small ints in tier 1: words pay.
        // Specialized arithmetic only when an operand is a word already.
        if int_like(left) && int_like(right) && (last.opcode == uop::_BINARY_OP || any_word) {
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

/// For each uop of a trace body, the depths (1 the top) of the words on the stack
/// before it. Empty everywhere in a trace without words.
pub fn live_words(body: &[UopInst]) -> Vec<Vec<u16>> {
    let mut out = vec![Vec::new(); body.len()];
    if !body.iter().any(|u| UOPS[u.opcode as usize].outputs.iter().any(|s| s.ty == Some(Ty::Word))) {
        return out;
    }
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
        match u.opcode {
            uop::_INT_TO_WORD | uop::_WORD_TO_INT | uop::_BOX_WORD => {
                // Words are made in the trace, in slots it pushed.
                debug_assert!(n >= depth, "a conversion below the frame's known stack");
                if let Some(k) = n.checked_sub(depth) {
                    stack[k] = u.opcode == uop::_INT_TO_WORD;
                }
                continue;
            }
            uop::_PUSH_FRAME_EXACT_ARGS => {
                debug_assert!(!stack.contains(&true), "a word crosses a call");
                stack.truncate(n.saturating_sub(info.popped.eval(oparg).max(0) as usize));
                frames.push(Vec::new());
                continue;
            }
            uop::RETURN_VALUE => {
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

/// A small-int constant loaded just before it becomes a word is loaded as a word.
pub fn fold_constants(body: &mut [UopInst], keep: &mut [bool]) {
    for i in 1..body.len() {
        let (load, convert) = (body[i - 1], body[i]);
        if load.opcode == uop::_LOAD_CONST_INLINE_UNBOXED
            && convert.opcode == uop::_INT_TO_WORD
            && convert.oparg == 0
            && stitch_abi::Value(load.operand).is_int()
        {
            body[i - 1].opcode = uop::_LOAD_CONST_WORD;
            body[i - 1].operand = stitch_abi::Value(load.operand).as_int() as u64;
            keep[i] = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projector::inst;

    fn u(opcode: u16, oparg: u16) -> UopInst {
        inst(opcode, oparg, 0, 0)
    }

    const INT: Option<Ty> = Some(Ty::Int);
    const WORD: Option<Ty> = Some(Ty::Word);

    #[test]
    fn generic_arithmetic_on_ints_is_lowered_and_the_ints_converted() {
        let lowered = plan(&[None, INT, INT], &[u(uop::_BINARY_OP, NB_MULTIPLY as u16)]);
        assert_eq!(lowered, Plan::Lower { at: 0, op: uop::_BINARY_OP_MULTIPLY_WORD, convert: vec![1, 2] });
        // In-place operators too; a word operand needs no conversion.
        let lowered = plan(&[WORD, INT], &[u(uop::_BINARY_OP, (NB_ADD | NB_INPLACE) as u16)]);
        assert_eq!(lowered, Plan::Lower { at: 0, op: uop::_BINARY_OP_ADD_WORD, convert: vec![1] });
    }

    #[test]
    fn specialized_arithmetic_is_lowered_only_on_words() {
        let add = [u(uop::_GUARD_BOTH_INT, 0), u(uop::_BINARY_OP_ADD_INT, 0)];
        assert_eq!(plan(&[INT, INT], &add), Plan::Nothing, "small ints keep tier 1's arithmetic");
        assert_eq!(plan(&[INT, WORD], &add), Plan::Lower { at: 1, op: uop::_BINARY_OP_ADD_WORD, convert: vec![2] });
    }

    #[test]
    fn unknown_operands_and_other_operators_are_not_lowered() {
        assert_eq!(plan(&[None, INT], &[u(uop::_BINARY_OP, NB_ADD as u16)]), Plan::Nothing);
        assert_eq!(plan(&[INT, INT], &[u(uop::_BINARY_OP, stitch_abi::NB_TRUE_DIVIDE as u16)]), Plan::Nothing);
        assert_eq!(plan(&[Some(Ty::Float), INT], &[u(uop::_BINARY_OP, NB_ADD as u16)]), Plan::Nothing);
    }

    #[test]
    fn words_are_unboxed_before_what_reads_them_or_could_see_them() {
        // A store of an int over an int reads the top: only that word.
        assert_eq!(plan(&[WORD, None, WORD], &[u(uop::_STORE_FAST_UNBOXED, 0)]), Plan::Unbox(vec![1]));
        // One that may free the old value (which may run anything) sees all of them.
        assert_eq!(plan(&[WORD, None, WORD], &[u(uop::STORE_FAST, 0)]), Plan::Unbox(vec![3, 1]));
        // A load reads nothing and cannot see the stack.
        assert_eq!(plan(&[WORD, WORD], &[u(uop::LOAD_FAST, 0)]), Plan::Nothing);
        // Generic arithmetic on a word and something unknown may call anything: every
        // word goes.
        assert_eq!(plan(&[WORD, WORD, None], &[u(uop::_BINARY_OP, NB_ADD as u16)]), Plan::Unbox(vec![3, 2]));
    }

    #[test]
    fn live_words_follow_conversions_arithmetic_and_unboxing() {
        let body = [
            u(uop::LOAD_FAST, 0),
            u(uop::LOAD_FAST, 1),
            u(uop::_INT_TO_WORD, 0),
            u(uop::_INT_TO_WORD, 1),
            u(uop::_BINARY_OP_MULTIPLY_WORD, 0),
            u(uop::_LOAD_CONST_WORD, 0),
            u(uop::_BINARY_OP_ADD_WORD, 0),
            u(uop::_WORD_TO_INT, 0),
            u(uop::STORE_FAST, 2),
        ];
        let live = live_words(&body);
        let want: [&[u16]; 9] = [&[], &[], &[], &[1], &[1, 2], &[1], &[1, 2], &[1], &[]];
        for (i, w) in want.iter().enumerate() {
            assert_eq!(live[i], *w, "before uop {i}");
        }
    }

    #[test]
    fn live_words_see_the_callers_stack_again_after_an_inlined_call() {
        // `f(a) * y` with the call followed: the result comes back onto the caller's
        // stack, and both operands of the multiply are words when it can exit.
        let body = [
            u(uop::_LOAD_CONST_INLINE, 0),
            u(uop::PUSH_NULL, 0),
            u(uop::LOAD_FAST, 0),
            u(uop::_PUSH_FRAME_EXACT_ARGS, 1),
            u(uop::LOAD_FAST, 0),
            u(uop::RETURN_VALUE, 0),
            u(uop::LOAD_FAST, 1),
            u(uop::_INT_TO_WORD, 0),
            u(uop::_INT_TO_WORD, 1),
            u(uop::_BINARY_OP_MULTIPLY_WORD, 0),
        ];
        let live = live_words(&body);
        assert_eq!(live[9], [1, 2]);
        assert!(live[..8].iter().all(|l| l.is_empty()));
    }

    #[test]
    fn a_small_constant_before_its_conversion_is_loaded_as_a_word() {
        let mut body = vec![
            inst(uop::_LOAD_CONST_INLINE_UNBOXED, 0, 0, stitch_abi::Value::int(-5).0),
            u(uop::_INT_TO_WORD, 0),
            u(uop::_INT_TO_WORD, 1),
        ];
        let mut keep = vec![true; 3];
        fold_constants(&mut body, &mut keep);
        assert_eq!(body[0].opcode, uop::_LOAD_CONST_WORD);
        assert_eq!(body[0].operand as i64, -5);
        assert_eq!(keep, [true, false, true]);
    }
}
