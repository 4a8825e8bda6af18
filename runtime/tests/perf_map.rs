//! `STITCH_PERF_MAP=1` names every uop of every compiled executor in
//! `/tmp/perf-<pid>.map`, the file `perf report` reads for JIT code.

#![cfg(all(target_arch = "x86_64", target_os = "linux"))]

use std::process::{Command, Stdio};

#[test]
fn the_perf_map_names_each_compiled_uop() {
    let dir = std::env::temp_dir().join(format!("stitch-perf-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let program = dir.join("loop.py");
    std::fs::write(&program, "t = 0\nfor i in range(1000):\n    t += i * 2.5\nprint(t)\n").unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_stitch"))
        .args(["run", "--tier", "jit"])
        .arg(&program)
        .env("STITCH_PERF_MAP", "1")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1248750.0\n");
    let map_path = format!("/tmp/perf-{pid}.map");
    let map = std::fs::read_to_string(&map_path).expect("the perf map was written");
    let _ = std::fs::remove_file(&map_path);
    let _ = std::fs::remove_dir_all(&dir);
    let lines: Vec<&str> = map.lines().collect();
    assert!(lines.iter().any(|l| l.ends_with(":_BINARY_OP_MULTIPLY_MIX")), "{map}");
    assert!(lines.iter().any(|l| l.ends_with(":_JUMP_TO_TOP")), "{map}");
    // Each line is `start size stitch:e<id>:<index>:<uop>`, in hex, and the uops of one
    // executor follow each other in its code.
    let mut previous: Option<(String, u64)> = None;
    for line in &lines {
        let mut f = line.split(' ');
        let start = u64::from_str_radix(f.next().unwrap(), 16).unwrap();
        let size = u64::from_str_radix(f.next().unwrap(), 16).unwrap();
        let name = f.next().unwrap();
        let executor = name.split(':').nth(1).unwrap().to_string();
        assert!(name.starts_with("stitch:e") && size > 0, "{line}");
        if let Some((e, end)) = &previous
            && *e == executor
        {
            assert_eq!(start, *end, "{line} follows the previous uop");
        }
        previous = Some((executor, start + size));
    }
}
