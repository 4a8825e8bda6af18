//! Data-flow passes over the final instruction list: which local loads need the
//! unbound check, and how deep the value stack gets.

use super::cfg::{self, Edge};
use super::resolved::Resolved;
use stitch_abi::{INSTRUCTIONS, op};

/// Turns each LOAD_FAST_CHECK of a local that is assigned on every path to it into
/// LOAD_FAST. The code generator emits every local load as LOAD_FAST_CHECK; locals
/// are assigned only by STORE_FAST, and parameters are assigned on entry.
pub fn resolve_fast_loads(code: &mut [Resolved], nlocals: usize, nparams: usize) {
    if code.is_empty() {
        return;
    }
    let words = nlocals.div_ceil(64).max(1);
    let mut entry = vec![0u64; words];
    for p in 0..nparams.min(nlocals) {
        entry[p / 64] |= 1 << (p % 64);
    }
    // The locals assigned on every path into each instruction; None: not reached yet.
    let mut assigned: Vec<Option<Vec<u64>>> = vec![None; code.len()];
    assigned[0] = Some(entry);
    let mut work = vec![0usize];
    while let Some(i) = work.pop() {
        let Some(mut out) = assigned[i].clone() else {
            continue;
        };
        // The handler sees the locals as they were before the raising instruction.
        let exceptional = cfg::exception_edge(code, i).map(|(t, _)| (t, out.clone()));
        if code[i].op == op::STORE_FAST {
            let slot = code[i].arg as usize;
            if let Some(word) = out.get_mut(slot / 64) {
                *word |= 1 << (slot % 64);
            }
        }
        if code[i].op == op::DELETE_FAST {
            let slot = code[i].arg as usize;
            if let Some(word) = out.get_mut(slot / 64) {
                *word &= !(1 << (slot % 64));
            }
        }
        let normal = cfg::successors(code, i).map(|e| (e.index(), None));
        let edges: Vec<(usize, Option<Vec<u64>>)> = normal.chain(exceptional.map(|(t, s)| (t, Some(s)))).collect();
        for (succ, state) in edges {
            let out = state.as_ref().unwrap_or(&out);
            let changed = match &mut assigned[succ] {
                slot @ None => {
                    *slot = Some(out.clone());
                    true
                }
                Some(set) => {
                    let mut changed = false;
                    for (w, o) in set.iter_mut().zip(out) {
                        let meet = *w & o;
                        changed |= meet != *w;
                        *w = meet;
                    }
                    changed
                }
            };
            if changed {
                work.push(succ);
            }
        }
    }
    for (instr, state) in code.iter_mut().zip(&assigned) {
        let slot = instr.arg as usize;
        if instr.op == op::LOAD_FAST_CHECK
            && let Some(set) = state
            && set
                .get(slot / 64)
                .is_some_and(|w| w & (1 << (slot % 64)) != 0)
        {
            instr.op = op::LOAD_FAST;
        }
    }
}

/// The deepest the value stack gets on any path. When FOR_ITER is exhausted it pops
/// the iterator and jumps; otherwise it pushes the next item.
pub fn max_stack_depth(code: &[Resolved]) -> Result<u32, String> {
    if code.is_empty() {
        return Ok(0);
    }
    let mut depth: Vec<Option<i64>> = vec![None; code.len()];
    depth[0] = Some(0);
    let mut work = vec![0usize];
    let mut max = 0i64;
    while let Some(i) = work.pop() {
        let Some(before) = depth[i] else { continue };
        let instr = code[i];
        let info = INSTRUCTIONS
            .get(instr.op as usize)
            .ok_or_else(|| format!("bad opcode {}", instr.op))?;
        let popped = info.popped.eval(instr.arg);
        // A generator resumed after YIELD_VALUE (or started after RETURN_GENERATOR)
        // finds the value sent in pushed.
        let pushed = if matches!(instr.op, op::YIELD_VALUE | op::RETURN_GENERATOR) { 1 } else { info.pushed.eval(instr.arg) };
        if popped > before {
            return Err(format!("stack underflow at {} ({})", info.name, i));
        }
        let after = before - popped + pushed;
        max = max.max(after);
        // The exception is pushed on the handler's depth.
        if let Some((target, d)) = cfg::exception_edge(code, i) {
            let at = d as i64 + 1;
            max = max.max(at);
            match depth[target] {
                None => {
                    depth[target] = Some(at);
                    work.push(target);
                }
                Some(old) if old != at => {
                    return Err(format!("inconsistent stack depth at handler {target}: {old} and {at}"));
                }
                Some(_) => {}
            }
        }
        for edge in cfg::successors(code, i) {
            let at = match edge {
                Edge::Jump(_) if instr.op == op::FOR_ITER => before - 1,
                _ => after,
            };
            let target = edge.index();
            match depth[target] {
                None => {
                    depth[target] = Some(at);
                    work.push(target);
                }
                Some(d) if d != at => {
                    return Err(format!(
                        "inconsistent stack depth at instruction {target}: {d} and {at}"
                    ));
                }
                Some(_) => {}
            }
        }
    }
    u32::try_from(max).map_err(|_| "stack too deep".to_string())
}
