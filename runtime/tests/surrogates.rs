//! Lone surrogates: a str holds any code point, and stitch keeps the strs that hold a
//! surrogate in generalized UTF-8 (the corpus programs `surrogates_basic`,
//! `hot_surrogates` and `err_print_surrogate` check what works against CPython). Here:
//! the streams (stdout refuses one as CPython's strict UTF-8 does, stderr escapes it,
//! a file object gets the str), and the operations stitch refuses on such a str, as
//! outside the subset (exit code 2, after what was printed before), rather than run
//! them on a different character.

use std::process::Command;

fn run(tier: &str, program: &str) -> (Option<i32>, String, String) {
    let path = std::env::temp_dir().join(format!("stitch-surrogates-{}-{}.py", std::process::id(), program.len()));
    std::fs::write(&path, program).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stitch")).args(["run", "--tier", tier]).arg(&path).output().unwrap();
    let _ = std::fs::remove_file(&path);
    (out.status.code(), String::from_utf8_lossy(&out.stdout).to_string(), String::from_utf8_lossy(&out.stderr).trim_end().to_string())
}

#[test]
fn a_lone_surrogate_is_a_character() {
    for tier in ["1", "2", "jit"] {
        let (code, stdout, _) = run(tier, "print(len(\"\\ud800\"), repr(\"\\ud800\"), ord(chr(0xD800)))\n");
        assert_eq!(code, Some(0), "--tier {tier}");
        assert_eq!(stdout, "1 '\\ud800' 55296\n");

        // Escaped backslashes and raw strings hold no surrogate.
        let (code, stdout, _) = run(tier, "print('\\\\ud800', r'\\ud800', chr(0xD7FF) == '\\ud7ff', len('\\U0001F600'))\n");
        assert_eq!(code, Some(0), "--tier {tier}");
        assert_eq!(stdout, "\\ud800 \\ud800 True 1\n");
    }
}

#[test]
fn streams_take_a_lone_surrogate_as_cpythons_do() {
    for tier in ["1", "2", "jit"] {
        // stdout encodes strictly: a run of surrogates is named by its positions.
        let (code, stdout, stderr) = run(tier, "print('x')\nprint('a', 'b' + chr(0xD800) + chr(0xDC00) + 'c')\n");
        assert_eq!(code, Some(1), "--tier {tier}");
        assert_eq!(stdout, "x\na ");
        assert!(stderr.ends_with("UnicodeEncodeError: 'utf-8' codec can't encode characters in position 1-2: surrogates not allowed"), "{stderr}");

        // stderr writes it backslash-escaped.
        let (code, _, stderr) = run(tier, "import sys\nprint('a' + chr(0xDFFF), file=sys.stderr)\n");
        assert_eq!(code, Some(0), "--tier {tier}");
        assert_eq!(stderr, "a\\udfff");

        // A file object's write gets the str itself.
        let program = "class Log:\n    def __init__(self):\n        self.parts = []\n    def write(self, s):\n        self.parts.append(s)\nlog = Log()\nprint('\\udc80', 1, file=log)\nprint(log.parts)\n";
        let (code, stdout, _) = run(tier, program);
        assert_eq!(code, Some(0), "--tier {tier}");
        assert_eq!(stdout, "['\\udc80', ' ', '1', '\\n']\n");
    }
}

#[test]
fn other_operations_on_a_lone_surrogate_are_refused() {
    for tier in ["1", "2", "jit"] {
        for (program, line) in [
            ("s = 'a\\ud800'\nprint('before')\nprint(s.upper())\n", 3),
            ("s = chr(0xDC00)\nprint('before')\nprint('%s!' % s)\n", 3),
            ("s = chr(0xDC00)\nprint('before')\nprint(s.split('a'))\n", 3),
            ("s = chr(0xDC00)\nprint('before')\nprint(f'{s:>3}')\n", 3),
            // Formatting a code point as a character works on Rust text.
            ("x = 55296\nprint('before')\nprint('%c' % x)\n", 3),
            ("x = 55296\nprint('before')\nprint(format(x, 'c'))\n", 3),
        ] {
            let (code, stdout, stderr) = run(tier, program);
            assert_eq!(code, Some(2), "--tier {tier}: {program}");
            assert_eq!(stdout, "before\n");
            assert!(stderr.starts_with("stitch: unsupported: lone surrogates in str"), "{stderr}");
            assert!(stderr.contains(&format!(":{line}")), "{stderr}");
        }

        // What the parser keeps as text: an f-string's own text, a docstring, and a
        // literal that also names a character.
        for program in ["x = 1\nprint(f'\\ud800{x}')\n", "def f():\n    '\\ud800'\n", "print('\\ud800\\N{BULLET}')\n"] {
            let (code, stdout, stderr) = run(tier, program);
            assert_eq!(code, Some(2), "--tier {tier}: {program}");
            assert_eq!(stdout, "", "refused before anything runs");
            assert!(stderr.starts_with("stitch: unsupported: lone surrogates in "), "{stderr}");
        }
    }
}
