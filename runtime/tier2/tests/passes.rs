//! The optimizer's passes on small bodies, with the uops of the instruction set this
//! repository declares (runtime/bytecodes.uops): machine words planned and tracked
//! (`passes::words`), and declared fusions applied (`passes::fusion`).

use stitch_abi::{NB_ADD, NB_INPLACE, NB_MULTIPLY, NB_TRUE_DIVIDE, Ty, UopInst, Value, uop};
use stitch_tier2::passes::fusion;
use stitch_tier2::passes::words::{Plan, live_words, plan};
use stitch_tier2::projector::{Projection, inst};

fn u(opcode: u16, oparg: u32) -> UopInst {
    inst(opcode, oparg, 0, 0)
}

const INT: Option<Ty> = Some(Ty::Int);
const WORD: Option<Ty> = Some(Ty::Word);

#[test]
fn generic_arithmetic_on_ints_is_lowered_and_the_ints_converted() {
    let lowered = plan(&[None, INT, INT], &[u(uop::_BINARY_OP, NB_MULTIPLY as u32)]);
    assert_eq!(lowered, Plan::Lower { at: 0, op: uop::_BINARY_OP_MULTIPLY_WORD, convert: vec![1, 2] });
    // In-place operators too; a word operand needs no conversion.
    let lowered = plan(&[WORD, INT], &[u(uop::_BINARY_OP, (NB_ADD | NB_INPLACE) as u32)]);
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
    assert_eq!(plan(&[None, INT], &[u(uop::_BINARY_OP, NB_ADD as u32)]), Plan::Nothing);
    assert_eq!(plan(&[INT, INT], &[u(uop::_BINARY_OP, NB_TRUE_DIVIDE as u32)]), Plan::Nothing);
    assert_eq!(plan(&[Some(Ty::Float), INT], &[u(uop::_BINARY_OP, NB_ADD as u32)]), Plan::Nothing);
}

#[test]
fn words_are_unboxed_before_what_reads_them_or_could_see_them() {
    // A store of an int over an int reads the top: only that word.
    assert_eq!(plan(&[WORD, None, WORD], &[u(uop::_STORE_FAST_UNBOXED, 0)]), Plan::Unbox(vec![1]));
    // One that may free the old value (which may run anything) sees all of them.
    assert_eq!(plan(&[WORD, None, WORD], &[u(uop::STORE_FAST, 0)]), Plan::Unbox(vec![3, 1]));
    // A load reads nothing and cannot see the stack.
    assert_eq!(plan(&[WORD, WORD], &[u(uop::LOAD_FAST, 0)]), Plan::Nothing);
    // Generic arithmetic on a word and something unknown may call anything: every word
    // goes.
    assert_eq!(plan(&[WORD, WORD, None], &[u(uop::_BINARY_OP, NB_ADD as u32)]), Plan::Unbox(vec![3, 2]));
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

fn projection(body: Vec<UopInst>) -> Projection {
    Projection {
        codes: vec![std::ptr::null_mut(); body.len()],
        body,
        watched: Vec::new(),
        inlined: Vec::new(),
        constants: Vec::new(),
        instructions: 0,
        links: Vec::new(),
        observed_locals: Default::default(),
        observed_globals: Default::default(),
        known_callers: 0,
    }
}

#[test]
fn a_small_constant_before_its_conversion_is_loaded_as_a_word() {
    let mut p = projection(vec![
        inst(uop::_LOAD_CONST_INLINE_UNBOXED, 0, 0, Value::int(-5).0),
        u(uop::_INT_TO_WORD, 0),
        u(uop::_INT_TO_WORD, 1),
    ]);
    fusion::run(&mut p);
    let ops: Vec<u16> = p.body.iter().map(|x| x.opcode).collect();
    assert_eq!(ops, [uop::_LOAD_CONST_WORD, uop::_INT_TO_WORD]);
    assert_eq!(p.body[0].operand, Value::int(-5).0, "the fused uop keeps the constant's value word");
}

#[test]
fn a_loop_header_fuses_only_within_one_instruction() {
    let mut p = projection(vec![
        inst(uop::_GUARD_NOT_EXHAUSTED_RANGE, 0, 10, 0),
        inst(uop::_ITER_NEXT_RANGE, 0, 10, 0),
        inst(uop::_GUARD_NOT_EXHAUSTED_RANGE, 0, 20, 0),
        inst(uop::_ITER_NEXT_RANGE, 0, 24, 0),
    ]);
    fusion::run(&mut p);
    let ops: Vec<u16> = p.body.iter().map(|x| x.opcode).collect();
    assert_eq!(ops, [uop::_ITER_NEXT_RANGE_OR_EXIT, uop::_GUARD_NOT_EXHAUSTED_RANGE, uop::_ITER_NEXT_RANGE]);
}
