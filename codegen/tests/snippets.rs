//! Snippet in, generated code out: each generator's output for
//! `tests/snippets/NAME.uops` must equal `tests/snippets/NAME/<output file>`.
//! `BLESS=1 cargo test -p stitch-codegen --test snippets` rewrites them.

use std::fs;
use std::path::Path;
use stitch_dsl::{SourceFile, compile};

#[test]
fn every_generator_matches_its_expected_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snippets");
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "uops") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let file = SourceFile::new(format!("{name}.uops"), fs::read_to_string(&path).unwrap());
        let load = |rel: &str| fs::read_to_string(dir.join(rel)).map_err(|e| e.to_string());
        let analysis = compile(&file, &load).unwrap_or_else(|d| panic!("{}", d.render(&file)));
        let work = std::env::temp_dir().join(format!("stitch-snippet-{}-{name}", std::process::id()));
        let mut outputs = stitch_codegen::generate(&analysis);
        outputs.push(stitch_codegen::stencils::generate(&analysis, &work).unwrap_or_else(|e| panic!("{}", e.render(&file))));
        let _ = fs::remove_dir_all(&work);
        for out in outputs {
            let expected_path = dir.join(&name).join(out.path.replace("src/", ""));
            checked += 1;
            if std::env::var_os("BLESS").is_some() {
                fs::create_dir_all(expected_path.parent().unwrap()).unwrap();
                fs::write(&expected_path, &out.contents).unwrap();
                continue;
            }
            match fs::read_to_string(&expected_path) {
                Ok(e) if e == out.contents => {}
                Ok(e) => failures.push(format!("{}:\n--- expected\n{e}\n--- actual\n{}", expected_path.display(), out.contents)),
                Err(_) => failures.push(format!("{} is missing (BLESS=1)", expected_path.display())),
            }
        }
    }
    assert!(checked >= 7, "every generator has an expected output");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Generation is a pure function of the input: twice the same bytes.
#[test]
fn output_is_deterministic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snippets");
    let file = SourceFile::new("add.uops", fs::read_to_string(dir.join("add.uops")).unwrap());
    let load = |rel: &str| fs::read_to_string(dir.join(rel)).map_err(|e| e.to_string());
    let a = stitch_codegen::generate(&compile(&file, &load).unwrap());
    let b = stitch_codegen::generate(&compile(&file, &load).unwrap());
    assert_eq!(a, b);
}

/// Stencil generation for a snippet that must fail: the rendered errors.
fn stencil_errors(name: &str, text: &str) -> String {
    let file = SourceFile::new(name, text);
    let load = |_: &str| Err("none".to_string());
    let analysis = compile(&file, &load).unwrap_or_else(|d| panic!("{}", d.render(&file)));
    let work = std::env::temp_dir().join(format!("stitch-snippet-{name}-{}", std::process::id()));
    let err = stitch_codegen::stencils::generate(&analysis, &work).expect_err("generation must fail");
    let _ = fs::remove_dir_all(&work);
    err.render(&file)
}

/// A stencil that could panic would reference core's panic machinery, which JIT code
/// cannot reach: generation fails at the uop's definition, as the analysis would.
#[test]
fn a_stencil_with_a_panic_path_is_refused_at_its_uop() {
    let text = "layout Frame {}\nlayout Thread {}\n/// Reads out of bounds.\ninst READ (-- value) {\n    let table = [1i64, 2, 3];\n    value = Value(table[oparg as usize] as u64);\n}\n";
    let err = stencil_errors("panics.uops", text);
    assert!(err.starts_with("error: the JIT stencil of `READ` references unknown external symbol `"), "{err}");
    assert!(err.contains(" --> panics.uops:4:6\n  |\n4 | inst READ (-- value) {\n  |      ^^^^ compiled to this stencil\n"), "{err}");
    assert!(err.contains("= note: bodies reach the runtime only through declared helpers"), "{err}");
    assert!(err.ends_with("error: could not compile the JIT stencils of `panics.uops` due to 1 error\n"), "{err}");
}

/// A body the analysis accepts but rustc does not (the analysis reads syntax, not
/// types): rustc's error is reported at the uop, and its full output follows.
#[test]
fn a_body_rustc_refuses_is_reported_at_its_uop() {
    let text = "layout Frame {}\nlayout Thread {}\nop _FINE (--) {}\nop _TYPO (-- res) {\n    res = Value(1.5);\n}\n";
    let err = stencil_errors("typo.uops", text);
    assert!(err.starts_with("error: the JIT stencil of `_TYPO` does not compile: mismatched types [E0308]\n --> typo.uops:4:4\n"), "{err}");
    assert!(err.contains("4 | op _TYPO (-- res) {\n  |    ^^^^^ compiled to this stencil\n"), "{err}");
    assert!(err.contains("\nrustc's output on the stencil crate ("), "{err}");
    assert!(err.ends_with("error: could not compile the JIT stencils of `typo.uops` due to 1 error\n"), "{err}");
    assert!(!err.contains("`_FINE`"), "{err}");
}
