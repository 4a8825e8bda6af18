//! Preparing a projected body for execution: every guard gets an exit stub (a side
//! exit with its exit data, `_EXIT_TRACE`) or a deopt stub (`_DEOPT`), every uop that
//! can raise gets an error stub (`_ERROR_EXIT`), or, when the frame it raises in
//! handles the error (a `try` in the loop body), a stub that unwinds to the handler in
//! tier 2 (`_CATCH_EXCEPTION`) and leaves through an exit to it, to which a trace of
//! the handler gets stitched like to any warm exit. Stubs follow the body; a uop's
//! `jump_target`/`error_target` index them. Exits start cold. A guard that fails while
//! machine words are on the stack (see `words`) leaves through a stub that first
//! boxes them (the conversion of a word to a value), so tier 1 finds values.

use super::cold;
use super::facts;
use super::passes::words;
use super::projector::{Projection, inst};
use stitch_abi::{Code, Executor, ExitData, Ty, UOPS, UopInst, flags, uop};
use stitch_core::objects::code::Code as CodeObject;
use std::collections::HashMap;

pub struct Prepared {
    pub trace: Vec<UopInst>,
    pub exits: Vec<ExitData>,
    /// The code object of each exit's target.
    pub exit_codes: Vec<*mut Code>,
    /// Exits that go straight to an existing executor: (exit index, executor).
    pub links: Vec<(u32, *mut Executor)>,
}

/// Exits as they are handed out.
struct Exits {
    data: Vec<ExitData>,
    codes: Vec<*mut Code>,
    hotness: i16,
}

impl Exits {
    fn add(&mut self, code: *mut Code, target: u32) -> u32 {
        let k = self.data.len() as u32;
        self.data.push(cold::new_exit(k, target, self.hotness));
        self.codes.push(code);
        k
    }
}

/// Uops share a stub when it is the same: same kind, same guard (an exit then knows
/// which guard failed; a side trace needs to, see `failed_guard`), same place to leave
/// to, reached through the same calls (a trace stitched on at the exit returns into
/// the callers it was taken in, see `callers_at_exit`), boxing the same words.
#[derive(PartialEq, Eq, Hash)]
struct StubKey {
    kind: u16,
    opcode: u16,
    code: *mut Code,
    target: u32,
    calls: Calls,
    boxed: Vec<u16>,
}

/// The calls a trace followed to reach a uop: the body position of the innermost one
/// still open (it fixes the ones around it), and the frame depth below the trace's
/// first frame (negative once it returned into its callers).
type Calls = (Option<usize>, i32);

/// Prepares the stubs; `catches` lets errors whose handler is in their own frame
/// unwind to it in tier 2 (their stubs are three uops, so a long trace may not fit them).
pub fn prepare(p: &Projection, hotness: i16, catches: bool) -> Prepared {
    let mut trace = p.body.clone();
    let mut exits = Exits { data: Vec::new(), codes: Vec::new(), hotness };
    let mut links = Vec::new();
    let mut stubs: HashMap<StubKey, u16> = HashMap::new();
    let linked: HashMap<usize, *mut Executor> = p.links.iter().copied().collect();
    let live = words::live_words(&p.body);
    let (mut open_calls, mut depth) = (Vec::new(), 0i32);
    let box_word = facts::conversion(Some(Ty::Word), None);

    for i in 0..p.body.len() {
        let u = p.body[i];
        let code = p.codes[i];
        let calls = (open_calls.last().copied(), depth);
        match facts::frame_delta(u.opcode) {
            1 => {
                open_calls.push(i);
                depth += 1;
            }
            -1 => {
                open_calls.pop();
                depth -= 1;
            }
            _ => {}
        }
        if u.opcode == uop::_EXIT_TRACE {
            debug_assert!(live[i].is_empty(), "words reach the end of a trace");
            let k = exits.add(code, u.target);
            trace[i].oparg = k;
            if let Some(&target) = linked.get(&i) {
                links.push((k, target));
            }
            continue;
        }
        let f = UOPS[u.opcode as usize].flags;
        if f & (flags::HAS_EXIT | flags::HAS_DEOPT) != 0 {
            let kind = if f & flags::HAS_EXIT != 0 { uop::_EXIT_TRACE } else { uop::_DEOPT };
            let boxed = &live[i];
            let key = StubKey { kind, opcode: u.opcode, code, target: u.target, calls, boxed: boxed.clone() };
            let at = *stubs.entry(key).or_insert_with(|| {
                let start = trace.len() as u16;
                for &depth in boxed {
                    trace.push(inst(box_word.expect("words are boxed by a declared conversion"), u32::from(depth - 1), u.target, 0));
                }
                let oparg = if kind == uop::_EXIT_TRACE { exits.add(code, u.target) } else { 0 };
                trace.push(inst(kind, oparg, u.target, 0));
                start
            });
            trace[i].jump_target = at;
        }
        if f & flags::HAS_ERROR != 0 {
            debug_assert!(live[i].is_empty(), "words on the stack where an error can unwind");
            if catches
                && calls == (None, 0)
                && let Some((count, handler)) = catch_at(p, i)
            {
                // The handler is in the frame the trace started in: unwind there.
                let key = StubKey { kind: uop::_CATCH_EXCEPTION, opcode: 0, code, target: u.target, calls, boxed: vec![count as u16] };
                let at = *stubs.entry(key).or_insert_with(|| {
                    let start = trace.len() as u16;
                    trace.push(inst(uop::_CHECK_CATCH, count, u.target, 0));
                    trace.push(inst(uop::_CATCH_EXCEPTION, count, u.target, 0));
                    let k = exits.add(code, handler);
                    trace.push(inst(uop::_EXIT_TRACE, k, handler, 0));
                    start
                });
                trace[i].error_target = at;
                continue;
            }
            // Errors unwind from wherever they are: their stubs need no more.
            let key = StubKey { kind: uop::_ERROR_EXIT, opcode: 0, code, target: u.target, calls: (None, 0), boxed: Vec::new() };
            let at = *stubs.entry(key).or_insert_with(|| {
                trace.push(inst(uop::_ERROR_EXIT, 0, u.target, 0));
                (trace.len() - 1) as u16
            });
            trace[i].error_target = at;
        }
    }
    Prepared { trace, exits: exits.data, exit_codes: exits.codes, links }
}

/// For body uop `i`, which can raise: how many values are above the depth of the
/// handler its instruction has in its own code, and where that handler is. The depth
/// where the uop fails is the depth the compiler recorded before its instruction, moved
/// by the uops of the instruction that ran before it, less its own inputs (a failing
/// uop leaves with its inputs popped). `_CATCH_EXCEPTION` checks it against the frame.
fn catch_at(p: &Projection, i: usize) -> Option<(u32, u32)> {
    let (u, code) = (p.body[i], p.codes[i]);
    // SAFETY: the code objects a projection names are live while it is prepared.
    let c = unsafe { &*(code as *mut CodeObject) };
    let handler = c.handler_at(u.target as usize)?;
    let mut depth = i64::from(c.depth_at(u.target as usize)?);
    let first = (0..i).rev().take_while(|&j| p.body[j].target == u.target && p.codes[j] == code).last().unwrap_or(i);
    for v in &p.body[first..i] {
        let info = &UOPS[v.opcode as usize];
        depth += info.pushed.eval(v.oparg) - info.popped.eval(v.oparg);
    }
    depth -= UOPS[u.opcode as usize].popped.eval(u.oparg);
    let count = u32::try_from(depth - i64::from(handler.depth)).ok()?;
    Some((count, handler.target))
}
