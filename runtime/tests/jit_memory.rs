//! JIT memory is never writable and executable at once: while a program makes and
//! throws away executors under the JIT, another thread keeps reading /proc/self/maps
//! and looks for a mapping with both `w` and `x`.

#![cfg(all(target_arch = "x86_64", target_os = "linux"))]

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use stitch::program::{Options, Outcome, Tier, run_source};

fn churn_program() -> String {
    let mut src = String::new();
    for k in 0..300 {
        src.push_str(&format!(
            "def f{k}(n):\n    t = 0\n    for i in range(n):\n        if i % 3 == {r}:\n            t = t + i\n        else:\n            t = t - 1\n    return t\n\n",
            r = k % 3
        ));
    }
    src.push_str("total = 0\nfor r in range(3):\n");
    for k in 0..300 {
        src.push_str(&format!("    total = total + f{k}(50)\n"));
    }
    src
}

#[test]
fn jit_memory_is_never_writable_and_executable() {
    let stop = Arc::new(AtomicBool::new(false));
    let samples = Arc::new(AtomicUsize::new(0));
    let poller = {
        let stop = stop.clone();
        let samples = samples.clone();
        std::thread::spawn(move || {
            let mut violations = Vec::new();
            let mut executable_anonymous = 0;
            while !stop.load(Ordering::Relaxed) {
                let maps = std::fs::read_to_string("/proc/self/maps").expect("procfs");
                for line in maps.lines() {
                    let mut fields = line.split_whitespace();
                    let _range = fields.next();
                    let perms = fields.next().unwrap_or("");
                    if perms.contains('w') && perms.contains('x') {
                        violations.push(line.to_string());
                    }
                    // Anonymous executable mappings: the JIT's (inode 0, no path).
                    if perms.contains('x') && line.split_whitespace().count() == 5 {
                        executable_anonymous += 1;
                    }
                }
                samples.fetch_add(1, Ordering::Relaxed);
            }
            (violations, executable_anonymous)
        })
    };
    let options = Options { tier: Tier::Jit, loop_threshold: 2, exit_hotness: -2, ..Options::default() };
    let outcome = run_source(&churn_program(), "churn.py", &options);
    stop.store(true, Ordering::Relaxed);
    let (violations, executable_anonymous) = poller.join().unwrap();
    assert!(matches!(outcome, Outcome::Finished), "{outcome:?}");
    assert!(samples.load(Ordering::Relaxed) > 0, "the poller read the maps");
    assert!(executable_anonymous > 0, "JIT code was mapped while the poller looked");
    assert!(violations.is_empty(), "writable and executable mappings: {violations:?}");
}
