//! Instructions with symbolic jump targets, and their assembly into code units:
//! dead-code removal, the LOAD_FAST_CHECK -> LOAD_FAST pass, the stack depth, jump
//! offsets and the line table.
//!
//! Every instruction has a fixed size (2 units plus the opcode's cache, and 2 more for
//! an EXTENDED_ARG prefix when its oparg is wider than 16 bits), so once the
//! instruction list and its prefixes are final, offsets and jump distances follow.

use super::analysis;
use super::cfg;
use super::resolved::Resolved;
use super::superinstructions;
use stitch_abi::{INSTRUCTIONS, op};
use stitch_core::objects::code::Handler;

/// A jump target, bound to a position in the instruction list.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Label(u32);

/// An instruction as the code generator emits it.
#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: u16,
    pub arg: u32,
    pub target: Option<Label>,
    pub line: u32,
    /// The handler covering it (an index into the assembler's handlers).
    pub handler: Option<u32>,
}

/// Why assembly failed.
#[derive(Debug)]
pub enum AssembleError {
    /// An oparg or jump does not fit 32 bits.
    TooLarge,
    /// A bug in the code generator (an unbound label, an inconsistent stack).
    Internal(String),
}

#[derive(Debug)]
pub struct Assembled {
    pub units: Vec<u16>,
    pub lines: Vec<u32>,
    pub stacksize: u32,
    /// The stack depth before the instruction starting at each code unit (its first
    /// prefix), `u16::MAX` elsewhere and where unknown.
    pub depths: Vec<u16>,
    pub exception_table: Vec<Handler>,
}

#[derive(Default)]
pub struct Assembler {
    instrs: Vec<Instr>,
    /// Where each label is bound (an index into `instrs`).
    labels: Vec<Option<usize>>,
    /// Exception handlers: where each starts, and the stack depth it expects under the
    /// exception.
    handlers: Vec<(Label, u32)>,
    /// The handler of the instructions emitted now.
    current: Option<u32>,
}

impl Assembler {
    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `label` to the next instruction emitted.
    pub fn bind(&mut self, label: Label) {
        if let Some(slot) = self.labels.get_mut(label.0 as usize) {
            *slot = Some(self.instrs.len());
        }
    }

    pub fn emit(&mut self, op: u16, arg: u32, line: u32) {
        self.instrs.push(Instr {
            op,
            arg,
            target: None,
            line,
            handler: self.current,
        });
    }

    pub fn emit_jump(&mut self, op: u16, target: Label, line: u32) {
        self.instrs.push(Instr {
            op,
            arg: 0,
            target: Some(target),
            line,
            handler: self.current,
        });
    }

    /// A handler at `label`, for exceptions raised with `depth` values on the stack
    /// below what the raising code pushed.
    pub fn new_handler(&mut self, label: Label, depth: u32) -> u32 {
        self.handlers.push((label, depth));
        self.handlers.len() as u32 - 1
    }

    /// The handler of the instructions emitted from now on.
    pub fn set_handler(&mut self, handler: Option<u32>) {
        self.current = handler;
    }

    /// Assembles the code of a frame with `nlocals` fast locals, the first `nparams`
    /// of them bound on entry.
    pub fn assemble(self, nlocals: usize, nparams: usize) -> Result<Assembled, AssembleError> {
        let mut code = self.resolve()?;
        cfg::remove_dead_code(&mut code);
        analysis::resolve_fast_loads(&mut code, nlocals, nparams);
        superinstructions::combine(&mut code);
        let (stacksize, depths) = analysis::stack_depths(&code).map_err(AssembleError::Internal)?;
        let (units, lines, starts, exception_table) = encode(&code)?;
        let mut by_unit = vec![u16::MAX; units.len()];
        for (at, d) in starts.into_iter().zip(depths) {
            by_unit[at] = d.and_then(|d| u16::try_from(d).ok()).unwrap_or(u16::MAX);
        }
        Ok(Assembled {
            units,
            lines,
            stacksize,
            depths: by_unit,
            exception_table,
        })
    }

    fn resolve(self) -> Result<Vec<Resolved>, AssembleError> {
        let labels = self.labels;
        let bound = |label: Label| {
            labels.get(label.0 as usize).copied().flatten().ok_or_else(|| AssembleError::Internal(format!("unbound label {}", label.0)))
        };
        let handlers = self.handlers.iter().map(|&(l, d)| Ok((bound(l)?, d))).collect::<Result<Vec<_>, AssembleError>>()?;
        self.instrs
            .into_iter()
            .map(|i| {
                let target = match i.target {
                    None => None,
                    Some(label) => match labels.get(label.0 as usize).copied().flatten() {
                        Some(index) => Some(index),
                        None => {
                            return Err(AssembleError::Internal(format!(
                                "unbound label {}",
                                label.0
                            )));
                        }
                    },
                };
                Ok(Resolved {
                    op: i.op,
                    arg: i.arg,
                    target,
                    line: i.line,
                    handler: i.handler.and_then(|h| handlers.get(h as usize).copied()),
                })
            })
            .collect()
    }
}

/// Code units and their lines. Jump opargs count code units from the end of the
/// jump (after its caches) to the target. An oparg wider than 16 bits gets an
/// EXTENDED_ARG prefix holding its high 16 bits (the instruction keeps the low ones);
/// the prefix is part of the instruction: jumps to it land on the prefix, and it has
/// the instruction's line.
fn encode(code: &[Resolved]) -> Result<(Vec<u16>, Vec<u32>, Vec<usize>, Vec<Handler>), AssembleError> {
    // Which instructions carry a prefix. A prefix lengthens the jumps over it, so one
    // may make another jump need one: add them until every oparg fits. Prefixes are
    // only ever added, so this ends (after a few rounds at most in practice).
    let mut prefixed = vec![false; code.len()];
    let (offsets, args) = loop {
        let offsets = layout(code, &prefixed);
        let args = code.iter().enumerate().map(|(i, instr)| oparg(code, &offsets, i, instr)).collect::<Result<Vec<u32>, _>>()?;
        let mut grown = false;
        for (i, &arg) in args.iter().enumerate() {
            if arg > u16::MAX as u32 && !prefixed[i] {
                prefixed[i] = true;
                grown = true;
            }
        }
        if !grown {
            break (offsets, args);
        }
    };
    let total = offsets[code.len()];
    let mut units = Vec::with_capacity(total);
    let mut lines = Vec::with_capacity(total);
    // Where each instruction starts (its prefix, if it has one).
    let mut starts = Vec::with_capacity(code.len());
    for (i, instr) in code.iter().enumerate() {
        let arg = args[i];
        starts.push(units.len());
        if prefixed[i] {
            units.push(op::EXTENDED_ARG);
            units.push((arg >> 16) as u16);
            lines.extend(std::iter::repeat_n(instr.line, size(op::EXTENDED_ARG)));
        }
        units.push(instr.op);
        units.push(arg as u16);
        units.extend(std::iter::repeat_n(0, size(instr.op) - 2));
        lines.extend(std::iter::repeat_n(instr.line, size(instr.op)));
    }
    Ok((units, lines, starts, exception_table(code, &offsets)))
}

/// The exception table: one entry per run of consecutive instructions with the same
/// handler, in code order.
fn exception_table(code: &[Resolved], offsets: &[usize]) -> Vec<Handler> {
    let mut table: Vec<Handler> = Vec::new();
    for (i, instr) in code.iter().enumerate() {
        let Some((target, depth)) = instr.handler else { continue };
        let (start, end, target) = (offsets[i] as u32, offsets[i + 1] as u32, offsets[target] as u32);
        match table.last_mut() {
            Some(last) if last.end == start && last.target == target && last.depth == depth => last.end = end,
            _ => table.push(Handler { start, end, target, depth }),
        }
    }
    table
}

/// Where each instruction starts (at its prefix, if it has one), and the end.
fn layout(code: &[Resolved], prefixed: &[bool]) -> Vec<usize> {
    let mut offsets = Vec::with_capacity(code.len() + 1);
    let mut offset = 0usize;
    for (instr, &p) in code.iter().zip(prefixed) {
        offsets.push(offset);
        offset += size(instr.op) + if p { size(op::EXTENDED_ARG) } else { 0 };
    }
    offsets.push(offset);
    offsets
}

/// The whole oparg of instruction `i`: its argument, or for a jump the distance to its
/// target.
fn oparg(code: &[Resolved], offsets: &[usize], i: usize, instr: &Resolved) -> Result<u32, AssembleError> {
    let next = offsets[i + 1];
    let arg = match instr.target {
        None => instr.arg as usize,
        Some(t) => {
            let target = offsets.get(t).copied().unwrap_or(offsets[code.len()]);
            let backward = instr.op == op::JUMP_BACKWARD;
            match (backward, target >= next) {
                (false, true) => target - next,
                (true, false) => next - target,
                _ => {
                    let name = INSTRUCTIONS.get(instr.op as usize).map_or("?", |i| i.name);
                    return Err(AssembleError::Internal(format!("{name} at {} cannot reach {target}", offsets[i])));
                }
            }
        }
    };
    u32::try_from(arg).map_err(|_| AssembleError::TooLarge)
}

/// Code units of an instruction: `[opcode, oparg]` and its cache.
pub fn size(opcode: u16) -> usize {
    INSTRUCTIONS.get(opcode as usize).map_or(2, |i| i.size())
}
