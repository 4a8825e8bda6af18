//! The command line as `python3` users type it: `stitch FILE ARGS`, `-c CODE`,
//! `-m MODULE` (a module, a dotted module in a package, a package's `__main__`), and
//! `-` (the program on stdin). Each form runs against CPython in the same directory
//! and must give the same stdout, exit code and last stderr line, with the
//! interpreter's own path taken out of CPython's one-line reports.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod common;
use common::python;

/// Exit code, stdout and last stderr line of `exe args` in `dir`, with `stdin` fed in.
fn run(exe: &Path, args: &[&str], dir: &Path, stdin: &str) -> (Option<i32>, String, String) {
    let mut child = Command::new(exe)
        .args(args)
        .current_dir(dir)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr.lines().last().unwrap_or("").replace(&exe.display().to_string(), "PROGRAM");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).to_string(), last)
}

fn project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stitch-command-line-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("tools")).unwrap();
    std::fs::create_dir_all(dir.join("app")).unwrap();
    let files = [
        ("show.py", "import sys\nprint(sys.argv[1:], __name__, __package__)\nprint(__file__.endswith('show.py'))\n"),
        ("fails.py", "print('before')\nraise SystemExit(3)\n"),
        ("tools/__init__.py", "print('tools imported')\n"),
        ("tools/report.py", "import sys\nfrom . import util\nprint('report', __name__, __package__, sys.argv[1:], util.twice(21))\n"),
        ("tools/util.py", "def twice(x):\n    return 2 * x\n"),
        ("app/__init__.py", "print('app imported')\n"),
        ("app/__main__.py", "print('app main', __name__, __package__)\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

#[test]
fn every_way_of_naming_the_program_runs_as_in_cpython() {
    let Some(python) = python() else {
        eprintln!("python3 not found: skipped");
        return;
    };
    let stitch = PathBuf::from(env!("CARGO_BIN_EXE_stitch"));
    let dir = project("forms");
    let stdin_program = "import sys\nprint('from stdin', sys.argv, __name__)\nx = [1, 2]\nprint(x[5])\n";
    let cases: &[(&[&str], &str)] = &[
        (&["show.py", "a", "-b", "--c"], ""),
        // The program's own options, stitch's names among them, are the program's.
        (&["show.py", "-h", "--tier", "1", "--help", "--"], ""),
        (&["-c", "import sys; print(sys.argv)", "-h", "--stats"], ""),
        (&["-m", "show", "--version", "-c"], ""),
        (&["fails.py"], ""),
        (&["-c", "import sys; print(sys.argv, __name__, __package__); print(1 / 0)", "x", "y"], ""),
        (&["-c", "print(__file__)"], ""),
        (&["-c", "import tools.util as u; print(u.twice(4))"], ""),
        (&["-c", "1 +"], ""),
        (&["-m", "show", "arg"], ""),
        (&["-m", "tools.report", "q"], ""),
        (&["-m", "app"], ""),
        (&["-m", "tools"], ""),
        (&["-m", "no_such_module"], ""),
        (&["-", "one", "two"], stdin_program),
        (&["missing.py"], ""),
    ];
    let mut failures = Vec::new();
    for (args, stdin) in cases {
        let expected = run(&python, args, &dir, stdin);
        let got = run(&stitch, args, &dir, stdin);
        if got != expected {
            failures.push(format!("{args:?}:\n  cpython {expected:?}\n  stitch  {got:?}"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_standard_module_run_with_m_is_refused() {
    let dir = project("refused");
    let (code, stdout, last) = run(Path::new(env!("CARGO_BIN_EXE_stitch")), &["-m", "json.tool"], &dir, "");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, Some(2));
    assert_eq!(stdout, "");
    assert_eq!(last, "stitch: unsupported: running the standard module 'json.tool' with -m");
}
