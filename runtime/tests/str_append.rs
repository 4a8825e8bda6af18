//! `s += piece` in a loop is amortized linear (CPython appends in place when the str is
//! not shared): a million appends take well under a second in every tier, where
//! copying the whole str each time took minutes.

use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn a_million_appends_are_linear() {
    let program = "s = ''\nfor i in range(1000000):\n    s += 'ab'\nprint(len(s))\ndef build(n):\n    t = ''\n    for i in range(n):\n        t += 'xyz'\n    return t\nprint(len(build(1000000)))\n";
    let path = std::env::temp_dir().join(format!("stitch-append-{}.py", std::process::id()));
    std::fs::write(&path, program).unwrap();
    for tier in ["1", "2", "jit"] {
        let start = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_stitch")).args(["run", "--tier", tier]).arg(&path).output().unwrap();
        let took = start.elapsed();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout), "2000000\n3000000\n");
        // Quadratic copying would be ~10^12 bytes; linear is ~0.1 s. The bound leaves
        // room for a loaded machine.
        assert!(took < Duration::from_secs(5), "--tier {tier}: {took:?}");
    }
    let _ = std::fs::remove_file(&path);
}
