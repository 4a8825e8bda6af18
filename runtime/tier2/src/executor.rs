//! Executors in memory. One allocation holds, in order: the `Executor` header, its
//! exits (`ExitData`, 16 bytes each), the uop trace, one counter per exit, and the
//! runtime's bookkeeping (`VmData`). Nothing about an executor lives elsewhere.

use stitch_abi::{Code, Executor, ExitData, UopInst, Value};
use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};

/// What the runtime keeps about an executor.
pub struct VmData {
    /// A sequence number, for statistics and the executor graph.
    pub id: u32,
    /// The code object and tier-1 offset where the trace starts.
    pub code: *mut Code,
    pub start: u32,
    /// Uops of the trace body (without the exit stubs).
    pub body_len: u32,
    pub trace_len: u32,
    /// Where a loop executor is installed: its ENTER_EXECUTOR replaced this
    /// JUMP_BACKWARD.
    pub installed: Option<Installed>,
    /// Exits of other executors stitched to this one.
    pub incoming: Vec<(*mut Executor, u32)>,
    /// Globals the trace assumes bound to what they were when it was projected.
    pub watched_globals: Vec<String>,
    /// Function versions whose code the trace inlined.
    pub inlined: Vec<u32>,
    /// Values the trace embeds (owned references).
    pub constants: Vec<Value>,
    /// For each exit: the code object its target is in (statistics and graphs).
    pub exit_codes: Vec<*mut Code>,
    /// Whether this executor was stitched onto an exit (rather than a loop's).
    pub stitched: bool,
    /// Frames deep in calls followed by executors, at the trace's start
    /// (`Start::known_callers`).
    pub known_callers: u32,
    /// `runs` at the last sweep: an executor that has not run since is reclaimed.
    pub runs_at_sweep: u64,
}

#[derive(Clone, Copy, Debug)]
pub struct Installed {
    /// Index in the code object's executor list (ENTER_EXECUTOR's oparg).
    pub index: u32,
    /// Offset of the JUMP_BACKWARD it replaced, and that instruction's oparg (with the
    /// bits of its prefix, which holds 0 while the executor is installed).
    pub offset: u32,
    pub oparg: u32,
}

struct Parts {
    layout: Layout,
    exits: usize,
    trace: usize,
    counts: usize,
    vm: usize,
}

fn parts(n_exits: usize, trace_len: usize) -> Parts {
    let header = Layout::new::<Executor>();
    let (l, exits) = header.extend(Layout::array::<ExitData>(n_exits).expect("exits fit")).expect("layout fits");
    let (l, trace) = l.extend(Layout::array::<UopInst>(trace_len).expect("trace fits")).expect("layout fits");
    let (l, counts) = l.extend(Layout::array::<u32>(n_exits).expect("counts fit")).expect("layout fits");
    let (l, vm) = l.extend(Layout::new::<VmData>()).expect("layout fits");
    Parts { layout: l.pad_to_align(), exits, trace, counts, vm }
}

/// Bytes an executor with these sizes takes.
pub fn size_of(n_exits: usize, trace_len: usize) -> usize {
    parts(n_exits, trace_len).layout.size()
}

/// Makes an executor: `exits` start cold (see `cold::exit_for`), `trace` is copied in.
pub fn allocate(trace: &[UopInst], exits: &[ExitData], vm: VmData) -> *mut Executor {
    let p = parts(exits.len(), trace.len());
    // SAFETY: every part is written before the executor is used; offsets come from the
    // layout that was allocated.
    unsafe {
        let base = alloc(p.layout);
        if base.is_null() {
            handle_alloc_error(p.layout);
        }
        let e = base as *mut Executor;
        let exit_ptr = base.add(p.exits) as *mut ExitData;
        let trace_ptr = base.add(p.trace) as *mut UopInst;
        let counts_ptr = base.add(p.counts) as *mut u32;
        let vm_ptr = base.add(p.vm) as *mut VmData;
        exit_ptr.copy_from_nonoverlapping(exits.as_ptr(), exits.len());
        trace_ptr.copy_from_nonoverlapping(trace.as_ptr(), trace.len());
        counts_ptr.write_bytes(0, exits.len());
        vm_ptr.write(vm);
        e.write(Executor {
            valid: 1,
            cold: 0,
            spare: 0,
            runs: 0,
            exit_count: exits.len() as u32,
            trace: trace_ptr,
            jit_code: std::ptr::null(),
            exit_counts: counts_ptr,
            vm_data: vm_ptr.cast(),
            exits: [],
        });
        debug_assert_eq!(exit_ptr, stitch_abi::access::exit_data(e, 0));
        e
    }
}

/// The bookkeeping of a (non-cold) executor.
///
/// # Safety
/// `e` is a live executor made by `allocate`, and no other reference to its VmData is
/// in use.
pub unsafe fn vm<'a>(e: *mut Executor) -> &'a mut VmData {
    // SAFETY: the caller guarantees it.
    unsafe { &mut *((*e).vm_data as *mut VmData) }
}

/// The exits of an executor.
///
/// # Safety
/// `e` is live.
pub unsafe fn exits<'a>(e: *mut Executor) -> &'a mut [ExitData] {
    // SAFETY: `exit_count` exits follow the header.
    unsafe { std::slice::from_raw_parts_mut(stitch_abi::access::exit_data(e, 0), (*e).exit_count as usize) }
}

/// How many times each exit was taken.
///
/// # Safety
/// `e` is live.
pub unsafe fn exit_counts<'a>(e: *mut Executor) -> &'a [u32] {
    // SAFETY: one counter per exit.
    unsafe { std::slice::from_raw_parts((*e).exit_counts, (*e).exit_count as usize) }
}

/// The trace (body and stubs).
///
/// # Safety
/// `e` is live and not cold.
pub unsafe fn trace<'a>(e: *mut Executor) -> &'a [UopInst] {
    // SAFETY: `trace_len` uops at `trace`.
    unsafe { std::slice::from_raw_parts((*e).trace, vm(e).trace_len as usize) }
}

/// Frees an executor nothing refers to or runs any more.
///
/// # Safety
/// `e` was made by `allocate`, is unlinked, and is not running.
pub unsafe fn free(e: *mut Executor) {
    // SAFETY: the layout is recomputed from the sizes stored in it.
    unsafe {
        let vm_data = std::ptr::read((*e).vm_data as *mut VmData);
        let p = parts((*e).exit_count as usize, vm_data.trace_len as usize);
        for c in &vm_data.constants {
            c.decref();
        }
        if !vm_data.code.is_null() {
            Value::from_object(vm_data.code).decref();
        }
        drop(vm_data);
        dealloc(e as *mut u8, p.layout);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stitch_abi::access::exit_data;

    fn vm_data() -> VmData {
        VmData {
            id: 1,
            code: std::ptr::null_mut(),
            start: 0,
            body_len: 5,
            trace_len: 5,
            installed: None,
            incoming: Vec::new(),
            watched_globals: Vec::new(),
            inlined: Vec::new(),
            constants: Vec::new(),
            exit_codes: Vec::new(),
            stitched: false,
            known_callers: 0,
            runs_at_sweep: 0,
        }
    }

    /// Header, exits, trace, counters and bookkeeping share one allocation, in that
    /// order, and the exits start cold.
    #[test]
    fn one_allocation_holds_everything_in_order() {
        let trace: Vec<UopInst> = (0..5u16)
            .map(|i| UopInst { opcode: i, oparg: i as u32, target: i as u32, operand: 0, jump_target: 0, error_target: 0, spare: 0 })
            .collect();
        let exits: Vec<ExitData> = (0..3).map(|i| super::super::cold::new_exit(i, 10 + i, -16)).collect();
        let e = allocate(&trace, &exits, vm_data());
        let size = size_of(3, 5);
        // SAFETY: `e` was just allocated and is freed at the end.
        unsafe {
            let base = e as usize;
            let header_end = base + std::mem::size_of::<Executor>();
            for i in 0..3 {
                let x = exit_data(e, i) as usize;
                assert_eq!(x, header_end + 16 * i as usize, "exit {i} right after the header");
                assert_eq!((*exit_data(e, i)).executor, super::super::cold::cold_executor(i));
                assert_eq!((*exit_data(e, i)).target, 10 + i);
            }
            let t = (*e).trace as usize;
            assert!(t >= header_end + 3 * 16 && t + 5 * 24 <= base + size, "the trace is inside the allocation");
            assert_eq!(super::trace(e).iter().map(|u| u.oparg).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4]);
            assert_eq!(exit_counts(e), &[0, 0, 0]);
            assert!(((*e).vm_data as usize) < base + size);
            assert_eq!(vm(e).id, 1);
            assert_eq!(((*e).valid, (*e).cold, (*e).exit_count), (1, 0, 3));
            free(e);
        }
    }
}
