//! The cycle collector frees reference cycles: programs that make cyclic garbage in a
//! loop stay small under every tier (without the collector each of them leaks hundreds
//! of megabytes), and a long soak under the JIT keeps its peak flat. Each child's peak
//! resident size comes from `wait4`'s rusage.

use std::io::Read;
use std::process::{Command, Stdio};

/// Runs `program` under `--tier tier`; returns its stdout and its peak RSS in KiB.
fn run(name: &str, program: &str, tier: &str) -> (String, i64) {
    let path = std::env::temp_dir().join(format!("stitch-cycles-{name}-{tier}-{}.py", std::process::id()));
    std::fs::write(&path, program).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stitch"))
        .args(["run", "--tier", tier])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let mut status = 0;
    // SAFETY: waiting for our own child; rusage is written by the kernel.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        let pid = libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage);
        assert_eq!(pid, child.id() as libc::pid_t, "wait4");
        usage
    };
    let _ = std::fs::remove_file(&path);
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "{name} --tier {tier}: status {status}: {err}");
    (out, usage.ru_maxrss)
}

const TIERS: [&str; 3] = ["1", "2", "jit"];
/// Far below what any of the programs leaks without the collector, far above what
/// they take with it (stitch starts at about 27 MB).
const BOUND_KIB: i64 = 100 * 1024;

fn check(name: &str, program: &str, expected: &str) {
    for tier in TIERS {
        let (out, peak) = run(name, program, tier);
        assert_eq!(out, expected, "{name} --tier {tier}");
        assert!(peak < BOUND_KIB, "{name} --tier {tier}: peak RSS {peak} KiB");
    }
}

#[test]
fn lists_that_hold_themselves_are_freed() {
    // ~200 MB without the collector.
    check("self", "for i in range(3000000):\n    a = []\n    a.append(a)\nprint(len(a))\n", "1\n");
}

#[test]
fn cycles_through_a_list_and_a_dict_are_freed() {
    // ~480 MB without the collector.
    let program = "for i in range(1000000):\n    a = []\n    d = {'a': a}\n    a.append(d)\nprint(len(a), len(d))\n";
    check("list-dict", program, "1 1\n");
}

#[test]
fn cycles_through_functions_are_freed() {
    // Defaults, keyword-only defaults, closures and function attributes: ~600 MB
    // without the collector.
    let program = "\
def make(i):
    box = [i]
    def f(x, extra=box):
        return x + len(extra)
    box.append(f)
    d = {}
    def g(*, opts=d):
        return len(opts)
    d['g'] = g
    def inner():
        return inner
    def h():
        return i
    h.me = h
    return f(1) + g() + len([inner, h])

total = 0
for i in range(150000):
    total += make(i)
print(total)
";
    check("functions", program, "900000\n");
}

#[test]
fn cycles_through_nested_containers_and_iterators_are_freed() {
    // ~500 MB without the collector.
    let program = "\
n = 0
for i in range(300000):
    a = [[[i]]]
    a[0][0].append(a)
    t = (a, [a])
    a.append(t)
    a.append(a.append)
    a.append(enumerate(a))
    n += len(a)
print(n)
";
    check("nested", program, "1200000\n");
}

/// Cyclic garbage, a 100,000-deep cycle of nested lists and large containers that hold
/// themselves, made and dropped `rounds` times under the JIT.
fn soak(rounds: usize) -> (String, i64) {
    let program = format!(
        "\
total = 0
for r in range({rounds}):
    root = [0]
    node = root
    for j in range(100000):
        child = [j]
        node.append(child)
        node = child
    node.append(root)
    big = list(range(200000))
    big.append(big)
    table = {{}}
    for k in range(50000):
        table[k] = [k, table]
    for i in range(50000):
        a = [i]
        a.append(a)
        d = {{'a': a}}
        a.append(d)
        def f(x, y=a):
            return x
        a.append(f)
    total += len(big) + len(table) + len(root)
print(total)
"
    );
    run(&format!("soak{rounds}"), &program, "jit")
}

#[test]
fn a_soak_under_the_jit_keeps_its_peak_flat() {
    let (out, short) = soak(3);
    assert_eq!(out, "750009\n");
    let (out, long) = soak(12);
    assert_eq!(out, "3000036\n");
    // Without the collector each round leaks ~60 MB.
    assert!(long < short + short / 4, "peak RSS {short} KiB after 3 rounds, {long} KiB after 12");
    assert!(long < 2 * BOUND_KIB, "peak RSS {long} KiB");
}

#[test]
fn cycles_through_library_objects_are_freed() {
    // Deques, defaultdicts, Counters, namedtuples, partials and lru_cache wrappers
    // holding themselves (through their items, their factory, their arguments or a
    // cache entry); hundreds of megabytes without the collector's visits into them.
    let program = "\
from collections import deque, defaultdict, Counter, namedtuple
from functools import partial, lru_cache
Pair = namedtuple('Pair', 'a b')
def ident(x):
    return x
for i in range(300000):
    d = deque([1, 2])
    d.append(d)
    dd = defaultdict(list)
    dd['k'].append(dd)
    c = Counter('ab')
    c['self'] = [c]
    p = Pair([], 1)
    p.a.append(p)
    f = partial(ident, [])
    f.args[0].append(f)
    w = lru_cache(maxsize=None)(ident)
    w(w)
print(len(d), len(dd), len(c), len(p.a), len(f.args[0]))
";
    check("library", program, "3 1 3 1 1\n");
}

#[test]
fn trees_of_instances_with_parent_pointers_are_freed() {
    // ~560 MB without instances in the collector.
    let program = "class Node:\n    def __init__(self, parent):\n        self.parent = parent\n        self.children = []\n        if parent is not None:\n            parent.children.append(self)\nfor i in range(300000):\n    root = Node(None)\n    leaf = Node(Node(root))\nprint(len(root.children), leaf.parent.parent is root)\n";
    check("instances", program, "1 True\n");
}

#[test]
fn classes_made_in_a_loop_are_freed() {
    // A class's methods hold the globals that hold the class.
    let program = "for i in range(100000):\n    class C:\n        def m(self):\n            return C\n    c = C()\n    c.me = c\nprint(c.m() is C)\n";
    check("classes", program, "True\n");
}
