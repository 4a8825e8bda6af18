//! Syntax errors get CPython 3.11's message, line and column (the expectations
//! were recorded with `compile(source, "f.py", "exec")` under CPython 3.11.7).

use super::error;
use crate::CompileError;

const CASES: &[(&str, &str, u32, u32)] = &[
    ("x = (1, 2", "'(' was never closed", 1, 5),
    ("if x\n    pass", "expected ':'", 1, 5),
    ("print(\"hello)", "unterminated string literal (detected at line 1)", 1, 7),
    ("x = 1 +", "invalid syntax", 1, 8),
    ("x = [1, 2 3]", "invalid syntax. Perhaps you forgot a comma?", 1, 9),
    ("f(a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 3),
    ("for x in range(3) print(x)", "invalid syntax", 1, 19),
    ("while True\n    pass", "expected ':'", 1, 11),
    ("x = 'abc\ny = 1", "unterminated string literal (detected at line 1)", 1, 5),
    ("s = \"\"\"abc", "unterminated triple-quoted string literal (detected at line 1)", 1, 5),
    ("s = \"\"\"abc\n\n", "unterminated triple-quoted string literal (detected at line 2)", 1, 5),
    ("  x = 1", "unexpected indent", 1, 2),
    ("if True:\npass", "expected an indented block after 'if' statement on line 1", 2, 1),
    ("if True:\n    x = 1\n   y = 2", "unindent does not match any outer indentation level", 3, 9),
    ("x = )", "unmatched ')'", 1, 5),
    ("x = 1 = 2", "cannot assign to literal", 1, 5),
    ("f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
    ("None = 1", "cannot assign to None", 1, 1),
    ("def f(a=1, b):\n    pass", "non-default argument follows default argument", 1, 12),
    ("x = $", "invalid syntax", 1, 5),
    ("print \"hello\"", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
    ("def f(x, x): pass", "duplicate argument 'x' in function definition", 1, 10),
    ("class A:\n    def f(self)\n        pass", "expected ':'", 2, 16),
    ("x = [1, 2\ny = 3", "'[' was never closed", 1, 5),
    ("x = f(1,", "'(' was never closed", 1, 6),
    ("f\"{x!z}\"", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9),
    ("f\"{x\"", "f-string: expecting '}'", 1, 6),
    ("x = 1 if 2", "expected 'else' after 'if' expression", 1, 5),
    ("(a, b) += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1),
    ("del f()", "cannot delete function call", 1, 5),
    ("x = 0777", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5),
    ("x = 0b2", "invalid digit '2' in binary literal", 1, 7),
    ("return", "'return' outside function", 1, 1),
    ("def f():\n    x = 1\n     y = 2", "unexpected indent", 3, 5),
    ("f(x for x in y, 1)", "Generator expression must be parenthesized", 1, 3),
    ("if x:", "expected an indented block after 'if' statement on line 1", 1, 6),
    ("def f():", "expected an indented block after function definition on line 1", 1, 9),
    ("x = ]", "unmatched ']'", 1, 5),
    ("(]", "closing parenthesis ']' does not match opening parenthesis '('", 1, 2),
    ("(\n]", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1),
    ("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
    ("x == 1 = 2", "cannot assign to comparison", 1, 1),
    ("x = €", "invalid character '€' (U+20AC)", 1, 5),
    ("if x:\n    pass\ny = 'abc", "unterminated string literal (detected at line 3)", 3, 5),
    ("x = 1 +\ny = 'abc", "unterminated string literal (detected at line 2)", 2, 5),
    ("def f() x", "expected ':'", 1, 9),
    ("while x y", "invalid syntax", 1, 9),
    ("[1, a + b c]", "invalid syntax. Perhaps you forgot a comma?", 1, 5),
    ("f(x=a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 5),
    ("x = {'a': 1 'b': 2}", "invalid syntax. Perhaps you forgot a comma?", 1, 11),
    ("print(a \"b\")", "invalid syntax", 1, 9),
    ("x = [a for a in b if c d]", "invalid syntax", 1, 24),
    ("def f(x):\n    global x", "name 'x' is parameter and global", 2, 5),
    ("x = 1\nglobal x", "name 'x' is assigned to before global declaration", 2, 1),
    ("def f():\n    print(x)\n    global x", "name 'x' is used prior to global declaration", 3, 5),
    ("def f():\n    x = 1\n    global x", "name 'x' is assigned to before global declaration", 3, 5),
    ("def f():\n    [y for y in x]\n    global x", "name 'x' is used prior to global declaration", 3, 5),
    ("f(a=1, a=2)", "keyword argument repeated: a", 1, 8),
    ("for x in y:\n    pass\nelse:\n    break", "'break' outside loop", 4, 5),
    ("def f():\n    break", "'break' outside loop", 2, 5),
    ("while x:\n    def g():\n        continue", "'continue' not properly in loop", 3, 9),
    ("x = yield 1", "'yield' outside function", 1, 5),
    ("nonlocal x", "nonlocal declaration not allowed at module level", 1, 1),
    ("class A:\n    return 1", "'return' outside function", 2, 5),
    ("await x", "'await' outside function", 1, 1),
    ("def f():\n    return 1\nreturn 2", "'return' outside function", 3, 1),
    ("x = 5\nif x > 3:\n    print(x\nprint('done')", "'(' was never closed", 3, 10),
    ("for i in range(3):\n    print(i)\n  print('x')", "unindent does not match any outer indentation level", 3, 13),
    ("x = 'a' 'b", "unterminated string literal (detected at line 1)", 1, 9),
    ("f'{f'{1}'}'", "f-string: expecting '}'", 1, 6),
    ("x = 1\n    y = 2\n", "unexpected indent", 2, 4),
    ("def f(:\n    pass", "invalid syntax", 1, 7),
    ("print(1, end='')) ", "unmatched ')'", 1, 17),
    ("else:\n    pass", "invalid syntax", 1, 1),
    ("x = 5 +* 3", "invalid syntax", 1, 8),
    ("a, b += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1),
    ("True = 1", "cannot assign to True", 1, 1),
    ("x = yield = 3", "assignment to yield expression not possible", 1, 5),
    ("for 1 in x: pass", "cannot assign to literal", 1, 5),
    ("def f(*, ): pass", "named arguments must follow bare *", 1, 7),
    ("x = 10 if y else", "invalid syntax", 1, 17),
    ("import", "invalid syntax", 1, 7),
    ("def f():\n    from math import *", "import * only allowed at module level", 2, 22),
    ("x = 1\nfrom __future__ import annotations", "from __future__ imports must occur at the beginning of the file", 2, 1),
    ("'doc'\nfrom __future__ import braces", "not a chance", 2, 1),
    ("from __future__ import annotations, spam", "future feature spam is not defined", 1, 1),
    ("def f(a, *, b, **c, d): pass", "arguments cannot follow var-keyword argument", 1, 21),
    ("f(**a, *b)", "iterable argument unpacking follows keyword argument unpacking", 1, 8),
    ("f(a b\nx = 1", "'(' was never closed", 1, 2),
    ("freq[w = 1\nx = 2", "'[' was never closed", 1, 5),
    ("x = (1 +\ny = 2", "'(' was never closed", 1, 5),
    ("print(x y", "'(' was never closed", 1, 6),
    ("x = d[]", "invalid syntax", 1, 7),
    ("print(d[])", "invalid syntax. Perhaps you forgot a comma?", 1, 7),
    ("d[]", "invalid syntax", 1, 3),
    ("x = 1abc", "invalid decimal literal", 1, 5),
    ("x = 1_", "invalid decimal literal", 1, 6),
    ("x = 0x1g", "invalid hexadecimal literal", 1, 7),
    ("x = 1__0", "invalid decimal literal", 1, 6),
    ("x = 1.5e", "invalid decimal literal", 1, 7),
    ("x = {1: }", "expression expected after dictionary key and ':'", 1, 7),
    ("x = {1: 2, 3}", "':' expected after dictionary key", 1, 12),
    ("f(**a, b)", "positional argument follows keyword argument unpacking", 1, 9),
    ("f(a=1, 2, 3)", "positional argument follows keyword argument", 1, 12),
    ("def f:\n    pass", "expected '('", 1, 6),
    ("def f(a a): pass", "invalid syntax", 1, 9),
    ("x = lst[-2:=:-2]", "invalid syntax", 1, 11),
    ("x = (a + b := 1)", "cannot use assignment expressions with expression", 1, 6),
    ("if x:\n\tpass\n        pass", "inconsistent use of tabs and spaces in indentation", 3, 1),
    ("if x:\n        pass\n\tpass", "inconsistent use of tabs and spaces in indentation", 3, 1),
    ("if x:\n    if y:\n\tpass", "inconsistent use of tabs and spaces in indentation", 3, 1),
    ("x = 1\n  \ny = 'abc", "unterminated string literal (detected at line 3)", 3, 5),
    ("print(sum_to(900)\nprint(1)", "'(' was never closed", 1, 6),
    ("print( ** 10, x ** 100)", "positional argument follows keyword argument unpacking", 1, 23),
    ("def clamp(x, lo lo=0, hi=1):\n    pass", "invalid syntax", 1, 17),
    ("             += 1\nx = 2", "unexpected indent", 1, 13),
    ("x = 1 if y else 2 3", "invalid syntax", 1, 19),
    ("print(out, s[-5 5])", "invalid syntax. Perhaps you forgot a comma?", 1, 14),
    ("print([y for y y in []], 1)", "invalid syntax. Perhaps you forgot a comma?", 1, 14),
    ("x = -( ** 70)", "cannot use double starred expression here", 1, 8),
    ("check = ( * 31 + ord(ch))", "cannot use starred expression here", 1, 11),
    ("x = x * x if x <  ** 40 else x", "expected 'else' after 'if' expression", 1, 5),
    ("x = x if i % 3 == ,0 else x", "expected 'else' after 'if' expression", 1, 5),
    ("def sq( (n):\n    pass", "Function parameters cannot be parenthesized", 1, 9),
    ("(i, end=\" \")", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 5),
    ("if x = 1: pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4),
    ("x = *a", "can't use starred expression here", 1, 5),
    ("def q(n, row=, cols): pass", "expected default value expression", 1, 13),
    ("j [= k\nx = 1", "invalid syntax", 1, 4),
    ("print(lst.index(8)):", "invalid syntax", 1, 20),
    ("x = {'a': : 1}", "invalid syntax", 1, 11),
    ("if count > 0:\n    if x:\nbreak", "expected an indented block after 'if' statement on line 2", 3, 0),
    ("for i in range:(1800000):\n    pass", "invalid syntax", 1, 25),
    ("def f():\n    await x", "'await' outside async function", 2, 5),
    ("*a = 1", "starred assignment target must be in a list or tuple", 1, 1),
    ("a, *b, *c = x", "multiple starred expressions in assignment", 1, 1),
    ("for *a in b: pass", "starred assignment target must be in a list or tuple", 1, 5),
    ("def f(x):\n    def g():\n        nonlocal y", "no binding for nonlocal 'y' found", 3, 9),
    ("class A:\n    x = yield", "'yield' outside function", 2, 9),
    ("[x for x in range(3) if (yield)]", "'yield' inside list comprehension", 1, 26),
    ("while 1:\n    class A:\n        break", "'break' outside loop", 3, 9),
];

#[test]
fn messages_and_positions_match_cpython() {
    let mut mismatches = Vec::new();
    for &(source, message, line, col) in CASES {
        let expected = CompileError::Syntax {
            line,
            col,
            message: message.to_string(),
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
fn indentation_errors_are_named_as_such() {
    assert_eq!(error("  x = 1").exception_name(), "IndentationError");
    assert_eq!(error("if x:\n").exception_name(), "IndentationError");
    assert_eq!(error("x = (").exception_name(), "SyntaxError");
}

#[test]
fn render_points_at_the_column() {
    let source = "x = 1\nif x\n    pass\n";
    let text = error(source).render("t.py", source);
    assert_eq!(
        text,
        "  File \"t.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n"
    );
}

#[test]
fn syntax_errors_win_over_unsupported_constructs() {
    // The class comes first, but CPython would not run the file at all.
    let e = error("class A:\n    pass\nx = (\n");
    assert!(matches!(e, CompileError::Syntax { .. }), "{e:?}");
    let e = error("import os\ndef f():\n    break\n");
    assert_eq!(
        e,
        CompileError::Syntax {
            line: 3,
            col: 5,
            message: "'break' outside loop".into()
        }
    );
}

#[test]
fn nesting_limits_match_cpython() {
    // CPython compiles a chain of 2990 additions but not 2991 (RecursionError).
    let chain = |n: usize| format!("x = {}\n", vec!["1"; n].join("+"));
    assert!(
        crate::compile_module(&chain(2990), "t.py")
            .map(|c| c.decref())
            .is_ok()
    );
    let e = error(&chain(2991));
    assert_eq!(e.exception_name(), "RecursionError");
    // Far deeper input is refused before parsing, without exhausting the stack: 5,967
    // prefix operators in a row exhaust CPython's parser stack (a bare MemoryError).
    let e = error(&format!("x = {}1\n", "-".repeat(200_000)));
    assert_eq!(e.exception_name(), "MemoryError");
    assert_eq!(e.render("t.py", ""), "MemoryError\n");
    let ok = format!("x = {}1\n", "-".repeat(5_966));
    assert_eq!(error(&format!("x = {}1\n", "-".repeat(5_967))).exception_name(), "MemoryError");
    assert!(crate::compile_module(&ok, "t.py").is_err_and(|e| e.exception_name() == "RecursionError"));
    // 200 levels of brackets, not 201.
    let nest = |n: usize| format!("x = {}{}\n", "[".repeat(n), "]".repeat(n));
    assert!(
        crate::compile_module(&nest(200), "t.py")
            .map(|c| c.decref())
            .is_ok()
    );
    assert_eq!(
        error(&nest(201)),
        CompileError::Syntax {
            line: 1,
            col: 205,
            message: "too many nested parentheses".into()
        }
    );
}
