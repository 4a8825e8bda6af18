//! Every program of the conformance corpus and every benchmark compiles, to code
//! whose jumps land on instructions.

use super::super::{CodeView, ConstView, read_code};
use stitch_abi::{INSTRUCTIONS, op};
use std::path::{Path, PathBuf};

fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "py") && !p.ends_with("record.py"));
    files.sort();
    files
}

/// Instruction starts, and a check that every jump lands on one.
pub fn check_jumps(code: &CodeView) {
    let mut starts = Vec::new();
    let mut offset = 0;
    while offset < code.units.len() {
        starts.push(offset);
        offset += INSTRUCTIONS[code.units[offset] as usize].size();
    }
    assert_eq!(
        offset,
        code.units.len(),
        "{}: code ends inside an instruction",
        code.name
    );
    assert_eq!(
        code.lines.len(),
        code.units.len(),
        "{}: one line per code unit",
        code.name
    );
    for &start in &starts {
        let opcode = code.units[start];
        let arg = code.units[start + 1] as usize;
        let next = start + INSTRUCTIONS[opcode as usize].size();
        let target = match opcode {
            op::JUMP_FORWARD | op::POP_JUMP_IF_FALSE | op::POP_JUMP_IF_TRUE | op::FOR_ITER => {
                next + arg
            }
            op::JUMP_BACKWARD => next - arg,
            _ => continue,
        };
        assert!(
            starts.contains(&target),
            "{}: jump at {start} to {target} lands mid-instruction",
            code.name
        );
    }
    for c in &code.consts {
        if let ConstView::Code(nested) = c {
            check_jumps(nested);
        }
    }
}

#[test]
fn corpus_and_benchmarks_compile() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = python_files(&root.join("tests/programs"));
    files.extend(python_files(&root.join("benchmarks")));
    // The standard modules stitch writes in Python compile as any module does.
    files.extend(python_files(&root.join("runtime/builtins/python")));
    assert!(files.len() > 50, "corpus not found");
    let mut failures = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        // The modules the corpus imports (the runtime provides them; this crate cannot
        // ask it).
        let modules = [
            "__future__", "_stitch_collections", "_stitch_files", "_stitch_string", "abc", "argparse", "array", "asyncio", "base64", "binascii", "bisect", "cmath", "collections", "collections.abc", "contextlib", "copy", "csv", "dataclasses", "datetime", "difflib", "doctest", "enum",
            "fractions", "functools", "gc", "hashlib", "heapq", "io", "itertools", "json", "math", "operator", "os", "os.path", "pathlib", "posix", "numbers", "posixpath", "pprint",
            "queue", "random", "re", "statistics",
            "string", "struct", "sys", "textwrap", "time", "timeit", "traceback", "types", "typing", "unittest", "logging", "warnings",
        ];
        let modules = modules.iter().map(|m| m.to_string()).collect();
        match crate::compile_module_with(&source, &path.to_string_lossy(), modules) {
            Ok(code) => {
                let view = read_code(code).expect("a code object");
                check_jumps(&view);
                code.decref();
            }
            // Programs that test CPython's compile-time errors expect theirs.
            Err(e) if expects(&path, &e) => {}
            Err(e) => failures.push(format!("{}: {e}", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Whether the program's recorded CPython outcome is this compile error (its last
/// stderr line, in NAME.status).
fn expects(path: &Path, e: &crate::CompileError) -> bool {
    let status = std::fs::read_to_string(path.with_extension("status")).unwrap_or_default();
    let rendered = e.render("t.py", "");
    let last = rendered.lines().last().unwrap_or("");
    status.lines().any(|l| l.strip_prefix("stderr-last: ") == Some(last))
}
