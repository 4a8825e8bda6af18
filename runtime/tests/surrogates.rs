//! Lone surrogates: CPython's strs hold any code point; stitch's hold Unicode scalar
//! values only. Rather than run with a different character (a literal `"\ud800"` once
//! became U+FFFD), a program that makes one is refused as outside the subset: exit code
//! 2 and stitch's `unsupported` report, after what it printed before.

use std::process::Command;

fn run(tier: &str, program: &str) -> (Option<i32>, String, String) {
    let path = std::env::temp_dir().join(format!("stitch-surrogates-{}-{}.py", std::process::id(), program.len()));
    std::fs::write(&path, program).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stitch")).args(["run", "--tier", tier]).arg(&path).output().unwrap();
    let _ = std::fs::remove_file(&path);
    (out.status.code(), String::from_utf8_lossy(&out.stdout).to_string(), String::from_utf8_lossy(&out.stderr).trim_end().to_string())
}

#[test]
fn a_lone_surrogate_is_refused_not_replaced() {
    for tier in ["1", "2", "jit"] {
        let (code, stdout, stderr) = run(tier, "print(1)\nprint(len(\"\\ud800\"), repr(\"\\ud800\"))\n");
        assert_eq!(code, Some(2), "--tier {tier}");
        assert_eq!(stdout, "", "refused before anything runs");
        assert!(stderr.starts_with("stitch: unsupported: lone surrogates in str"), "{stderr}");
        assert!(stderr.ends_with(":2:11"), "{stderr}");

        let (code, stdout, stderr) = run(tier, "print('before')\nc = chr(0xD800)\n");
        assert_eq!(code, Some(2), "--tier {tier}");
        assert_eq!(stdout, "before\n");
        assert!(stderr.starts_with("stitch: unsupported: lone surrogates in str (chr() of a surrogate code point)"), "{stderr}");

        // Escaped backslashes and raw strings hold no surrogate.
        let (code, stdout, _) = run(tier, "print('\\\\ud800', r'\\ud800', chr(0xD7FF) == '\\ud7ff', len('\\U0001F600'))\n");
        assert_eq!(code, Some(0), "--tier {tier}");
        assert_eq!(stdout, "\\ud800 \\ud800 True 1\n");
    }
}
