//! Data-flow passes over the final instruction list: which local loads need the
//! unbound check, and how deep the value stack gets.

use super::cfg::{self, Edge};
use super::resolved::Resolved;
use stitch_abi::{INSTRUCTIONS, op};

/// Turns each LOAD_FAST_CHECK of a local that is assigned on every path to it into
/// LOAD_FAST. The code generator emits every local load as LOAD_FAST_CHECK; locals
/// are assigned only by STORE_FAST, and parameters are assigned on entry.
///
/// The state (a bit per local) is kept for the first instruction of each basic block
/// only and carried along the block, so a function with many locals and many
/// instructions costs their sum, not their product (70,000 locals in 140,000
/// instructions took a minute and 3 GB with a state per instruction).
pub fn resolve_fast_loads(code: &mut [Resolved], nlocals: usize, nparams: usize) {
    if code.is_empty() {
        return;
    }
    let words = nlocals.div_ceil(64).max(1);
    let mut entry = vec![0u64; words];
    for p in 0..nparams.min(nlocals) {
        entry[p / 64] |= 1 << (p % 64);
    }
    // Blocks start at the entry, at jump targets and at handlers.
    let mut leader = vec![false; code.len()];
    leader[0] = true;
    for i in 0..code.len() {
        for e in cfg::successors(code, i) {
            if let Edge::Jump(t) = e {
                leader[t] = true;
            }
        }
        if let Some((t, _)) = cfg::exception_edge(code, i) {
            leader[t] = true;
        }
    }
    // The locals assigned on every path into each block; None: not reached yet.
    let mut assigned: Vec<Option<Vec<u64>>> = vec![None; code.len()];
    assigned[0] = Some(entry);
    let mut work = vec![0usize];
    while let Some(start) = work.pop() {
        let Some(mut state) = assigned[start].clone() else {
            continue;
        };
        walk_block(code, &leader, start, &mut state, |succ, out| {
            if meet(&mut assigned[succ], out) {
                work.push(succ);
            }
        });
    }
    // Each block once more from its final state, deciding its loads.
    for start in 0..code.len() {
        let Some(mut state) = assigned[start].clone().filter(|_| leader[start]) else {
            continue;
        };
        let mut i = start;
        loop {
            let slot = code[i].arg as usize;
            if code[i].op == op::LOAD_FAST_CHECK && state.get(slot / 64).is_some_and(|w| w & (1 << (slot % 64)) != 0) {
                code[i].op = op::LOAD_FAST;
            }
            apply(&code[i], &mut state);
            if cfg::ends_block(code[i].op) || i + 1 >= code.len() || leader[i + 1] {
                break;
            }
            i += 1;
        }
    }
}

/// What instruction `instr` does to the assigned locals.
fn apply(instr: &Resolved, state: &mut [u64]) {
    let slot = instr.arg as usize;
    if let Some(word) = state.get_mut(slot / 64) {
        if instr.op == op::STORE_FAST {
            *word |= 1 << (slot % 64);
        } else if instr.op == op::DELETE_FAST {
            *word &= !(1 << (slot % 64));
        }
    }
}

/// Carries `state` along the block starting at `start`, calling `edge` for every edge
/// that leaves it (to another block, or to a handler) with the state it carries.
fn walk_block(code: &[Resolved], leader: &[bool], start: usize, state: &mut Vec<u64>, mut edge: impl FnMut(usize, &[u64])) {
    let mut i = start;
    loop {
        // The handler sees the locals as they were before the raising instruction.
        if let Some((t, _)) = cfg::exception_edge(code, i) {
            edge(t, state);
        }
        apply(&code[i], state);
        let mut next = None;
        for e in cfg::successors(code, i) {
            match e {
                Edge::Fall(n) if !leader[n] => next = Some(n),
                other => edge(other.index(), state),
            }
        }
        match next {
            Some(n) => i = n,
            None => return,
        }
    }
}

/// Meets `out` into a block's state; whether it changed (or was reached first).
fn meet(slot: &mut Option<Vec<u64>>, out: &[u64]) -> bool {
    match slot {
        None => {
            *slot = Some(out.to_vec());
            true
        }
        Some(set) => {
            let mut changed = false;
            for (w, o) in set.iter_mut().zip(out) {
                let m = *w & o;
                changed |= m != *w;
                *w = m;
            }
            changed
        }
    }
}

/// The deepest the value stack gets on any path, and the depth before each instruction
/// (`None` for one no path reaches): tier 2 reads them to unwind to a handler in a
/// trace. When FOR_ITER is exhausted it pops the iterator and jumps; otherwise it
/// pushes the next item.
pub fn stack_depths(code: &[Resolved]) -> Result<(u32, Vec<Option<u32>>), String> {
    if code.is_empty() {
        return Ok((0, Vec::new()));
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
    let max = u32::try_from(max).map_err(|_| "stack too deep".to_string())?;
    Ok((max, depth.into_iter().map(|d| d.and_then(|d| u32::try_from(d).ok())).collect()))
}
