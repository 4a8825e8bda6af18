//! The cold exits of the seed design: one pre-allocated executor per possible exit
//! index (MAX_TRACE_LENGTH of them), each a single `_COLD_EXIT` uop whose oparg is its
//! index. A new exit points at the cold executor of its index, so creating exits
//! allocates nothing; `_COLD_EXIT` finds the exit through the previous executor.

use stitch_abi::{Executor, ExitData, MAX_TRACE_LENGTH, UopInst, uop};
use std::sync::OnceLock;

/// A cold exit: an executor header and its one-uop trace, in one block.
#[repr(C)]
pub struct ColdExit {
    pub header: Executor,
    pub uop: UopInst,
}

/// The first of the `MAX_TRACE_LENGTH` cold exits, which live as long as the process.
struct Table(*mut ColdExit);

// SAFETY: the table is written once, before it is shared, and only read after.
unsafe impl Send for Table {}
// SAFETY: as above.
unsafe impl Sync for Table {}

/// The address of the first of the `MAX_TRACE_LENGTH` cold exits.
fn table() -> *mut ColdExit {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let n = MAX_TRACE_LENGTH as usize;
            let exits: Vec<ColdExit> = (0..n)
                .map(|i| ColdExit {
                    header: Executor {
                        valid: 1,
                        cold: 1,
                        spare: 0,
                        runs: 0,
                        exit_count: 0,
                        trace: std::ptr::null_mut(),
                        jit_code: std::ptr::null(),
                        exit_counts: std::ptr::null_mut(),
                        vm_data: std::ptr::null_mut(),
                        exits: [],
                    },
                    uop: UopInst {
                        opcode: uop::_COLD_EXIT,
                        oparg: i as u32,
                        target: 0,
                        operand: 0,
                        jump_target: 0,
                        error_target: 0,
                        spare: 0,
                    },
                })
                .collect();
            let first = Box::into_raw(exits.into_boxed_slice()) as *mut ColdExit;
            // Each trace is the uop right after its header; the block never moves. The
            // pointers derive from the block's own, so they stay valid for its life.
            for i in 0..n {
                // SAFETY: `i` is within the block just leaked.
                unsafe {
                    let e = first.add(i);
                    (*e).header.trace = &raw mut (*e).uop;
                }
            }
            Table(first)
        })
        .0
}

/// The cold executor for exit index `i`.
pub fn cold_executor(i: u32) -> *mut Executor {
    assert!(i < MAX_TRACE_LENGTH, "exit index {i} beyond the cold exits");
    // SAFETY: the table holds MAX_TRACE_LENGTH entries.
    unsafe { table().add(i as usize) as *mut Executor }
}

/// A new exit: cold, with the starting hotness.
pub fn new_exit(index: u32, target: u32, hotness: i16) -> ExitData {
    ExitData { executor: cold_executor(index), target, hotness, spare: 0 }
}

/// Which cold exit an executor is, if it is one.
pub fn index_of(e: *mut Executor) -> Option<u32> {
    let base = table() as usize;
    let off = (e as usize).checked_sub(base)?;
    let i = off / std::mem::size_of::<ColdExit>();
    (off % std::mem::size_of::<ColdExit>() == 0 && i < MAX_TRACE_LENGTH as usize).then_some(i as u32)
}

/// Memory all cold exits take (their machine code is counted by the JIT).
pub fn data_bytes() -> usize {
    MAX_TRACE_LENGTH as usize * std::mem::size_of::<ColdExit>()
}

/// Sets the JIT code of cold exit `i` (the JIT compiles them once, together).
///
/// # Safety
/// `code` is machine code with the JIT's entry signature, living as long as the process.
pub unsafe fn set_jit_code(i: u32, code: *const u8) {
    // SAFETY: the cold exit is live forever; no thread runs it while the JIT sets up.
    unsafe { (*cold_executor(i)).jit_code = code }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_cold_exit_per_index_each_a_single_cold_exit_uop() {
        for i in [0, 1, 255, MAX_TRACE_LENGTH - 1] {
            let e = cold_executor(i);
            // SAFETY: cold executors live forever.
            unsafe {
                assert_eq!((*e).cold, 1);
                assert_eq!((*e).exit_count, 0);
                assert_eq!((*(*e).trace).opcode, uop::_COLD_EXIT);
                assert_eq!((*(*e).trace).oparg as u32, i);
            }
            assert_eq!(index_of(e), Some(i));
        }
        assert_eq!(std::mem::size_of::<ExitData>(), 16);
        assert!(data_bytes() <= 64 * 1024, "cold exits take {} bytes", data_bytes());
    }

    #[test]
    fn a_new_exit_points_at_the_cold_executor_of_its_index() {
        let exit = new_exit(7, 42, -5);
        assert_eq!(exit.executor, cold_executor(7));
        assert_eq!((exit.target, exit.hotness), (42, -5));
    }
}
