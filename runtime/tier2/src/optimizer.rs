//! The trace optimizer: an abstract interpretation of the projected body over types,
//! driven by the type facts of the `.uops` file (`res: float` on an output, `left: int`
//! on a guard's peek). It removes
//! - type guards whose values are already known to have the types they check (the
//!   result of an int addition is an int; a constant's type is known; a local keeps the
//!   type stored into it earlier in the trace);
//! - repeated globals-version guards, when nothing between could have added or removed
//!   a global;
//! - reference counting of values proven to be ints, floats or bools (they live in the
//!   value word): loads, stores and pops of them become their `_UNBOXED` variants.
//!
//! For a loop trace it also specializes the loop body on the types its locals, module
//! globals and stack have when the body comes round again: starting from the types
//! the values it reads had when it was projected, passes find them,
//! guards at the entry check them once (`_GUARD_LOCAL_TYPE`, `_GUARD_GLOBAL_TYPE`,
//! `_GUARD_STACK_TYPE`), and `_JUMP_TO_TOP` comes
//! back past those guards, so the body runs with the types known. What the body proves
//! at its end is what it assumed at its start, so this holds on every iteration.

use super::projector::{Projection, inst};
use super::words;
use stitch_abi::access::{TAG_BOOL, TAG_FLOAT, TAG_INT, TAG_KIND};
use stitch_abi::{KIND_DICT, KIND_LIST, KIND_LIST_ITER, KIND_RANGE_ITER, KIND_STR, KIND_TUPLE};
use stitch_abi::{Code, Ty, UOPS, UopInst, Value, flags, uop};
use std::collections::{BTreeMap, HashSet};

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
    } else {
        None
    }
}

/// A store: the slot now holds a value of type `t`, or of a type not known.
fn learn<K: Ord>(slots: &mut BTreeMap<K, Ty>, key: K, t: Option<Ty>) {
    match t {
        Some(t) => slots.insert(key, t),
        None => slots.remove(&key),
    };
}

/// Whether values of a type live in the value word, with no reference to count.
fn unboxed(t: Option<Ty>) -> bool {
    matches!(t, Some(Ty::Int | Ty::Float | Ty::Bool))
}

/// The tag an entry guard checks for a type (see `access::has_type_tag`).
fn tag_of(t: Ty) -> u64 {
    match t {
        // Words never live across the back edge (see `words`).
        Ty::Word => unreachable!("a word assumed at a loop's entry"),
        Ty::Int => TAG_INT,
        Ty::Float => TAG_FLOAT,
        Ty::Bool => TAG_BOOL,
        Ty::Str => TAG_KIND + KIND_STR as u64,
        Ty::List => TAG_KIND + KIND_LIST as u64,
        Ty::Tuple => TAG_KIND + KIND_TUPLE as u64,
        Ty::Dict => TAG_KIND + KIND_DICT as u64,
        Ty::RangeIter => TAG_KIND + KIND_RANGE_ITER as u64,
        Ty::ListIter => TAG_KIND + KIND_LIST_ITER as u64,
    }
}

/// Slots of the value stack below the trace's start that the root frame models: deeper
/// than any trace reaches.
const BELOW: usize = 32;

/// What is known in one frame of the trace.
#[derive(Clone, Default)]
struct AbstractFrame {
    /// Types of the stack's values (unknown: `None`). In the root frame the first
    /// `BELOW` slots stand for what was on the stack when the trace started.
    stack: Vec<Option<Ty>>,
    locals: BTreeMap<u32, Ty>,
}

impl AbstractFrame {
    fn pop(&mut self) -> Option<Ty> {
        self.stack.pop().flatten()
    }

    fn pop_n(&mut self, n: usize) -> Vec<Option<Ty>> {
        let mut out = vec![None; n];
        for slot in out.iter_mut().rev() {
            *slot = self.pop();
        }
        out
    }

    /// The type `depth` items below the top (1 is the top).
    fn peek(&self, depth: usize) -> Option<Ty> {
        self.stack.len().checked_sub(depth).and_then(|i| self.stack[i])
    }

    fn set(&mut self, depth: usize, ty: Option<Ty>) {
        if let Some(i) = self.stack.len().checked_sub(depth) {
            self.stack[i] = ty;
        }
    }
}

/// Types assumed at the start of a loop body: locals, module globals (by entry index,
/// valid under the keys version the body checks) and stack slots (by depth).
#[derive(Clone, Default, PartialEq, Eq)]
struct Assumptions {
    locals: BTreeMap<u32, Ty>,
    globals: BTreeMap<u64, Ty>,
    stack: BTreeMap<usize, Ty>,
}

impl Assumptions {
    fn len(&self) -> usize {
        self.locals.len() + self.globals.len() + self.stack.len()
    }

    /// What both `self` and `other` assume alike.
    fn common(&self, other: &Assumptions) -> Assumptions {
        fn both<K: Ord + Copy>(a: &BTreeMap<K, Ty>, b: &BTreeMap<K, Ty>) -> BTreeMap<K, Ty> {
            a.iter().filter(|(k, t)| b.get(k).is_none_or(|u| u == *t)).map(|(k, t)| (*k, *t)).collect()
        }
        Assumptions {
            locals: both(&self.locals, &other.locals),
            globals: both(&self.globals, &other.globals),
            stack: both(&self.stack, &other.stack),
        }
    }

    /// What the body reads before it stores it, and what it stores first where the
    /// value there now has the type assumed. (A store over a value of known type
    /// skips its reference count; but a local the body only stores, assumed from what
    /// the body proves, would fail the entry guard whenever tier 1 left it otherwise,
    /// and every new loop trace would assume the same again.)
    fn restrict(mut self, reads: &Reads, p: &Projection) -> Assumptions {
        self.locals.retain(|k, t| reads.locals.contains(k) || p.observed_locals.get(k) == Some(t));
        self.globals.retain(|k, t| reads.globals.contains(k) || p.observed_globals.get(k) == Some(t));
        self
    }

    /// Whether `proven` proves everything assumed here.
    fn proven_by(&self, proven: &Assumptions) -> bool {
        self.locals.iter().all(|(k, t)| proven.locals.get(k) == Some(t))
            && self.globals.iter().all(|(k, t)| proven.globals.get(k) == Some(t))
            && self.stack.iter().all(|(k, t)| proven.stack.get(k) == Some(t))
    }
}

/// The locals and module globals (by entry index) a loop body reads before it stores
/// them, in the frame it runs in.
#[derive(Default)]
struct Reads {
    locals: HashSet<u32>,
    globals: HashSet<u64>,
}

fn reads_first(body: &[UopInst]) -> Reads {
    let mut reads = Reads::default();
    let (mut stored_locals, mut stored_globals) = (HashSet::new(), HashSet::new());
    let mut depth = 0usize;
    for u in body {
        let oparg = u.oparg as u32;
        let mut load = |k: u32, stored: &HashSet<u32>| {
            if !stored.contains(&k) {
                reads.locals.insert(k);
            }
        };
        match u.opcode {
            uop::_PUSH_FRAME_EXACT_ARGS => depth += 1,
            uop::RETURN_VALUE => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            uop::LOAD_FAST | uop::LOAD_FAST_CHECK => load(oparg, &stored_locals),
            uop::LOAD_FAST_LOAD_FAST => {
                load(oparg >> 8, &stored_locals);
                load(oparg & 255, &stored_locals);
            }
            uop::STORE_FAST => {
                stored_locals.insert(oparg);
            }
            uop::STORE_FAST_LOAD_FAST => {
                stored_locals.insert(oparg >> 8);
                load(oparg & 255, &stored_locals);
            }
            uop::_LOAD_GLOBAL_MODULE if !stored_globals.contains(&u.operand) => {
                reads.globals.insert(u.operand);
            }
            uop::_STORE_GLOBAL_MODULE | uop::_STORE_GLOBAL_MODULE_CHECKED => {
                stored_globals.insert(u.operand);
            }
            _ => {}
        }
    }
    reads
}

/// The result of one pass: which uops stay, which become variants (unboxed, word
/// arithmetic), which uops go in before them (word conversions), and what is known at
/// the loop's end.
struct Pass {
    keep: Vec<bool>,
    variant: Vec<Option<u16>>,
    before: Vec<Vec<UopInst>>,
    at_end: Option<Assumptions>,
}

/// Whether uop `i` starts an instruction: its first uop, or one from another place.
fn starts_instruction(body: &[UopInst], codes: &[*mut Code], i: usize) -> bool {
    i == 0 || body[i].target != body[i - 1].target || codes[i] != codes[i - 1]
}

fn pass(body: &[UopInst], codes: &[*mut Code], assumed: &Assumptions, words: bool) -> Pass {
    let mut root = AbstractFrame { stack: vec![None; BELOW], locals: assumed.locals.clone() };
    for (&depth, &t) in &assumed.stack {
        root.set(depth, Some(t));
    }
    let mut frames = vec![root];
    let mut globals: BTreeMap<u64, Ty> = assumed.globals.clone();
    let mut checked_versions: HashSet<(u16, u64)> = HashSet::new();
    if !assumed.globals.is_empty() {
        // The entry guards checked the version the body's global indices need.
        if let Some(v) = globals_version(body) {
            checked_versions.insert((v.opcode, v.operand));
        }
    }
    let mut keep = vec![true; body.len()];
    let mut variant: Vec<Option<u16>> = vec![None; body.len()];
    let mut before: Vec<Vec<UopInst>> = vec![Vec::new(); body.len()];
    let mut at_end = None;
    // Uops before this one were planned with their instruction (word arithmetic).
    let mut planned_to = 0;
    for (i, u) in body.iter().enumerate() {
        if i < planned_to {
            continue;
        }
        let info = &UOPS[u.opcode as usize];
        let oparg = u.oparg as u32;
        let f = frames.last_mut().expect("the root frame stays");
        if words && starts_instruction(body, codes, i) {
            let end = (i + 1..body.len()).find(|&j| starts_instruction(body, codes, j)).unwrap_or(body.len());
            match words::plan(&f.stack, &body[i..end]) {
                words::Plan::Nothing => {}
                words::Plan::Unbox(depths) => {
                    for d in depths {
                        before[i].push(inst(uop::_WORD_TO_INT, d - 1, u.target, 0));
                        f.set(d as usize, Some(Ty::Int));
                    }
                }
                words::Plan::Lower { at, op, convert } => {
                    let arith = i + at;
                    keep[i..arith].fill(false);
                    for d in convert {
                        before[arith].push(inst(uop::_INT_TO_WORD, d - 1, body[arith].target, 0));
                    }
                    variant[arith] = Some(op);
                    f.pop_n(2);
                    f.stack.push(Some(Ty::Word));
                    planned_to = end;
                    continue;
                }
            }
        }
        match u.opcode {
            uop::_JUMP_TO_TOP => {
                if frames.len() == 1 && frames[0].stack.len() == BELOW {
                    let root = &frames[0];
                    let stack = (1..=BELOW).filter_map(|d| root.peek(d).map(|t| (d, t))).collect();
                    at_end = Some(Assumptions { locals: root.locals.clone(), globals: globals.clone(), stack });
                }
                break;
            }
            uop::_GUARD_GLOBALS_VERSION | uop::_GUARD_BUILTINS_VERSION => {
                if !checked_versions.insert((u.opcode, u.operand)) {
                    keep[i] = false;
                }
                continue;
            }
            uop::_STORE_GLOBAL => {
                // May add a key: versions must be checked again.
                checked_versions.clear();
                globals.clear();
                f.pop();
                continue;
            }
            uop::LOAD_FAST | uop::LOAD_FAST_CHECK => {
                let t = f.locals.get(&oparg).copied();
                if unboxed(t) {
                    // A proven type is a bound local: LOAD_FAST_CHECK's test cannot fail.
                    variant[i] = Some(uop::_LOAD_FAST_UNBOXED);
                }
                f.stack.push(t);
                continue;
            }
            uop::STORE_FAST => {
                if unboxed(f.locals.get(&oparg).copied()) {
                    variant[i] = Some(uop::_STORE_FAST_UNBOXED);
                }
                let t = f.pop();
                learn(&mut f.locals, oparg, t);
                continue;
            }
            uop::LOAD_FAST_LOAD_FAST => {
                let (a, b) = (f.locals.get(&(oparg >> 8)).copied(), f.locals.get(&(oparg & 255)).copied());
                if unboxed(a) && unboxed(b) {
                    variant[i] = Some(uop::_LOAD_FAST_LOAD_FAST_UNBOXED);
                }
                f.stack.push(a);
                f.stack.push(b);
                continue;
            }
            uop::STORE_FAST_LOAD_FAST => {
                let old = f.locals.get(&(oparg >> 8)).copied();
                let t = f.pop();
                learn(&mut f.locals, oparg >> 8, t);
                let t = f.locals.get(&(oparg & 255)).copied();
                if unboxed(old) && unboxed(t) {
                    variant[i] = Some(uop::_STORE_FAST_LOAD_FAST_UNBOXED);
                }
                f.stack.push(t);
                continue;
            }
            uop::_GUARD_FLOAT_MIX => {
                // "Numbers, one of them a float" is no single type fact: check it here.
                let (left, right) = (f.peek(2), f.peek(1));
                let number = |t| matches!(t, Some(Ty::Int | Ty::Float));
                if number(left) && number(right) && (left == Some(Ty::Float) || right == Some(Ty::Float)) {
                    keep[i] = false;
                }
                continue;
            }
            uop::POP_TOP => {
                if unboxed(f.pop()) {
                    variant[i] = Some(uop::_POP_TOP_UNBOXED);
                }
                continue;
            }
            uop::_LOAD_CONST_INLINE => {
                let t = type_of(Value(u.operand));
                if unboxed(t) {
                    variant[i] = Some(uop::_LOAD_CONST_INLINE_UNBOXED);
                }
                f.stack.push(t);
                continue;
            }
            uop::_LOAD_GLOBAL_MODULE => {
                let t = globals.get(&u.operand).copied();
                if unboxed(t) {
                    variant[i] = Some(uop::_LOAD_GLOBAL_MODULE_UNBOXED);
                }
                f.stack.push(t);
                continue;
            }
            uop::_STORE_GLOBAL_MODULE_CHECKED => {
                learn(&mut globals, u.operand, f.pop());
                continue;
            }
            uop::_STORE_GLOBAL_MODULE => {
                if unboxed(globals.get(&u.operand).copied()) {
                    variant[i] = Some(uop::_STORE_GLOBAL_MODULE_UNBOXED);
                }
                learn(&mut globals, u.operand, f.pop());
                continue;
            }
            uop::COPY => {
                let t = f.peek(oparg as usize);
                f.stack.push(t);
                continue;
            }
            uop::SWAP => {
                let (top, bottom) = (f.peek(1), f.peek(oparg as usize));
                f.set(1, bottom);
                f.set(oparg as usize, top);
                continue;
            }
            uop::_PUSH_FRAME_EXACT_ARGS => {
                let args = f.pop_n(oparg as usize);
                f.pop_n(2);
                let mut callee = AbstractFrame::default();
                for (k, t) in args.into_iter().enumerate() {
                    if let Some(t) = t {
                        callee.locals.insert(k as u32, t);
                    }
                }
                frames.push(callee);
                continue;
            }
            uop::RETURN_VALUE => {
                let t = f.pop();
                if frames.len() > 1 {
                    frames.pop();
                } else {
                    // Out of the frame the trace started in, into its caller: nothing
                    // is known there.
                    frames[0] = AbstractFrame { stack: vec![None; BELOW], locals: BTreeMap::new() };
                }
                frames.last_mut().expect("a caller").stack.push(t);
                continue;
            }
            _ => {}
        }
        if info.flags & flags::TYPE_GUARD != 0 {
            // Peeks only: the outputs are the inputs, top last.
            let n = info.outputs.len();
            let proven = info.outputs.iter().enumerate().all(|(k, slot)| slot.ty.is_none_or(|t| f.peek(n - k) == Some(t)));
            if proven {
                keep[i] = false;
            } else {
                for (k, slot) in info.outputs.iter().enumerate() {
                    if slot.ty.is_some() {
                        f.set(n - k, slot.ty);
                    }
                }
            }
            continue;
        }
        // Any other uop: pop its inputs, push its outputs with their facts. A peek (an
        // output that is the input in the same place, arrays included) keeps what was
        // known of it.
        let mut inputs = Vec::new();
        for slot in info.inputs.iter().rev() {
            let size = slot.size.eval(oparg).max(0) as usize;
            inputs.push(f.pop_n(size));
        }
        inputs.reverse();
        for (k, slot) in info.outputs.iter().enumerate() {
            let size = slot.size.eval(oparg).max(0) as usize;
            let known = inputs.get(k).filter(|items| slot.peek && items.len() == size);
            for j in 0..size {
                let t = if slot.peek { slot.ty.or(known.and_then(|items| items[j])) } else { slot.ty };
                f.stack.push(if size == 1 || slot.peek { t } else { None });
            }
        }
    }
    Pass { keep, variant, before, at_end }
}

/// Optimizes a projected body in place; returns how many uops it removed (net of the
/// entry guards and word conversions it added).
pub fn optimize(p: &mut Projection) -> usize {
    let before = p.body.len();
    let (body, codes, links) = (p.body.clone(), p.codes.clone(), p.links.clone());
    optimize_with(p, true);
    if super::stubs::prepare(p, 0).trace.len() > stitch_abi::MAX_TRACE_LENGTH as usize {
        // Word conversions and the stubs that box words made it too long: without them
        // it fits (the projector left room for the rest).
        (p.body, p.codes, p.links) = (body, codes, links);
        optimize_with(p, false);
    }
    before.saturating_sub(p.body.len())
}

fn optimize_with(p: &mut Projection, words: bool) {
    let is_loop = p.body.last().is_some_and(|u| u.opcode == uop::_JUMP_TO_TOP);
    // Found before the pass removes the body's own version guard.
    let version = globals_version(&p.body);
    let mut assumed = Assumptions::default();
    let reads = reads_first(&p.body);
    if is_loop {
        // Start from the types the values the body reads have now: what the body
        // only reads, it cannot prove at its end unless it was assumed.
        assumed.locals = p.observed_locals.clone();
        if version.is_some() {
            assumed.globals = p.observed_globals.clone();
        }
        assumed = assumed.restrict(&reads, p);
    }
    let run = |assumed: &Assumptions| pass(&p.body, &p.codes, assumed, words);
    let mut result = run(&assumed);
    if is_loop {
        // Assume what the end proves, until the end proves what was assumed.
        for _ in 0..4 {
            let Some(end) = result.at_end.clone() else { break };
            let mut next = end.common(&assumed).restrict(&reads, p);
            if version.is_none() {
                // Entry indices mean nothing without a keys version to check first.
                next.globals.clear();
            }
            if next == assumed {
                break;
            }
            assumed = next;
            result = run(&assumed);
        }
        // Entry guards must fit the trace with the stubs (at most one each).
        let stubs: usize = p.body.iter().map(|u| UOPS[u.opcode as usize].flags).filter(|f| f & (flags::HAS_EXIT | flags::HAS_DEOPT | flags::HAS_ERROR) != 0).count() * 2;
        let guards = assumed.len() + 1;
        if p.body.len() + stubs + guards + 1 > stitch_abi::MAX_TRACE_LENGTH as usize {
            assumed = Assumptions::default();
            result = run(&assumed);
        }
        // Keep only assumptions the end still proves.
        if !result.at_end.as_ref().is_some_and(|end| assumed.proven_by(end)) {
            assumed = Assumptions::default();
            result = run(&assumed);
        }
    }
    rewrite(p, result);
    fuse_loop_headers(p);
    if assumed.len() > 0 {
        add_entry_guards(p, &assumed, version);
    }
    if is_loop {
        // The back edge counts iterations itself: it returns past `_START_EXECUTOR`,
        // which then counts only entries.
        let start = p.body.iter().position(|u| u.opcode == uop::_START_EXECUTOR).unwrap_or(0);
        if let Some(last) = p.body.last_mut() {
            last.oparg = (start + 1) as u16;
        }
    }
}

/// Applies a pass: variants, the uops that go in before others, the uops that go.
fn rewrite(p: &mut Projection, result: Pass) {
    let n = p.body.len();
    let mut body = Vec::with_capacity(n);
    let mut codes = Vec::with_capacity(n);
    let mut keep = Vec::with_capacity(n);
    // Where each old uop is now.
    let mut new_index = vec![0; n];
    for (i, added) in result.before.into_iter().enumerate() {
        for u in added {
            body.push(u);
            codes.push(p.codes[i]);
            keep.push(true);
        }
        new_index[i] = body.len();
        let mut u = p.body[i];
        if let Some(v) = result.variant[i] {
            u.opcode = v;
        }
        body.push(u);
        codes.push(p.codes[i]);
        keep.push(result.keep[i]);
    }
    words::fold_constants(&mut body, &mut keep);
    for link in &mut p.links {
        link.0 = new_index[link.0];
    }
    p.body = body;
    p.codes = codes;
    remove(p, &keep);
}

/// A `for` loop's exhaustion guard and the fetch of its next item become one uop.
fn fuse_loop_headers(p: &mut Projection) {
    let mut keep = vec![true; p.body.len()];
    let mut i = 0;
    while i + 1 < p.body.len() {
        let (guard, next) = (p.body[i], p.body[i + 1]);
        let fused = match (guard.opcode, next.opcode) {
            (uop::_GUARD_NOT_EXHAUSTED_RANGE, uop::_ITER_NEXT_RANGE) => Some(uop::_ITER_NEXT_RANGE_OR_EXIT),
            (uop::_GUARD_NOT_EXHAUSTED_LIST, uop::_ITER_NEXT_LIST) => Some(uop::_ITER_NEXT_LIST_OR_EXIT),
            _ => None,
        };
        match fused {
            Some(fused) if guard.target == next.target => {
                p.body[i + 1].opcode = fused;
                keep[i] = false;
                // The fused uop is not a guard: it cannot start another pair.
                i += 2;
            }
            _ => i += 1,
        }
    }
    remove(p, &keep);
}

/// The globals-version guard under which the body's global entry indices are valid:
/// `None` when the body checks no version, checks more than one, or may add a global.
fn globals_version(body: &[UopInst]) -> Option<UopInst> {
    let mut found: Option<UopInst> = None;
    for u in body {
        match u.opcode {
            uop::_STORE_GLOBAL => return None,
            uop::_GUARD_GLOBALS_VERSION => match found {
                Some(v) if v.operand != u.operand => return None,
                Some(_) => {}
                None => found = Some(*u),
            },
            _ => {}
        }
    }
    found
}

fn remove(p: &mut Projection, keep: &[bool]) {
    let mut new_index = vec![0; keep.len()];
    let mut n = 0;
    for (i, &kept) in keep.iter().enumerate() {
        new_index[i] = n;
        n += kept as usize;
    }
    let mut k = 0;
    p.body.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    let mut k = 0;
    p.codes.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    // Links name body positions: move them with the uops that stay.
    for link in &mut p.links {
        link.0 = new_index[link.0];
    }
}

/// Puts the type guards the body relies on before `_START_EXECUTOR`, and points the
/// back edge at `_START_EXECUTOR`.
fn add_entry_guards(p: &mut Projection, assumed: &Assumptions, version: Option<UopInst>) {
    let start = p.body[0];
    let code = p.codes[0];
    let mut guards = Vec::new();
    for (&local, &t) in &assumed.locals {
        guards.push(inst(uop::_GUARD_LOCAL_TYPE, local as u16, start.target, tag_of(t)));
    }
    if let Some(version) = version.filter(|_| !assumed.globals.is_empty()) {
        guards.push(inst(uop::_GUARD_GLOBALS_VERSION, version.oparg, start.target, version.operand));
        for (&index, &t) in &assumed.globals {
            guards.push(inst(uop::_GUARD_GLOBAL_TYPE, index as u16, start.target, tag_of(t)));
        }
    }
    for (&depth, &t) in &assumed.stack {
        guards.push(inst(uop::_GUARD_STACK_TYPE, (depth - 1) as u16, start.target, tag_of(t)));
    }
    let n = guards.len();
    let codes = vec![code; n];
    p.body.splice(0..0, guards);
    p.codes.splice(0..0, codes);
    for link in &mut p.links {
        link.0 += n;
    }
}
