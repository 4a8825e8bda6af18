//! The trace optimizer: an ordered list of passes over a projected body, each in its
//! own file, each reading the facts the `.uops` file declares beside the uops:
//!
//! 1. `entry` finds what a loop body may assume at its start (types of locals, globals
//!    and stack slots), running `types` until the end of the body proves what its start
//!    assumed;
//! 2. `types` propagates types through the body: it removes guards already proven,
//!    proofs already made, and picks the variants the proven types allow (unboxed
//!    loads, stores and pops); on its way, at the start of each instruction, `words`
//!    lowers int arithmetic past the small ints to machine words (the types that
//!    follow depend on it);
//! 3. `proofs` drops the guards whose proofs no uop of the trace needs;
//! 4. `fusion` replaces adjacent pairs by the uops declared to fuse them;
//! 5. `entry` puts the guards for what the body assumed in front of it.
//!
//! Then `stubs` prepares the exits, once: if words made the trace too long, the passes
//! run again without them.

pub mod entry;
pub mod fusion;
pub mod proofs;
pub mod types;
pub mod words;

use super::projector::Projection;
use super::stubs::{self, Prepared};
use stitch_abi::{Code, MAX_TRACE_LENGTH, UopInst, uop};

/// Optimizes a projected body in place and prepares its stubs. Returns the prepared
/// trace and how many uops the passes removed (net of the entry guards and word
/// conversions they added).
pub fn optimize(p: &mut Projection, hotness: i16) -> (Prepared, usize) {
    let before = p.body.len();
    let (body, codes, links) = (p.body.clone(), p.codes.clone(), p.links.clone());
    run(p, true);
    let mut prepared = stubs::prepare(p, hotness, true);
    if prepared.trace.len() > MAX_TRACE_LENGTH as usize {
        // The stubs that unwind to handlers take three uops each: without them, the
        // errors leave for tier 1.
        prepared = stubs::prepare(p, hotness, false);
    }
    if prepared.trace.len() > MAX_TRACE_LENGTH as usize {
        // Word conversions and the stubs that box words made it too long: without them
        // it fits (the projector left room for the rest).
        (p.body, p.codes, p.links) = (body, codes, links);
        run(p, false);
        prepared = stubs::prepare(p, hotness, false);
    }
    debug_assert!(prepared.trace.len() <= MAX_TRACE_LENGTH as usize);
    (prepared, before.saturating_sub(p.body.len()))
}

fn run(p: &mut Projection, words: bool) {
    let assumed = entry::assume(p, words);
    types::run(p, &assumed, words);
    proofs::run(p);
    fusion::run(p);
    entry::guard(p, &assumed);
}

/// One pass's decisions for each uop of a body: whether it stays, what it becomes, and
/// the uops to put before it.
pub struct Edits {
    pub keep: Vec<bool>,
    pub replace: Vec<Option<u16>>,
    pub before: Vec<Vec<UopInst>>,
}

impl Edits {
    pub fn new(n: usize) -> Edits {
        Edits { keep: vec![true; n], replace: vec![None; n], before: vec![Vec::new(); n] }
    }
}

/// Applies a pass's edits to the body, keeping `codes` and `links` in step.
pub fn apply(p: &mut Projection, edits: Edits) {
    let n = p.body.len();
    let mut body = Vec::with_capacity(n);
    let mut codes: Vec<*mut Code> = Vec::with_capacity(n);
    // Where each old uop is now (a removed one: where the next one is).
    let mut new_index = vec![0; n + 1];
    for (i, added) in edits.before.into_iter().enumerate() {
        new_index[i] = body.len();
        for u in added {
            body.push(u);
            codes.push(p.codes[i]);
        }
        if edits.keep[i] {
            // A link names the uop itself (an `_EXIT_TRACE`), not what goes before it.
            new_index[i] = body.len();
            let mut u = p.body[i];
            if let Some(v) = edits.replace[i] {
                u.opcode = v;
            }
            body.push(u);
            codes.push(p.codes[i]);
        }
    }
    new_index[n] = body.len();
    for link in &mut p.links {
        link.0 = new_index[link.0];
    }
    p.body = body;
    p.codes = codes;
}

/// Whether uop `i` starts an instruction: the first uop, or one from another place.
pub fn starts_instruction(body: &[UopInst], codes: &[*mut Code], i: usize) -> bool {
    i == 0 || body[i].target != body[i - 1].target || codes[i] != codes[i - 1]
}

/// Whether the body closes a loop.
pub fn is_loop(body: &[UopInst]) -> bool {
    body.last().is_some_and(|u| u.opcode == uop::_JUMP_TO_TOP)
}
