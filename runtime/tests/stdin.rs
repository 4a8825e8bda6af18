//! Programs reading standard input (`input()`, `sys.stdin.readline()`, `read()`,
//! iterating `sys.stdin`, the bytes of `sys.stdin.buffer`) and writing through `sys.stdout`/`sys.stderr`, fed the same
//! bytes as CPython 3.11 gave the expected results for. (The corpus programs run
//! without input, so these live here.)

use std::io::Write;
use std::process::{Command, Stdio};

/// (program, stdin, CPython's stdout, CPython's exit code, CPython's last stderr line)
const CASES: &[(&str, &str, &str, i32, &str)] = &[
    (
        "import sys\ninput = sys.stdin.readline\nn = int(input())\nnums = list(map(int, input().split()))\n\
         print(n, sum(nums), max(nums))\nrest = [line.strip() for line in sys.stdin]\nprint(rest)\n",
        "3\n4 -1 9\nx\ny z\n",
        "3 12 9\n['x', 'y z']\n",
        0,
        "",
    ),
    (
        "import sys\ndata = sys.stdin.read().split()\nprint(len(data), data[-1])\nprint(repr(sys.stdin.readline()))\n",
        "1 2\n3\n\n4 5",
        "5 5\n''\n",
        0,
        "",
    ),
    (
        "name = input('who? ')\nprint('hi', name)\nprint(input())\n",
        "bob\n",
        "who? hi bob\n",
        1,
        "EOFError: EOF when reading a line",
    ),
    (
        "import sys\nlines = sys.stdin.readlines()\nn = sys.stdout.write('%d lines\\n' % len(lines))\n\
         sys.stderr.write('to stderr\\n')\nprint(n, lines)\n",
        "a\nb",
        "2 lines\n8 ['a\\n', 'b']\n",
        0,
        "to stderr",
    ),
    (
        "import sys\nsys.setrecursionlimit(50000)\nprint(sys.getrecursionlimit())\n\
         def depth(k):\n    return 0 if k == 0 else 1 + depth(k - 1)\nprint(depth(30000))\nsys.setrecursionlimit(0)\n",
        "",
        "50000\n30000\n",
        1,
        "ValueError: recursion limit must be greater or equal than 1",
    ),
    (
        "import sys\nhead = sys.stdin.buffer.readline()\nbody = sys.stdin.buffer.read().replace(b'\\n', b'')\n\
         print(head.rstrip(), len(body))\nsys.stdout.flush()\n\
         sys.stdout.buffer.write(body.translate(bytes.maketrans(b'ACGT', b'TGCA'))[::-1] + b'\\n')\n\
         print(repr(sys.stdin.buffer.read()), repr(sys.stdin.buffer.readline()), repr(input()))\n",
        ">ONE header\nACGT\nGGCA\n",
        "b'>ONE header' 8\nTGCCACGT\n",
        1,
        "EOFError: EOF when reading a line",
    ),
];

#[test]
fn programs_read_stdin_as_cpython_does() {
    let dir = std::env::temp_dir().join(format!("stitch-stdin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (i, &(source, input, stdout, code, last)) in CASES.iter().enumerate() {
        let path = dir.join(format!("stdin_{i}.py"));
        std::fs::write(&path, source).unwrap();
        for tier in ["1", "2", "jit"] {
            let mut child = Command::new(env!("CARGO_BIN_EXE_stitch"))
                .args(["run", "--tier", tier])
                .arg(&path)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("stitch runs");
            child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
            let out = child.wait_with_output().unwrap();
            let what = format!("case {i} --tier {tier}");
            assert_eq!(String::from_utf8_lossy(&out.stdout), stdout, "{what}");
            assert_eq!(out.status.code(), Some(code), "{what}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            let got = stderr.lines().filter(|l| !l.trim().is_empty()).last().unwrap_or("");
            assert_eq!(got, last, "{what}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
