//! A FILE that cannot be run ends as CPython's does: a directory (CPython looks for
//! its `__main__.py`) exits with 1, a missing file with 2, each with CPython's one-line
//! report naming the interpreter and the file as the working directory joined with the
//! path given.

use std::process::Command;

fn report(program: &str, file: &str, cwd: &std::path::Path) -> (Option<i32>, String) {
    let out = Command::new(program).arg(file).current_dir(cwd).output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).trim_end().to_string())
}

#[test]
fn a_directory_or_a_missing_file_is_reported_as_cpython_does() {
    let dir = std::env::temp_dir().join(format!("stitch-files-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    let stitch = env!("CARGO_BIN_EXE_stitch");
    let run = |file: &str| {
        let out = Command::new(stitch).args(["run", file]).current_dir(&dir).output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).trim_end().to_string())
    };
    let cwd = dir.canonicalize().unwrap();
    let (code, text) = run("pkg");
    assert_eq!(code, Some(1));
    assert_eq!(text, format!("{stitch}: can't find '__main__' module in '{}/pkg'", cwd.display()));
    let (code, text) = run("missing.py");
    assert_eq!(code, Some(2));
    assert_eq!(text, format!("{stitch}: can't open file '{}/missing.py': [Errno 2] No such file or directory", cwd.display()));
    // CPython agrees, but for its own name.
    if let Ok(exe) = Command::new("python3").args(["-c", "import sys; print(sys.executable)"]).output() {
        let python = String::from_utf8_lossy(&exe.stdout).trim().to_string();
        if !python.is_empty() {
            assert_eq!(report(&python, "pkg", &dir), (Some(1), format!("{python}: can't find '__main__' module in '{}/pkg'", cwd.display())));
            assert_eq!(
                report(&python, "missing.py", &dir),
                (Some(2), format!("{python}: can't open file '{}/missing.py': [Errno 2] No such file or directory", cwd.display()))
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
