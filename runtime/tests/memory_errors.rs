//! Running out of memory is CPython's MemoryError (traceback, exit code 1, what was
//! printed before it on stdout), never an abort. Each program runs with its address
//! space limited (RLIMIT_AS, as `ulimit -v` sets it) under every tier, and CPython
//! 3.11, when it is here, is run the same way and must agree.

use std::os::unix::process::CommandExt;
use std::process::Command;

/// 2,000,000 KiB, as `ulimit -v 2000000`.
const LIMIT: u64 = 2_000_000 * 1024;

struct Case {
    name: &'static str,
    program: &'static str,
    stdout: &'static str,
    /// A smaller limit for programs that fill memory a little at a time.
    limit: u64,
}

const CASES: &[Case] = &[
    Case { name: "list_repeat", program: "print('before')\na = [0] * 300000000\nprint('not reached')\n", stdout: "before\n", limit: LIMIT },
    Case { name: "str_repeat", program: "print('before')\ns = 'ab' * 1500000000\n", stdout: "before\n", limit: LIMIT },
    Case { name: "tuple_repeat", program: "print('before')\nt = (0, 1) * 150000000\n", stdout: "before\n", limit: LIMIT },
    Case {
        name: "str_double",
        program: "s = 'x' * 1000\nn = 0\nwhile True:\n    s = s + s\n    n += 1\n    if n == 12:\n        print('growing', len(s))\n",
        stdout: "growing 4096000\n",
        limit: LIMIT,
    },
    Case { name: "list_extend", program: "a = [0] * 1000\nprint('before')\nwhile True:\n    a.extend(a)\n", stdout: "before\n", limit: LIMIT },
    Case { name: "list_imul", program: "a = [0] * 1000\nprint('before')\nwhile True:\n    a *= 2\n", stdout: "before\n", limit: LIMIT },
    Case { name: "list_iadd", program: "a = [0] * 1000\nprint('before')\nwhile True:\n    a += a\n", stdout: "before\n", limit: LIMIT },
    Case {
        name: "str_join",
        program: "s = 'x' * 100000000\nprint('before')\nt = ','.join([s] * 25)\nprint(len(t))\n",
        stdout: "before\n",
        limit: LIMIT,
    },
    Case { name: "str_slice", program: "s = 'x' * 900000000\nprint('before')\nt = s[1:]\nu = s[2:]\nprint(len(t) + len(u))\n", stdout: "before\n", limit: LIMIT },
    Case {
        name: "tuple_concat",
        program: "t = tuple(range(10)) * 1000000\nprint('before')\nwhile True:\n    t = t + t\n",
        stdout: "before\n",
        limit: LIMIT,
    },
    Case {
        name: "dict_grow",
        program: "d = {}\ni = 0\nprint('before')\nwhile True:\n    d[i] = i\n    i += 1\n",
        stdout: "before\n",
        limit: 600_000 * 1024,
    },
];

fn run(program: &str, args: &[&str], path: &std::path::Path, limit: u64) -> std::process::Output {
    let mut c = Command::new(program);
    c.args(args).arg(path);
    // SAFETY: only setrlimit between fork and exec.
    unsafe {
        c.pre_exec(move || {
            let l = libc::rlimit { rlim_cur: limit, rlim_max: limit };
            if libc::setrlimit(libc::RLIMIT_AS, &l) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    c.output().unwrap()
}

fn last_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").to_string()
}

#[test]
fn running_out_of_memory_is_a_memory_error() {
    let dir = std::env::temp_dir().join(format!("stitch-memory-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let python = Command::new("python3").arg("--version").output().ok().filter(|o| String::from_utf8_lossy(&o.stdout).contains("3.11"));
    let mut failures = Vec::new();
    for case in CASES {
        let path = dir.join(format!("{}.py", case.name));
        std::fs::write(&path, case.program).unwrap();
        let mut runs: Vec<(String, std::process::Output)> = ["1", "2", "jit"]
            .iter()
            .map(|tier| (format!("stitch --tier {tier}"), run(env!("CARGO_BIN_EXE_stitch"), &["run", "--tier", tier], &path, case.limit)))
            .collect();
        if python.is_some() {
            runs.push(("CPython".to_string(), run("python3", &[], &path, case.limit)));
        }
        for (who, out) in runs {
            let stdout = String::from_utf8_lossy(&out.stdout);
            let problem = if out.status.code() != Some(1) {
                Some(format!("exit {:?}", out.status))
            } else if stdout != case.stdout {
                Some(format!("stdout {stdout:?}"))
            } else if last_line(&out.stderr) != "MemoryError" {
                Some(format!("last stderr line {:?}", last_line(&out.stderr)))
            } else if !String::from_utf8_lossy(&out.stderr).starts_with("Traceback (most recent call last):\n") {
                Some("no traceback".to_string())
            } else {
                None
            };
            if let Some(p) = problem {
                failures.push(format!("{} under {who}: {p}; stderr: {}", case.name, String::from_utf8_lossy(&out.stderr).chars().take(300).collect::<String>()));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
