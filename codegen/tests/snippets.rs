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
        outputs.push(stitch_codegen::stencils::generate(&analysis, &work).unwrap_or_else(|e| panic!("{e}")));
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

/// A stencil that could panic would reference core's panic machinery, which JIT code
/// cannot reach: generation fails and names the uop.
#[test]
fn a_stencil_with_a_panic_path_is_refused() {
    let text = "layout Frame {}\nlayout Thread {}\ninst READ (-- value) {\n    let table = [1i64, 2, 3];\n    value = Value(table[oparg as usize] as u64);\n}\n";
    let file = SourceFile::new("panics.uops", text);
    let load = |_: &str| Err("none".to_string());
    let analysis = compile(&file, &load).unwrap_or_else(|d| panic!("{}", d.render(&file)));
    let work = std::env::temp_dir().join(format!("stitch-snippet-panic-{}", std::process::id()));
    let err = stitch_codegen::stencils::generate(&analysis, &work).expect_err("a panic path must be refused");
    let _ = fs::remove_dir_all(&work);
    assert!(err.contains("stencil for READ references unknown external symbol"), "{err}");
}
