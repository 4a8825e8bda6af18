//! Trace projection: from a point in tier-1 code, follow the instructions (as
//! specialized so far) and the branch directions they took, and expand each through
//! the generated expansion table into uops. Branches become guards, calls to known
//! functions are followed into the callee, and the trace closes with `_JUMP_TO_TOP`
//! (a loop) or `_EXIT_TRACE` (anything it cannot follow).

use stitch_abi::{Code, Executor, Frame, INSTRUCTIONS, MAX_TRACE_LENGTH, Operand, Tier2, UopInst, Value, op, uop};
use super::optimizer::type_of;
use stitch_abi::Ty;
use std::collections::BTreeMap;
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

pub fn inst(opcode: u16, oparg: u16, target: u32, operand: u64) -> UopInst {
    UopInst { opcode, oparg, target, operand, jump_target: 0, error_target: 0, spare: 0 }
}

/// Uops whose flags ask for a stub after projection (guards, errors).
fn stub_count(opcode: u16) -> usize {
    let f = stitch_abi::UOPS[opcode as usize].flags;
    let exit = stitch_abi::flags::HAS_EXIT | stitch_abi::flags::HAS_DEOPT;
    usize::from(f & exit != 0) + usize::from(f & stitch_abi::flags::HAS_ERROR != 0)
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
    /// A side exit's target: the first instruction is projected in its generic form, so
    /// the new executor cannot fail at once the guard that made the exit (progress).
    pub side_exit: bool,
    /// The truth of the condition of a branch at the start, when the exit knows it.
    pub branch_truth: Option<bool>,
    /// The loop at the start was found exhausted (the exit of a `for` loop).
    pub exhausted: bool,
    /// How many of the frame's callers are the same whenever the trace starts: frames
    /// an executor pushed for calls it followed, and the trace starts at one of its
    /// exits. A return can then be followed into them.
    pub known_callers: u32,
}

impl Start {
    pub fn loop_head(offset: u32) -> Start {
        Start { offset, is_loop: true, side_exit: false, branch_truth: None, exhausted: false, known_callers: 0 }
    }
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
        // A specialized global store whose name shares its watch bit with a name this
        // trace began to watch would deopt on every run: project again, now that the
        // bits are set, so such stores go through the runtime.
        let globals = (*frame).globals;
        let deopting = p.body.iter().any(|u| u.opcode == uop::_STORE_GLOBAL_MODULE && store_is_watched(globals, u.operand));
        if !deopting {
            return Some(p);
        }
        for c in &p.constants {
            c.decref();
        }
        project_once(frame, from)
    }
}

/// Whether the global in entry `index` shares its watch bit with a watched name: a
/// specialized store to it deopts.
///
/// # Safety
/// `globals` is a live dict.
unsafe fn store_is_watched(globals: *mut stitch_abi::Dict, index: u64) -> bool {
    // SAFETY: the entry is read only below `used`.
    unsafe { (index as usize) < (*globals).used && dict::may_be_watched(globals, (*(*globals).entries.add(index as usize)).hash) }
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
        s.emit(inst(uop::_START_EXECUTOR, 0, start, 0), code);
        loop {
            let c = &*(code as *mut CodeObject);
            let units = c.instrs_ptr();
            let first = s.p.body.len() == 1;
            let mut opcode = *units.add(pc as usize);
            if first && from.exhausted && INSTRUCTIONS.get(opcode as usize).is_some_and(|i| i.deopt == op::FOR_ITER) {
                // The loop ended: drop its iterator and go on after the loop.
                let next = pc + INSTRUCTIONS[opcode as usize].size() as u32;
                s.emit(inst(uop::_ITER_POP_EXHAUSTED, 0, pc, 0), code);
                pc = next + *units.add(pc as usize + 1) as u32;
                continue;
            }
            if first && from.side_exit {
                opcode = INSTRUCTIONS.get(opcode as usize).map_or(opcode, |i| i.deopt);
            }
            // A specialized store to a name that shares its watch bit with a watched
            // one would deopt on every run: the runtime checks the name instead.
            let checked_store = opcode == op::STORE_GLOBAL_MODULE
                && store_is_watched(globals, read_cache(units, pc, cache_offset(opcode, uop::_STORE_GLOBAL_MODULE) as u8, 1));
            let oparg = *units.add(pc as usize + 1);
            let Some(info) = INSTRUCTIONS.get(opcode as usize) else { break };
            let next = pc + info.size() as u32;
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
                    if is_loop && calls.is_empty() && code == root && back_to == Some(start) {
                        s.emit(inst(uop::_JUMP_TO_TOP, 0, pc, 0), code);
                        break;
                    }
                    if !target.is_null() && (*target).valid != 0 {
                        s.p.links.push((s.p.body.len(), target));
                    }
                    s.emit(inst(uop::_EXIT_TRACE, 0, pc, 0), code);
                    break;
                }
                op::JUMP_FORWARD => {
                    pc = next + oparg as u32;
                    continue;
                }
                op::JUMP_BACKWARD => {
                    let target = next - oparg as u32;
                    if is_loop && calls.is_empty() && code == root && target == start {
                        s.emit(inst(uop::_JUMP_TO_TOP, 0, pc, 0), code);
                    } else {
                        s.emit(inst(uop::_EXIT_TRACE, 0, pc, 0), code);
                    }
                    break;
                }
                op::POP_JUMP_IF_FALSE | op::POP_JUMP_IF_TRUE => {
                    // The history holds the condition's recent truth values, the last
                    // in bit 0. Follow the last: like a recording tracer, the trace
                    // takes the path the code just took (for a loop, the path of the
                    // iteration that reached the back edge).
                    let history = *units.add(pc as usize + 2);
                    let expect_true = match from.branch_truth {
                        Some(t) if first => t,
                        _ => history & 1 != 0,
                    };
                    let jumps = expect_true == (opcode == op::POP_JUMP_IF_TRUE);
                    let guard = if expect_true { uop::_GUARD_IS_TRUE_POP } else { uop::_GUARD_IS_FALSE_POP };
                    s.emit(inst(guard, 0, pc, 0), code);
                    pc = if jumps { next + oparg as u32 } else { next };
                    continue;
                }
                op::RETURN_VALUE => {
                    let Some((caller, ret)) = calls.pop().or_else(|| {
                        // Out of the frame the trace started in: into a caller that is
                        // the same on every run, when the start is inside a call an
                        // executor followed.
                        let outer = (*runtime_frame).previous;
                        if known_callers == 0 || outer.is_null() {
                            return None;
                        }
                        known_callers -= 1;
                        runtime_frame = outer;
                        Some(((*outer).code, (*outer).ip.offset_from((*outer).instrs) as u32))
                    }) else {
                        s.emit(inst(uop::_EXIT_TRACE, 0, pc, 0), code);
                        break;
                    };
                    s.emit(inst(uop::RETURN_VALUE, 0, pc, 0), code);
                    code = caller;
                    pc = ret;
                    continue;
                }
                op::CALL_PY_EXACT_ARGS => {
                    let offset = cache_offset(opcode, uop::_CHECK_FUNCTION_EXACT_ARGS);
                    let version = std::ptr::read_unaligned(units.add(pc as usize + 2 + offset) as *const u32);
                    let callee = function::by_version(version);
                    match callee {
                        Some(f) if calls.len() < MAX_INLINE_DEPTH => {
                            s.emit(inst(uop::_CHECK_FUNCTION_EXACT_ARGS, oparg, pc, version as u64), code);
                            s.emit(inst(uop::_SET_IP, 0, pc, next as u64), code);
                            s.emit(inst(uop::_PUSH_FRAME_EXACT_ARGS, oparg, pc, 0), code);
                            s.p.inlined.push(version);
                            calls.push((code, next));
                            code = (*f).code;
                            pc = 0;
                            continue;
                        }
                        _ => {
                            s.emit(inst(uop::_EXIT_TRACE, 0, pc, 0), code);
                            break;
                        }
                    }
                }
                op::LOAD_CONST => {
                    // The constant is known now: embed it (the executor keeps its code
                    // object, which owns the constant).
                    let v = c.consts[oparg as usize];
                    s.emit(inst(uop::_LOAD_CONST_INLINE, 0, pc, v.0), code);
                    pc = next;
                    continue;
                }
                op::LOAD_GLOBAL_MODULE | op::LOAD_GLOBAL_BUILTIN => {
                    let name = c.names[oparg as usize];
                    let hash = strs::as_str(name).hash();
                    let value = dict::get(globals, name, hash).or_else(|| dict::get(builtins, name, hash));
                    // Functions, builtins and types are rarely rebound: embed them and
                    // watch the name; other globals are loaded each time.
                    if let Some(v) = value
                        && is_constant_worthy(v)
                    {
                        v.incref();
                        s.p.constants.push(v);
                        s.p.watched.push(strs::text(name).to_string());
                        // Stores to the name, even one that would shadow a builtin, go
                        // to the globals: they must reach the runtime.
                        dict::mark_watched(globals, hash);
                        s.emit(inst(uop::_LOAD_CONST_INLINE, 0, pc, v.0), code);
                        pc = next;
                        continue;
                    }
                }
                _ => {}
            }
            // A frame switch the projector does not follow (a call it cannot see into)
            // would continue the trace in the wrong frame: leave before it.
            let switches = info.expansion.iter().any(|e| stitch_abi::UOPS[e.uop as usize].flags & stitch_abi::flags::SWITCHES_FRAME != 0);
            // A `replaced` uop the projector has no stand-in for cannot be in a trace.
            let unreplaced = info.expansion.iter().any(|e| matches!(e.operand, Operand::Replaced) && replacement(e.uop).is_none());
            if matches!(info.tier2, Tier2::NotViable(_)) || switches || unreplaced {
                s.emit(inst(uop::_EXIT_TRACE, 0, pc, 0), code);
                break;
            }
            let observe = is_loop && calls.is_empty() && code == root;
            for e in info.expansion {
                if matches!(e.operand, Operand::Replaced) {
                    for &id in replacement(e.uop).unwrap_or_default() {
                        s.emit(inst(id, oparg, pc, 0), code);
                    }
                    continue;
                }
                let (mut id, operand) = match e.operand {
                    Operand::Cache { offset, units: n } => (e.uop, read_cache(units, pc, offset, n)),
                    _ => (e.uop, 0),
                };
                if checked_store && id == uop::_STORE_GLOBAL_MODULE {
                    id = uop::_STORE_GLOBAL_MODULE_CHECKED;
                }
                s.emit(inst(id, oparg, pc, operand), code);
                let global_access = matches!(id, uop::_LOAD_GLOBAL_MODULE | uop::_STORE_GLOBAL_MODULE | uop::_STORE_GLOBAL_MODULE_CHECKED);
                if observe && global_access && (operand as usize) < (*globals).used {
                    let v = (*(*globals).entries.add(operand as usize)).value;
                    if let Some(t) = type_of(v) {
                        s.p.observed_globals.insert(operand, t);
                    }
                }
            }
            if observe {
                let touched: &[u32] = match opcode {
                    op::LOAD_FAST | op::LOAD_FAST_CHECK | op::STORE_FAST => &[oparg as u32],
                    op::LOAD_FAST_LOAD_FAST | op::STORE_FAST_LOAD_FAST => &[oparg as u32 >> 8, oparg as u32 & 255],
                    _ => &[],
                };
                for &i in touched {
                    if let Some(t) = type_of(*stitch_abi::access::local(frame, i)) {
                        s.p.observed_locals.insert(i, t);
                    }
                }
            }
            if opcode == op::STORE_GLOBAL || checked_store {
                // Storing a global can invalidate this very executor.
                s.emit(inst(uop::_CHECK_VALIDITY, 0, next, 0), code);
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

/// Worth embedding as a constant: callables whose global binding rarely changes.
fn is_constant_worthy(v: Value) -> bool {
    use stitch_abi::{KIND_BUILTIN, KIND_FUNCTION, KIND_TYPE};
    v.is_kind(KIND_FUNCTION) || v.is_kind(KIND_BUILTIN) || v.is_kind(KIND_TYPE)
}

/// The tier-2 uops that stand for a `replaced` uop inside an instruction (`None`: the
/// instruction ends the trace).
fn replacement(replaced: u16) -> Option<&'static [u16]> {
    Some(match replaced {
        uop::_ITER_JUMP_RANGE => &[uop::_GUARD_NOT_EXHAUSTED_RANGE],
        uop::_ITER_JUMP_LIST => &[uop::_GUARD_NOT_EXHAUSTED_LIST],
        uop::_FOR_ITER => &[uop::_GUARD_ITER_NOT_EXHAUSTED, uop::_ITER_NEXT_PRESENT],
        _ => return None,
    })
}

fn cache_offset(opcode: u16, id: u16) -> usize {
    INSTRUCTIONS[opcode as usize]
        .expansion
        .iter()
        .find_map(|e| match e.operand {
            Operand::Cache { offset, .. } if e.uop == id => Some(offset as usize),
            _ => None,
        })
        .expect("the expansion table gives the cache offset")
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
