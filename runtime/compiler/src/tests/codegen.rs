//! The bytecode of each construct.

use super::{dis, ops, view};
use crate::ConstView;

fn assert_ops(source: &str, index: usize, expected: &[&str]) {
    let got = ops(source, index);
    assert_eq!(got, expected, "\n{}", dis(source));
}

#[test]
fn assignment_and_call() {
    assert_ops(
        "x = 1\nprint(x)\n",
        0,
        &[
            "LOAD_CONST 0 (1)",
            "STORE_GLOBAL 0 (x)",
            "LOAD_GLOBAL 1 (print)",
            "PUSH_NULL",
            "LOAD_GLOBAL 0 (x)",
            "CALL 1",
            "POP_TOP",
            "LOAD_CONST 1 (None)",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn method_and_keyword_calls() {
    assert_ops(
        "s.split(',', 1)\nprint(1, end='')\n",
        0,
        &[
            "LOAD_GLOBAL 0 (s)",
            "LOAD_METHOD 1 (split)",
            "LOAD_CONST 0 (',')",
            "LOAD_CONST 1 (1)",
            "CALL 2",
            "POP_TOP",
            "LOAD_GLOBAL 2 (print)",
            "PUSH_NULL",
            "LOAD_CONST 1 (1)",
            "LOAD_CONST 2 ('')",
            "LOAD_CONST 3 (('end',))",
            "CALL_KW 2",
            "POP_TOP",
            "LOAD_CONST 4 (None)",
            "RETURN_VALUE",
        ],
    );
    assert_ops(
        "sorted(a, reverse=True)\n",
        0,
        &[
            "LOAD_GLOBAL 0 (sorted)",
            "PUSH_NULL",
            "LOAD_GLOBAL 1 (a)",
            "LOAD_CONST 0 (True)",
            "LOAD_CONST 1 (('reverse',))",
            "CALL_KW 2",
            "POP_TOP",
            "LOAD_CONST 2 (None)",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn def_with_defaults() {
    let source = "def f(a, b=2, c='x'):\n    return a\n";
    assert_ops(
        source,
        0,
        &[
            "LOAD_CONST 0 ((2, 'x'))",
            "LOAD_CONST 1 (<code object f, line 1>)",
            "MAKE_FUNCTION",
            "SET_FUNCTION_ATTRIBUTE 1 (defaults)",
            "STORE_GLOBAL 0 (f)",
            "LOAD_CONST 2 (None)",
            "RETURN_VALUE",
        ],
    );
    assert_ops(source, 1, &["LOAD_FAST 0 (a)", "RETURN_VALUE"]);
    let ConstView::Code(f) = &view(source).consts[1] else {
        panic!("no code")
    };
    assert_eq!(
        (f.argcount, f.nlocals, f.varnames.clone()),
        (3, 3, vec!["a".into(), "b".into(), "c".into()])
    );
    assert_eq!(f.name, "f");
    assert!(dis(source).contains("Disassembly of f (t.py:1):"));
}

#[test]
fn locals_globals_and_unbound_checks() {
    let source = "def f(c):\n    if c:\n        y = 1\n    return y\n";
    assert_ops(
        source,
        1,
        &[
            "LOAD_FAST 0 (c)",
            "POP_JUMP_IF_FALSE to #4",
            "LOAD_CONST 0 (1)",
            "STORE_FAST 1 (y)",
            "LOAD_FAST_CHECK 1 (y)",
            "RETURN_VALUE",
        ],
    );
    // Assigned on every path: no check.
    let source = "def f(c):\n    if c:\n        y = 1\n    else:\n        y = 2\n    return y\n";
    assert!(
        ops(source, 1).contains(&"LOAD_FAST 1 (y)".to_string()),
        "{}",
        dis(source)
    );
    // A loop variable after a loop that may not have run.
    let source = "def f(n):\n    for i in range(n):\n        pass\n    return i\n";
    assert!(
        ops(source, 1).contains(&"LOAD_FAST_CHECK 1 (i)".to_string()),
        "{}",
        dis(source)
    );
    // Assigned in the previous iteration only.
    let source = "def f():\n    i = 0\n    while i < 3:\n        if i:\n            print(p)\n        p = i\n        i += 1\n";
    let code = ops(source, 1);
    assert!(
        code.contains(&"LOAD_FAST_CHECK 1 (p)".to_string()),
        "{}",
        dis(source)
    );
    assert!(
        !code.iter().any(|i| i.starts_with("LOAD_FAST_CHECK 0")),
        "{}",
        dis(source)
    );
    // `global` names and free names are globals.
    let source = "def f():\n    global g\n    g = h\n";
    assert_ops(
        source,
        1,
        &[
            "LOAD_GLOBAL 0 (h)",
            "STORE_GLOBAL 1 (g)",
            "LOAD_CONST 0 (None)",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn for_else_break_continue() {
    let source = "for x in a:\n    if x:\n        break\n    continue\nelse:\n    y = 1\n";
    assert_ops(
        source,
        0,
        &[
            "LOAD_GLOBAL 0 (a)",
            "GET_ITER",
            "FOR_ITER to #9",
            "STORE_GLOBAL 1 (x)",
            "LOAD_GLOBAL 1 (x)",
            "POP_JUMP_IF_FALSE to #8",
            "POP_TOP",
            "JUMP_FORWARD to #11",
            "JUMP_BACKWARD to #2",
            "LOAD_CONST 0 (1)",
            "STORE_GLOBAL 2 (y)",
            "LOAD_CONST 1 (None)",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn while_else() {
    let source = "while i < 3:\n    i += 1\nelse:\n    j = 0\n";
    assert_ops(
        source,
        0,
        &[
            "LOAD_GLOBAL 0 (i)",
            "LOAD_CONST 0 (3)",
            "COMPARE_OP 1 (<)",
            "POP_JUMP_IF_FALSE to #9",
            "LOAD_GLOBAL 0 (i)",
            "LOAD_CONST 1 (1)",
            "BINARY_OP 16 (+=)",
            "STORE_GLOBAL 0 (i)",
            "JUMP_BACKWARD to #0",
            "LOAD_CONST 2 (0)",
            "STORE_GLOBAL 1 (j)",
            "LOAD_CONST 3 (None)",
            "RETURN_VALUE",
        ],
    );
    // `while True` tests nothing, and nothing follows a loop without `break`.
    assert_ops(
        "while True:\n    f()\n",
        0,
        &[
            "LOAD_GLOBAL 0 (f)",
            "PUSH_NULL",
            "CALL 0",
            "POP_TOP",
            "JUMP_BACKWARD to #0",
        ],
    );
}

#[test]
fn return_pops_the_iterators_of_enclosing_loops() {
    let source = "def f(a):\n    for x in a:\n        for y in x:\n            return y\n";
    let code = ops(source, 1);
    // Storing `y` and loading it back for the return are one superinstruction.
    let at = code
        .iter()
        .position(|i| i == "STORE_FAST_LOAD_FAST 514 (y, y)")
        .expect("load y");
    assert_eq!(
        code[at..at + 6],
        [
            "STORE_FAST_LOAD_FAST 514 (y, y)",
            "SWAP 2",
            "POP_TOP",
            "SWAP 2",
            "POP_TOP",
            "RETURN_VALUE"
        ]
    );
    // A constant is loaded after popping.
    let source = "def f(a):\n    for x in a:\n        return None\n";
    let code = ops(source, 1);
    let at = code
        .iter()
        .position(|i| i == "STORE_FAST 1 (x)")
        .expect("store x");
    assert_eq!(
        code[at + 1..at + 4],
        ["POP_TOP", "LOAD_CONST 0 (None)", "RETURN_VALUE"]
    );
}

#[test]
fn chained_comparison() {
    assert_ops(
        "r = a < b <= c\n",
        0,
        &[
            "LOAD_GLOBAL 0 (a)",
            "LOAD_GLOBAL 1 (b)",
            "SWAP 2",
            "COPY 2",
            "COMPARE_OP 1 (<)",
            "COPY 1",
            "POP_JUMP_IF_FALSE to #11",
            "POP_TOP",
            "LOAD_GLOBAL 2 (c)",
            "COMPARE_OP 19 (<=)",
            "JUMP_FORWARD to #13",
            "SWAP 2",
            "POP_TOP",
            "STORE_GLOBAL 3 (r)",
            "LOAD_CONST 0 (None)",
            "RETURN_VALUE",
        ],
    );
    // As a condition: only jumps.
    assert_ops(
        "if a < b < c:\n    x = 1\n",
        0,
        &[
            "LOAD_GLOBAL 0 (a)",
            "LOAD_GLOBAL 1 (b)",
            "SWAP 2",
            "COPY 2",
            "COMPARE_OP 1 (<)",
            "POP_JUMP_IF_FALSE to #10",
            "LOAD_GLOBAL 2 (c)",
            "COMPARE_OP 1 (<)",
            "POP_JUMP_IF_FALSE to #14",
            "JUMP_FORWARD to #12",
            "POP_TOP",
            "JUMP_FORWARD to #14",
            "LOAD_CONST 0 (1)",
            "STORE_GLOBAL 3 (x)",
            "LOAD_CONST 1 (None)",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn comparison_opargs() {
    let code = ops(
        "r = (a < b, a <= b, a == b, a != b, a > b, a >= b, a in b, a not in b, a is b, a is not b)\n",
        0,
    );
    let compares: Vec<&String> = code
        .iter()
        .filter(|i| {
            i.starts_with("COMPARE_OP") || i.starts_with("CONTAINS") || i.starts_with("IS_OP")
        })
        .collect();
    assert_eq!(
        compares,
        [
            "COMPARE_OP 1 (<)",
            "COMPARE_OP 19 (<=)",
            "COMPARE_OP 34 (==)",
            "COMPARE_OP 61 (!=)",
            "COMPARE_OP 68 (>)",
            "COMPARE_OP 86 (>=)",
            "CONTAINS_OP 0 (in)",
            "CONTAINS_OP 1 (not in)",
            "IS_OP 0 (is)",
            "IS_OP 1 (is not)",
        ]
    );
}

#[test]
fn and_or_values_and_conditions() {
    assert_ops(
        "r = a and b or c\n",
        0,
        &[
            "LOAD_GLOBAL 0 (a)",
            "COPY 1",
            "POP_JUMP_IF_FALSE to #5",
            "POP_TOP",
            "LOAD_GLOBAL 1 (b)",
            "COPY 1",
            "POP_JUMP_IF_TRUE to #9",
            "POP_TOP",
            "LOAD_GLOBAL 2 (c)",
            "STORE_GLOBAL 3 (r)",
            "LOAD_CONST 0 (None)",
            "RETURN_VALUE",
        ],
    );
    assert_ops(
        "if a and not b:\n    f()\n",
        0,
        &[
            "LOAD_GLOBAL 0 (a)",
            "POP_JUMP_IF_FALSE to #8",
            "LOAD_GLOBAL 1 (b)",
            "POP_JUMP_IF_TRUE to #8",
            "LOAD_GLOBAL 2 (f)",
            "PUSH_NULL",
            "CALL 0",
            "POP_TOP",
            "LOAD_CONST 0 (None)",
            "RETURN_VALUE",
        ],
    );
    assert_ops(
        "r = x if c else y\n",
        0,
        &[
            "LOAD_GLOBAL 0 (c)",
            "POP_JUMP_IF_FALSE to #4",
            "LOAD_GLOBAL 1 (x)",
            "JUMP_FORWARD to #5",
            "LOAD_GLOBAL 2 (y)",
            "STORE_GLOBAL 3 (r)",
            "LOAD_CONST 0 (None)",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn list_comprehensions_are_inlined_in_hidden_slots() {
    let source = "x = 100\nr = [x * y for x in a if x for y in b]\nprint(x)\n";
    let code = ops(source, 0);
    assert!(
        code.contains(&"LIST_APPEND 3".to_string()),
        "{}",
        dis(source)
    );
    assert!(
        code.contains(&"STORE_FAST_LOAD_FAST 0 (x@comp, x@comp)".to_string()),
        "{}",
        dis(source)
    );
    assert!(
        code.contains(&"STORE_FAST_LOAD_FAST 256 (y@comp, x@comp)".to_string()),
        "{}",
        dis(source)
    );
    // The `x` printed afterwards is the global.
    assert_eq!(code[code.len() - 5], "LOAD_GLOBAL 0 (x)");
    // Nested comprehensions get their own slots; the inner first iterable reads
    // the outer variable.
    let source = "r = [[x for x in range(y)] for y in a]\n";
    let code = ops(source, 0);
    assert!(
        code.contains(&"STORE_FAST_LOAD_FAST 257 (x@comp2, x@comp2)".to_string()),
        "{}",
        dis(source)
    );
    assert!(
        code.contains(&"LOAD_FAST 0 (y@comp)".to_string()),
        "{}",
        dis(source)
    );
    assert!(
        code.contains(&"LIST_APPEND 2".to_string()),
        "{}",
        dis(source)
    );
    let v = view(source);
    assert_eq!(v.nlocals, 2);
    assert_eq!(v.stacksize, 6, "{}", dis(source));
    // In a function, the comprehension reads the function's locals directly.
    let source = "def f(n):\n    return [i * n for i in range(n)]\n";
    let code = ops(source, 1);
    assert!(
        code.contains(&"LOAD_FAST 0 (n)".to_string()),
        "{}",
        dis(source)
    );
    assert!(
        code.contains(&"STORE_FAST_LOAD_FAST 257 (i@comp, i@comp)".to_string()),
        "{}",
        dis(source)
    );
}

#[test]
fn fstrings() {
    assert_ops(
        "s = f'a{x!r:>{w}}b{y}'\n",
        0,
        &[
            "LOAD_CONST 0 ('a')",
            "LOAD_GLOBAL 0 (x)",
            "CONVERT_VALUE 2 (repr)",
            "LOAD_CONST 1 ('>')",
            "LOAD_GLOBAL 1 (w)",
            "FORMAT_SIMPLE",
            "BUILD_STRING 2",
            "FORMAT_WITH_SPEC",
            "LOAD_CONST 2 ('b')",
            "LOAD_GLOBAL 2 (y)",
            "FORMAT_SIMPLE",
            "BUILD_STRING 4",
            "STORE_GLOBAL 3 (s)",
            "LOAD_CONST 3 (None)",
            "RETURN_VALUE",
        ],
    );
    assert_ops(
        "s = f'{x:.2f}' 'tail'\n",
        0,
        &[
            "LOAD_GLOBAL 0 (x)",
            "LOAD_CONST 0 ('.2f')",
            "FORMAT_WITH_SPEC",
            "LOAD_CONST 1 ('tail')",
            "BUILD_STRING 2",
            "STORE_GLOBAL 1 (s)",
            "LOAD_CONST 2 (None)",
            "RETURN_VALUE",
        ],
    );
    assert_eq!(
        ops("s = f'{x}'\n", 0)[..2],
        ["LOAD_GLOBAL 0 (x)", "FORMAT_SIMPLE"]
    );
    assert_eq!(
        ops("s = f'{x!s}'\n", 0)[..3],
        [
            "LOAD_GLOBAL 0 (x)",
            "CONVERT_VALUE 1 (str)",
            "FORMAT_SIMPLE"
        ]
    );
    assert_eq!(ops("s = f''\n", 0)[0], "LOAD_CONST 0 ('')");
    assert_eq!(ops("s = f'{{}}'\n", 0)[0], "LOAD_CONST 0 ('{}')");
    // `{x=}` shows the text and the repr; with a spec, the formatted value.
    assert_eq!(
        ops("s = f'{x = }'\n", 0)[..4],
        [
            "LOAD_CONST 0 ('x = ')",
            "LOAD_GLOBAL 0 (x)",
            "CONVERT_VALUE 2 (repr)",
            "FORMAT_SIMPLE"
        ]
    );
    assert_eq!(
        ops("s = f'{x=:5}'\n", 0)[..4],
        [
            "LOAD_CONST 0 ('x=')",
            "LOAD_GLOBAL 0 (x)",
            "LOAD_CONST 1 ('5')",
            "FORMAT_WITH_SPEC"
        ]
    );
}

#[test]
fn augmented_assignment_to_subscripts() {
    assert_ops(
        "m[i][j] += 1\n",
        0,
        &[
            "LOAD_GLOBAL 0 (m)",
            "LOAD_GLOBAL 1 (i)",
            "BINARY_SUBSCR",
            "LOAD_GLOBAL 2 (j)",
            "COPY 2",
            "COPY 2",
            "BINARY_SUBSCR",
            "LOAD_CONST 0 (1)",
            "BINARY_OP 16 (+=)",
            "SWAP 3",
            "SWAP 2",
            "STORE_SUBSCR",
            "LOAD_CONST 1 (None)",
            "RETURN_VALUE",
        ],
    );
    let code = ops("x -= 1\nx //= 2\nx **= 2\nx <<= 1\nx ^= 3\n", 0);
    let binops: Vec<&String> = code.iter().filter(|i| i.starts_with("BINARY_OP")).collect();
    assert_eq!(
        binops,
        [
            "BINARY_OP 25 (-=)",
            "BINARY_OP 18 (//=)",
            "BINARY_OP 23 (**=)",
            "BINARY_OP 19 (<<=)",
            "BINARY_OP 27 (^=)"
        ]
    );
}

#[test]
fn unpacking_and_chained_assignment() {
    assert_ops(
        "a, (b, [c, d]) = x\n",
        0,
        &[
            "LOAD_GLOBAL 0 (x)",
            "UNPACK_SEQUENCE 2",
            "STORE_GLOBAL 1 (a)",
            "UNPACK_SEQUENCE 2",
            "STORE_GLOBAL 2 (b)",
            "UNPACK_SEQUENCE 2",
            "STORE_GLOBAL 3 (c)",
            "STORE_GLOBAL 4 (d)",
            "LOAD_CONST 0 (None)",
            "RETURN_VALUE",
        ],
    );
    assert_ops(
        "a, b = b, a\n",
        0,
        &[
            "LOAD_GLOBAL 0 (b)",
            "LOAD_GLOBAL 1 (a)",
            "SWAP 2",
            "STORE_GLOBAL 1 (a)",
            "STORE_GLOBAL 0 (b)",
            "LOAD_CONST 0 (None)",
            "RETURN_VALUE",
        ],
    );
    assert_ops(
        "a = b[0] = c = []\n",
        0,
        &[
            "BUILD_LIST 0",
            "COPY 1",
            "STORE_GLOBAL 0 (a)",
            "COPY 1",
            "LOAD_GLOBAL 1 (b)",
            "LOAD_CONST 0 (0)",
            "STORE_SUBSCR",
            "STORE_GLOBAL 2 (c)",
            "LOAD_CONST 1 (None)",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn subscripts_slices_and_del() {
    assert_ops(
        "r = (a[i], a[1:], a[::-1], a[i:j:k])\ndel d[k]\n",
        0,
        &[
            "LOAD_GLOBAL 0 (a)",
            "LOAD_GLOBAL 1 (i)",
            "BINARY_SUBSCR",
            "LOAD_GLOBAL 0 (a)",
            "LOAD_CONST 0 (1)",
            "LOAD_CONST 1 (None)",
            "BUILD_SLICE 2",
            "BINARY_SUBSCR",
            "LOAD_GLOBAL 0 (a)",
            "LOAD_CONST 1 (None)",
            "LOAD_CONST 1 (None)",
            "LOAD_CONST 2 (-1)",
            "BUILD_SLICE 3",
            "BINARY_SUBSCR",
            "LOAD_GLOBAL 0 (a)",
            "LOAD_GLOBAL 1 (i)",
            "LOAD_GLOBAL 2 (j)",
            "LOAD_GLOBAL 3 (k)",
            "BUILD_SLICE 3",
            "BINARY_SUBSCR",
            "BUILD_TUPLE 4",
            "STORE_GLOBAL 4 (r)",
            "LOAD_GLOBAL 5 (d)",
            "LOAD_GLOBAL 3 (k)",
            "DELETE_SUBSCR",
            "LOAD_CONST 1 (None)",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn assert_with_and_without_message() {
    assert_ops(
        "assert x\nassert y, 'msg'\n",
        0,
        &[
            "LOAD_GLOBAL 0 (x)",
            "POP_JUMP_IF_TRUE to #3",
            "RAISE_ASSERTION 0",
            "LOAD_GLOBAL 1 (y)",
            "POP_JUMP_IF_TRUE to #7",
            "LOAD_CONST 0 ('msg')",
            "RAISE_ASSERTION 1",
            "LOAD_CONST 1 (None)",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn constants_are_folded_and_shared() {
    let v = view(
        "a = -1\nb = (1, -2.5, 'x', (None, True))\nc = 123456789012345678901234567890\nd = -1\ne = 1.0\nf = True\n",
    );
    assert_eq!(
        v.consts[..6],
        [
            ConstView::Int("-1".into()),
            ConstView::Tuple(vec![
                ConstView::Int("1".into()),
                ConstView::Float(-2.5),
                ConstView::Str("x".into()),
                ConstView::Tuple(vec![ConstView::None, ConstView::Bool(true)]),
            ]),
            ConstView::Int("123456789012345678901234567890".into()),
            ConstView::Float(1.0),
            ConstView::Bool(true),
            ConstView::None,
        ]
    );
    let v = view("a = 0xFFFF_FFFF_FFFF_FFFF_FF\nb = 2 ** 100\nc = 1e400\n");
    assert_eq!(v.consts[0], ConstView::Int("4722366482869645213695".into()));
    assert_eq!(v.consts[3], ConstView::Float(f64::INFINITY));
}

#[test]
fn dead_code_is_dropped() {
    assert_ops(
        "def f():\n    return 1\n    print(2)\n",
        1,
        &["LOAD_CONST 0 (1)", "RETURN_VALUE"],
    );
    assert_ops(
        "if False:\n    print(2)\nx = 1\n",
        0,
        &[
            "LOAD_CONST 1 (1)",
            "STORE_GLOBAL 1 (x)",
            "LOAD_CONST 2 (None)",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn module_docstring_and_constant_statements() {
    assert_ops(
        "'''Doc.'''\n42\n",
        0,
        &[
            "LOAD_CONST 0 ('Doc.')",
            "STORE_GLOBAL 0 (__doc__)",
            "LOAD_CONST 1 (None)",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn class_docstring_is_a_local_of_the_body() {
    // The body's locals become the class namespace: `__doc__` among them.
    assert_ops(
        "class C:\n    '''Doc.'''\n    x = 1\n",
        1,
        &[
            "LOAD_CONST 0 ('Doc.')",
            "STORE_FAST 2 (__doc__)",
            "LOAD_CONST 1 (1)",
            "STORE_FAST 1 (x)",
            "LOAD_LOCALS",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn nested_functions_without_closures() {
    let source = "def f():\n    def g(x):\n        return x\n    return g(1)\n";
    assert_ops(
        source,
        1,
        &[
            "LOAD_CONST 0 (<code object g, line 2>)",
            "MAKE_FUNCTION",
            "STORE_FAST_LOAD_FAST 0 (g, g)",
            "PUSH_NULL",
            "LOAD_CONST 1 (1)",
            "CALL 1",
            "RETURN_VALUE",
        ],
    );
    assert_ops(source, 2, &["LOAD_FAST 0 (x)", "RETURN_VALUE"]);
}

#[test]
fn closures_cells_and_free_variables() {
    let source = "def f(n):\n    def g():\n        return n\n    return g\n";
    assert_ops(
        source,
        1,
        &[
            "MAKE_CELL 0 (n)",
            "LOAD_CLOSURE 0 (n)",
            "BUILD_TUPLE 1",
            "LOAD_CONST 0 (<code object g, line 2>)",
            "MAKE_FUNCTION",
            "SET_FUNCTION_ATTRIBUTE 8 (closure)",
            "STORE_FAST_LOAD_FAST 257 (g, g)",
            "RETURN_VALUE",
        ],
    );
    assert_ops(source, 2, &["COPY_FREE_VARS 1", "LOAD_DEREF 0 (n)", "RETURN_VALUE"]);
    // A variable passed through a function that does not use it.
    let source = "def f(n):\n    def g():\n        def h():\n            return n\n        return h\n    return g\n";
    let ConstView::Code(f) = &view(source).consts[0] else { panic!("no code") };
    let ConstView::Code(g) = &f.consts[0] else { panic!("no code") };
    assert_eq!(g.varnames, vec!["h".to_string(), "n".to_string()]);
}

#[test]
fn lambdas_decorators_and_star_calls() {
    let source = "@d(1)\ndef f(a, *r, k=2, **kw):\n    'doc'\nf(*x, **y)\ng = lambda q: q\n";
    assert_ops(
        source,
        0,
        &[
            "LOAD_GLOBAL 0 (d)",
            "PUSH_NULL",
            "LOAD_CONST 0 (1)",
            "CALL 1",
            "PUSH_NULL",
            "LOAD_CONST 1 ('k')",
            "LOAD_CONST 2 (2)",
            "BUILD_MAP 1",
            "LOAD_CONST 3 (<code object f, line 1>)",
            "MAKE_FUNCTION",
            "SET_FUNCTION_ATTRIBUTE 2 (kwdefaults)",
            "CALL 1",
            "STORE_GLOBAL 1 (f)",
            "LOAD_GLOBAL 1 (f)",
            "PUSH_NULL",
            "LOAD_GLOBAL 2 (x)",
            "BUILD_MAP 0",
            "LOAD_GLOBAL 3 (y)",
            "DICT_MERGE",
            "CALL_FUNCTION_EX 1",
            "POP_TOP",
            "LOAD_CONST 4 (<code object <lambda>, line 5>)",
            "MAKE_FUNCTION",
            "STORE_GLOBAL 4 (g)",
            "LOAD_CONST 5 (None)",
            "RETURN_VALUE",
        ],
    );
    let ConstView::Code(f) = &view(source).consts[3] else { panic!("no code") };
    assert_eq!(f.varnames, vec!["a".to_string(), "k".into(), "r".into(), "kw".into()]);
    assert_eq!(f.argcount, 1);
}

#[test]
fn stack_sizes() {
    assert_eq!(view("print(1, 2, 3)\n").stacksize, 5);
    assert_eq!(view("x = 1\n").stacksize, 1);
    // Two iterators, the list and an item.
    assert_eq!(
        view("for a in b:\n    for c in d:\n        e = [c]\n").stacksize,
        3
    );
    assert_eq!(view("r = [x for x in a for y in b]\n").stacksize, 4);
    assert_eq!(view("").stacksize, 1);
}

/// The depths recorded before each instruction, which tier 2 cuts the stack to a
/// handler's by: the loop's iterator is on the stack in the body, the handler finds
/// the exception above its depth, and only instruction starts have one.
#[test]
fn stack_depths_are_recorded_per_instruction() {
    let v = view("for a in b:\n    try:\n        c = d[a]\n    except KeyError:\n        pass\n");
    assert_eq!(v.depths.len(), v.units.len());
    assert_eq!(v.depths[0], Some(0));
    let for_iter = (0..v.units.len()).find(|&i| v.depths[i].is_some() && v.units[i] == stitch_abi::op::FOR_ITER).expect("a FOR_ITER");
    assert_eq!(v.depths[for_iter], Some(1));
    assert_eq!(v.depths[for_iter + 1], None, "the oparg unit is no instruction");
    let h = v.exception_table.first().expect("a handler");
    assert_eq!(h.depth, 1, "the iterator stays under the try");
    assert_eq!(v.depths[h.target as usize], Some(h.depth + 1));
    assert!(v.depths[h.start as usize].is_some_and(|d| d >= h.depth));
}

#[test]
fn lines_follow_the_source() {
    let v = view("x = f(\n    a,\n    b)\ny = 2\n");
    assert_eq!(v.lines.len(), v.units.len());
    let text = dis("x = f(\n    a,\n    b)\ny = 2\n");
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.get(..4).unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect();
    // f on line 1, a on 2, b on 3, the CALL back on 1, then line 4.
    assert_eq!(lines, ["Disa", "1", "2", "3", "1", "4"]);
}

#[test]
fn listing_format() {
    use stitch_abi::op;
    use crate::assembly::assembler::size;
    // Offsets follow the cache sizes of the instruction set.
    let text = dis("x = 1\ndef f():\n    return x\n");
    let cache = |opcode: u16| {
        let n = size(opcode) - 2;
        if n == 0 {
            String::new()
        } else {
            format!(" [cache:{}]", " 0".repeat(n))
        }
    };
    let module = [
        (
            op::LOAD_CONST,
            "   1",
            "LOAD_CONST                     0 (1)",
        ),
        (
            op::STORE_GLOBAL,
            "    ",
            "STORE_GLOBAL                   0 (x)",
        ),
        (
            op::LOAD_CONST,
            "   2",
            "LOAD_CONST                     1 (<code object f, line 2>)",
        ),
        (
            op::MAKE_FUNCTION,
            "    ",
            "MAKE_FUNCTION",
        ),
        (
            op::STORE_GLOBAL,
            "    ",
            "STORE_GLOBAL                   1 (f)",
        ),
        (
            op::LOAD_CONST,
            "    ",
            "LOAD_CONST                     2 (None)",
        ),
        (op::RETURN_VALUE, "    ", "RETURN_VALUE"),
    ];
    let function = [
        (
            op::LOAD_GLOBAL,
            "   3",
            "LOAD_GLOBAL                    0 (x)",
        ),
        (op::RETURN_VALUE, "    ", "RETURN_VALUE"),
    ];
    let mut expected = String::new();
    for (header, listing) in [
        ("<module> (t.py:1)", &module[..]),
        ("f (t.py:2)", &function[..]),
    ] {
        if !expected.is_empty() {
            expected.push('\n');
        }
        expected.push_str(&format!("Disassembly of {header}:\n"));
        let mut offset = 0;
        for &(opcode, line, text) in listing {
            expected.push_str(&format!("{line} {offset:>6} {text}{}\n", cache(opcode)));
            offset += size(opcode);
        }
    }
    assert_eq!(text, expected);
}

#[test]
fn opargs_past_16_bits_get_an_extended_arg_prefix() {
    // 70000 distinct constants: the LOAD_CONSTs past 65535 carry a prefix, which the
    // listing shows before the instruction with its whole oparg, as CPython's dis.
    let items: Vec<String> = (0..70000).map(|i| i.to_string()).collect();
    let source = format!("def f():\n    return [{}]\n", items.join(", "));
    let got = ops(&source, 1);
    let at = got.iter().position(|o| o == "EXTENDED_ARG 1").expect("a prefix");
    assert_eq!(got[at - 1], "LOAD_CONST 65535 (65535)");
    assert_eq!(got[at + 1], "LOAD_CONST 65536 (65536)");
    assert_eq!(got.iter().filter(|o| o.starts_with("EXTENDED_ARG")).count(), 70000 - 65536 + 1, "one per wide oparg");
}
