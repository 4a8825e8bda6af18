//! The standard modules stitch writes in Python (`runtime/builtins/python/`): what
//! they do not provide is refused at the program's line, not inside the module, and a
//! program's own file of the same name shadows them, as in CPython.

use std::process::Command;

fn run_in(dir: &std::path::Path, main: &str) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stitch")).args(["run", main]).current_dir(dir).output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stdout).to_string(), String::from_utf8_lossy(&out.stderr).trim_end().to_string())
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("stitch-python-modules-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_refusal_inside_a_python_module_names_the_programs_line() {
    let dir = scratch("refusal");
    std::fs::write(dir.join("main.py"), "import queue\nq = queue.Queue()\nprint('start')\nq.get()\n").unwrap();
    let (code, stdout, stderr) = run_in(&dir, "main.py");
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(stdout, "start\n");
    assert!(stderr.ends_with("stitch: unsupported: a blocking get() on an empty queue (it waits for other threads) at main.py:4"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_name_a_partial_python_module_lacks_is_refused_and_a_private_one_is_missing() {
    let dir = scratch("names");
    std::fs::write(dir.join("main.py"), "import os\nprint(os.sep)\nos.chdir('/')\n").unwrap();
    std::fs::write(dir.join("private.py"), "import textwrap\nprint(textwrap._nothing)\n").unwrap();
    let (code, _, stderr) = run_in(&dir, "main.py");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.ends_with("stitch: unsupported: the attribute 'chdir' of module 'os' at main.py:3"), "{stderr}");
    let (code, _, stderr) = run_in(&dir, "private.py");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.ends_with("AttributeError: module 'textwrap' has no attribute '_nothing'"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_programs_own_file_shadows_a_python_module() {
    let dir = scratch("shadow");
    std::fs::write(dir.join("textwrap.py"), "def fill(text, width):\n    return 'own ' + text\n").unwrap();
    std::fs::write(dir.join("main.py"), "import textwrap\nprint(textwrap.fill('x', 3))\nprint(textwrap.dedent)\n").unwrap();
    let (code, stdout, stderr) = run_in(&dir, "main.py");
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stdout, "own x\n");
    // The program's module is complete by definition: a missing name is CPython's error.
    assert!(stderr.ends_with("AttributeError: module 'textwrap' has no attribute 'dedent'"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn what_os_lacks_is_refused_by_name_and_os_path_is_posixpath() {
    let dir = scratch("os");
    std::fs::write(dir.join("main.py"), "import os.path\nfrom os import path\nprint(path is os.path, os.path.__name__)\nos.stat('main.py')\n").unwrap();
    let (code, stdout, stderr) = run_in(&dir, "main.py");
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(stdout, "True posixpath\n");
    assert!(stderr.ends_with("stitch: unsupported: the attribute 'stat' of module 'os' at main.py:4"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn os_refuses_bytes_paths_and_oserror_kinds_stitch_lacks() {
    let dir = scratch("os-refusals");
    std::fs::write(dir.join("bytes.py"), "import os\nprint(os.path.basename(b'/a/b'))\n").unwrap();
    // NotADirectoryError is one of the OSError kinds stitch has; ENAMETOOLONG (a plain
    // OSError in CPython) is one it still refuses.
    std::fs::write(dir.join("notdir.py"), "import os\ntry:\n    os.listdir('notdir.py')\nexcept NotADirectoryError as e:\n    print(e)\nos.listdir('x' * 300)\n").unwrap();
    let (code, _, stderr) = run_in(&dir, "bytes.py");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.ends_with("stitch: unsupported: a bytes path at bytes.py:2"), "{stderr}");
    let (code, stdout, stderr) = run_in(&dir, "notdir.py");
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(stdout, "[Errno 20] Not a directory: 'notdir.py'\n");
    assert!(stderr.contains("stitch: unsupported: the OSError os.listdir() raises for 'xxx"), "{stderr}");
    assert!(stderr.contains("([Errno 36] File name too long)"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn datetime_refuses_aware_values_and_directives_it_lacks() {
    let dir = scratch("datetime");
    std::fs::write(dir.join("now.py"), "from datetime import datetime, timezone\nprint(timezone.utc)\nd = datetime.now(timezone.utc)\n").unwrap();
    std::fs::write(dir.join("zone.py"), "import datetime\nz = datetime.timezone(datetime.timedelta(hours=1))\n").unwrap();
    std::fs::write(dir.join("century.py"), "import datetime\nprint(datetime.date(2024, 1, 1).strftime('%C'))\n").unwrap();
    let (code, stdout, stderr) = run_in(&dir, "now.py");
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(stdout, "UTC\n");
    assert!(stderr.ends_with("stitch: unsupported: aware datetime values (a tzinfo argument to the datetime module) at now.py:3"), "{stderr}");
    let (code, _, stderr) = run_in(&dir, "zone.py");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.ends_with("stitch: unsupported: datetime.timezone (aware datetime values) at zone.py:2"), "{stderr}");
    let (code, _, stderr) = run_in(&dir, "century.py");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.ends_with("stitch: unsupported: the strftime directive %C at century.py:2"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
