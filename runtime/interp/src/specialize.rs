//! Adaptive specialization: a generic instruction counts down in its first cache unit;
//! at zero its `specialize!()` tries the predicates its family declares in the `.uops`
//! file, in order (generated/src/specialize.rs, included below as `families`), and
//! rewrites itself into the first member that fits, writing the cache entries the
//! predicate filled. A member whose guard fails is rewritten back to the head with the
//! counter backed off (see `deopt`).
//!
//! Which member fits, and what goes in its cache, is the `.uops` file's: this module
//! holds the counters and the functions predicates call.

use std::sync::atomic::{AtomicU32, Ordering};
use stitch_abi::*;
use crate::helpers;
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

/// How often each opcode was chosen by the specializer (statistics, and the test that
/// no family member is dead). Process-wide: the counts only ever add up.
static SPECIALIZED: [AtomicU32; INSTRUCTION_COUNT] = [const { AtomicU32::new(0) }; INSTRUCTION_COUNT];

/// How often each specialized instruction was chosen so far, by name (nonzero only).
pub fn specialization_counts() -> Vec<(&'static str, u32)> {
    SPECIALIZED.iter().enumerate().filter_map(|(op, n)| Some((INSTRUCTIONS[op].name, n.load(Ordering::Relaxed))).filter(|(_, n)| *n > 0)).collect()
}

/// The instruction becomes `opcode`, a member of its family.
///
/// # Safety
/// `instr` is a live instruction of `opcode`'s family.
unsafe fn specialized(instr: *mut u16, opcode: u16) {
    SPECIALIZED[opcode as usize].fetch_add(1, Ordering::Relaxed);
    // SAFETY: forwarded.
    unsafe { rewrite(instr, Some(opcode)) }
}

/// No member fits: the generic instruction waits longer before it tries again.
///
/// # Safety
/// `instr` is a live family head.
unsafe fn not_specialized(instr: *mut u16) {
    // SAFETY: forwarded.
    unsafe { rewrite(instr, None) }
}

/// Writes a cache entry a member's predicate filled, `offset` units into the cache.
///
/// # Safety
/// `instr` has a cache entry of `T`'s size there.
unsafe fn write_cache<T: Copy>(instr: *mut u16, offset: usize, value: T) {
    // SAFETY: within the instruction's cache (the offsets are the analysis's).
    unsafe { std::ptr::write_unaligned(instr.add(2 + offset) as *mut T, value) }
}

// What the predicates of the `.uops` file's families call.

/// A binary operator without its in-place flag.
fn nb(oparg: u32) -> u32 {
    oparg & !NB_INPLACE
}

/// The function a call with `nargs` positional arguments and no self would run with
/// exactly matching parameters.
///
/// # Safety
/// The values are live.
unsafe fn exact_args_function(callable: Value, self_or_null: Value, nargs: u32) -> Option<*mut Function> {
    if !callable.is_kind(KIND_FUNCTION) || !self_or_null.is_null() {
        return None;
    }
    let f = callable.cast::<Function>();
    // SAFETY: the kind was checked.
    (unsafe { (*f).argcount } == nargs).then_some(f)
}

/// The function a method call (`self_or_null` set by LOAD_METHOD) with `nargs`
/// arguments after the self would run with exactly matching parameters.
///
/// # Safety
/// The values are live.
unsafe fn exact_args_method(callable: Value, self_or_null: Value, nargs: u32) -> Option<*mut Function> {
    if !callable.is_kind(KIND_FUNCTION) || self_or_null.is_null() {
        return None;
    }
    let f = callable.cast::<Function>();
    // SAFETY: the kind was checked.
    (unsafe { (*f).argcount } == nargs + 1).then_some(f)
}

/// The function of a bound method `callable` called with `nargs` arguments (the slot
/// below them NULL), when it takes exactly its self and them.
///
/// # Safety
/// `callable` is a live value.
unsafe fn exact_args_bound_method(callable: Value, self_or_null: Value, nargs: u32) -> Option<*mut Function> {
    if !callable.is_kind(KIND_BOUND_METHOD) || !self_or_null.is_null() {
        return None;
    }
    // SAFETY: the kind was checked; a bound method owns its function.
    let func = unsafe { (*callable.cast::<stitch_abi::BoundMethodHead>()).func };
    if !func.is_kind(KIND_FUNCTION) {
        return None;
    }
    let f = func.cast::<Function>();
    // SAFETY: the kind was checked.
    (unsafe { (*f).argcount } == nargs + 1).then_some(f)
}

/// The name `names[oparg]` of the frame's code, with its hash.
///
/// # Safety
/// `frame` is live and `oparg` indexes its names.
unsafe fn name_at(frame: *mut Frame, oparg: u32) -> (Value, u64) {
    // SAFETY: the caller guarantees the frame; names are strs.
    unsafe {
        let name = super::frames::code_of(frame).names[oparg as usize];
        (name, stitch_core::objects::str::as_str(name).hash())
    }
}

/// The entry of the global `names[oparg]` in the frame's globals, if it is there and its
/// index fits a cache unit.
///
/// # Safety
/// `frame` is live and `oparg` indexes its names.
unsafe fn global_entry(frame: *mut Frame, oparg: u32) -> Option<u16> {
    // SAFETY: the frame's globals are live.
    unsafe {
        let (name, hash) = name_at(frame, oparg);
        dict::find((*frame).globals, name, hash).and_then(|i| u16::try_from(i).ok())
    }
}

/// The entry of `names[oparg]` in the builtins, if no global shadows it.
///
/// # Safety
/// As `global_entry`.
unsafe fn builtin_entry(frame: *mut Frame, oparg: u32) -> Option<u16> {
    // SAFETY: the frame's globals and builtins are live.
    unsafe {
        let (name, hash) = name_at(frame, oparg);
        if dict::find((*frame).globals, name, hash).is_some() {
            return None;
        }
        dict::find((*frame).builtins, name, hash).and_then(|i| u16::try_from(i).ok())
    }
}

/// For an attribute of a module: its namespace's keys version and the entry of
/// `names[oparg]` in it, if it is there and its index fits a cache unit.
///
/// # Safety
/// `owner` is live, `frame` is live and `oparg` indexes its names.
unsafe fn module_entry(owner: Value, frame: *mut Frame, oparg: u32) -> Option<(u32, u16)> {
    if !owner.is_kind(stitch_abi::KIND_MODULE) {
        return None;
    }
    // SAFETY: the kind was checked; the caller guarantees the frame.
    unsafe {
        let namespace = stitch_core::objects::module::namespace(owner);
        let (name, hash) = name_at(frame, oparg);
        let entry = dict::find(namespace, name, hash).and_then(|i| u16::try_from(i).ok())?;
        Some((keys_version(namespace), entry))
    }
}

/// For a method call on an object of exactly a builtin type (`xs.append`, `s.join`,
/// `d.get`): its kind and the type's method `names[oparg]` (an immortal builtin), as
/// the generic LOAD_METHOD would find it. Only kinds whose type name the kind alone
/// fixes; a subclass's instance has its class's methods first and is left generic.
///
/// # Safety
/// `owner` is live, `frame` is live and `oparg` indexes its names.
unsafe fn builtin_method(owner: Value, frame: *mut Frame, oparg: u32) -> Option<(u16, Value)> {
    let type_name = [
        (KIND_LIST, "list"),
        (KIND_DICT, "dict"),
        (KIND_STR, "str"),
        (KIND_TUPLE, "tuple"),
        (KIND_SET, "set"),
        (KIND_FROZENSET, "frozenset"),
        (KIND_BYTES, "bytes"),
        (KIND_BYTEARRAY, "bytearray"),
    ]
    .into_iter()
    .find(|&(k, _)| owner.is_exact_kind(k))?
    .1;
    // SAFETY: the caller guarantees the frame and the index.
    let method = stitch_builtins::methods::lookup(type_name, unsafe { helpers::name_of(frame, oparg) })?;
    // The cache holds no reference: the tables' methods are immortal (made once,
    // never freed), which `lookup` promises.
    method.is_kind(KIND_BUILTIN).then(|| (u16::from(stitch_core::objects::kind(owner)), method))
}

/// The specializers of the families the `.uops` file declares.
pub mod families {
    #![allow(clippy::missing_safety_doc)]
    use super::*;
    include!("../../../generated/src/specialize.rs");
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
            }
            if let Some(h) = info.history {
                units[i + 2 + h as usize] = BRANCH_UNKNOWN;
            }
        }
        i += info.size();
    }
}
