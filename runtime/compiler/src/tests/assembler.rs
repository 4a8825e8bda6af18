//! Jump encoding, dead code, stack depth and unbound-local analysis, on
//! hand-written instruction lists.

use stitch_abi::op;
use crate::assembly::assembler::{AssembleError, Assembled, Assembler, size};

fn assemble(build: impl FnOnce(&mut Assembler), nlocals: usize, nparams: usize) -> Assembled {
    let mut asm = Assembler::default();
    build(&mut asm);
    match asm.assemble(nlocals, nparams) {
        Ok(a) => a,
        Err(e) => panic!("{e:?}"),
    }
}

/// (opcode, oparg) of each instruction.
fn decode(units: &[u16]) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < units.len() {
        out.push((units[at], units[at + 1]));
        at += size(units[at]);
    }
    out
}

#[test]
fn jumps_count_code_units_from_the_end_of_the_jump() {
    let a = assemble(
        |asm| {
            let (top, end) = (asm.new_label(), asm.new_label());
            asm.bind(top);
            asm.emit(op::LOAD_CONST, 0, 1);
            asm.emit_jump(op::POP_JUMP_IF_FALSE, end, 1);
            asm.emit_jump(op::JUMP_BACKWARD, top, 2);
            asm.bind(end);
            asm.emit(op::LOAD_CONST, 0, 3);
            asm.emit(op::RETURN_VALUE, 0, 3);
        },
        0,
        0,
    );
    let sizes = [
        size(op::LOAD_CONST),
        size(op::POP_JUMP_IF_FALSE),
        size(op::JUMP_BACKWARD),
    ];
    assert_eq!(
        decode(&a.units),
        [
            (op::LOAD_CONST, 0),
            (op::POP_JUMP_IF_FALSE, sizes[2] as u16),
            (op::JUMP_BACKWARD, (sizes[0] + sizes[1] + sizes[2]) as u16),
            (op::LOAD_CONST, 0),
            (op::RETURN_VALUE, 0),
        ]
    );
    // Caches are zero and every unit has a line.
    assert_eq!(a.units.len(), a.lines.len());
    assert_eq!(a.lines[0], 1);
    assert_eq!(a.lines[sizes[0] + sizes[1]], 2);
    assert_eq!(a.stacksize, 1);
}

#[test]
fn for_iter_pops_the_iterator_when_it_jumps() {
    // BUILD_LIST; GET_ITER; top: FOR_ITER end; POP_TOP; JUMP_BACKWARD top; end: ... RETURN
    let a = assemble(
        |asm| {
            let (top, end) = (asm.new_label(), asm.new_label());
            asm.emit(op::BUILD_LIST, 0, 1);
            asm.emit(op::GET_ITER, 0, 1);
            asm.bind(top);
            asm.emit_jump(op::FOR_ITER, end, 1);
            asm.emit(op::POP_TOP, 0, 1);
            asm.emit_jump(op::JUMP_BACKWARD, top, 1);
            asm.bind(end);
            asm.emit(op::LOAD_CONST, 0, 1);
            asm.emit(op::RETURN_VALUE, 0, 1);
        },
        0,
        0,
    );
    assert_eq!(a.stacksize, 2);
}

#[test]
fn dead_code_and_jumps_to_the_next_instruction_go() {
    let a = assemble(
        |asm| {
            let next = asm.new_label();
            asm.emit_jump(op::JUMP_FORWARD, next, 1);
            asm.bind(next);
            asm.emit(op::LOAD_CONST, 0, 1);
            asm.emit(op::RETURN_VALUE, 0, 1);
            asm.emit(op::LOAD_CONST, 1, 2);
            asm.emit(op::RETURN_VALUE, 0, 2);
        },
        0,
        0,
    );
    assert_eq!(
        decode(&a.units),
        [(op::LOAD_CONST, 0), (op::RETURN_VALUE, 0)]
    );
}

#[test]
fn loads_of_surely_bound_locals_skip_the_check() {
    // slot 0: a parameter; slot 1 stored on one path only; slot 2 stored first.
    let a = assemble(
        |asm| {
            let skip = asm.new_label();
            asm.emit(op::LOAD_CONST, 0, 1);
            asm.emit(op::STORE_FAST, 2, 1);
            asm.emit(op::LOAD_FAST_CHECK, 0, 1);
            asm.emit_jump(op::POP_JUMP_IF_FALSE, skip, 1);
            asm.emit(op::LOAD_CONST, 0, 1);
            asm.emit(op::STORE_FAST, 1, 1);
            asm.bind(skip);
            asm.emit(op::LOAD_FAST_CHECK, 1, 1);
            asm.emit(op::POP_TOP, 0, 1);
            asm.emit(op::LOAD_FAST_CHECK, 2, 1);
            asm.emit(op::RETURN_VALUE, 0, 1);
        },
        3,
        1,
    );
    // The store of slot 2 and the load of slot 0 fuse into one superinstruction.
    let loads: Vec<(u16, u16)> = decode(&a.units)
        .into_iter()
        .filter(|(o, _)| matches!(*o, op::LOAD_FAST | op::LOAD_FAST_CHECK | op::STORE_FAST_LOAD_FAST))
        .collect();
    assert_eq!(
        loads,
        [
            (op::STORE_FAST_LOAD_FAST, 2 << 8),
            (op::LOAD_FAST_CHECK, 1),
            (op::LOAD_FAST, 2)
        ]
    );
}

#[test]
fn mistakes_are_reported_not_panicked() {
    let mut asm = Assembler::default();
    let nowhere = asm.new_label();
    asm.emit_jump(op::JUMP_FORWARD, nowhere, 1);
    assert!(matches!(
        asm.assemble(0, 0),
        Err(AssembleError::Internal(_))
    ));

    let mut asm = Assembler::default();
    asm.emit(op::POP_TOP, 0, 1);
    asm.emit(op::RETURN_VALUE, 0, 1);
    assert!(matches!(
        asm.assemble(0, 0),
        Err(AssembleError::Internal(_))
    ));
}

/// (start, opcode, whole oparg, next) of each instruction, prefixes read with it.
fn decode_wide(units: &[u16]) -> Vec<(usize, u16, u32, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < units.len() {
        let d = stitch_abi::code_units::decode(units, at).expect("an instruction");
        out.push((at, d.opcode, d.oparg, d.next));
        at = d.next;
    }
    out
}

#[test]
fn an_oparg_past_16_bits_gets_an_extended_arg_prefix() {
    let a = assemble(
        |asm| {
            asm.emit(op::LOAD_CONST, 70000, 1);
            asm.emit(op::RETURN_VALUE, 0, 2);
        },
        0,
        0,
    );
    assert_eq!(&a.units[..4], [op::EXTENDED_ARG, 1, op::LOAD_CONST, (70000 - 65536) as u16]);
    // The prefix is on the instruction's line.
    assert_eq!(&a.lines[..4], [1, 1, 1, 1]);
    assert_eq!(decode_wide(&a.units).iter().map(|&(_, o, arg, _)| (o, arg)).collect::<Vec<_>>(), [(op::LOAD_CONST, 70000), (op::RETURN_VALUE, 0)]);
}

#[test]
fn long_jumps_get_prefixes_and_land_on_prefixes() {
    // A loop whose body is longer than 16 bits of code units; its first instruction
    // has a wide oparg too, so the back edge lands on a prefix. Some jumps are just
    // short enough until the prefixes of others push them past 16 bits.
    let a = assemble(
        |asm| {
            let (top, end) = (asm.new_label(), asm.new_label());
            asm.bind(top);
            asm.emit(op::LOAD_CONST, 100_000, 1);
            asm.emit_jump(op::POP_JUMP_IF_FALSE, end, 1);
            for k in 0..16_400u32 {
                asm.emit(op::LOAD_CONST, k, 2);
                asm.emit(op::POP_TOP, 0, 2);
            }
            asm.emit_jump(op::JUMP_BACKWARD, top, 3);
            asm.bind(end);
            asm.emit(op::LOAD_CONST, 0, 4);
            asm.emit(op::RETURN_VALUE, 0, 4);
        },
        0,
        0,
    );
    let instrs = decode_wide(&a.units);
    let starts: Vec<usize> = instrs.iter().map(|i| i.0).collect();
    let mut prefixed_jumps = 0;
    for &(start, opcode, arg, next) in &instrs {
        let target = match opcode {
            op::JUMP_BACKWARD => next - arg as usize,
            op::POP_JUMP_IF_FALSE => next + arg as usize,
            _ => continue,
        };
        assert!(starts.contains(&target), "a jump at {start} lands inside an instruction");
        prefixed_jumps += usize::from(a.units[start] == op::EXTENDED_ARG);
    }
    assert_eq!(prefixed_jumps, 2);
    // The back edge lands on the LOAD_CONST's prefix, the forward jump past the loop.
    let back = instrs.iter().find(|i| i.1 == op::JUMP_BACKWARD).unwrap();
    assert_eq!(back.3 - back.2 as usize, 0);
    assert_eq!(a.units[0], op::EXTENDED_ARG);
    let forward = instrs.iter().find(|i| i.1 == op::POP_JUMP_IF_FALSE).unwrap();
    assert_eq!(forward.3 + forward.2 as usize, back.3);
    assert_eq!(a.units.len(), a.lines.len());
}

#[test]
fn a_jump_that_prefixes_push_past_16_bits_gets_one_too() {
    // The forward jump covers 65532 units of instructions, two of them with wide
    // opargs: only once they have their prefixes is the jump too long for 16 bits.
    let pair = size(op::LOAD_CONST) + size(op::POP_TOP);
    let pairs = (65532 - 2 * pair) / pair;
    assert_eq!(pairs * pair + 2 * pair, 65532, "the sizes add up");
    let a = assemble(
        |asm| {
            let end = asm.new_label();
            asm.emit(op::LOAD_CONST, 0, 1);
            asm.emit_jump(op::POP_JUMP_IF_FALSE, end, 1);
            for _ in 0..pairs {
                asm.emit(op::LOAD_CONST, 0, 2);
                asm.emit(op::POP_TOP, 0, 2);
            }
            for _ in 0..2 {
                asm.emit(op::LOAD_CONST, 70_000, 2);
                asm.emit(op::POP_TOP, 0, 2);
            }
            asm.bind(end);
            asm.emit(op::LOAD_CONST, 0, 3);
            asm.emit(op::RETURN_VALUE, 0, 3);
        },
        0,
        0,
    );
    let instrs = decode_wide(&a.units);
    let jump = instrs.iter().find(|i| i.1 == op::POP_JUMP_IF_FALSE).unwrap();
    assert_eq!(jump.2, 65532 + 2 * size(op::EXTENDED_ARG) as u32);
    assert_eq!(a.units[jump.0], op::EXTENDED_ARG);
    let last = instrs.iter().rev().nth(1).unwrap();
    assert_eq!(jump.3 + jump.2 as usize, last.0, "it lands on the LOAD_CONST after the loop body");
}
