//! Tier 2 and the JIT, proved through what they report: each program in
//! `tests/tiers/` exercises one mechanism (a hot loop, a flipping branch, a rebound
//! global, a redefined function, a type change, globals that change type, loops over
//! str and nested loops, int chains on machine words, returns out of a loop trace into
//! its caller, builtins given containers in a program with special methods, the
//! class families, exceptions caught in hot loops, call sites that see several
//! functions), must print CPython's output, and its `--stats-json` must show the
//! mechanism at work.

use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tiers")
}

/// Runs a program from tests/tiers with the stats written as JSON; checks its output.
fn run(name: &str, tier: &str, extra: &[&str]) -> Json {
    let py = dir().join(name);
    let json = std::env::temp_dir().join(format!("stitch-stats-{}-{name}-{tier}.json", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_stitch"))
        .args(["run", "--tier", tier, "--stats-json"])
        .arg(&json)
        .args(extra)
        .arg(&py)
        .output()
        .expect("stitch runs");
    let expected = std::fs::read(py.with_extension("stdout")).expect("expected output beside the program");
    assert!(out.status.success(), "{name} --tier {tier} failed: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&expected), "{name} --tier {tier}: stdout");
    let text = std::fs::read_to_string(&json).expect("the stats file");
    let _ = std::fs::remove_file(&json);
    serde_json::from_str(&text).expect("valid JSON")
}

fn n(stats: &Json, key: &str) -> u64 {
    stats[key].as_u64().unwrap_or_else(|| panic!("stats has no {key}: {stats}"))
}

const TIERS: [&str; 2] = ["2", "jit"];

#[test]
fn stats_json_has_the_documented_keys() {
    let s = run("hot_loop.py", "1", &[]);
    for key in [
        "executors_created",
        "executors_live",
        "exits_total",
        "side_exits_taken",
        "cold_exits_taken",
        "exits_stitched",
        "tier1_reentries",
        "executor_runs",
        "invalidations",
        "jit_code_bytes",
        "jit_bytes_per_executor",
        "cold_exit_bytes",
    ] {
        assert!(s[key].is_u64(), "missing {key}");
    }
    // Tier 1 alone makes no executors.
    assert_eq!(n(&s, "executors_created"), 0);
    assert_eq!(n(&s, "jit_code_bytes"), 0);
}

#[test]
fn a_hot_loop_creates_an_executor() {
    for tier in TIERS {
        let s = run("hot_loop.py", tier, &[]);
        assert!(n(&s, "executors_created") >= 1, "--tier {tier}: {s}");
        assert!(s["tier2_share"].as_f64().unwrap() > 0.5, "--tier {tier}: most work in tier 2: {s}");
    }
    let s = run("hot_loop.py", "jit", &[]);
    assert!(n(&s, "jit_code_bytes") > 0);
}

#[test]
fn a_branch_that_flips_gets_its_exit_stitched() {
    for tier in TIERS {
        let s = run("branch_flip.py", tier, &[]);
        assert!(n(&s, "side_exits_taken") >= 1, "--tier {tier}: {s}");
        assert!(n(&s, "cold_exits_taken") >= 1, "--tier {tier}: {s}");
        assert!(n(&s, "exits_stitched") >= 1, "--tier {tier}: {s}");
    }
}

#[test]
fn rebinding_a_global_invalidates() {
    for tier in TIERS {
        let s = run("rebind_global.py", tier, &[]);
        assert!(n(&s, "invalidations") >= 1, "--tier {tier}: {s}");
    }
}

#[test]
fn redefining_a_called_function_invalidates() {
    for tier in TIERS {
        let s = run("redefine_function.py", tier, &[]);
        assert!(n(&s, "invalidations") >= 1, "--tier {tier}: {s}");
    }
}

#[test]
fn a_type_change_mid_loop_exits_and_recovers() {
    for tier in TIERS {
        let s = run("type_change.py", tier, &[]);
        assert!(n(&s, "side_exits_taken") >= 1, "--tier {tier}: {s}");
        // Recovery: new code for the floats, stitched on or as a new executor.
        assert!(n(&s, "exits_stitched") + n(&s, "executors_created") >= 2, "--tier {tier}: {s}");
        assert!(s["tier2_share"].as_f64().unwrap() > 0.5, "--tier {tier}: {s}");
    }
}

/// A loop over module globals checks their types once, in front of the trace; when
/// the globals later hold other types, that entry exit gets a new loop trace stitched
/// on instead of leaving tier 2 on every iteration.
#[test]
fn a_loop_is_specialized_on_its_globals_types() {
    for tier in TIERS {
        let out_dir = std::env::temp_dir().join(format!("stitch-globals-{}-{tier}", std::process::id()));
        let s = run("global_types.py", tier, &["--dump-executors", out_dir.to_str().unwrap()]);
        let listing = std::fs::read_to_string(out_dir.join("executor-1.txt")).expect("the first executor's listing");
        let _ = std::fs::remove_dir_all(&out_dir);
        let start = listing.find("_START_EXECUTOR").expect("a start");
        let guard = listing.find("_GUARD_GLOBAL_TYPE").unwrap_or_else(|| panic!("--tier {tier}: no global type guard:\n{listing}"));
        assert!(guard < start, "--tier {tier}: global type guards go in front:\n{listing}");
        assert!(n(&s, "exits_stitched") >= 1, "--tier {tier}: {s}");
        // 6,000 iterations run with the ints: a handful of exits, not one per iteration.
        assert!(n(&s, "side_exits_taken") < 100, "--tier {tier}: {s}");
    }
}

/// Loads, stores and pops of values the optimizer proved to be ints, floats or bools
/// skip reference counting (their `_UNBOXED` variants); those of heap values keep it;
/// a guard the known types prove (`_GUARD_FLOAT_MIX`) goes.
#[test]
fn proven_unboxed_values_skip_reference_counting() {
    for tier in TIERS {
        let out_dir = std::env::temp_dir().join(format!("stitch-unboxed-{}-{tier}", std::process::id()));
        run("unboxed.py", tier, &["--dump-executors", out_dir.to_str().unwrap()]);
        let read = |id: u32| std::fs::read_to_string(out_dir.join(format!("executor-{id}.txt"))).expect("a listing");
        let (module, function) = (read(1), read(2));
        let _ = std::fs::remove_dir_all(&out_dir);
        let body = |listing: &str| listing.split("-- stubs").next().unwrap().to_string();
        let (module, function) = (body(&module), body(&function));
        for uop in ["_LOAD_GLOBAL_MODULE_UNBOXED", "_STORE_GLOBAL_MODULE_UNBOXED", "_LOAD_CONST_INLINE_UNBOXED"] {
            assert!(module.contains(uop), "--tier {tier}: no {uop}:\n{module}");
        }
        // `names` (a list) and `label` (a str) are counted.
        assert!(module.contains("_LOAD_GLOBAL_MODULE ") && module.contains("_STORE_GLOBAL_MODULE "), "--tier {tier}:\n{module}");
        assert!(!module.contains("_GUARD_FLOAT_MIX"), "--tier {tier}: `i + 0.25` is proven int + float:\n{module}");
        for uop in ["_LOAD_FAST_LOAD_FAST_UNBOXED", "_STORE_FAST_LOAD_FAST_UNBOXED"] {
            assert!(function.contains(uop), "--tier {tier}: no {uop}:\n{function}");
        }
        // `words` is a list, and `append` returns None: counted.
        assert!(function.contains(" STORE_FAST_LOAD_FAST ") && function.contains(" POP_TOP "), "--tier {tier}:\n{function}");
    }
}

/// Int arithmetic past the small ints keeps its intermediate results as machine words
/// (no heap int per operation); words are small ints again before anything else reads
/// them, and exits box them. Words that do not fit, or that overflow, leave the trace
/// without making executors over and over.
#[test]
fn int_chains_past_the_small_ints_run_on_machine_words() {
    for tier in TIERS {
        let out_dir = std::env::temp_dir().join(format!("stitch-words-{}-{tier}", std::process::id()));
        let s = run("words.py", tier, &["--dump-executors", out_dir.to_str().unwrap()]);
        let listings: Vec<String> = (1..=n(&s, "executors_created"))
            .map(|id| std::fs::read_to_string(out_dir.join(format!("executor-{id}.txt"))).expect("a listing"))
            .collect();
        let _ = std::fs::remove_dir_all(&out_dir);
        let lcg = listings[0].split("-- stubs").next().unwrap();
        for uop in ["_BINARY_OP_MULTIPLY_WORD", "_BINARY_OP_ADD_WORD", "_BINARY_OP_REMAINDER_WORD", "_LOAD_CONST_WORD", "_WORD_TO_INT"] {
            assert!(lcg.contains(uop), "--tier {tier}: no {uop}:\n{lcg}");
        }
        assert!(!lcg.contains(" _BINARY_OP "), "--tier {tier}: no generic arithmetic left:\n{lcg}");
        assert!(listings.iter().any(|l| l.split("-- stubs").nth(1).is_some_and(|stubs| stubs.contains("_BOX_WORD"))), "--tier {tier}: stubs box words");
        // Three loops, each with an exit that gets warm: a few executors, not one per
        // trip through the exit.
        assert!(n(&s, "executors_created") <= 8, "--tier {tier}: {s}");
        assert!(n(&s, "tier1_reentries") < 200, "--tier {tier}: {s}");
    }
}

/// Builtins given containers (`out.append(x)`, `len(out)`) and a slotted
/// class's `__init__` stores keep their specialized forms in a program whose classes
/// define special methods: 20,000 iterations of each loop, a handful of trips through
/// tier 1, not one per iteration (every class body's `__module__` once counted as a
/// special method, and `Vec.__add__` as a reason for `out.append` to take the generic
/// call, which ends traces).
#[test]
fn builtin_methods_beside_classes_stay_in_traces() {
    for tier in TIERS {
        let s = run("builtin_methods_beside_classes.py", tier, &[]);
        assert!(n(&s, "tier1_reentries") < 200, "--tier {tier}: {s}");
    }
}

/// A loop over a str (no specialized iteration) is traced, and when the inner loop of
/// a nest became an executor before the outer one, the exit that ends the inner loop
/// is stitched to the outer loop's executor once that exists: the nest runs in tier 2
/// instead of passing through tier 1 on every outer iteration.
#[test]
fn generic_iteration_is_traced_and_nested_loops_stitch_to_later_executors() {
    for tier in TIERS {
        let s = run("nested_generic.py", tier, &[]);
        assert!(n(&s, "executors_created") >= 2, "--tier {tier}: {s}");
        assert!(n(&s, "exits_stitched") >= 1, "--tier {tier}: {s}");
        // 4,000 outer iterations: a handful of trips through tier 1, not one each.
        assert!(n(&s, "tier1_reentries") < 100, "--tier {tier}: {s}");
        assert!(n(&s, "cold_exits_taken") < 100, "--tier {tier}: {s}");
    }
}

/// A global stored in a loop whose name shares its watch bit (`Dict::watched` is a
/// bloom filter) with a name the trace watches (`len`, embedded as a constant): the
/// store checks the name in the runtime (`_STORE_GLOBAL_MODULE_CHECKED`) instead of
/// deopting to tier 1 on every iteration.
#[test]
fn a_store_that_shares_a_watch_bit_does_not_deopt_every_iteration() {
    let bit = |name: &str| {
        let v = stitch_core::objects::str::new_str(name);
        // SAFETY: a fresh str value.
        let h = unsafe { stitch_core::objects::str::as_str(v).hash() };
        stitch_core::objects::dict::bloom_bit(h)
    };
    let name = (0..10_000).map(|k| format!("v{k}")).find(|n| bit(n) == bit("len")).expect("some name shares len's bit");
    let src = format!("total = 0\nfor i in range(3000):\n    {name} = i\n    total += len(\"ab\") + {name}\nprint(total)\n");
    let dir = std::env::temp_dir().join(format!("stitch-watch-bit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (py, json) = (dir.join("store.py"), dir.join("stats.json"));
    std::fs::write(&py, src).unwrap();
    for tier in TIERS {
        let listings = dir.join(format!("executors-{tier}"));
        let out = Command::new(env!("CARGO_BIN_EXE_stitch"))
            .args(["run", "--tier", tier, "--stats-json"])
            .arg(&json)
            .arg("--dump-executors")
            .arg(&listings)
            .arg(&py)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), "4504500\n", "--tier {tier}");
        let s: Json = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        assert!(n(&s, "tier1_reentries") < 100, "--tier {tier}, global `{name}`: {s}");
        // The store checks the name in the runtime and stays a module-entry store: the
        // loop still knows the global's type (its load skips reference counting).
        let listing = std::fs::read_to_string(listings.join("executor-1.txt")).unwrap();
        assert!(listing.contains("_STORE_GLOBAL_MODULE_CHECKED"), "--tier {tier}:\n{listing}");
        assert!(listing.contains("_LOAD_GLOBAL_MODULE_UNBOXED"), "--tier {tier}:\n{listing}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A trace stitched on at an exit inside a call that another trace followed returns
/// into the caller's frame (the same on every run) and goes on in tier 2, instead of
/// leaving for tier 1 at the return.
#[test]
fn a_trace_stitched_inside_a_followed_call_returns_into_its_caller() {
    for tier in TIERS {
        let s = run("callee_branch.py", tier, &[]);
        assert!(n(&s, "exits_stitched") >= 1, "--tier {tier}: {s}");
        // 3,000 iterations take the flipped branch: a handful of trips through tier 1.
        assert!(n(&s, "tier1_reentries") < 100, "--tier {tier}: {s}");
    }
}

/// A loop in a function called from another function's loop (fannkuch's flips, heap
/// sort's sift-down called from two loops): the traces return into the caller the
/// projector saw, behind a guard, so tier 2 gives up to tier 1 a bounded number of
/// times, not once per call (before, every call's return re-entered tier 1: 4,403
/// and 16,952 re-entries).
#[test]
fn returns_out_of_a_loop_trace_stay_in_tier_2() {
    for name in ["loop_in_callee.py", "sift_down.py"] {
        for tier in TIERS {
            for extra in [&[][..], &["--loop-threshold", "1", "--exit-hotness", "-1"][..]] {
                let s = run(name, tier, extra);
                let (reentries, runs) = (n(&s, "tier1_reentries"), n(&s, "executor_runs"));
                assert!(runs > 10_000, "{name} --tier {tier} {extra:?}: the loops run in tier 2: {s}");
                assert!(reentries * 100 < runs, "{name} --tier {tier} {extra:?}: {reentries} re-entries into tier 1 for {runs} executor runs");
            }
        }
    }
}

/// A function inlined at two call sites, its branch flipping at both: the exits at
/// the two calls are distinct, so a trace stitched on at one returns into its own
/// caller (sharing them re-ran or skipped the code after the other call).
#[test]
fn exits_inside_inlined_calls_are_distinct_per_call_site() {
    for tier in TIERS {
        // `run` checks the output against CPython's.
        let s = run("two_call_sites.py", tier, &[]);
        assert!(n(&s, "exits_stitched") >= 2, "--tier {tier}: both call sites stitch: {s}");
    }
}

/// Thousands of distinct hot loops with flipping branches: the number of live
/// executors and the JIT's memory stay bounded.
#[test]
fn executors_stay_bounded_under_churn() {
    let mut src = String::new();
    let loops = 3000;
    for k in 0..loops {
        src.push_str(&format!(
            "def f{k}(n):\n    t = 0\n    for i in range(n):\n        if i % {m} == 0:\n            t = t + {k}\n        else:\n            t = t - 1\n    return t\n\n",
            m = k % 7 + 2
        ));
    }
    src.push_str("total = 0\n");
    for k in 0..loops {
        src.push_str(&format!("total = total + f{k}(60)\n"));
    }
    src.push_str("print(total)\n");
    let path = std::env::temp_dir().join(format!("stitch-churn-{}.py", std::process::id()));
    std::fs::write(&path, &src).unwrap();
    let expected = Command::new("python3").arg(&path).output().ok().filter(|o| o.status.success()).map(|o| o.stdout);
    for tier in TIERS {
        let json = path.with_extension(format!("{tier}.json"));
        let out = Command::new(env!("CARGO_BIN_EXE_stitch"))
            .args(["run", "--tier", tier, "--loop-threshold", "2", "--exit-hotness", "-2", "--stats-json"])
            .arg(&json)
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        if let Some(expected) = &expected {
            assert_eq!(&out.stdout, expected);
        }
        let s: Json = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        let _ = std::fs::remove_file(&json);
        assert!(n(&s, "executors_created") > 1024, "the churn makes many executors: {s}");
        assert!(n(&s, "executors_live") <= 1024, "--tier {tier}: live executors bounded: {s}");
        assert!(n(&s, "executors_reclaimed") > 0, "--tier {tier}: unused executors reclaimed: {s}");
        if tier == "jit" {
            assert!(n(&s, "jit_code_bytes") < 32 << 20, "JIT memory bounded: {s}");
        }
    }
    let _ = std::fs::remove_file(&path);
}

#[test]
fn cold_exits_fit_in_64_kib() {
    let s = run("hot_loop.py", "jit", &[]);
    assert!(n(&s, "cold_exit_bytes") <= 64 * 1024, "{s}");
    assert!(n(&s, "cold_exit_bytes") > 0);
}

#[test]
fn the_executor_graph_is_written_as_dot() {
    let out_dir = std::env::temp_dir().join(format!("stitch-dot-{}", std::process::id()));
    let status = Command::new(env!("CARGO_BIN_EXE_stitch"))
        .args(["run", "--tier", "2", "--dump-executors"])
        .arg(&out_dir)
        .arg(dir().join("branch_flip.py"))
        .output()
        .unwrap();
    assert!(status.status.success());
    let dot = std::fs::read_to_string(out_dir.join("executors.dot")).expect("executors.dot");
    let _ = std::fs::remove_dir_all(&out_dir);
    assert!(dot.starts_with("digraph executors"));
    assert!(dot.contains(" -> "), "exits are edges: {dot}");
    assert!(dot.contains("branch_flip.py"), "nodes name their source: {dot}");
}

/// Runs a benchmark (`benchmarks/NAME`) with program arguments; checks its exit and
/// returns its stdout and stats.
fn run_benchmark(name: &str, tier: &str, extra: &[&str], args: &[&str]) -> (String, Json) {
    let py = Path::new(env!("CARGO_MANIFEST_DIR")).join("../benchmarks").join(name);
    let json = std::env::temp_dir().join(format!("stitch-stats-{}-{name}-{tier}-{}.json", std::process::id(), extra.len()));
    let out = Command::new(env!("CARGO_BIN_EXE_stitch"))
        .args(["run", "--tier", tier, "--stats-json"])
        .arg(&json)
        .args(extra)
        .arg(&py)
        .args(args)
        .output()
        .expect("stitch runs");
    assert!(out.status.success(), "{name} --tier {tier} failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&json).expect("the stats file");
    let _ = std::fs::remove_file(&json);
    (String::from_utf8_lossy(&out.stdout).into_owned(), serde_json::from_str(&text).expect("valid JSON"))
}

/// An unrolled loop body (benchmarks/unpack.py: 400 ten-item unpackings per iteration)
/// is longer than any trace: it is cut into a chain of executors stitched one to the
/// next, so tier 2 runs whole iterations and gives up to tier 1 a bounded number of
/// times, not once per iteration or per piece. Under the JIT those executors' code
/// (about 70 KB each) is over the code budget: they stay interpreted (the JIT's code
/// ran 6x slower than the uop interpreter there, streamed past the instruction cache).
#[test]
fn an_unrolled_loop_body_stays_in_tier_2_and_out_of_the_jit() {
    let loops: u64 = 1000;
    // The last unpacking of the body binds a to the sequence's last item and j to its
    // first, nine apart in both sequences the program unpacks.
    let one = 9 * loops + (0..loops).map(|n| n % 7).sum::<u64>();
    let expected = format!("{one}\n{one}\n");
    for tier in TIERS {
        for extra in [&[][..], &["--loop-threshold", "1", "--exit-hotness", "-1"][..]] {
            let (out, s) = run_benchmark("unpack.py", tier, extra, &[&loops.to_string()]);
            assert_eq!(out, expected, "--tier {tier} {extra:?}: stdout");
            let (reentries, runs) = (n(&s, "tier1_reentries"), n(&s, "executor_runs"));
            assert!(runs > 2 * loops * 5, "--tier {tier} {extra:?}: each iteration runs a chain of executors: {s}");
            assert!(reentries * 20 < runs, "--tier {tier} {extra:?}: {reentries} re-entries into tier 1 for {runs} executor runs");
            assert!(reentries < loops / 2, "--tier {tier} {extra:?}: {reentries} re-entries into tier 1 for {loops} iterations of each loop");
            if tier == "jit" {
                assert!(n(&s, "jit_interpreted_executors") > 0, "--tier {tier} {extra:?}: {s}");
                assert!(n(&s, "jit_code_bytes") < 256 << 10, "--tier {tier} {extra:?}: only the executors within the budget compiled: {s}");
            }
        }
    }
}

/// The class families (`Config.SCALE`: LOAD_ATTR_CLASS; `self.OFFSET`, which the
/// instance lacks: LOAD_ATTR_NONDESCRIPTOR; a property: LOAD_ATTR_PROPERTY;
/// `Point(x, y)`: CALL_ALLOC_AND_ENTER_INIT) are chosen, and the loop's trace follows
/// into the getter and `__init__` instead of leaving at them: the work is done in
/// tier 2 and no exit is taken at these instructions more than once or twice.
#[test]
fn class_families_keep_the_loop_in_its_trace() {
    let families = ["LOAD_ATTR_CLASS", "LOAD_ATTR_NONDESCRIPTOR", "LOAD_ATTR_PROPERTY", "CALL_ALLOC_AND_ENTER_INIT"];
    for tier in TIERS {
        let s = run("class_families.py", tier, &[]);
        for family in families {
            assert!(s["specialized"][family].as_u64().unwrap_or(0) >= 1, "--tier {tier}: {family} chosen: {s}");
        }
        assert!(s["tier2_share"].as_f64().unwrap() > 0.95, "--tier {tier}: the loop runs in tier 2: {s}");
        assert!(n(&s, "tier1_reentries") <= 2, "--tier {tier}: {s}");
        let exits = s["top_exits"].as_array().expect("top exits");
        for e in exits {
            let at = e["instruction"].as_str().unwrap_or("");
            assert!(!families.contains(&at) || e["count"].as_u64().unwrap_or(0) <= 2, "--tier {tier}: exits at {at}: {s}");
        }
    }
}

/// Operator methods of a user class (`a + b` of two instances, `a * 0.5`) specialize
/// to BINARY_OP_INSTANCE, which pushes the method's frame: the loop's trace follows
/// into `__add__` and `__mul__` (and the `__init__` they call) instead of calling them
/// from below, so the work is done in tier 2 and no exit is taken at the operators
/// more than once or twice.
#[test]
fn operator_methods_keep_the_loop_in_its_trace() {
    for tier in TIERS {
        let s = run("operator_methods.py", tier, &[]);
        assert!(s["specialized"]["BINARY_OP_INSTANCE"].as_u64().unwrap_or(0) >= 2, "--tier {tier}: BINARY_OP_INSTANCE chosen: {s}");
        assert!(s["tier2_share"].as_f64().unwrap() > 0.95, "--tier {tier}: the loop runs in tier 2: {s}");
        assert!(n(&s, "tier1_reentries") <= 2, "--tier {tier}: {s}");
        for e in s["top_exits"].as_array().expect("top exits") {
            let at = e["instruction"].as_str().unwrap_or("");
            assert!(at != "BINARY_OP_INSTANCE" || e["count"].as_u64().unwrap_or(0) <= 2, "--tier {tier}: exits at {at}: {s}");
        }
    }
}

/// Exceptions caught inside hot loops (a KeyError on every third iteration, a
/// ValueError from `int()` on every fourth, a `with` whose `__exit__` suppresses a
/// ZeroDivisionError on every eighth): the error leaves the trace through a stub that
/// unwinds to the handler in the same frame and exits to it, a trace of the handler is
/// stitched there, and it links back to the loop's executor. So the ~21,000 caught
/// exceptions (47,000 re-entries into tier 1 before) do not send their iterations
/// back to tier 1, and `with`'s `__exit__` call (a bound method) stays in the trace.
#[test]
fn exceptions_caught_in_a_hot_loop_stay_in_tier_2() {
    for tier in TIERS {
        for extra in [&[][..], &["--loop-threshold", "1", "--exit-hotness", "-1"][..]] {
            let s = run("caught_in_loop.py", tier, extra);
            assert!(n(&s, "tier1_reentries") < 200, "--tier {tier} {extra:?}: {s}");
            assert!(s["tier2_share"].as_f64().unwrap() > 0.85, "--tier {tier} {extra:?}: the loops run in tier 2: {s}");
            let exits = s["top_exits"].as_array().expect("top exits");
            // The handlers' exits are taken once per caught exception: stitched, they
            // go from executor to executor.
            let handled: u64 = exits.iter().filter(|e| e["instruction"] == "PUSH_EXC_INFO").map(|e| e["count"].as_u64().unwrap_or(0)).sum();
            assert!(handled > 15_000, "--tier {tier} {extra:?}: handler exits taken: {s}");
            assert!(s["specialized"]["CALL_BOUND_METHOD_EXACT_ARGS"].as_u64().unwrap_or(0) >= 1, "--tier {tier}: {s}");
        }
    }
}

/// A call site that sees several functions (a ray tracer's `shape.intersect(ray)`
/// over spheres and planes, `f(x)` over a list of functions): the exit of the callee
/// check is stitched with a trace that follows the function found on the stack there,
/// so the loop stays in tier 2 (before, the new trace began with the generic call,
/// which no trace follows: every take went back to tier 1, 40,295 and 73,752 times).
#[test]
fn polymorphic_call_sites_stay_in_tier_2() {
    for name in ["poly_method.py", "poly_function.py"] {
        for tier in TIERS {
            for extra in [&[][..], &["--loop-threshold", "1", "--exit-hotness", "-1"][..]] {
                let s = run(name, tier, extra);
                let (reentries, runs) = (n(&s, "tier1_reentries"), n(&s, "executor_runs"));
                assert!(runs > 50_000, "{name} --tier {tier} {extra:?}: the loops run in tier 2: {s}");
                assert!(reentries * 100 < runs, "{name} --tier {tier} {extra:?}: {reentries} re-entries into tier 1 for {runs} executor runs");
            }
        }
    }
}

#[test]
fn a_value_s_type_version_is_checked_once() {
    // Per iteration `a.dot(b)` reads three attributes of each of two objects: with the
    // proof of a value's type version, one guard per object is left (the method load
    // on `a`, the first read of `b`); without it, seven. Guards are counted by the
    // tier-2 interpreter.
    let s = run("type_version_once.py", "2", &[]);
    let guards = s["guards_run"]["_GUARD_TYPE_VERSION"].as_u64().unwrap_or_else(|| panic!("no type version guards run: {s}"));
    assert!((10_000..25_000).contains(&guards), "type version guards run for 10,000 iterations: {guards}");
    // The JIT runs the same trace.
    run("type_version_once.py", "jit", &["--loop-threshold", "1", "--exit-hotness", "-1"]);
}

/// Machine code per uop stays small: every byte of a trace competes for the
/// instruction cache, and where the JIT's code outgrew it the JIT ran slower than tier
/// 1 (benchmarks/json_parse.py: 7.6 MB of code for 843 executors). The stencils average
/// about 80 bytes per compiled uop (`movabs` holes, exit jumps inline); a stencil
/// change that bloats them fails here, not only in a benchmark. `--stats` reports the
/// mean per executor.
#[test]
fn jit_code_stays_under_a_bound_per_uop() {
    for name in ["class_families.py", "hot_loop.py", "operator_methods.py"] {
        let s = run(name, "jit", &[]);
        let (bytes, uops, live) = (n(&s, "jit_code_bytes"), n(&s, "jit_uops_compiled"), n(&s, "executors_live"));
        assert!(uops > 0 && live > 0, "{name}: something was compiled: {s}");
        // Only when every executor compiled is still live and none was left to the
        // interpreter do the live bytes belong to exactly the uops compiled.
        if n(&s, "executors_reclaimed") == 0 && n(&s, "jit_interpreted_executors") == 0 {
            assert!(bytes <= 128 * uops, "{name}: {bytes} bytes of code for {uops} uops: {s}");
        }
        assert_eq!(n(&s, "jit_bytes_per_executor"), bytes / live, "{name}: {s}");
    }
}
