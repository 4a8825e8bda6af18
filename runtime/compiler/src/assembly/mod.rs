//! Assembly: instructions with symbolic jump targets to code units, a line table
//! and a stack size, after removing dead code, narrowing LOAD_FAST_CHECK and
//! fusing superinstructions.

pub(crate) mod assembler;

mod analysis;
mod cfg;
mod resolved;
mod superinstructions;
