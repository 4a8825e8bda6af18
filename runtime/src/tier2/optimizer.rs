//! The trace optimizer: an abstract interpretation of the projected body over types,
//! driven by the type facts of the `.uops` file (`res: float` on an output, `left: int`
//! on a guard's peek). It removes
//! - type guards whose values are already known to have the types they check (the
//!   result of an int addition is an int; a constant's type is known; a local keeps the
//!   type stored into it earlier in the trace);
//! - repeated globals-version guards, when nothing between could have added or removed
//!   a global.
//!
//! One linear pass: what is known at the top of a loop trace is nothing, so what it
//! proves holds on every iteration.

use super::projector::Projection;
use crate::abi::{Ty, UOPS, Value, flags, uop};
use crate::abi::{KIND_DICT, KIND_LIST, KIND_STR, KIND_TUPLE};
use std::collections::{HashMap, HashSet};

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

/// What is known in one frame of the trace.
#[derive(Default)]
struct AbstractFrame {
    /// Types of the values pushed in this trace (unknown below them).
    stack: Vec<Option<Ty>>,
    locals: HashMap<u32, Ty>,
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
        } else {
            // Below what the trace pushed: make the stack reach that deep.
            let missing = depth - self.stack.len();
            let mut grown = vec![None; missing];
            grown.append(&mut self.stack);
            self.stack = grown;
            self.stack[0] = ty;
        }
    }
}

/// Optimizes a projected body in place; returns the number of uops removed.
pub fn optimize(p: &mut Projection) -> usize {
    let mut frames = vec![AbstractFrame::default()];
    let mut globals: HashMap<u64, Ty> = HashMap::new();
    let mut checked_versions: HashSet<(u16, u64)> = HashSet::new();
    let mut keep = vec![true; p.body.len()];
    for (i, u) in p.body.iter().enumerate() {
        let info = &UOPS[u.opcode as usize];
        let oparg = u.oparg as u32;
        let f = frames.last_mut().expect("the root frame stays");
        match u.opcode {
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
                f.stack.push(t);
                continue;
            }
            uop::STORE_FAST => {
                match f.pop() {
                    Some(t) => f.locals.insert(oparg, t),
                    None => f.locals.remove(&oparg),
                };
                continue;
            }
            uop::_LOAD_CONST_INLINE => {
                f.stack.push(type_of(Value(u.operand)));
                continue;
            }
            uop::_LOAD_GLOBAL_MODULE => {
                f.stack.push(globals.get(&u.operand).copied());
                continue;
            }
            uop::_STORE_GLOBAL_MODULE => {
                match f.pop() {
                    Some(t) => globals.insert(u.operand, t),
                    None => globals.remove(&u.operand),
                };
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
        // Any other uop: pop its inputs, push its outputs with their facts.
        let mut inputs = Vec::new();
        for slot in info.inputs.iter().rev() {
            let size = slot.size.eval(oparg).max(0) as usize;
            let popped = f.pop_n(size);
            inputs.push(if size == 1 { popped[0] } else { None });
        }
        inputs.reverse();
        for (k, slot) in info.outputs.iter().enumerate() {
            let size = slot.size.eval(oparg).max(0) as usize;
            let t = if slot.peek { slot.ty.or(inputs.get(k).copied().flatten()) } else { slot.ty };
            for _ in 0..size {
                f.stack.push(if size == 1 { t } else { None });
            }
        }
    }
    let before = p.body.len();
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
    let mut new_index = vec![0; keep.len()];
    let mut n = 0;
    for (i, &kept) in keep.iter().enumerate() {
        new_index[i] = n;
        n += kept as usize;
    }
    for link in &mut p.links {
        link.0 = new_index[link.0];
    }
    before - p.body.len()
}
