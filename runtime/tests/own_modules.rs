//! A program's own modules that stitch cannot run: a construct outside the subset in
//! an imported file is refused naming that file and line (exit 2), and a syntax error
//! there is CPython's SyntaxError, raised at the import.

use std::process::Command;

fn run_in(dir: &std::path::Path, main: &str) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stitch")).args(["run", main]).current_dir(dir).output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stdout).to_string(), String::from_utf8_lossy(&out.stderr).trim_end().to_string())
}

#[test]
fn a_refusal_in_an_imported_module_names_its_file_and_line() {
    let dir = std::env::temp_dir().join(format!("stitch-own-modules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("helper.py"), "x = 1\n\nimport sqlite3\n").unwrap();
    std::fs::write(dir.join("main.py"), "print('start')\nimport helper\nprint('not reached')\n").unwrap();
    std::fs::write(dir.join("broken.py"), "def f(:\n    pass\n").unwrap();
    std::fs::write(dir.join("main2.py"), "print('start')\ntry:\n    import broken\nexcept SyntaxError as e:\n    print('caught', type(e).__name__)\n").unwrap();
    let (code, stdout, stderr) = run_in(&dir, "main.py");
    let abs = dir.canonicalize().unwrap();
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(stdout, "start\n");
    let expected = format!("stitch: unsupported: module 'sqlite3' at {}/helper.py:3", abs.display());
    assert!(stderr.ends_with(&expected) || stderr.ends_with(&format!("stitch: unsupported: module 'sqlite3' at {}/helper.py:3", dir.display())), "{stderr}");
    let (code, stdout, stderr) = run_in(&dir, "main2.py");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout, "start\ncaught SyntaxError\n");
    let _ = std::fs::remove_dir_all(&dir);
}
