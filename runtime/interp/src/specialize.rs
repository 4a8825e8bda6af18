//! Adaptive specialization: a generic instruction counts down in its first cache unit;
//! at zero it looks at its operands and rewrites itself into a member of its family,
//! writing the member's cache entries. A member whose guard fails is rewritten back
//! to the head with the counter backed off (see `deopt`).
//!
//! Cache offsets are not written here: they come from the generated expansion tables,
//! so the `.uops` file stays their only source.

use stitch_abi::*;
use stitch_core::objects::dict;

/// Counters: 12 bits of count above 4 bits of backoff exponent.
pub const fn counter(count: u16, backoff: u16) -> u16 {
    (count << 4) | backoff
}

/// A new generic instruction specializes on its second execution.
pub const WARMUP: u16 = counter(1, 1);
/// After specializing, a generic instruction that is reached again waits this long.
pub const COOLDOWN: u16 = counter(52, 0);
/// History of a branch never seen: half taken.
pub const BRANCH_UNKNOWN: u16 = 0x5555;

/// The next counter after a failure: twice the wait, up to 4095.
pub fn backoff(c: u16) -> u16 {
    let exp = ((c & 15) + 1).min(12);
    counter((1 << exp) - 1, exp)
}

/// Where uop `uop` of instruction `opcode` reads its operand, in cache units.
fn operand_offset(opcode: u16, uop: u16) -> usize {
    let info = &INSTRUCTIONS[opcode as usize];
    info.expansion
        .iter()
        .find_map(|e| match e.operand {
            Operand::Cache { offset, .. } if e.uop == uop => Some(offset as usize),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{} has no cache operand for uop {uop}", info.name))
}

/// # Safety
/// `instr` is a live instruction with a cache of at least `offset + 2` units.
unsafe fn write_u32(instr: *mut u16, offset: usize, v: u32) {
    // SAFETY: within the instruction's cache.
    unsafe { std::ptr::write_unaligned(instr.add(2 + offset) as *mut u32, v) }
}

/// # Safety
/// `instr` is a live instruction of a family.
unsafe fn rewrite(instr: *mut u16, opcode: Option<u16>) {
    // SAFETY: the opcode is the first unit, the counter the third.
    unsafe {
        match opcode {
            Some(op) => {
                *instr = op;
                *instr.add(2) = COOLDOWN;
            }
            None => *instr.add(2) = backoff(*instr.add(2)),
        }
    }
}

/// # Safety
/// `instr` is a live specialized instruction of the family headed by `head`.
pub unsafe fn deopt(instr: *mut u16, head: u16) {
    // SAFETY: as `rewrite`.
    unsafe {
        *instr = head;
        *instr.add(2) = backoff(*instr.add(2));
    }
}

fn oparg_of(instr: *mut u16) -> u32 {
    // SAFETY: every instruction has its oparg in its second unit.
    unsafe { *instr.add(1) as u32 }
}

/// # Safety
/// `instr` is a live BINARY_OP.
pub unsafe fn binary_op(instr: *mut u16, lhs: Value, rhs: Value) {
    let nb = oparg_of(instr) & !NB_INPLACE;
    let choice = if Value::both_int(lhs, rhs) {
        match nb {
            NB_ADD => Some(op::BINARY_OP_ADD_INT),
            NB_SUBTRACT => Some(op::BINARY_OP_SUBTRACT_INT),
            NB_MULTIPLY => Some(op::BINARY_OP_MULTIPLY_INT),
            NB_FLOOR_DIVIDE => Some(op::BINARY_OP_FLOOR_DIVIDE_INT),
            NB_REMAINDER => Some(op::BINARY_OP_REMAINDER_INT),
            NB_AND => Some(op::BINARY_OP_AND_INT),
            NB_OR => Some(op::BINARY_OP_OR_INT),
            NB_XOR => Some(op::BINARY_OP_XOR_INT),
            NB_LSHIFT => Some(op::BINARY_OP_LSHIFT_INT),
            NB_RSHIFT => Some(op::BINARY_OP_RSHIFT_INT),
            NB_TRUE_DIVIDE => Some(op::BINARY_OP_TRUE_DIVIDE_INT),
            _ => None,
        }
    } else if Value::both_float(lhs, rhs) {
        match nb {
            NB_ADD => Some(op::BINARY_OP_ADD_FLOAT),
            NB_SUBTRACT => Some(op::BINARY_OP_SUBTRACT_FLOAT),
            NB_MULTIPLY => Some(op::BINARY_OP_MULTIPLY_FLOAT),
            NB_TRUE_DIVIDE => Some(op::BINARY_OP_TRUE_DIVIDE_FLOAT),
            NB_POWER => Some(op::BINARY_OP_POWER_FLOAT),
            _ => None,
        }
    } else if Value::float_mix(lhs, rhs) {
        match nb {
            NB_POWER => Some(op::BINARY_OP_POWER_MIX),
            NB_ADD => Some(op::BINARY_OP_ADD_MIX),
            NB_SUBTRACT => Some(op::BINARY_OP_SUBTRACT_MIX),
            NB_MULTIPLY => Some(op::BINARY_OP_MULTIPLY_MIX),
            NB_TRUE_DIVIDE => Some(op::BINARY_OP_TRUE_DIVIDE_MIX),
            _ => None,
        }
    } else if nb == NB_ADD && lhs.is_kind(KIND_STR) && rhs.is_kind(KIND_STR) {
        Some(op::BINARY_OP_ADD_STR)
    } else {
        None
    };
    // SAFETY: the caller guarantees the instruction.
    unsafe { rewrite(instr, choice) }
}

/// # Safety
/// `instr` is a live COMPARE_OP.
pub unsafe fn compare_op(instr: *mut u16, lhs: Value, rhs: Value) {
    let choice = if Value::both_int(lhs, rhs) {
        Some(op::COMPARE_OP_INT)
    } else if Value::both_float(lhs, rhs) {
        Some(op::COMPARE_OP_FLOAT)
    } else if Value::float_mix(lhs, rhs) {
        Some(op::COMPARE_OP_MIX)
    } else if lhs.is_kind(KIND_STR) && rhs.is_kind(KIND_STR) {
        Some(op::COMPARE_OP_STR)
    } else {
        None
    };
    // SAFETY: the caller guarantees the instruction.
    unsafe { rewrite(instr, choice) }
}

/// # Safety
/// `instr` is a live BINARY_SUBSCR.
pub unsafe fn subscr(instr: *mut u16, container: Value, sub: Value) {
    let choice = if container.is_kind(KIND_DICT) {
        Some(op::BINARY_SUBSCR_DICT)
    } else if !sub.is_int() {
        None
    } else if container.is_kind(KIND_LIST) {
        Some(op::BINARY_SUBSCR_LIST_INT)
    } else if container.is_kind(KIND_TUPLE) {
        Some(op::BINARY_SUBSCR_TUPLE_INT)
    } else if container.is_kind(KIND_STR) {
        Some(op::BINARY_SUBSCR_STR_INT)
    } else {
        None
    };
    // SAFETY: the caller guarantees the instruction.
    unsafe { rewrite(instr, choice) }
}

/// # Safety
/// `instr` is a live STORE_SUBSCR.
pub unsafe fn store_subscr(instr: *mut u16, container: Value, sub: Value) {
    let choice = if container.is_kind(KIND_DICT) {
        Some(op::STORE_SUBSCR_DICT)
    } else if container.is_kind(KIND_LIST) && sub.is_int() {
        Some(op::STORE_SUBSCR_LIST_INT)
    } else {
        None
    };
    // SAFETY: the caller guarantees the instruction.
    unsafe { rewrite(instr, choice) }
}

/// # Safety
/// `instr` is a live FOR_ITER.
pub unsafe fn for_iter(instr: *mut u16, iter: Value) {
    let choice = if iter.is_kind(KIND_RANGE_ITER) {
        Some(op::FOR_ITER_RANGE)
    } else if iter.is_kind(KIND_LIST_ITER) {
        Some(op::FOR_ITER_LIST)
    } else {
        None
    };
    // SAFETY: the caller guarantees the instruction.
    unsafe { rewrite(instr, choice) }
}

/// # Safety
/// `instr` is a live CALL.
pub unsafe fn call(instr: *mut u16, callable: Value, self_or_null: Value, nargs: u32) {
    // SAFETY: the callable's kind is checked before its layout is read.
    unsafe {
        if callable.is_kind(KIND_FUNCTION) && self_or_null.is_null() {
            let f = callable.cast::<Function>();
            if (*f).argcount == nargs {
                write_u32(instr, operand_offset(op::CALL_PY_EXACT_ARGS, uop::_CHECK_FUNCTION_EXACT_ARGS), (*f).version);
                return rewrite(instr, Some(op::CALL_PY_EXACT_ARGS));
            }
        } else if callable.is_kind(KIND_BUILTIN) || callable.is_kind(KIND_TYPE) {
            return rewrite(instr, Some(op::CALL_BUILTIN));
        }
        rewrite(instr, None)
    }
}

/// A dict's keys version, numbering it if it has none.
///
/// # Safety
/// `d` is a live dict.
pub unsafe fn keys_version(d: *mut Dict) -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    // SAFETY: the caller guarantees the dict.
    unsafe {
        if (*d).keys_version == 0 {
            (*d).keys_version = NEXT.fetch_add(1, Ordering::Relaxed).max(1);
        }
        (*d).keys_version
    }
}

/// # Safety
/// `instr` is a live LOAD_GLOBAL of `frame`'s code.
pub unsafe fn load_global(frame: *mut Frame, instr: *mut u16) {
    // SAFETY: the frame's code, globals and builtins are live.
    unsafe {
        let code = super::frames::code_of(frame);
        let name = code.names[oparg_of(instr) as usize];
        let hash = stitch_core::objects::str::as_str(name).hash();
        let globals = (*frame).globals;
        let builtins = (*frame).builtins;
        if let Some(i) = dict::find(globals, name, hash) {
            if let Ok(index) = u16::try_from(i) {
                let v = keys_version(globals);
                write_u32(instr, operand_offset(op::LOAD_GLOBAL_MODULE, uop::_GUARD_GLOBALS_VERSION), v);
                *instr.add(2 + operand_offset(op::LOAD_GLOBAL_MODULE, uop::_LOAD_GLOBAL_MODULE)) = index;
                return rewrite(instr, Some(op::LOAD_GLOBAL_MODULE));
            }
        } else if let Some(i) = dict::find(builtins, name, hash)
            && let Ok(index) = u16::try_from(i)
        {
            let (gv, bv) = (keys_version(globals), keys_version(builtins));
            write_u32(instr, operand_offset(op::LOAD_GLOBAL_BUILTIN, uop::_GUARD_GLOBALS_VERSION), gv);
            write_u32(instr, operand_offset(op::LOAD_GLOBAL_BUILTIN, uop::_GUARD_BUILTINS_VERSION), bv);
            *instr.add(2 + operand_offset(op::LOAD_GLOBAL_BUILTIN, uop::_LOAD_GLOBAL_BUILTIN)) = index;
            return rewrite(instr, Some(op::LOAD_GLOBAL_BUILTIN));
        }
        rewrite(instr, None)
    }
}

/// # Safety
/// `instr` is a live STORE_GLOBAL of `frame`'s code.
pub unsafe fn store_global(frame: *mut Frame, instr: *mut u16) {
    // SAFETY: the frame's code and globals are live.
    unsafe {
        let code = super::frames::code_of(frame);
        let name = code.names[oparg_of(instr) as usize];
        let hash = stitch_core::objects::str::as_str(name).hash();
        let globals = (*frame).globals;
        if let Some(i) = dict::find(globals, name, hash)
            && let Ok(index) = u16::try_from(i)
        {
            let v = keys_version(globals);
            write_u32(instr, operand_offset(op::STORE_GLOBAL_MODULE, uop::_GUARD_GLOBALS_VERSION), v);
            *instr.add(2 + operand_offset(op::STORE_GLOBAL_MODULE, uop::_STORE_GLOBAL_MODULE)) = index;
            return rewrite(instr, Some(op::STORE_GLOBAL_MODULE));
        }
        rewrite(instr, None)
    }
}

/// Sets the initial cache of every instruction of new code: counters of family heads,
/// the back-edge counters of loops, branch histories.
pub fn init_caches(units: &mut [u16], backedge_threshold: u16) {
    let mut i = 0;
    while i + 1 < units.len() {
        let opcode = units[i];
        let Some(info) = INSTRUCTIONS.get(opcode as usize) else { break };
        if info.cache_units > 0 {
            let first = &mut units[i + 2];
            if info.family_head {
                *first = WARMUP;
            } else if opcode == op::JUMP_BACKWARD {
                *first = backedge_threshold;
            } else if opcode == op::POP_JUMP_IF_FALSE || opcode == op::POP_JUMP_IF_TRUE {
                *first = BRANCH_UNKNOWN;
            }
        }
        i += info.size();
    }
}
