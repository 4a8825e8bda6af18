//! A method or builtin that CPython has and stitch does not is refused as outside the
//! subset (exit code 2, the line named), never reported as an AttributeError or a
//! NameError that would look like a bug in the program. Names CPython lacks still are.

use std::process::Command;

#[test]
fn missing_methods_and_builtins_are_refused() {
    let dir = std::env::temp_dir().join(format!("stitch-missing-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let programs = [
        ("str_method.py", "print(1)\nprint('x'.isprintable())\n", "the method str.isprintable at str_method.py:2"),
        ("type_method.py", "print(1)\nprint(float.fromhex('0x1p1'))\n", "the attribute fromhex of a type at type_method.py:2"),
        ("bytes_method.py", "print(1)\nprint(b'ab'.title())\n", "the method bytes.title at bytes_method.py:2"),
        ("dict_method.py", "print(1)\nd = {}\nprint(d.__sizeof__())\n", "the attribute __sizeof__ of a dict object at dict_method.py:3"),
        ("builtin.py", "print(1)\nprint(locals())\n", "the builtin locals at builtin.py:2"),
        ("vars.py", "print(1)\nprint(vars())\n", "vars() without an argument at vars.py:2"),
    ];
    for (name, source, refusal) in programs {
        std::fs::write(dir.join(name), source).unwrap();
        for tier in ["1", "2", "jit"] {
            let out = Command::new(env!("CARGO_BIN_EXE_stitch")).args(["run", "--tier", tier, name]).current_dir(&dir).output().unwrap();
            let what = format!("{name} --tier {tier}");
            assert_eq!(out.status.code(), Some(2), "{what}: {}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n", "{what}");
            assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), format!("stitch: unsupported: {refusal}"), "{what}");
        }
    }
    // What CPython lacks too stays the program's error.
    std::fs::write(dir.join("typo.py"), "print('x'.uper())\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stitch")).args(["run", "typo.py"]).current_dir(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("AttributeError: 'str' object has no attribute 'uper'"));
    let _ = std::fs::remove_dir_all(&dir);
}
