//! A loop body specialized on the types its locals, module globals and stack keep:
//! starting from the types the values it reads had when it was projected, `assume`
//! runs the types pass until the body's end proves what its start assumed; `guard`
//! then puts in front of `_START_EXECUTOR` one entry guard per assumption (the uops
//! that `checks` a local, a global or a stack slot, after the proof a global's entry
//! index needs), and `_JUMP_TO_TOP` comes back past them, so the body runs with the
//! types known on every iteration.

use super::is_loop;
use super::types::{self, Assumptions};
use crate::facts;
use crate::projector::{Projection, inst};
use std::collections::HashSet;
use stitch_abi::{Check, MAX_TRACE_LENGTH, Place, UOPS, UopInst, uop};

/// The entry guard that checks a kind of place.
fn checker(kind: fn(&Place) -> bool) -> Option<(u16, Check)> {
    (0..UOPS.len() as u16).find_map(|u| facts::of(u).checks.filter(|c| kind(&c.place)).map(|c| (u, c)))
}

fn local_check() -> Option<(u16, Check)> {
    checker(|p| matches!(p, Place::Local(_)))
}

fn global_check() -> Option<(u16, Check)> {
    checker(|p| matches!(p, Place::Global(_)))
}

fn stack_check() -> Option<(u16, Check)> {
    checker(|p| matches!(p, Place::Input(_)))
}

/// The guard in the body that proves what a global's entry index needs, when every such
/// guard agrees and nothing forgets it: its opcode and operand.
fn global_proof(body: &[UopInst]) -> Option<(u16, u64)> {
    let (_, check) = global_check()?;
    let proof = check.after?;
    let mut found: Option<&UopInst> = None;
    for u in body {
        let f = facts::of(u.opcode);
        if f.forgets.proofs & (1 << proof) != 0 {
            return None;
        }
        if f.proves == Some(proof) {
            match found {
                Some(v) if v.operand != u.operand => return None,
                Some(_) => {}
                None => found = Some(u),
            }
        }
    }
    found.map(|u| (u.opcode, u.operand))
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
    let mut depth = 0i32;
    for u in body {
        if depth == 0 {
            for m in facts::of(u.opcode).moves {
                match m.src {
                    Place::Local(a) if !stored_locals.contains(&(facts::index(a, u) as u32)) => {
                        reads.locals.insert(facts::index(a, u) as u32);
                    }
                    Place::Global(a) if !stored_globals.contains(&facts::index(a, u)) => {
                        reads.globals.insert(facts::index(a, u));
                    }
                    _ => {}
                }
                match m.dst {
                    Place::Local(a) => {
                        stored_locals.insert(facts::index(a, u) as u32);
                    }
                    Place::Global(a) => {
                        stored_globals.insert(facts::index(a, u));
                    }
                    _ => {}
                }
            }
        }
        depth = (depth + facts::frame_delta(u.opcode)).max(0);
    }
    reads
}

impl Assumptions {
    /// What both `self` and `other` assume alike.
    fn common(&self, other: &Assumptions) -> Assumptions {
        fn both<K: Ord + Copy>(a: &std::collections::BTreeMap<K, stitch_abi::Ty>, b: &std::collections::BTreeMap<K, stitch_abi::Ty>) -> std::collections::BTreeMap<K, stitch_abi::Ty> {
            a.iter().filter(|(k, t)| b.get(k).is_none_or(|u| u == *t)).map(|(k, t)| (*k, *t)).collect()
        }
        Assumptions {
            locals: both(&self.locals, &other.locals),
            globals: both(&self.globals, &other.globals),
            stack: both(&self.stack, &other.stack),
            proofs: self.proofs.clone(),
        }
    }

    /// What the body reads before it stores it, and what it stores first where the
    /// value there now has the type assumed. (A store over a value of known type
    /// skips its reference count; but a local the body only stores, assumed from what
    /// the body proves, would fail the entry guard whenever tier 1 left it otherwise,
    /// and every new loop trace would assume the same again.) Only types an entry guard
    /// can check stay.
    fn restrict(mut self, reads: &Reads, p: &Projection) -> Assumptions {
        self.locals.retain(|k, t| facts::tag_of(*t).is_some() && (reads.locals.contains(k) || p.observed_locals.get(k) == Some(t)));
        self.globals.retain(|k, t| facts::tag_of(*t).is_some() && (reads.globals.contains(k) || p.observed_globals.get(k) == Some(t)));
        self.stack.retain(|_, t| facts::tag_of(*t).is_some());
        self
    }

    /// Whether `proven` proves everything assumed here.
    fn proven_by(&self, proven: &Assumptions) -> bool {
        self.locals.iter().all(|(k, t)| proven.locals.get(k) == Some(t))
            && self.globals.iter().all(|(k, t)| proven.globals.get(k) == Some(t))
            && self.stack.iter().all(|(k, t)| proven.stack.get(k) == Some(t))
    }

    /// Nothing assumed.
    fn none() -> Assumptions {
        Assumptions::default()
    }
}

/// What a loop body may assume at its start (nothing for a trace that is no loop).
pub fn assume(p: &Projection, words: bool) -> Assumptions {
    if !is_loop(&p.body) {
        return Assumptions::none();
    }
    let reads = reads_first(&p.body);
    let proof = global_proof(&p.body);
    let with_proof = |mut a: Assumptions| {
        // Entry indices mean nothing without the proof they come after.
        match (proof, global_check().and_then(|(_, c)| c.after)) {
            (Some((guard, operand)), Some(id)) if !a.globals.is_empty() => a.proofs = vec![(id, guard, operand)],
            _ => a.globals.clear(),
        }
        a
    };
    // Start from the types the values the body reads have now: what the body only
    // reads, it cannot prove at its end unless it was assumed.
    let start = Assumptions { locals: p.observed_locals.clone(), globals: p.observed_globals.clone(), ..Assumptions::none() };
    let mut assumed = with_proof(start.restrict(&reads, p));
    let run = |a: &Assumptions| types::analyse(&p.body, &p.codes, a, words);
    let mut result = run(&assumed);
    // Assume what the end proves, until the end proves what was assumed.
    for _ in 0..4 {
        let Some(end) = result.at_end.clone() else { break };
        let next = with_proof(end.common(&assumed).restrict(&reads, p));
        if next == assumed {
            break;
        }
        assumed = next;
        result = run(&assumed);
    }
    // Entry guards must fit the trace with the stubs (at most one each).
    let stubs = p.body.iter().filter(|u| facts::can_exit(u.opcode) || facts::flags_of(u.opcode) & stitch_abi::flags::HAS_ERROR != 0).count() * 2;
    if p.body.len() + stubs + assumed.len() + 2 > MAX_TRACE_LENGTH as usize {
        return Assumptions::none();
    }
    // Keep only assumptions the end still proves.
    if !result.at_end.as_ref().is_some_and(|end| assumed.proven_by(end)) {
        return Assumptions::none();
    }
    assumed
}

/// Puts the entry guards for `assumed` before `_START_EXECUTOR`, and points the back
/// edge just past `_START_EXECUTOR` (which then counts only entries; the back edge
/// counts iterations).
pub fn guard(p: &mut Projection, assumed: &Assumptions) {
    if !is_loop(&p.body) {
        return;
    }
    let start = p.body[0];
    let code = p.codes[0];
    let mut guards = Vec::new();
    let tag = |t: stitch_abi::Ty| facts::tag_of(t).expect("assumptions are of types with tags");
    if let Some((check, _)) = local_check() {
        for (&local, &t) in &assumed.locals {
            guards.push(inst(check, local as u32, start.target, tag(t)));
        }
    }
    if let (Some((check, _)), false) = (global_check(), assumed.globals.is_empty()) {
        // The proof the entry indices need comes first (the body's own was dropped).
        for &(_, proof, operand) in &assumed.proofs {
            guards.push(inst(proof, 0, start.target, operand));
        }
        for (&index, &t) in &assumed.globals {
            guards.push(inst(check, index as u32, start.target, tag(t)));
        }
    }
    if let Some((check, _)) = stack_check() {
        for (&depth, &t) in &assumed.stack {
            guards.push(inst(check, (depth - 1) as u32, start.target, tag(t)));
        }
    }
    let n = guards.len();
    p.body.splice(0..0, guards);
    p.codes.splice(0..0, vec![code; n]);
    for link in &mut p.links {
        link.0 += n;
    }
    let top = p.body.iter().position(|u| u.opcode == uop::_START_EXECUTOR).unwrap_or(0);
    if let Some(last) = p.body.last_mut() {
        last.oparg = (top + 1) as u32;
    }
}
