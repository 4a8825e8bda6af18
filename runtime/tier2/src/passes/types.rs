//! Type propagation and unboxing: an abstract interpretation of the body over types,
//! driven by the facts of the `.uops` file. Each uop's outputs get the types its stack
//! items declare (`res: float`), the types of what it `moves` from (a local, a global,
//! a constant, another stack item) or, for a peek, the type known before. Then:
//! - a type guard whose values are known to have its types goes (`TYPE_GUARD`), and so
//!   does one of whose `proven if` alternatives holds;
//! - a guard that `proves` something already proven for its operand goes, until a uop
//!   `forgets` it; a proof `of` a stack item is keyed by that value as well: each
//!   value gets an identity, which moves keep (a load of a local is the value stored
//!   there, a peek stays the same value, a callee's locals are the arguments), so a
//!   second `_GUARD_TYPE_VERSION` of `self` goes until `self` is rebound or a uop
//!   forgets the proof;
//! - the first variant whose conditions the known types meet replaces its base (an
//!   unboxed load, store or pop of a value proven to be an int, float or bool).
//!
//! A call that the trace follows starts a frame whose locals are the arguments' types;
//! its return brings the result's type back to the caller.
//!
//! Machine words (`words`) are planned during this walk, at the start of each
//! instruction, because they change the types that follow: a word turned back into a
//! value is a small int, and a loop that stores it can assume so.

use super::{Edits, apply, starts_instruction, words};
use crate::facts::{self, type_of};
use crate::projector::Projection;
use std::collections::{BTreeMap, HashSet};
use stitch_abi::{Cond, CondKind, Place, Ty, UOPS, UopInst, Value, flags, uop};

/// Slots of the value stack below the trace's start that the root frame models: deeper
/// than any trace reaches.
pub const BELOW: usize = 32;

/// Types assumed at the start of a loop body: locals, module globals (by entry index,
/// valid under the proof the global entry guard comes after) and stack slots (by depth,
/// 1 the top).
#[derive(Clone, Default, PartialEq, Eq, Debug)]
pub struct Assumptions {
    pub locals: BTreeMap<u32, Ty>,
    pub globals: BTreeMap<u64, Ty>,
    pub stack: BTreeMap<usize, Ty>,
    /// Proofs the entry guards establish: the proof, the guard that makes it, its
    /// operand.
    pub proofs: Vec<(u8, u16, u64)>,
}

impl Assumptions {
    pub fn len(&self) -> usize {
        self.locals.len() + self.globals.len() + self.stack.len()
    }
}

/// What is known in one frame of the trace.
#[derive(Clone, Default)]
struct Frame {
    /// Types of the stack's values (unknown: `None`). In the root frame the first
    /// `BELOW` slots stand for what was on the stack when the trace started.
    stack: Vec<Option<Ty>>,
    locals: BTreeMap<u32, Ty>,
    /// The identity of each stack value (in step with `stack`) and of each local's
    /// value (a local not read or stored yet has none): the same identity is the
    /// same object, which proofs `of` values are keyed by.
    ids: Vec<u32>,
    local_ids: BTreeMap<u32, u32>,
}

/// Hands out value identities.
#[derive(Default)]
struct Ids(u32);

impl Ids {
    fn fresh(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }
}

impl Frame {
    fn root(assumed: &Assumptions, ids: &mut Ids) -> Frame {
        let mut f = Frame { stack: vec![None; BELOW], locals: assumed.locals.clone(), ..Frame::default() };
        f.ids = (0..BELOW).map(|_| ids.fresh()).collect();
        for (&depth, &t) in &assumed.stack {
            f.set(depth, Some(t));
        }
        f
    }

    fn pop(&mut self) -> (Option<Ty>, u32) {
        (self.stack.pop().flatten(), self.ids.pop().unwrap_or(0))
    }

    fn pop_n(&mut self, n: usize) -> (Vec<Option<Ty>>, Vec<u32>) {
        let (mut out, mut ids) = (vec![None; n], vec![0; n]);
        for k in (0..n).rev() {
            (out[k], ids[k]) = self.pop();
        }
        (out, ids)
    }

    fn push(&mut self, t: Option<Ty>, id: u32) {
        self.stack.push(t);
        self.ids.push(id);
    }

    /// The identity of a local's value, given one when it has none yet.
    fn local_id(&mut self, index: u32, ids: &mut Ids) -> u32 {
        *self.local_ids.entry(index).or_insert_with(|| ids.fresh())
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

/// A store: the slot now holds a value of type `t`, or of a type not known.
fn learn<K: Ord>(slots: &mut BTreeMap<K, Ty>, key: K, t: Option<Ty>) {
    match t {
        Some(t) => slots.insert(key, t),
        None => slots.remove(&key),
    };
}

/// The outcome of the analysis of a body.
pub struct Analysis {
    pub edits: Edits,
    /// What is known when the loop comes round (`_JUMP_TO_TOP`), if it does in the frame
    /// it started in with the stack it started with.
    pub at_end: Option<Assumptions>,
}

/// Analyses the body under `assumed` and applies the result.
pub fn run(p: &mut Projection, assumed: &Assumptions, words: bool) {
    let a = analyse(&p.body, &p.codes, assumed, words);
    apply(p, a.edits);
}

/// The abstract interpretation itself: no change to the body. With `words`, int chains
/// are lowered to machine words where they pay.
pub fn analyse(body: &[UopInst], codes: &[*mut stitch_abi::Code], assumed: &Assumptions, words: bool) -> Analysis {
    let mut ids = Ids::default();
    let mut frames = vec![Frame::root(assumed, &mut ids)];
    let mut globals: BTreeMap<u64, Ty> = assumed.globals.clone();
    let mut proven: HashSet<(u8, u64)> = assumed.proofs.iter().map(|&(p, _, operand)| (p, operand)).collect();
    // Proofs of values: the proof, its operand, the value's identity.
    let mut proven_of: HashSet<(u8, u64, u32)> = HashSet::new();
    let mut edits = Edits::new(body.len());
    let mut at_end = None;
    // Uops before this one were planned with their instruction (word arithmetic).
    let mut planned_to = 0;
    for (i, u) in body.iter().enumerate() {
        if i < planned_to {
            continue;
        }
        let f = frames.last_mut().expect("the root frame stays");
        if words && starts_instruction(body, codes, i) {
            let end = (i + 1..body.len()).find(|&j| starts_instruction(body, codes, j)).unwrap_or(body.len());
            if words::plan_into(&mut f.stack, body, i, end, &mut edits) {
                // Word arithmetic replaced the instruction's operands by its result,
                // a new value.
                let keep = f.ids.len().min(f.stack.len().saturating_sub(1));
                f.ids.truncate(keep);
                while f.ids.len() < f.stack.len() {
                    f.ids.push(ids.fresh());
                }
                planned_to = end;
                continue;
            }
        }
        if u.opcode == uop::_JUMP_TO_TOP {
            if frames.len() == 1 && frames[0].stack.len() == BELOW {
                let root = &frames[0];
                let stack = (1..=BELOW).filter_map(|d| root.peek(d).map(|t| (d, t))).collect();
                at_end = Some(Assumptions { locals: root.locals.clone(), globals: globals.clone(), stack, proofs: Vec::new() });
            }
            break;
        }
        let info = &UOPS[u.opcode as usize];
        let facts = &info.facts;
        let oparg = u.oparg as u32;
        // The inputs, bottom to top, each a list of its slots' types (and identities).
        let mut inputs: Vec<Vec<Option<Ty>>> = Vec::with_capacity(info.inputs.len());
        let mut input_ids: Vec<Vec<u32>> = Vec::with_capacity(info.inputs.len());
        for slot in info.inputs.iter().rev() {
            let (types, idents) = f.pop_n(slot.size.eval(oparg).max(0) as usize);
            inputs.push(types);
            input_ids.push(idents);
        }
        inputs.reverse();
        input_ids.reverse();
        if let Some(p) = facts.proves {
            let fresh = match facts.proves_of {
                // Identity 0: a value popped from below what the frame models, which
                // is no value in particular.
                Some(k) => match input_ids[k as usize].first() {
                    Some(&id) if id != 0 => proven_of.insert((p, u.operand, id)),
                    _ => true,
                },
                None => proven.insert((p, u.operand)),
            };
            if !fresh {
                edits.keep[i] = false;
            }
        }
        if facts.forgets.proofs != 0 {
            proven.retain(|(p, _)| facts.forgets.proofs & (1 << p) == 0);
            proven_of.retain(|(p, _, _)| facts.forgets.proofs & (1 << p) == 0);
        }
        if facts.forgets.globals {
            globals.clear();
        }
        if facts.forgets.locals {
            f.locals.clear();
            f.local_ids.clear();
        }
        if let Some(args) = facts.calls {
            // The callee's locals start as the arguments (the same values); its result
            // comes back on return.
            let mut callee = Frame::default();
            for (k, (t, &id)) in inputs[args as usize].iter().zip(&input_ids[args as usize]).enumerate() {
                if let Some(t) = t {
                    callee.locals.insert(k as u32, *t);
                }
                callee.local_ids.insert(k as u32, id);
            }
            frames.push(callee);
            continue;
        }
        if let Some(value) = facts.returns {
            let t = inputs[value as usize].first().copied().flatten();
            let id = input_ids[value as usize].first().copied().unwrap_or_else(|| ids.fresh());
            if frames.len() > 1 {
                frames.pop();
            } else {
                // Out of the frame the trace started in, into its caller: nothing is
                // known there.
                frames[0] = Frame { stack: vec![None; BELOW], ..Frame::default() };
                frames[0].ids = (0..BELOW).map(|_| ids.fresh()).collect();
            }
            frames.last_mut().expect("a caller").push(t, id);
            continue;
        }
        // What the places hold before the uop: variants' conditions on places are about
        // the values there before (a store over an unboxed value).
        let before = (f.locals.clone(), globals.clone());
        let place_type = |place: Place, locals: &BTreeMap<u32, Ty>, globals: &BTreeMap<u64, Ty>, inputs: &[Vec<Option<Ty>>]| -> Option<Ty> {
            match place {
                Place::Input(k) => inputs.get(k as usize).and_then(|s| s.first().copied().flatten()),
                Place::Local(a) => locals.get(&(facts::index(a, u) as u32)).copied(),
                Place::Global(a) => globals.get(&facts::index(a, u)).copied(),
                // The operand of a trace's constant is its value word.
                Place::Const(a) if a.from_operand => type_of(Value(facts::index(a, u))),
                _ => None,
            }
        };
        // Moves happen in the order they are declared (a store, then a load of the same
        // local, sees the stored type).
        let mut moved: BTreeMap<u8, Option<Ty>> = BTreeMap::new();
        let mut moved_ids: BTreeMap<u8, u32> = BTreeMap::new();
        for m in facts.moves {
            let t = place_type(m.src, &f.locals, &globals, &inputs);
            let id = match m.src {
                Place::Input(k) => input_ids.get(k as usize).and_then(|s| s.first().copied()),
                Place::Local(a) => Some(f.local_id(facts::index(a, u) as u32, &mut ids)),
                _ => None,
            }
            .unwrap_or_else(|| ids.fresh());
            match m.dst {
                Place::Local(a) => {
                    learn(&mut f.locals, facts::index(a, u) as u32, t);
                    f.local_ids.insert(facts::index(a, u) as u32, id);
                }
                Place::Global(a) => learn(&mut globals, facts::index(a, u), t),
                Place::Output(k) => {
                    moved.insert(k, t);
                    moved_ids.insert(k, id);
                }
                _ => {}
            }
        }
        let mut outputs: Vec<Vec<Option<Ty>>> = Vec::with_capacity(info.outputs.len());
        for (k, slot) in info.outputs.iter().enumerate() {
            let size = slot.size.eval(oparg).max(0) as usize;
            // A peek (an output that is the input in the same place, arrays included)
            // keeps what was known of it unless it states a type.
            let known = inputs.get(k).filter(|items| slot.peek && items.len() == size);
            let types = (0..size)
                .map(|j| {
                    let t = match moved.get(&(k as u8)) {
                        Some(t) => *t,
                        None if slot.peek => slot.ty.or(known.and_then(|items| items[j])),
                        None => slot.ty,
                    };
                    if size == 1 || slot.peek { t } else { None }
                })
                .collect();
            outputs.push(types);
        }
        if edits.keep[i] && redundant_guard(info.flags, facts.proven_if, info.inputs, &inputs, info.outputs) {
            edits.keep[i] = false;
        }
        if edits.keep[i] {
            let holds = |c: &Cond| match (c.kind, c.place) {
                (CondKind::Types(types), Place::Output(k)) => {
                    outputs.get(k as usize).and_then(|s| s.first().copied().flatten()).is_some_and(|t| types.contains(&t))
                }
                (CondKind::Types(types), place) => place_type(place, &before.0, &before.1, &inputs).is_some_and(|t| types.contains(&t)),
                (CondKind::Watched, _) => false,
            };
            // Projection-time variants (operands from places, watch bits) were the
            // projector's to pick.
            let pick = facts.variants.iter().find(|v| v.operand.is_none() && !v.conditions.is_empty() && v.conditions.iter().all(holds));
            edits.replace[i] = pick.map(|v| v.uop);
        }
        for (k, types) in outputs.into_iter().enumerate() {
            let slot = &info.outputs[k];
            // A peek is the value that was there; a moved value keeps its identity;
            // anything else is new.
            let kept = input_ids.get(k).filter(|items| slot.peek && items.len() == types.len());
            for (j, t) in types.into_iter().enumerate() {
                let id = match (moved_ids.get(&(k as u8)), kept) {
                    (Some(&id), _) if j == 0 => id,
                    (_, Some(items)) => items[j],
                    _ => ids.fresh(),
                };
                f.push(t, id);
            }
        }
    }
    Analysis { edits, at_end }
}

/// A guard whose work is done: a type guard of values already known to have its types,
/// or a guard one of whose `proven if` alternatives holds.
fn redundant_guard(flags: u32, proven_if: &[&[Cond]], inputs_decl: &[stitch_abi::Slot], inputs: &[Vec<Option<Ty>>], outputs: &[stitch_abi::Slot]) -> bool {
    let known = |k: usize| inputs.get(k).and_then(|s| s.first().copied().flatten());
    if flags & stitch_abi::flags::TYPE_GUARD != 0 {
        // Peeks only: the outputs are the inputs.
        debug_assert_eq!(inputs_decl.len(), outputs.len());
        return outputs.iter().enumerate().all(|(k, slot)| slot.ty.is_none_or(|t| known(k) == Some(t)));
    }
    proven_if.iter().any(|alt| {
        alt.iter().all(|c| match (c.kind, c.place) {
            (CondKind::Types(types), Place::Input(k)) => known(k as usize).is_some_and(|t| types.contains(&t)),
            _ => false,
        })
    })
}

/// Whether a uop's flags let it run with nothing known changing (no frame switch): used
/// by passes that walk frames.
pub fn switches_frame(opcode: u16) -> bool {
    facts::flags_of(opcode) & flags::SWITCHES_FRAME != 0
}
