//! Trace projection: from a point in tier-1 code, follow the instructions (as
//! specialized so far) and the branch directions they took, and expand each through
//! the generated expansion table into uops. What to do with each uop is read off its
//! declared facts: a replaced uop gets its stand-ins for the direction the code took
//! (`stays`/`jumps`), a uop that `calls` a known function is followed into the callee
//! and one that `returns` back out, and a variant that takes its operand from a
//! constant or a global replaces its base (`variant of ... with operand`). The trace
//! closes with `_JUMP_TO_TOP` (a loop) or `_EXIT_TRACE` (anything it cannot follow).
//! An instruction's prefixes (`EXTENDS_OPARG`) are read with it: its uops carry the
//! whole oparg, and their target is the first prefix, where tier 1 resumes.

use super::facts::{self, type_of};
use std::collections::BTreeMap;
use stitch_abi::{Code, CondKind, Dict, Executor, Frame, INSTRUCTIONS, MAX_TRACE_LENGTH, Operand, Place, Tier2, Ty, UopInst, Value, code_units, flags, op, uop};
use stitch_core::objects::code::Code as CodeObject;
use stitch_core::objects::{dict, function, str as strs};

/// How deep the trace may follow calls.
const MAX_INLINE_DEPTH: usize = 4;

/// A projected trace body, before exit stubs are added.
pub struct Projection {
    pub body: Vec<UopInst>,
    /// For each uop of the body, the code object its `target` is an offset in.
    pub codes: Vec<*mut Code>,
    /// Global names the trace assumes keep their values.
    pub watched: Vec<String>,
    /// Versions of the functions inlined.
    pub inlined: Vec<u32>,
    /// Values embedded in the trace (new references).
    pub constants: Vec<Value>,
    /// Tier-1 instructions the trace covers (for statistics).
    pub instructions: u32,
    /// Body `_EXIT_TRACE`s that go straight to an existing executor (a loop's).
    pub links: Vec<(usize, *mut Executor)>,
    /// For a loop: the types the locals and module globals (by entry index) that the
    /// body reads or stores have as it is projected. The optimizer starts from them.
    pub observed_locals: BTreeMap<u32, Ty>,
    pub observed_globals: BTreeMap<u64, Ty>,
    /// `Start::known_callers`: the trace starts that many frames deep in calls an
    /// executor followed.
    pub known_callers: u32,
}

pub fn inst(opcode: u16, oparg: u32, target: u32, operand: u64) -> UopInst {
    UopInst { opcode, oparg, target, operand, jump_target: 0, error_target: 0, spare: 0 }
}

/// Uops whose flags ask for a stub after projection (guards, errors).
fn stub_count(opcode: u16) -> usize {
    usize::from(facts::can_exit(opcode)) + usize::from(facts::flags_of(opcode) & flags::HAS_ERROR != 0)
}

struct State {
    p: Projection,
    /// Stubs the body will need: the body plus its stubs must fit MAX_TRACE_LENGTH.
    stubs: usize,
}

impl State {
    fn emit(&mut self, u: UopInst, code: *mut Code) {
        self.stubs += stub_count(u.opcode);
        self.p.body.push(u);
        self.p.codes.push(code);
    }

    fn room(&self, more: usize) -> bool {
        // One more for the final uop, which may be an exit.
        self.p.body.len() + self.stubs + more + 2 <= MAX_TRACE_LENGTH as usize
    }
}

/// Where a trace starts and what is known there.
#[derive(Clone, Copy, Debug)]
pub struct Start {
    pub offset: u32,
    /// A loop head: the trace may close with `_JUMP_TO_TOP` when it gets back there.
    pub is_loop: bool,
    /// A guard of the first instruction made the exit that leads here: the instruction
    /// is projected in its generic form, so the new executor cannot fail at once the
    /// guard that made the exit (progress). An exit where the trace merely ended keeps
    /// the specialized form (a generic call cannot be followed: a trace that ended
    /// before a call could never be stitched on).
    pub side_exit: bool,
    /// The direction the first instruction's branch goes (true: it jumps), when the
    /// exit that leads here knows it: the guard that failed stood for the other one.
    pub forced_jump: Option<bool>,
    /// How many of the frame's callers are the same whenever the trace starts: frames
    /// an executor pushed for calls it followed, and the trace starts at one of its
    /// exits. A return can then be followed into them.
    pub known_callers: u32,
    /// A specialized call whose callee check made the exit (a call site that sees
    /// several functions): the call's form and the version of the function on the stack
    /// when the exit was taken, which passes that form's check. The first instruction
    /// is projected in that form for that function, not in the generic form, which a
    /// trace cannot follow: the exit would go cold to tier 1 on every take.
    pub call: Option<(u16, u32)>,
}

impl Start {
    pub fn loop_head(offset: u32) -> Start {
        Start { offset, is_loop: true, side_exit: false, forced_jump: None, known_callers: 0, call: None }
    }
}

/// Which path of a branching instruction a failed guard stood for: true if the guard
/// was a stand-in for the jump. Looks at the instruction and the members of its family
/// (the trace may have come from a specialized form).
pub fn guard_direction(instruction: u16, guard: u16) -> Option<bool> {
    let head = INSTRUCTIONS.get(instruction as usize)?.deopt;
    let forms = (0..INSTRUCTIONS.len() as u16).filter(|&o| o == instruction || INSTRUCTIONS[o as usize].deopt == head);
    // A fused uop fails where its first part would.
    let guards = [Some(guard), facts::of(guard).fused_from.map(|(a, _)| a)];
    for form in forms {
        for e in INSTRUCTIONS[form as usize].expansion {
            let f = facts::of(e.uop);
            for g in guards.iter().flatten() {
                if f.stays.is_some_and(|s| s.contains(g)) {
                    return Some(false);
                }
                if f.jumps.is_some_and(|s| s.contains(g)) {
                    return Some(true);
                }
            }
        }
    }
    None
}

/// Projects a trace from `start` in the code of `frame`. Returns `None` when the trace
/// would be too short to pay.
///
/// # Safety
/// `frame` is live and `start.offset` is an instruction boundary of its code.
pub unsafe fn project(frame: *mut Frame, from: Start) -> Option<Projection> {
    // SAFETY: forwarded.
    unsafe {
        let p = project_once(frame, from)?;
        // A uop with a variant for watched names (a global store whose name shares its
        // watch bit with a name executors depend on) would deopt on every run when
        // this very trace set the bit after it was projected: project again, now that
        // the bits are set.
        let globals = (*frame).globals;
        let stale = p.body.iter().any(|u| facts::of(u.opcode).variants.iter().any(|v| watched_only(v) && holds_now(globals, (*frame).builtins, std::ptr::null_mut(), u, v)));
        if !stale {
            return Some(p);
        }
        for c in &p.constants {
            c.decref();
        }
        project_once(frame, from)
    }
}

/// A variant the projector picks by watch bits alone.
fn watched_only(v: &stitch_abi::Variant) -> bool {
    v.operand.is_none() && !v.conditions.is_empty() && v.conditions.iter().all(|c| c.kind == CondKind::Watched)
}

/// A variant the projector picks (from what the values are now), as opposed to one the
/// optimizer picks from proven types.
fn at_projection(v: &stitch_abi::Variant) -> bool {
    v.operand.is_some() || v.conditions.iter().any(|c| c.kind == CondKind::Watched)
}

/// The entry `index` of a dict, if it is one.
///
/// # Safety
/// `d` is a live dict.
unsafe fn entry(d: *mut Dict, index: u64) -> Option<*mut stitch_abi::DictEntry> {
    // SAFETY: entries below `used` are initialized.
    unsafe { ((index as usize) < (*d).used).then(|| (*d).entries.add(index as usize)) }
}

/// The value a place holds now, for a uop about to be projected: a global's or a
/// builtin's entry, or a constant of the code.
///
/// # Safety
/// The dicts and the code object are live.
unsafe fn value_at(globals: *mut Dict, builtins: *mut Dict, code: *mut CodeObject, place: Place, u: &UopInst) -> Option<Value> {
    // SAFETY: forwarded; entries are checked against `used`, constants against their count.
    unsafe {
        match place {
            Place::Global(a) => entry(globals, facts::index(a, u)).map(|e| (*e).value),
            Place::Builtin(a) => entry(builtins, facts::index(a, u)).map(|e| (*e).value),
            Place::Const(a) if a.from_operand => Some(Value(facts::index(a, u))),
            Place::Const(a) if !code.is_null() => (&(*code).consts).get(facts::index(a, u) as usize).copied(),
            _ => None,
        }
    }
}

/// Whether a projection-time variant's conditions hold for uop `u` now.
///
/// # Safety
/// As `value_at`.
unsafe fn holds_now(globals: *mut Dict, builtins: *mut Dict, code: *mut CodeObject, u: &UopInst, v: &stitch_abi::Variant) -> bool {
    // SAFETY: forwarded.
    unsafe {
        v.conditions.iter().all(|c| match c.kind {
            CondKind::Watched => {
                let d = if matches!(c.place, Place::Builtin(_)) { builtins } else { globals };
                let (Place::Global(a) | Place::Builtin(a)) = c.place else { return false };
                entry(d, facts::index(a, u)).is_some_and(|e| dict::may_be_watched(globals, (*e).hash))
            }
            CondKind::Types(types) => value_at(globals, builtins, code, c.place, u).and_then(type_of).is_some_and(|t| types.contains(&t)),
        })
    }
}

/// # Safety
/// As `project`.
unsafe fn project_once(frame: *mut Frame, from: Start) -> Option<Projection> {
    let (start, is_loop) = (from.offset, from.is_loop);
    // SAFETY: code objects, their units and the frame's globals are live during
    // projection; offsets stay within instruction boundaries.
    unsafe {
        let root = (*frame).code;
        let globals = (*frame).globals;
        let builtins = (*frame).builtins;
        let mut s = State {
            p: Projection {
                body: Vec::new(),
                codes: Vec::new(),
                watched: Vec::new(),
                inlined: Vec::new(),
                constants: Vec::new(),
                instructions: 0,
                links: Vec::new(),
                observed_locals: BTreeMap::new(),
                observed_globals: BTreeMap::new(),
                known_callers: from.known_callers,
            },
            stubs: 0,
        };
        // Calls followed: (code, return offset in the caller).
        let mut calls: Vec<(*mut Code, u32)> = Vec::new();
        let mut code = root;
        let mut pc = start;
        // The runtime frame whose caller a return beyond the trace's frames goes to.
        let mut runtime_frame = frame;
        let mut known_callers = from.known_callers;
        // Whether the trace returned out of the frame it started in (into a caller of
        // the same code, in a recursion, `code == root` does not tell).
        let mut left_start_frame = false;
        s.emit(inst(uop::_START_EXECUTOR, 0, start, 0), code);
        'instructions: loop {
            let c = &*(code as *mut CodeObject);
            let units = c.instrs_ptr();
            let first = s.p.body.len() == 1;
            // The instruction with its prefixes: its uops carry the whole oparg and are
            // targeted at `pc`, the first prefix, so that tier 1 resumes with it too.
            let Some(decoded) = code_units::decode(std::slice::from_raw_parts(units, c.len()), pc as usize) else { break };
            let at = decoded.at as u32;
            let mut opcode = decoded.opcode;
            // The version of the function the first instruction calls, when the exit
            // that leads here saw it on the stack (`Start::call`).
            let live_callee = from.call.filter(|_| first).map(|(_, version)| version);
            if first && from.side_exit {
                opcode = match from.call {
                    Some((form, _)) => form,
                    None => INSTRUCTIONS.get(opcode as usize).map_or(opcode, |i| i.deopt),
                };
            }
            let oparg = decoded.oparg;
            let Some(info) = INSTRUCTIONS.get(opcode as usize) else { break };
            let next = at + info.size() as u32;
            if !s.room(info.expansion.len() + 3) {
                s.emit(inst(uop::_EXIT_TRACE, 0, pc, 0), code);
                break;
            }
            s.p.instructions += 1;
            match opcode {
                op::ENTER_EXECUTOR => {
                    // Another loop's executor: leave for it directly (tier 2 to tier 2).
                    let target = c.executors.borrow().get(oparg as usize).copied().unwrap_or(std::ptr::null_mut());
                    // Or this loop's own back edge, where an executor specialized for
                    // other types is installed: this trace closes the loop itself.
                    let back_to = if target.is_null() { None } else { super::executor::vm(target).installed.map(|i| next - i.oparg as u32) };
                    if is_loop && calls.is_empty() && code == root && !left_start_frame && back_to == Some(start) {
                        s.emit(inst(uop::_JUMP_TO_TOP, 0, pc, 0), code);
                        break;
                    }
                    if !target.is_null() && (*target).valid != 0 {
                        s.p.links.push((s.p.body.len(), target));
                    }
                    s.emit(inst(uop::_EXIT_TRACE, 0, pc, 0), code);
                    break;
                }
                op::JUMP_BACKWARD => {
                    let target = next - oparg as u32;
                    if is_loop && calls.is_empty() && code == root && !left_start_frame && target == start {
                        s.emit(inst(uop::_JUMP_TO_TOP, 0, pc, 0), code);
                    } else {
                        s.emit(inst(uop::_EXIT_TRACE, 0, pc, 0), code);
                    }
                    break;
                }
                _ => {}
            }
            // Whether the trace can take this instruction at all: it ends before one it
            // cannot follow.
            let mut callee = None;
            let mut caller = None;
            let mut guard_caller = false;
            let mut followable = !matches!(info.tier2, Tier2::NotViable(_));
            for e in info.expansion {
                let f = facts::of(e.uop);
                if matches!(e.operand, Operand::Replaced) && f.stays.is_none() && f.jumps.is_none() {
                    // A replaced uop with no stand-ins (the back edge) cannot be traced.
                    followable = false;
                }
                if f.calls.is_some() {
                    let version = live_callee.or_else(|| info.callee.map(|(o, n)| read_cache(units, at, o, n) as u32));
                    // Only into code of the same module: the trace reads globals
                    // through the frame it starts in (a method of an imported class
                    // has the other module's).
                    let same_module = |c: *mut Code| (*(c as *mut CodeObject)).filename == (*(root as *mut CodeObject)).filename;
                    callee = version
                        .and_then(|v| Some((v, function::by_version(v)?)))
                        .filter(|&(_, c)| calls.len() < MAX_INLINE_DEPTH && same_module(c));
                    followable &= callee.is_some();
                } else if f.returns.is_some() {
                    caller = calls.last().copied().or_else(|| {
                        // Out of the frame the trace started in: into a caller that is
                        // the same on every run, when the start is inside a call an
                        // executor followed; otherwise into the caller it has now,
                        // behind a guard that it is that one again.
                        let outer = (*runtime_frame).previous;
                        if outer.is_null() {
                            return None;
                        }
                        let ret = ((*outer).code, (*outer).ip.offset_from((*outer).instrs) as u32);
                        if known_callers > 0 {
                            return Some(ret);
                        }
                        guard_caller = returnable(outer, root, (*runtime_frame).globals);
                        guard_caller.then_some(ret)
                    });
                    followable &= caller.is_some();
                } else if facts::flags_of(e.uop) & flags::SWITCHES_FRAME != 0 {
                    // A frame switch the projector does not follow (a call it cannot
                    // see into) would continue the trace in the wrong frame.
                    followable = false;
                }
            }
            if !followable {
                s.emit(inst(uop::_EXIT_TRACE, 0, pc, 0), code);
                break;
            }
            let observe = is_loop && calls.is_empty() && code == root && !left_start_frame;
            // A stand-in that can invalidate executors (it may run Python code) is
            // followed by a validity check once the instruction is done.
            let mut check_validity = false;
            for e in info.expansion {
                let f = facts::of(e.uop);
                if matches!(e.operand, Operand::Replaced) {
                    let jump = match (f.stays, f.jumps) {
                        (None, Some(_)) => true,
                        (Some(_), None) => false,
                        _ => match from.forced_jump.filter(|_| first) {
                            Some(j) => j,
                            // The direction the code took last (bit 0 of the history),
                            // or falling through when it keeps none.
                            None => info.history.is_some_and(|h| *units.add(at as usize + 2 + h as usize) & 1 != 0),
                        },
                    };
                    let stand_ins = if jump { f.jumps } else { f.stays }.unwrap_or_default();
                    let conditional = f.stays.is_some() && f.jumps.is_some();
                    if conditional && !(first && from.forced_jump.is_some()) && !stand_ins.iter().any(|&g| facts::can_exit(g)) {
                        // Nothing would check that the code goes this way again.
                        s.emit(inst(uop::_EXIT_TRACE, 0, pc, 0), code);
                        break 'instructions;
                    }
                    for &id in stand_ins {
                        s.emit(inst(id, oparg, pc, 0), code);
                    }
                    check_validity |= stand_ins.iter().any(|&id| facts::flags_of(id) & flags::INVALIDATES != 0);
                    if jump {
                        // The rest of the instruction is skipped: `jump_by!(oparg)`.
                        pc = next + oparg as u32;
                        if check_validity {
                            s.emit(inst(uop::_CHECK_VALIDITY, 0, pc, 0), code);
                        }
                        continue 'instructions;
                    }
                    continue;
                }
                let operand = match e.operand {
                    // The callee check of a call projected for the function seen live.
                    Operand::Cache { offset, units: n } if live_callee.is_some() && info.callee == Some((offset, n)) => live_callee.unwrap_or_default() as u64,
                    Operand::Cache { offset, units: n } => read_cache(units, at, offset, n),
                    _ => 0,
                };
                let mut u = inst(e.uop, oparg, pc, operand);
                // A variant the values as they are now pick: an embedded constant or
                // global (the name watched), a store that must tell the runtime.
                let codeptr = code as *mut CodeObject;
                if let Some(v) = f.variants.iter().find(|v| at_projection(v) && holds_now(globals, builtins, codeptr, &u, v)) {
                    if let Some(place) = v.operand {
                        let Some(value) = value_at(globals, builtins, codeptr, place, &u) else { break 'instructions };
                        if let Place::Global(a) | Place::Builtin(a) = place {
                            let d = if matches!(place, Place::Builtin(_)) { builtins } else { globals };
                            let e = entry(d, facts::index(a, &u)).expect("the value was read from it");
                            let name = (*e).key;
                            value.incref();
                            s.p.constants.push(value);
                            s.p.watched.push(strs::display(name).into_owned());
                            // Stores to the name, even one that would shadow a builtin,
                            // go to the globals: they must reach the runtime.
                            dict::mark_watched(globals, strs::as_str(name).hash());
                        }
                        u.operand = value.0;
                    }
                    u.opcode = v.uop;
                }
                if f.calls.is_some() {
                    let (version, callee_code) = callee.expect("checked before the instruction");
                    s.emit(inst(uop::_SET_IP, 0, pc, next as u64), code);
                    s.emit(u, code);
                    s.p.inlined.push(version);
                    calls.push((code, next));
                    code = callee_code;
                    pc = 0;
                    continue 'instructions;
                }
                if f.returns.is_some() {
                    let (back_to, ret) = caller.expect("checked before the instruction");
                    if guard_caller {
                        // The executor keeps the caller's code alive: the guard compares
                        // its address.
                        let caller_code = Value::from_object(back_to);
                        caller_code.incref();
                        s.p.constants.push(caller_code);
                        s.emit(inst(uop::_GUARD_CALLER, ret, pc, back_to as u64), code);
                    }
                    if calls.pop().is_none() {
                        known_callers = known_callers.saturating_sub(1);
                        runtime_frame = (*runtime_frame).previous;
                        left_start_frame = true;
                    }
                    s.emit(u, code);
                    code = back_to;
                    pc = ret;
                    continue 'instructions;
                }
                s.emit(u, code);
                if observe {
                    observe_places(&mut s.p, frame, globals, &u);
                }
                if facts::flags_of(u.opcode) & flags::INVALIDATES != 0 {
                    // This uop can invalidate this very executor.
                    s.emit(inst(uop::_CHECK_VALIDITY, 0, next, 0), code);
                }
            }
            if check_validity {
                s.emit(inst(uop::_CHECK_VALIDITY, 0, next, 0), code);
            }
            if info.expansion.iter().any(|e| facts::flags_of(e.uop) & flags::RAISES != 0) {
                // `raise`: nothing runs after it; its error goes to a handler (in tier 2
                // when the frame has one, see `stubs`) or out of the frame. The exit
                // that closes the trace is never taken.
                s.emit(inst(uop::_EXIT_TRACE, 0, next, 0), code);
                break;
            }
            pc = next;
        }
        // A trace that does nothing but leave does not pay for itself.
        if s.p.body.len() < 3 {
            for c in s.p.constants.drain(..) {
                c.decref();
            }
            return None;
        }
        Some(s.p)
    }
}

/// Whether a trace may return into `caller` (the runtime caller of the frame it
/// started in) behind `_GUARD_CALLER`: a frame of the same module (the trace reads
/// globals through the frame it starts in) running Python code, not an exit frame
/// (where a call from below or the program's entry gets its value).
///
/// # Safety
/// `caller` and the code objects are live.
unsafe fn returnable(caller: *mut Frame, root: *mut Code, globals: *mut Dict) -> bool {
    // SAFETY: the caller frame and its code are live; its ip is within its code.
    unsafe {
        let code = &*((*caller).code as *mut CodeObject);
        let units = std::slice::from_raw_parts(code.instrs_ptr(), code.len());
        let offset = (*caller).ip.offset_from((*caller).instrs);
        let resumes = usize::try_from(offset).ok().and_then(|o| code_units::decode(units, o)).map(|d| d.opcode);
        (*caller).globals == globals
            && code.filename == (*(root as *mut CodeObject)).filename
            && resumes.is_some_and(|op| op != op::INTERPRETER_EXIT)
    }
}

/// Records the types of the locals and module globals a loop's uop moves values from
/// or to, as they are now: the optimizer starts from them.
///
/// # Safety
/// The frame and its globals are live.
unsafe fn observe_places(p: &mut Projection, frame: *mut Frame, globals: *mut Dict, u: &UopInst) {
    // SAFETY: locals are within the frame; entries are checked against `used`.
    unsafe {
        for (place, _) in facts::places(u) {
            match place {
                Place::Local(a) => {
                    let i = facts::index(a, u) as u32;
                    if let Some(t) = type_of(*stitch_abi::access::local(frame, i)) {
                        p.observed_locals.insert(i, t);
                    }
                }
                Place::Global(a) => {
                    let i = facts::index(a, u);
                    if let Some(t) = entry(globals, i).and_then(|e| type_of((*e).value)) {
                        p.observed_globals.insert(i, t);
                    }
                }
                _ => {}
            }
        }
    }
}

/// A cache entry of `units` code units at `offset` in the instruction at `pc`.
///
/// # Safety
/// The instruction at `pc` has that cache entry.
unsafe fn read_cache(units: *mut u16, pc: u32, offset: u8, n: u8) -> u64 {
    // SAFETY: within the instruction's cache.
    unsafe {
        let p = units.add(pc as usize + 2 + offset as usize);
        match n {
            1 => *p as u64,
            2 => std::ptr::read_unaligned(p as *const u32) as u64,
            _ => std::ptr::read_unaligned(p as *const u64),
        }
    }
}
