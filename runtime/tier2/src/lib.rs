//! Tier 2: hot loops become executors (uop traces with side exits); exits start cold
//! and count their hotness; a warm exit gets a new executor stitched on. Executors are
//! invalidated when a global they depend on is rebound, and reclaimed when unused.
//!
//! - `projector`: tier-1 code -> trace body;
//! - `passes/`: the optimizer's passes, in order (types and unboxing, machine words,
//!   fusion, entry guards); `facts`: what they ask of the uops' declared facts;
//! - `stubs`: exit, deopt and error stubs, exit data;
//! - `executor`: executors in memory; `cold`: the pre-allocated cold exits;
//! - `deps`: dependencies and invalidation; `stats`: counters for the report;
//! - `interpreter`: the tier-2 uop interpreter; `backend`: how a JIT plugs in.
//!
//! The interpreters below reach this layer through the hooks `install` sets; the
//! state lives behind the thread state's `tier2` pointer.

pub mod backend;
pub mod cold;
pub mod deps;
pub mod dot;
pub mod executor;
pub mod facts;
pub mod interpreter;
pub mod passes;
pub mod projector;
pub mod stats;
pub mod stubs;

use backend::Backend;
use executor::{Installed, VmData, vm};
use stats::Stats;
use stitch_abi::{Code, Executor, Frame, INSTRUCTIONS, Thread, Value, code_units, op, uop};
use stitch_interp::frames::code_of;
use stitch_interp::hooks::Tier2Hooks;
use stitch_interp::specialize::backoff;

/// Executors alive at once, at most; past it, unused ones are reclaimed first.
pub const MAX_LIVE_EXECUTORS: usize = 1024;
/// Executors made between two sweeps for unused ones.
const SWEEP_EVERY: u32 = 256;

/// The tier-2 state of a thread: behind `Thread::tier2` while programs run.
pub struct Tier2State {
    /// Hotness new exits start at.
    pub exit_hotness: i16,
    /// Every executor alive (cold exits excluded).
    pub live: Vec<*mut Executor>,
    /// Invalidated executors, freed at the next safe point (in tier 1).
    pub pending_free: Vec<*mut Executor>,
    pub watches: deps::Watches,
    pub stats: Stats,
    /// Count the uops the tier-2 interpreter runs (`--stats`).
    pub counting: bool,
    /// Compiles executors to machine code (the JIT), if any.
    pub backend: Option<Box<dyn Backend>>,
    next_id: u32,
    made_since_sweep: u32,
}

impl Tier2State {
    pub fn new(exit_hotness: i16) -> Tier2State {
        Tier2State {
            exit_hotness,
            live: Vec::new(),
            pending_free: Vec::new(),
            watches: deps::Watches::default(),
            stats: Stats::default(),
            counting: false,
            backend: None,
            next_id: 1,
            made_since_sweep: 0,
        }
    }
}

/// The entry points the interpreters call (see `stitch_interp::hooks`).
static HOOKS: Tier2Hooks = Tier2Hooks { optimize, enter: interpreter::enter, stitch_exit, global_stored: deps::global_stored };

/// Makes tier 2 reachable from the interpreters. A thread runs tier 2 when its
/// `tier2` pointer is set to a `Tier2State`.
pub fn install() {
    stitch_interp::hooks::install(&HOOKS);
}

/// The tier-2 state of a thread.
///
/// # Safety
/// `ts` is the live thread state of a thread that runs tier 2, and no other reference
/// to its state is in use.
pub unsafe fn state<'a>(ts: *mut Thread) -> &'a mut Tier2State {
    // SAFETY: the caller guarantees the pointer is a live `Tier2State`.
    unsafe { &mut *((*ts).tier2 as *mut Tier2State) }
}

/// JUMP_BACKWARD's counter fired: project the loop, install the executor in place of
/// the JUMP_BACKWARD, and return it to run now. Null (with the counter backed off) if
/// tier 2 is off or the loop does not project.
///
/// # Safety
/// `instr` is a live JUMP_BACKWARD of `frame`'s code, by `oparg` code units (with the
/// bits of its prefix).
pub unsafe fn optimize(ts: *mut Thread, frame: *mut Frame, instr: *mut u16, oparg: u32) -> *mut Executor {
    // SAFETY: the frame, its code and the instruction are live; tier 2 is not running
    // (JUMP_BACKWARD is tier 1), so freeing invalidated executors is safe here, unless
    // this tier-1 loop runs a call from below (a key function called by a builtin),
    // under which an executor may be in the middle of its trace.
    unsafe {
        let rt = state(ts);
        let fail = |instr: *mut u16| {
            *instr.add(2) = backoff(*instr.add(2));
            std::ptr::null_mut()
        };
        if stitch_interp::reenter::nested_runs() == 0 {
            free_pending(rt);
            make_room(rt);
        }
        if rt.live.len() >= MAX_LIVE_EXECUTORS {
            return fail(instr);
        }
        let offset = instr.offset_from((*frame).instrs) as u32;
        let start = offset + INSTRUCTIONS[op::JUMP_BACKWARD as usize].size() as u32 - oparg;
        let Some(projection) = projector::project(frame, projector::Start::loop_head(start)) else {
            return fail(instr);
        };
        let code = (*frame).code;
        let Some(e) = build(rt, projection, code, start, false) else {
            return fail(instr);
        };
        let code_obj = code_of(frame);
        let mut list = code_obj.executors.borrow_mut();
        let index = match list.iter().position(|p| p.is_null()) {
            Some(i) => {
                list[i] = e;
                i
            }
            None => {
                list.push(e);
                list.len() - 1
            }
        };
        vm(e).installed = Some(Installed { index: index as u32, offset, oparg });
        *instr = op::ENTER_EXECUTOR;
        *instr.add(1) = index as u16;
        if oparg > u16::MAX as u32 {
            // The JUMP_BACKWARD has a prefix (the compiler puts one only where the
            // oparg needs it, right before): ENTER_EXECUTOR's oparg is the index alone.
            *instr.sub(1) = 0;
        }
        e
    }
}

/// A cold exit got warm: project from its target and stitch the new executor on.
/// Null if the projection failed (the exit's hotness backs off).
///
/// # Safety
/// `executor` is live and `index` one of its exits; `frame` is where the exit leaves.
pub unsafe fn stitch_exit(ts: *mut Thread, frame: *mut Frame, executor: *mut Executor, index: u32) -> *mut Executor {
    // SAFETY: the executor and its exits are live while tier 2 runs its cold exit.
    unsafe {
        let rt = state(ts);
        let exit = &mut executor::exits(executor)[index as usize];
        if (*executor).valid != 0
            && let Some(target) = executor_at(frame, exit.target)
        {
            // The exit leaves for a loop that has an executor now (made after this
            // trace was): stitch the exit to it; there is nothing to project.
            exit.executor = target;
            vm(target).incoming.push((executor, index));
            rt.stats.exits_stitched += 1;
            return target;
        }
        let projected = if (*executor).valid != 0 && rt.live.len() < MAX_LIVE_EXECUTORS {
            let from = if at_loop_entry(executor, index) {
                // The loop's values no longer have the types its body was specialized
                // for: a new loop trace, specialized for what they are now.
                projector::Start::loop_head(exit.target)
            } else {
                // The guard that failed stood for one direction of a branch: the new
                // trace goes the other way.
                let code = code_of(frame);
                let units = std::slice::from_raw_parts(code.instrs_ptr(), code.len());
                let instruction = code_units::decode(units, exit.target as usize).map(|d| d.opcode);
                let forced_jump = instruction.zip(failed_guard(executor, index)).and_then(|(i, g)| projector::guard_direction(i, g)).map(|jumped| !jumped);
                let side_exit = guard_exit(executor, index);
                projector::Start {
                    offset: exit.target,
                    is_loop: false,
                    side_exit,
                    forced_jump,
                    known_callers: callers_at_exit(executor, index),
                    call: if side_exit { live_call(executor, index, frame, exit.target) } else { None },
                }
            };
            projector::project(frame, from)
        } else {
            None
        };
        let Some(projection) = projected else {
            // Back off: twice as many takes before the next try.
            exit.spare = (exit.spare + 1).min(10);
            exit.hotness = rt.exit_hotness.saturating_mul(1 << exit.spare).min(-1);
            return std::ptr::null_mut();
        };
        let Some(new) = build(rt, projection, (*frame).code, exit.target, true) else {
            let exit = &mut executor::exits(executor)[index as usize];
            exit.hotness = rt.exit_hotness;
            return std::ptr::null_mut();
        };
        let exit = &mut executor::exits(executor)[index as usize];
        exit.executor = new;
        vm(new).incoming.push((executor, index));
        rt.stats.exits_stitched += 1;
        new
    }
}

/// When exit `index` is taken by a specialized call's check of its callee (a call site
/// that sees several functions: `shape.intersect(ray)` over spheres and planes), the
/// form of the call that check belongs to and the version of the function on the stack
/// now, if that function passes the same check. Projecting the call in its generic
/// form instead gives a trace that cannot follow it: the exit would stay cold, every
/// take a round trip through tier 1.
///
/// # Safety
/// `executor` is live, `frame` is where the exit leaves (its stack as the exit left
/// it, spilled to memory), `target` an instruction boundary of its code.
unsafe fn live_call(executor: *mut Executor, index: u32, frame: *mut Frame, target: u32) -> Option<(u16, u32)> {
    use stitch_abi::{BoundMethodHead, Function, KIND_BOUND_METHOD, KIND_FUNCTION};
    // SAFETY: the trace, the frame, its code and the values on its stack are live.
    unsafe {
        let guard = failed_guard(executor, index)?;
        let code = code_of(frame);
        let units = std::slice::from_raw_parts(code.instrs_ptr(), code.len());
        let decoded = code_units::decode(units, target as usize)?;
        let head = INSTRUCTIONS.get(decoded.opcode as usize)?.deopt;
        let form = (0..INSTRUCTIONS.len() as u16).find(|&o| {
            let i = &INSTRUCTIONS[o as usize];
            i.deopt == head && i.callee.is_some() && i.expansion.iter().any(|e| e.uop == guard)
        })?;
        // CALL's inputs: the callable, the self (or NULL), the `oparg` arguments.
        let oparg = decoded.oparg;
        let depth = code.depth_at(decoded.at)? as usize;
        let below = depth.checked_sub(oparg as usize + 2)?;
        let base = stitch_abi::access::local(frame, code.nlocals);
        let (callable, self_or_null) = (*base.add(below), *base.add(below + 1));
        // The same conditions as the check that failed, for the function there now.
        let (func, argcount) = match guard {
            uop::_CHECK_FUNCTION_EXACT_ARGS if self_or_null.is_null() => (callable, oparg),
            uop::_CHECK_METHOD_EXACT_ARGS if !self_or_null.is_null() => (callable, oparg + 1),
            uop::_CHECK_CALL_BOUND_METHOD_EXACT_ARGS if self_or_null.is_null() && callable.is_kind(KIND_BOUND_METHOD) => {
                ((*callable.cast::<BoundMethodHead>()).func, oparg + 1)
            }
            _ => return None,
        };
        if !func.is_kind(KIND_FUNCTION) {
            return None;
        }
        let f = func.cast::<Function>();
        ((*f).argcount == argcount).then_some((form, (*f).version))
    }
}

/// The valid executor installed at `offset` of the frame's code, if that instruction is
/// an ENTER_EXECUTOR.
///
/// # Safety
/// `frame` is live and `offset` an instruction boundary of its code.
unsafe fn executor_at(frame: *mut Frame, offset: u32) -> Option<*mut Executor> {
    // SAFETY: the frame's code and its instructions are live.
    unsafe {
        let code = code_of(frame);
        let units = std::slice::from_raw_parts(code.instrs_ptr(), code.len());
        let decoded = code_units::decode(units, offset as usize)?;
        if decoded.opcode != op::ENTER_EXECUTOR {
            return None;
        }
        let e = code.executors.borrow().get(decoded.oparg as usize).copied()?;
        (!e.is_null() && (*e).valid != 0).then_some(e)
    }
}

/// The guard whose failure takes exit `index`, when a single kind of guard leads there:
/// a branch guard tells which way the branch went, an exhaustion guard that the loop
/// ended.
///
/// # Safety
/// `executor` is live.
unsafe fn failed_guard(executor: *mut Executor, index: u32) -> Option<u16> {
    // SAFETY: the trace is live.
    let trace = unsafe { executor::trace(executor) };
    // SAFETY: forwarded.
    let sources = unsafe { exit_sources(executor, index) };
    let mut guards = sources.iter().map(|&k| trace[k].opcode).filter(|&op| op != uop::_EXIT_TRACE);
    let first = guards.next()?;
    guards.all(|g| g == first).then_some(first)
}

/// The body positions of the uops that leave through exit `index`, in order: the
/// guards that jump to its `_EXIT_TRACE` stub, or that `_EXIT_TRACE` itself where it
/// ends the body.
///
/// # Safety
/// `executor` is live.
unsafe fn exit_sources(executor: *mut Executor, index: u32) -> Vec<usize> {
    // SAFETY: the trace and its vm data are live.
    let (trace, body_len) = unsafe { (executor::trace(executor), vm(executor).body_len as usize) };
    let Some(mut stub) = trace.iter().position(|u| u.opcode == uop::_EXIT_TRACE && u.oparg as u32 == index) else {
        return Vec::new();
    };
    // A stub that boxes words starts with them.
    let box_word = facts::conversion(Some(stitch_abi::Ty::Word), None);
    while stub > body_len && Some(trace[stub - 1].opcode) == box_word {
        stub -= 1;
    }
    (0..body_len).filter(|&k| k == stub || trace[k].jump_target as usize == stub).collect()
}

/// Whether a guard leads to exit `index` (rather than only the `_EXIT_TRACE` that
/// ends the body where the trace could not go on).
///
/// # Safety
/// `executor` is live.
unsafe fn guard_exit(executor: *mut Executor, index: u32) -> bool {
    // SAFETY: the trace is live.
    let trace = unsafe { executor::trace(executor) };
    // SAFETY: forwarded.
    let sources = unsafe { exit_sources(executor, index) };
    sources.is_empty() || sources.iter().any(|&k| trace[k].opcode != uop::_EXIT_TRACE)
}

/// How many frames deep in calls the executor followed (or started in) exit `index`
/// leaves: its callers are the same whenever it is taken.
///
/// # Safety
/// `executor` is live.
unsafe fn callers_at_exit(executor: *mut Executor, index: u32) -> u32 {
    // SAFETY: the trace and its vm data are live.
    let (trace, start) = unsafe { (executor::trace(executor), vm(executor).known_callers as i64) };
    // SAFETY: forwarded.
    let sources = unsafe { exit_sources(executor, index) };
    // The depth before each uop: frames pushed minus frames popped before it.
    let depth_at = |k: usize| trace[..k].iter().fold(start, |d, u| d + facts::frame_delta(u.opcode) as i64);
    let mut depths = sources.iter().map(|&k| depth_at(k));
    let Some(first) = depths.next() else { return 0 };
    // Every uop that leaves through this exit must be at the same depth.
    if depths.all(|d| d == first) { first.max(0) as u32 } else { 0 }
}

/// Whether exit `index` is taken only by the type guards in front of a loop trace's
/// `_START_EXECUTOR`.
///
/// # Safety
/// `executor` is live.
unsafe fn at_loop_entry(executor: *mut Executor, index: u32) -> bool {
    // SAFETY: the trace is live.
    let trace = unsafe { executor::trace(executor) };
    let Some(start) = trace.iter().position(|u| u.opcode == uop::_START_EXECUTOR) else { return false };
    // SAFETY: forwarded.
    let sources = unsafe { exit_sources(executor, index) };
    let is_loop = trace.iter().any(|u| u.opcode == uop::_JUMP_TO_TOP);
    is_loop && !sources.is_empty() && sources.iter().all(|&k| k < start)
}

/// Turns a projection into an executor: stubs, exits, links, dependencies, and machine
/// code when the JIT is on. `None` if the JIT has no room left.
///
/// # Safety
/// The code object is live.
unsafe fn build(rt: &mut Tier2State, mut projection: projector::Projection, code: *mut Code, start: u32, stitched: bool) -> Option<*mut Executor> {
    let (prepared, removed) = passes::optimize(&mut projection, rt.exit_hotness);
    rt.stats.uops_optimized_away += removed as u64;
    let t2 = &mut *rt;
    Value::from_object(code).incref();
    let id = t2.next_id;
    t2.next_id += 1;
    let vm_data = VmData {
        id,
        code,
        start,
        body_len: projection.body.len() as u32,
        trace_len: prepared.trace.len() as u32,
        installed: None,
        incoming: Vec::new(),
        watched_globals: projection.watched.clone(),
        inlined: projection.inlined.clone(),
        constants: projection.constants,
        exit_codes: prepared.exit_codes,
        stitched,
        known_callers: projection.known_callers,
        runs_at_sweep: 0,
    };
    let e = executor::allocate(&prepared.trace, &prepared.exits, vm_data);
    if let Some(backend) = rt.backend.as_mut() {
        // SAFETY: the new executor is not running.
        if !unsafe { backend.compile(e) } {
            // SAFETY: nothing refers to it yet.
            unsafe { executor::free(e) };
            return None;
        }
    }
    let t2 = &mut *rt;
    // SAFETY: `e` was just made; linked executors are live.
    unsafe {
        for (k, target) in prepared.links {
            executor::exits(e)[k as usize].executor = target;
            vm(target).incoming.push((e, k));
        }
    }
    for name in projection.watched {
        t2.watches.watch(name, e);
    }
    t2.live.push(e);
    t2.stats.executors_created += 1;
    t2.stats.exits_total += prepared.exits.len() as u64;
    t2.stats.uops_projected += prepared.trace.len() as u64;
    t2.made_since_sweep += 1;
    Some(e)
}

/// Marks an executor invalid and unlinks it: its ENTER_EXECUTOR becomes the
/// JUMP_BACKWARD again, exits stitched to it become cold again. It is freed at the next
/// safe point (it may be running now).
///
/// # Safety
/// `e` is a live executor of this runtime.
pub unsafe fn invalidate(rt: &mut Tier2State, e: *mut Executor) {
    // SAFETY: forwarded.
    unsafe {
        if (*e).valid != 0 {
            retire(rt, e);
            rt.stats.invalidations += 1;
        }
    }
}

/// Unlinks an executor and queues it to be freed.
///
/// # Safety
/// `e` is a live, valid executor of this runtime.
unsafe fn retire(rt: &mut Tier2State, e: *mut Executor) {
    // SAFETY: executors on the live list and their links are live.
    unsafe {
        (*e).valid = 0;
        let data = vm(e);
        if let Some(inst) = data.installed.take() {
            let code = &*(data.code as *mut stitch_core::objects::code::Code);
            let units = code.instrs_ptr();
            *units.add(inst.offset as usize) = op::JUMP_BACKWARD;
            *units.add(inst.offset as usize + 1) = inst.oparg as u16;
            if inst.oparg > u16::MAX as u32 {
                *units.add(inst.offset as usize - 1) = (inst.oparg >> 16) as u16;
            }
            *units.add(inst.offset as usize + 2) = backoff(*units.add(inst.offset as usize + 2));
            code.executors.borrow_mut()[inst.index as usize] = std::ptr::null_mut();
        }
        for (parent, k) in std::mem::take(&mut data.incoming) {
            if (*parent).valid != 0 {
                let exit = &mut executor::exits(parent)[k as usize];
                exit.executor = cold::cold_executor(k);
                exit.hotness = rt.exit_hotness;
            }
        }
        for (k, exit) in executor::exits(e).iter().enumerate() {
            if (*exit.executor).cold == 0 {
                vm(exit.executor).incoming.retain(|&(p, i)| !(p == e && i == k as u32));
            }
        }
        rt.live.retain(|&x| x != e);
        rt.pending_free.push(e);
    }
}

/// Frees invalidated executors. Only call when no executor is running.
pub fn free_pending(rt: &mut Tier2State) {
    for e in std::mem::take(&mut rt.pending_free) {
        rt.watches.forget(e);
        // SAFETY: invalidated executors are unlinked and, at a safe point, not running.
        unsafe {
            let stats = &mut rt.stats;
            for (k, &n) in executor::exit_counts(e).iter().enumerate() {
                stats.side_exits_taken += n as u64;
                if n > 0 {
                    *stats.freed_exits.entry(stats::exit_site(e, k)).or_default() += n as u64;
                }
            }
            stats.freed_uop_estimate += (*e).runs * vm(e).body_len as u64;
            stats.freed_runs += (*e).runs;
            if let Some(backend) = rt.backend.as_mut() {
                backend.release(e);
            }
            executor::free(e);
        }
    }
}

/// Reclaims executors that have not run since the last sweep, when there are too many
/// or every SWEEP_EVERY new executors.
fn make_room(rt: &mut Tier2State) {
    if rt.live.len() < MAX_LIVE_EXECUTORS && rt.made_since_sweep < SWEEP_EVERY {
        return;
    }
    rt.made_since_sweep = 0;
    for e in rt.live.clone() {
        // SAFETY: live executors are live.
        unsafe {
            let data = vm(e);
            if (*e).runs == data.runs_at_sweep {
                retire(rt, e);
                rt.stats.reclaimed += 1;
            } else {
                data.runs_at_sweep = (*e).runs;
            }
        }
    }
    free_pending(rt);
}

/// Frees every executor (the program ended).
pub fn shutdown(rt: &mut Tier2State) {
    for e in rt.live.clone() {
        // SAFETY: nothing runs any more.
        unsafe { retire(rt, e) };
    }
    free_pending(rt);
}
