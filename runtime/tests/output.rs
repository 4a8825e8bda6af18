//! Output is never lost, and ends as CPython's does: a closed pipe is a
//! BrokenPipeError, SIGINT a KeyboardInterrupt that ends the process by SIGINT, SIGTERM
//! ends it by SIGTERM after what was printed reached stdout. These need pipes and
//! signals, so they are not corpus programs.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn program(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stitch-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn stitch(tier: &str, path: &PathBuf) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stitch"));
    c.args(["run", "--tier", tier]).arg(path);
    c
}

fn last_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").to_string()
}

/// `stitch run prog.py | head -1` with a program printing many lines: the reader goes
/// away, the next write is CPython's BrokenPipeError (traceback, exit 1).
#[test]
fn a_closed_pipe_is_a_broken_pipe_error() {
    let path = program("many.py", "for i in range(200000):\n    print(i)\nprint('end')\n");
    for tier in ["1", "2", "jit"] {
        let mut child = stitch(tier, &path).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        // The reader is dropped here: the pipe is closed.
        let mut stderr = Vec::new();
        child.stderr.take().unwrap().read_to_end(&mut stderr).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(first, "0\n", "--tier {tier}");
        assert_eq!(status.code(), Some(1), "--tier {tier}: {}", String::from_utf8_lossy(&stderr));
        assert_eq!(last_line(&stderr), "BrokenPipeError: [Errno 32] Broken pipe", "--tier {tier}");
        assert!(String::from_utf8_lossy(&stderr).starts_with("Traceback (most recent call last):\n"));
    }
}

/// A pipe closed before the output is written out at exit: CPython reports the
/// BrokenPipeError as ignored, after the program's own traceback, and exits with 120.
#[test]
fn a_pipe_closed_before_exit_is_cpythons_ignored_broken_pipe() {
    let path = program("late.py", "i = 0\nwhile i < 200000:\n    i += 1\nprint('hi')\nprint(1 / 0)\n");
    let mut child = stitch("1", &path).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(120), "{stderr}");
    assert!(stderr.contains("ZeroDivisionError: division by zero\nException ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n"), "{stderr}");
    assert_eq!(last_line(&out.stderr), "BrokenPipeError: [Errno 32] Broken pipe");
}

/// Starts an endless loop that printed a line first, waits for the line, sends `signal`.
fn interrupt(tier: &str, signal: i32) -> std::process::Output {
    // One file per signal: the tests run in parallel, and a file rewritten under a
    // starting child reads as empty.
    let path = program(&format!("loop{signal}.py"), "print('started')\ni = 0\nwhile True:\n    i += 1\n");
    let mut child = stitch(tier, &path).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // The line is still in the runtime's buffer (stdout is a pipe): wait until the loop
    // has surely started instead.
    let start = Instant::now();
    std::thread::sleep(Duration::from_millis(300));
    assert!(child.try_wait().unwrap().is_none(), "the loop runs");
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as i32, signal) };
    let out = child.wait_with_output().unwrap();
    assert!(start.elapsed() < Duration::from_secs(10));
    out
}

/// SIGINT: the printed line reaches stdout, then CPython's KeyboardInterrupt with the
/// frame the loop runs in, and the process ends by SIGINT (status 130 in a shell), as
/// CPython 3.11 does.
#[test]
fn sigint_is_a_keyboard_interrupt_and_keeps_the_output() {
    for tier in ["1", "2", "jit"] {
        let out = interrupt(tier, libc::SIGINT);
        assert_eq!(String::from_utf8_lossy(&out.stdout), "started\n", "--tier {tier}");
        assert_eq!(last_line(&out.stderr), "KeyboardInterrupt", "--tier {tier}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("line 3, in <module>\n") || stderr.contains("line 4, in <module>\n"), "--tier {tier}: {stderr}");
        assert_eq!(out.status.signal(), Some(libc::SIGINT), "--tier {tier}: {:?}", out.status);
    }
}

/// A KeyboardInterrupt is an exception where the program runs: `except` catches it
/// and `finally` runs, in loops run by tier 1, by executors and by compiled code; the
/// second one, uncaught, reports the frames it went through.
#[test]
fn a_keyboard_interrupt_can_be_caught_and_runs_finally() {
    let text = "def spin(n):\n    i = 0\n    while True:\n        i += n\n\ndef outer():\n    try:\n        spin(1)\n    finally:\n        print('finally ran')\n\nprint('started', flush=True)\ntry:\n    spin(2)\nexcept KeyboardInterrupt:\n    print('caught', flush=True)\nouter()\n";
    let path = program("caught.py", text);
    for tier in ["1", "2", "jit"] {
        let mut child = stitch(tier, &path).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let mut lines = Vec::new();
        for _ in 0..2 {
            let mut line = String::new();
            if lines.is_empty() {
                reader.read_line(&mut line).unwrap();
            } else {
                // Each interrupt once the loop surely runs; the first is caught.
                std::thread::sleep(Duration::from_millis(200));
                // SAFETY: signalling our own child.
                unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
                reader.read_line(&mut line).unwrap();
            }
            lines.push(line);
        }
        std::thread::sleep(Duration::from_millis(200));
        // SAFETY: as above.
        unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
        let mut rest = String::new();
        reader.read_to_string(&mut rest).unwrap();
        let mut stderr = String::new();
        child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(lines, ["started\n", "caught\n"], "--tier {tier}");
        assert_eq!(rest, "finally ran\n", "--tier {tier}");
        let frames: Vec<&str> = stderr.lines().filter(|l| l.starts_with("  File ")).map(|l| l.rsplit(", in ").next().unwrap_or("")).collect();
        assert_eq!(frames, ["<module>", "outer", "spin"], "--tier {tier}: {stderr}");
        assert_eq!(last_line(stderr.as_bytes()), "KeyboardInterrupt", "--tier {tier}");
        assert_eq!(status.signal(), Some(libc::SIGINT), "--tier {tier}: {status:?}");
    }
}

/// SIGTERM: the process ends by SIGTERM with nothing on stderr, as CPython's does; what
/// it printed is written out first (CPython loses its buffer here; stitch does not).
#[test]
fn sigterm_ends_the_process_and_keeps_the_output() {
    for tier in ["1", "jit"] {
        let out = interrupt(tier, libc::SIGTERM);
        assert_eq!(String::from_utf8_lossy(&out.stdout), "started\n", "--tier {tier}");
        assert!(out.stderr.is_empty(), "--tier {tier}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.status.signal(), Some(libc::SIGTERM), "--tier {tier}");
    }
}

/// `print(..., file=sys.stderr)` writes to standard error, in order with stdout's text
/// only as far as CPython's buffering gives (the two streams are compared apart).
#[test]
fn print_to_stderr_goes_to_stderr_under_every_tier() {
    let path = program("print_stderr.py", "import sys\nfor i in range(3):\n    print('err', i, file=sys.stderr)\n    print('out', i, file=sys.stdout)\n");
    for tier in ["1", "2", "jit"] {
        let out = stitch(tier, &path).output().unwrap();
        assert!(out.status.success());
        assert_eq!(String::from_utf8_lossy(&out.stdout), "out 0\nout 1\nout 2\n");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "err 0\nerr 1\nerr 2\n");
    }
}
