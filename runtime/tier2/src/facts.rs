//! What tier 2 asks of the uops' declared facts (generated/src/metadata.rs, from the
//! `.uops` file): frame pushes and pops, conversions between value kinds, the types of
//! values, and the places a uop moves values between. Everything here is generic: no
//! uop is named.

use stitch_abi::{Arg, KIND_BUILTIN, KIND_DICT, KIND_FUNCTION, KIND_LIST, KIND_LIST_ITER, KIND_RANGE_ITER, KIND_STR, KIND_TUPLE, KIND_TYPE};
use stitch_abi::access::{TAG_BOOL, TAG_FLOAT, TAG_INT, TAG_KIND};
use stitch_abi::{Facts, Place, Ty, UOPS, UopInst, Value, flags};

/// The facts of a uop.
pub fn of(opcode: u16) -> &'static Facts {
    &UOPS[opcode as usize].facts
}

pub fn flags_of(opcode: u16) -> u32 {
    UOPS[opcode as usize].flags
}

/// How the frame depth changes across a uop: +1 for one that calls, -1 for a return.
pub fn frame_delta(opcode: u16) -> i32 {
    let f = of(opcode);
    if f.calls.is_some() {
        1
    } else if f.returns.is_some() {
        -1
    } else {
        0
    }
}

/// The uop that turns a value of kind `from` into `to` in place, `oparg` items below the
/// top: a uop `(x: from, unused[oparg] -- y: to, unused[oparg])` (`None` for a value of
/// any type). Found by signature, so that machine words need no uop named here.
pub fn conversion(from: Option<Ty>, to: Option<Ty>) -> Option<u16> {
    (0..UOPS.len() as u16).find(|&u| {
        let info = &UOPS[u as usize];
        let (i, o) = (info.inputs, info.outputs);
        i.len() == 2
            && o.len() == 2
            && !i[0].peek
            && i[0].ty == from
            && o[0].ty == to
            && o[1].peek
            && i[1].size.per_oparg == 1
            && i[1].size.constant == 0
            && info.flags & flags::TIER2_ONLY != 0
    })
}

/// Whether a uop leaves through a side exit or a deopt when a guard fails.
pub fn can_exit(opcode: u16) -> bool {
    flags_of(opcode) & (flags::HAS_EXIT | flags::HAS_DEOPT) != 0
}

/// The type of a value, as the type facts name them.
pub fn type_of(v: Value) -> Option<Ty> {
    if v.is_int() {
        Some(Ty::Int)
    } else if v.is_float() {
        Some(Ty::Float)
    } else if v.is_bool() {
        Some(Ty::Bool)
    } else if v.is_kind(KIND_STR) {
        Some(Ty::Str)
    } else if v.is_kind(KIND_LIST) {
        Some(Ty::List)
    } else if v.is_kind(KIND_TUPLE) {
        Some(Ty::Tuple)
    } else if v.is_kind(KIND_DICT) {
        Some(Ty::Dict)
    } else if v.is_kind(KIND_FUNCTION) {
        Some(Ty::Function)
    } else if v.is_kind(KIND_BUILTIN) {
        Some(Ty::Builtin)
    } else if v.is_kind(KIND_TYPE) {
        Some(Ty::Type)
    } else {
        None
    }
}

/// The tag an entry guard checks for a type (see `access::has_type_tag`), for the types
/// a loop may assume at its entry.
pub fn tag_of(t: Ty) -> Option<u64> {
    Some(match t {
        Ty::Int => TAG_INT,
        Ty::Float => TAG_FLOAT,
        Ty::Bool => TAG_BOOL,
        Ty::Str => TAG_KIND + KIND_STR as u64,
        Ty::List => TAG_KIND + KIND_LIST as u64,
        Ty::Tuple => TAG_KIND + KIND_TUPLE as u64,
        Ty::Dict => TAG_KIND + KIND_DICT as u64,
        Ty::RangeIter => TAG_KIND + KIND_RANGE_ITER as u64,
        Ty::ListIter => TAG_KIND + KIND_LIST_ITER as u64,
        // Nothing a loop does depends on knowing these at its start; words never live
        // across the back edge (see `passes::words`).
        Ty::Function | Ty::Builtin | Ty::Type | Ty::Word => return None,
    })
}

/// The index a place's argument gives for a uop of a trace.
pub fn index(a: Arg, u: &UopInst) -> u64 {
    a.eval(u.oparg as u32, u.operand)
}

/// The local slots, global entries (by index), and constants a uop reads and writes: the
/// places of its moves, resolved for this uop.
pub fn places(u: &UopInst) -> impl Iterator<Item = (Place, bool)> + '_ {
    of(u.opcode).moves.iter().flat_map(|m| [(m.src, false), (m.dst, true)])
}
