//! No input makes the compiler panic: random text, and corpus programs with bytes
//! cut out or pasted in.

use crate::{CompileError, compile_module};
use proptest::prelude::*;
use std::path::Path;

/// Compiles and frees. A panic in the compiler shows as an internal error (the
/// compiler thread's panic is caught), and so does an assembler inconsistency.
fn compile(source: &str) {
    match compile_module(source, "fuzz.py") {
        Ok(code) => {
            let text = crate::disassemble(code);
            assert!(!text.is_empty());
            code.decref();
        }
        Err(CompileError::Unsupported { construct, .. }) => {
            assert!(
                !construct.starts_with("internal"),
                "{construct} compiling {source:?}"
            );
        }
        Err(_) => {}
    }
}

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "py"));
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

const SNIPPETS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    "\n",
    "    ",
    "\t",
    "'",
    "\"",
    "\"\"\"",
    "f'",
    "{x}",
    "=",
    "==",
    "+=",
    "*",
    "**",
    "if ",
    "else",
    "elif ",
    "for ",
    " in ",
    "while ",
    "def ",
    "return",
    "break",
    "continue",
    "global ",
    "lambda",
    "class ",
    "yield",
    "not ",
    " and ",
    " or ",
    "\\",
    "#",
    ",",
    ".",
    "0x",
    "1_0",
    "é",
    "€",
    "@",
    ";",
    "[x for x in y]",
    "x[1:2]",
    "-",
    "~",
    "del ",
    "assert ",
    "pass",
    "None",
    "True",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn random_text(source in "[a-z0-9 ()\\[\\]{}:=+*,.'\"\n\t#<>!-]{0,120}") {
        compile(&source);
    }

    #[test]
    fn random_snippets(parts in proptest::collection::vec(0..SNIPPETS.len(), 0..40)) {
        let source: String = parts.iter().map(|&i| SNIPPETS[i]).collect();
        compile(&source);
    }

    #[test]
    fn mutated_corpus(file in 0usize..200, at in 0usize..100_000, cut in 0usize..30, paste in 0..SNIPPETS.len()) {
        let programs = corpus();
        prop_assume!(!programs.is_empty());
        let source = &programs[file % programs.len()];
        let mut chars: Vec<char> = source.chars().collect();
        let at = at % (chars.len() + 1);
        let end = (at + cut).min(chars.len());
        chars.splice(at..end, SNIPPETS[paste].chars());
        compile(&chars.into_iter().collect::<String>());
    }
}
