//! Compiler tests: disassembly of small programs, jump targets and stack depths,
//! syntax errors and unsupported constructs, and imports without cycles.

use super::{CompileError, compile_module, disassemble};

/// The disassembly of `source` (compiled as `t.py`).
pub fn dis(source: &str) -> String {
    let code = match compile_module(source, "t.py") {
        Ok(code) => code,
        Err(e) => panic!("compile error: {e:?}"),
    };
    let text = disassemble(code);
    code.decref();
    text
}

/// The error compiling `source`.
pub fn error(source: &str) -> CompileError {
    match compile_module(source, "t.py") {
        Ok(code) => {
            let text = disassemble(code);
            code.decref();
            panic!("compiled:\n{text}")
        }
        Err(e) => e,
    }
}

/// Prints the disassembly of the file named by STITCH_DIS (a development aid:
/// `STITCH_DIS=prog.py cargo test -p stitch compiler::tests::dump -- --ignored --nocapture`).
#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("STITCH_DIS") else {
        return;
    };
    let source = std::fs::read_to_string(&path).unwrap_or_default();
    match compile_module(&source, &path) {
        Ok(code) => {
            print!("{}", disassemble(code));
            code.decref();
        }
        Err(e) => print!("{}", e.render(&path, &source)),
    }
}

mod codegen;
mod corpus;
mod fuzz;
mod generators;
mod modes;
mod modules;
mod patterns;
mod syntax_errors;
mod unsupported;

/// The instructions of the `index`th code object of the listing (0: the module,
/// then nested code objects in listing order) as `NAME ARG (MEANING)`, without
/// lines, offsets and caches. Jumps show the index of their target instruction
/// (`POP_JUMP_IF_FALSE to #7`), so cache sizes can change without breaking tests.
pub fn ops(source: &str, index: usize) -> Vec<String> {
    let text = dis(source);
    let Some(block) = text
        .split("Disassembly of ")
        .filter(|b| !b.is_empty())
        .nth(index)
    else {
        panic!("no code object {index} in:\n{text}")
    };
    let lines: Vec<(usize, String)> = block
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let offset = l
                .get(5..11)
                .and_then(|o| o.trim().parse().ok())
                .unwrap_or(usize::MAX);
            let l = l.get(12..).unwrap_or("");
            let l = l.split(" [cache:").next().unwrap_or("");
            (offset, l.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect();
    lines
        .iter()
        .map(|(_, text)| match text.split_once(" (to ") {
            Some((head, target)) => {
                let target: usize = target.trim_end_matches(')').parse().unwrap_or(usize::MAX);
                let name = head.split(' ').next().unwrap_or("");
                let index = lines
                    .iter()
                    .position(|(o, _)| *o == target)
                    .map_or(-1, |i| i as i64);
                format!("{name} to #{index}")
            }
            None => text.clone(),
        })
        .collect()
}

/// The code object view of `source`'s module code.
pub fn view(source: &str) -> super::CodeView {
    let code = match compile_module(source, "t.py") {
        Ok(code) => code,
        Err(e) => panic!("compile error: {e:?}"),
    };
    let view = super::read_code(code).expect("a code object");
    code.decref();
    view
}

/// Prints `LINE:COL MESSAGE` for each source in the file named by STITCH_ERRORS
/// (sources separated by lines `====`), for comparing with CPython in bulk.
#[test]
#[ignore]
fn dump_errors() {
    let Ok(path) = std::env::var("STITCH_ERRORS") else {
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    for source in text.split("\n====\n") {
        match compile_module(source, "t.py") {
            Ok(code) => {
                code.decref();
                println!("OK");
            }
            Err(CompileError::Syntax { line, col, message }) => println!("{line}:{col} {message}"),
            Err(CompileError::Unsupported {
                construct,
                line,
                col,
            }) => println!("UNSUPPORTED {line}:{col} {construct}"),
        }
    }
}
mod assembler;
