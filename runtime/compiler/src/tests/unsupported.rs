//! Constructs outside the subset are reported with a name and the position where
//! they start.

use super::error;
use crate::CompileError;

const CASES: &[(&str, &str, u32, u32)] = &[
    ("class A(**kw):\n    pass", "class keyword argument **", 1, 9),
    ("class A(B, metaclass=M, metaclass=N):\n    pass", "two metaclass keywords", 1, 25),
    ("class A(*bases):\n    pass", "starred base class", 1, 9),
    ("def f():\n    return super()", "super() outside a method", 2, 12),
    ("x = 1\nimport os", "module 'os'", 2, 1),
    ("from os import path", "module 'os'", 1, 1),
    ("import xml.dom as d", "module 'xml.dom'", 1, 1),
    ("try:\n    pass\nexcept* E:\n    pass", "except*", 1, 1),
    // `del a.b` compiles (DELETE_ATTR); `del` of a cell variable does not yet.
    ("def f():\n    x = 1\n    del x\n    return lambda: x", "del of a captured name", 3, 9),
    // Patterns compile; what they hold outside the subset is still refused.
    // Coroutines compile; async generators and `async for` do not yet.
    ("async def f():\n    yield 1", "async generator", 1, 1),
    ("async def f(xs):\n    async for x in xs:\n        pass", "async for", 2, 5),
];

#[test]
fn unsupported_constructs_are_named_with_their_position() {
    let mut mismatches = Vec::new();
    for &(source, construct, line, col) in CASES {
        let expected = CompileError::Unsupported {
            construct: construct.to_string(),
            line,
            col,
        };
        let got = error(source);
        if got != expected {
            mismatches.push(format!(
                "{source:?}\n   expected {expected:?}\n   got      {got:?}"
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} differ:\n{}",
        mismatches.len(),
        CASES.len(),
        mismatches.join("\n")
    );
}

#[test]
fn unsupported_report_format() {
    let source = "x = 1\ntry:\n    pass\nexcept* E:\n    pass\n";
    assert_eq!(
        error(source).render("prog.py", source),
        "stitch: unsupported: except* at prog.py:2:1\n"
    );
}

#[test]
fn a_global_used_in_a_nested_function_is_not_a_closure() {
    // `x` is declared global in the outer function, so the inner one reads the global.
    let source =
        "def f():\n    global x\n    x = 1\n    def g():\n        return x\n    return g\n";
    assert!(
        crate::compile_module(source, "t.py")
            .map(|c| c.decref())
            .is_ok()
    );
}
