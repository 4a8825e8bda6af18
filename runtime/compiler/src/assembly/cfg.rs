//! Control flow over a resolved instruction list: the successors of each
//! instruction, and removal of code no path reaches (code after `return`, `break`
//! or `continue`, the bodies of `if False:`, jumps to the next instruction).

use super::resolved::Resolved;
use stitch_abi::op;

/// An edge out of an instruction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Edge {
    /// To the next instruction.
    Fall(usize),
    /// To a jump target.
    Jump(usize),
}

impl Edge {
    pub fn index(self) -> usize {
        match self {
            Edge::Fall(i) | Edge::Jump(i) => i,
        }
    }
}

/// Whether control never falls through to the next instruction.
pub fn ends_block(opcode: u16) -> bool {
    matches!(
        opcode,
        op::JUMP_FORWARD | op::JUMP_BACKWARD | op::RETURN_VALUE | op::RAISE_ASSERTION | op::RAISE_VARARGS | op::RERAISE
    )
}

/// Where control can go after instruction `i` (at most two places).
pub fn successors(code: &[Resolved], i: usize) -> impl Iterator<Item = Edge> {
    let instr = code[i];
    let fall = (!ends_block(instr.op) && i + 1 < code.len()).then_some(Edge::Fall(i + 1));
    // A jump past the last instruction (which the code generator never makes) has
    // nowhere to go.
    let jump = instr.target.filter(|&t| t < code.len()).map(Edge::Jump);
    fall.into_iter().chain(jump)
}

/// Where an exception raised by instruction `i` goes: its handler, with the exception
/// pushed on the handler's depth.
pub fn exception_edge(code: &[Resolved], i: usize) -> Option<(usize, u32)> {
    code[i].handler.filter(|&(t, _)| t < code.len())
}

/// Drops unreachable instructions and jumps to the next instruction, until none is
/// left, retargeting jumps.
pub fn remove_dead_code(code: &mut Vec<Resolved>) {
    loop {
        let reachable = reachable(code);
        let keep: Vec<bool> = (0..code.len())
            .map(|i| {
                reachable[i] && !(code[i].op == op::JUMP_FORWARD && code[i].target == Some(i + 1))
            })
            .collect();
        if keep.iter().all(|&k| k) {
            return;
        }
        // A removed instruction's position maps to the next kept one: jumps to a
        // removed jump-to-next land where it went.
        let mut new_index = Vec::with_capacity(code.len() + 1);
        let mut kept = 0;
        for &k in &keep {
            new_index.push(kept);
            kept += k as usize;
        }
        new_index.push(kept);
        let old = std::mem::take(code);
        *code = old
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(mut instr, _)| {
                instr.target = instr.target.map(|t| new_index[t.min(new_index.len() - 1)]);
                instr.handler = instr.handler.map(|(t, d)| (new_index[t.min(new_index.len() - 1)], d));
                instr
            })
            .collect();
    }
}

fn reachable(code: &[Resolved]) -> Vec<bool> {
    let mut seen = vec![false; code.len()];
    let mut work = vec![0usize];
    while let Some(i) = work.pop() {
        if i >= code.len() || seen[i] {
            continue;
        }
        seen[i] = true;
        work.extend(successors(code, i).map(Edge::index));
        work.extend(exception_edge(code, i).map(|(t, _)| t));
    }
    seen
}
