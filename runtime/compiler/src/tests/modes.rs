//! The modes of the builtin `compile`: 'eval' returns the expression's value,
//! 'single' displays expression statements at module level only.

use crate::{CompileError, Mode, compile_source, disassemble};

fn compiled(source: &str, mode: Mode) -> Result<String, CompileError> {
    let (code, _) = compile_source(source, "<string>", mode, Vec::new(), None)?;
    let text = disassemble(code);
    code.decref();
    Ok(text)
}

#[test]
fn eval_returns_the_expression() {
    let text = compiled("a + 1", Mode::Eval).unwrap();
    assert!(text.contains("RETURN_VALUE"), "{text}");
    assert!(!text.contains("POP_TOP"), "{text}");
}

#[test]
fn eval_refuses_statements_and_empty_source() {
    for source in ["x = 1", "", "1\n2"] {
        assert!(matches!(compiled(source, Mode::Eval), Err(CompileError::Unsupported { .. })), "{source:?}");
    }
}

#[test]
fn single_displays_module_level_expressions_only() {
    let text = compiled("for i in range(2):\n    i\n", Mode::Single).unwrap();
    assert_eq!(text.matches("PRINT_EXPR").count(), 1, "{text}");
    // A function's expression statements are not displayed, nor are the module's in
    // 'exec' mode.
    let text = compiled("def f():\n    1 + 1\n", Mode::Single).unwrap();
    assert!(!text.contains("PRINT_EXPR"), "{text}");
    let text = compiled("1 + 1\n", Mode::Exec).unwrap();
    assert!(!text.contains("PRINT_EXPR"), "{text}");
    // A constant is displayed too (it is no docstring at the prompt).
    let text = compiled("'doc'\n", Mode::Single).unwrap();
    assert!(text.contains("PRINT_EXPR"), "{text}");
}

#[test]
fn single_refuses_more_than_one_statement() {
    for source in ["a = 1\nb = 2\n", "if a:\n    pass\nb = 2\n"] {
        assert!(matches!(compiled(source, Mode::Single), Err(CompileError::Unsupported { .. })), "{source:?}");
    }
}

/// A code object owns a reference to each constant, the `...` singleton included:
/// dropping code that holds it leaves the singleton's count as it was.
#[test]
fn code_owns_its_ellipsis_constant() {
    let e = stitch_core::special::ellipsis();
    // SAFETY: the singleton lives for the process.
    let count = || unsafe { (*e.object()).refcnt };
    let before = count();
    for _ in 0..3 {
        let (code, _) = compile_source("x = ...\ny = (..., 1)\n", "<string>", Mode::Exec, Vec::new(), None).unwrap();
        code.decref();
    }
    assert_eq!(count(), before);
}
