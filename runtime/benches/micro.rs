//! Micro-benchmarks of the runtime's mechanisms (`cargo bench -p stitch --bench micro`):
//! tier-1 dispatch, the JIT's copy-and-patch throughput, and the cost of a side exit
//! when it stays cold against when an executor is stitched onto it.

use stitch_abi::{UOPS, UopInst, uop};
use stitch::program::{Options, Outcome, Tier, run_source};

fn main() {
    divan::main();
}

fn run(source: &str, options: &Options) {
    let outcome = run_source(source, "bench.py", options);
    assert!(matches!(outcome, Outcome::Finished), "{outcome:?}");
}

/// A loop of simple instructions, counted in tier-1 instructions (16 per iteration).
const DISPATCH: &str = "def f(n):\n    a = 0\n    b = 1\n    for i in range(n):\n        a = b\n        b = a\n        a = b\n        b = a\n    return a\nf(100000)\n";

#[divan::bench(sample_count = 10)]
fn tier1_dispatch(bencher: divan::Bencher) {
    let options = Options { tier: Tier::One, ..Options::default() };
    bencher.counter(divan::counter::ItemsCount::new(100_000usize * 16)).bench(|| run(DISPATCH, &options));
}

/// Copy and patch of a 512-uop trace made of every stencil in turn (without writing it
/// to executable memory).
#[divan::bench(sample_count = 20)]
fn jit_copy_and_patch(bencher: divan::Bencher) {
    let stenciled: Vec<u16> = (0..UOPS.len() as u16)
        .filter(|&op| stitch_generated::stencils::STENCILS[op as usize].is_some() && op != uop::_JUMP_TO_TOP)
        .collect();
    let mut trace: Vec<UopInst> = (0..511)
        .map(|i| UopInst { opcode: stenciled[i % stenciled.len()], oparg: 1, target: 0, operand: 0, jump_target: 0, error_target: 0, spare: 0 })
        .collect();
    trace.push(UopInst { opcode: uop::_JUMP_TO_TOP, oparg: 0, target: 0, operand: 0, jump_target: 0, error_target: 0, spare: 0 });
    let helpers = stitch_interp::helper_table::helper_addresses().to_vec();
    bencher.counter(divan::counter::ItemsCount::new(trace.len())).bench(|| {
        let layout = stitch_jit::patch::layout(&trace);
        stitch_jit::patch::emit(&trace, std::ptr::null_mut(), 0x1000_0000, &layout, &helpers)
    });
}

/// A branch that alternates: half the iterations leave through the same side exit.
const FLIPPING: &str = "def f(n):\n    a = 0\n    b = 0\n    for i in range(n):\n        if i % 2 == 0:\n            a = a + 1\n        else:\n            b = b + 1\n    return a + b\nf(60000)\n";

/// The exit never warms up: every take goes through the cold exit into tier 1.
#[divan::bench(sample_count = 10)]
fn side_exit_kept_cold(bencher: divan::Bencher) {
    let options = Options { tier: Tier::Jit, exit_hotness: i16::MIN, ..Options::default() };
    bencher.counter(divan::counter::ItemsCount::new(30_000usize)).bench(|| run(FLIPPING, &options));
}

/// The exit warms up and an executor is stitched on: takes go from JIT code to JIT code.
#[divan::bench(sample_count = 10)]
fn side_exit_stitched(bencher: divan::Bencher) {
    let options = Options { tier: Tier::Jit, ..Options::default() };
    bencher.counter(divan::counter::ItemsCount::new(30_000usize)).bench(|| run(FLIPPING, &options));
}
