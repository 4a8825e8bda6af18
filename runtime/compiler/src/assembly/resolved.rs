//! An instruction whose jump target is resolved to an instruction index: what the
//! assembler's passes (`cfg`, `analysis`, `superinstructions`) work on once labels
//! are bound.

/// An instruction whose jump target is resolved to an instruction index.
#[derive(Clone, Copy, Debug)]
pub struct Resolved {
    pub op: u16,
    pub arg: u32,
    /// Index of the target instruction, for jumps.
    pub target: Option<usize>,
    pub line: u32,
    /// Where an exception raised here is handled: the handler's index, and the stack
    /// depth to cut to before the exception is pushed.
    pub handler: Option<(usize, u32)>,
}
