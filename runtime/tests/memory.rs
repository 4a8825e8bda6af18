//! Memory stays bounded: objects are reclaimed as soon as their last reference goes.
//! The peak resident size of a child running the program is read from getrusage.

use std::process::Command;

/// Peak RSS in KiB of the children that have exited (the largest of them).
fn children_peak_kib() -> i64 {
    // SAFETY: getrusage writes into the struct we pass.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage.ru_maxrss
    }
}

#[test]
fn ten_million_short_lived_lists_stay_under_100_mb() {
    let program = "total = 0\nfor i in range(10000000):\n    xs = [i, i + 1, i + 2]\n    total = total + len(xs)\nprint(total)\n";
    let path = std::env::temp_dir().join(format!("stitch-lists-{}.py", std::process::id()));
    std::fs::write(&path, program).unwrap();
    for tier in ["1", "jit"] {
        let out = Command::new(env!("CARGO_BIN_EXE_stitch")).args(["run", "--tier", tier]).arg(&path).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout), "30000000\n");
    }
    let _ = std::fs::remove_file(&path);
    let peak = children_peak_kib();
    assert!(peak > 0, "getrusage reports the children's peak");
    assert!(peak < 100 * 1024, "peak RSS {peak} KiB");
}
