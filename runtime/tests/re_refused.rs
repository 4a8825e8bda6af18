//! What CPython's regular-expression engine does that stitch's translation to
//! fancy-regex cannot do alike is refused at the call (exit code 2, the line named),
//! never answered differently (docs/re.md lists the differences).

use std::process::Command;

#[test]
fn untranslatable_patterns_are_refused() {
    let dir = std::env::temp_dir().join(format!("stitch-re-refused-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let programs = [
        ("conditional.py", "import re\nprint(1)\nre.match(r'(a)?(?(1)b|c)', 'ab')\n", "re: conditional groups (?(...)...) at conditional.py:3"),
        ("named_char.py", "import re\nprint(1)\nre.findall(r'\\N{BULLET}', 'x')\n", "re: \\N{...} escapes at named_char.py:3"),
        ("ascii_icase.py", "import re\nprint(1)\nre.search('k', 'K', re.I | re.A)\n", "re: IGNORECASE together with ASCII at ascii_icase.py:3"),
        ("scoped_verbose.py", "import re\nprint(1)\nre.compile('(?x: a b)c')\n", "re: a scoped VERBOSE flag (?x:...) at scoped_verbose.py:3"),
        ("big_repeat.py", "import re\nprint(1)\nre.compile('a{5000}')\n", "re: a repeat count above 1000 at big_repeat.py:3"),
    ];
    for (name, source, refusal) in programs {
        std::fs::write(dir.join(name), source).unwrap();
        for tier in ["1", "jit"] {
            let out = Command::new(env!("CARGO_BIN_EXE_stitch")).args(["run", "--tier", tier, name]).current_dir(&dir).output().unwrap();
            let what = format!("{name} --tier {tier}");
            assert_eq!(out.status.code(), Some(2), "{what}: {}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n", "{what}");
            assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), format!("stitch: unsupported: {refusal}"), "{what}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
