//! The bytecode of generators, generator expressions and `with`.

use super::{dis, ops};

fn window(code: &[String], start: &str, len: usize) -> Vec<String> {
    let at = code.iter().position(|i| i.starts_with(start)).unwrap_or_else(|| panic!("no {start} in {code:?}"));
    code[at..(at + len).min(code.len())].to_vec()
}

#[test]
fn a_generator_function_starts_by_returning_its_generator() {
    let source = "def f(n):\n    yield n\n";
    let code = ops(source, 1);
    assert_eq!(code[..5], ["RETURN_GENERATOR", "POP_TOP", "LOAD_FAST 0 (n)", "YIELD_VALUE 0", "POP_TOP"], "\n{}", dis(source));
}

#[test]
fn yield_from_loops_over_send() {
    let source = "def f(g):\n    x = yield from g\n";
    let code = ops(source, 1);
    assert_eq!(
        window(&code, "GET_YIELD_FROM_ITER", 8),
        ["GET_YIELD_FROM_ITER", "LOAD_CONST 0 (None)", "SEND", "POP_JUMP_IF_TRUE to #9", "YIELD_VALUE 1", "JUMP_BACKWARD to #5", "SWAP 2", "POP_TOP"],
        "\n{}",
        dis(source)
    );
}

#[test]
fn a_generator_expression_is_called_with_its_first_iterator() {
    let source = "s = sum(x * x for x in y if x)\n";
    let module = ops(source, 0);
    assert_eq!(window(&module, "MAKE_FUNCTION", 5), ["MAKE_FUNCTION", "PUSH_NULL", "LOAD_GLOBAL 1 (y)", "GET_ITER", "CALL 1"], "\n{}", dis(source));
    let genexpr = ops(source, 1);
    assert_eq!(genexpr[..4], ["RETURN_GENERATOR", "POP_TOP", "LOAD_FAST 0 (.0)", "FOR_ITER to #11"], "\n{}", dis(source));
    assert!(genexpr.iter().any(|i| i == "YIELD_VALUE 0"), "\n{}", dis(source));
}

#[test]
fn with_calls_exit_on_every_way_out() {
    let source = "def f(m):\n    with m as x:\n        return x\n";
    let code = ops(source, 1);
    assert_eq!(code[..3], ["LOAD_FAST 0 (m)", "BEFORE_WITH 0", "STORE_FAST_LOAD_FAST 257 (x, x)"], "\n{}", dis(source));
    // The return calls exit(None, None, None) with the value kept under it.
    let ret = window(&code, "STORE_FAST_LOAD_FAST", 9);
    assert_eq!(
        ret,
        ["STORE_FAST_LOAD_FAST 257 (x, x)", "SWAP 2", "PUSH_NULL", "LOAD_CONST 0 (None)", "LOAD_CONST 0 (None)", "LOAD_CONST 0 (None)", "CALL 3", "POP_TOP", "RETURN_VALUE"],
        "\n{}",
        dis(source)
    );
    assert_eq!(window(&code, "PUSH_EXC_INFO", 4), ["PUSH_EXC_INFO", "WITH_EXCEPT_START 0", "POP_JUMP_IF_TRUE to #15", "RERAISE"], "\n{}", dis(source));
}
