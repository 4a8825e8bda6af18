//! Data-driven tests of the parser and the analysis.
//!
//! - `tests/fail/NAME.uops` must fail; the rendered diagnostics must equal
//!   `NAME.stderr`.
//! - `tests/pass/NAME.uops` must compile; a summary of the analysis must equal
//!   `NAME.out`.
//!
//! `BLESS=1 cargo test -p stitch-dsl --test cases` rewrites the expected files.

use std::fmt::Write;
use std::fs;
use std::path::{Path, PathBuf};
use stitch_dsl::model::{Analysis, InstPart, OperandSource};
use stitch_dsl::{SourceFile, compile};

fn cases(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("the cases directory exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "uops"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no cases in {}", dir.display());
    files
}

fn run(path: &Path) -> (SourceFile, Result<Analysis, stitch_dsl::Diagnostics>) {
    let text = fs::read_to_string(path).expect("readable case");
    let name = format!("{}/{}", path.parent().unwrap().file_name().unwrap().to_string_lossy(), path.file_name().unwrap().to_string_lossy());
    let file = SourceFile::new(name, text);
    let dir = path.parent().unwrap().to_path_buf();
    let load = move |rel: &str| fs::read_to_string(dir.join(rel)).map_err(|e| e.to_string());
    let result = compile(&file, &load);
    (file, result)
}

/// Compares with the expected file, or writes it when blessing.
fn check(actual: &str, expected_path: &Path, failures: &mut Vec<String>) {
    if std::env::var_os("BLESS").is_some() {
        fs::write(expected_path, actual).expect("writable expected file");
        return;
    }
    match fs::read_to_string(expected_path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => failures.push(format!(
            "{} differs:\n--- expected\n{expected}\n--- actual\n{actual}",
            expected_path.display()
        )),
        Err(_) => failures.push(format!("{} is missing; run with BLESS=1:\n{actual}", expected_path.display())),
    }
}

#[test]
fn failing_cases_report_their_diagnostics() {
    let mut failures = Vec::new();
    for path in cases("fail") {
        let (file, result) = run(&path);
        match result {
            Ok(_) => failures.push(format!("{} compiled but should fail", path.display())),
            Err(d) => {
                assert!(!d.is_empty());
                check(&d.render(&file), &path.with_extension("stderr"), &mut failures);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn passing_cases_analyse_as_expected() {
    let mut failures = Vec::new();
    for path in cases("pass") {
        let (file, result) = run(&path);
        match result {
            Ok(a) => check(&summary(&a), &path.with_extension("out"), &mut failures),
            Err(d) => failures.push(format!("{} failed:\n{}", path.display(), d.render(&file))),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A readable dump of everything the generators would see, but the bodies.
fn summary(a: &Analysis) -> String {
    let mut out = String::new();
    for i in &a.instructions {
        let _ = writeln!(
            out,
            "inst {} = {} (line {}): pops {}, pushes {}, cache {}, flags [{}], tier 2: {}",
            i.name,
            i.opcode,
            i.origin.line,
            i.effect.popped,
            i.effect.pushed,
            i.cache_units,
            i.flags.names().join(" "),
            i.tier2
        );
        let parts: Vec<String> = i
            .parts
            .iter()
            .map(|p| match p {
                InstPart::Uop { uop, caches } => {
                    let c: Vec<String> = caches.iter().map(|c| format!("{}/{}@{}", c.name, c.units, c.offset)).collect();
                    if c.is_empty() { a.uops[*uop].name.clone() } else { format!("{}[{}]", a.uops[*uop].name, c.join(" ")) }
                }
                InstPart::Cache { name, units, offset } => format!("{name}/{units}@{offset}"),
            })
            .collect();
        let _ = writeln!(out, "  parts: {}", parts.join(" + "));
        if i.deopt_target != i.opcode {
            let _ = writeln!(out, "  deopts to: {}", a.instructions[i.deopt_target as usize].name);
        }
        let exp: Vec<String> = i
            .expansion
            .iter()
            .map(|e| match &e.operand {
                OperandSource::None => a.uops[e.uop].name.clone(),
                OperandSource::Cache { offset, units } => format!("{}(cache {offset}/{units})", a.uops[e.uop].name),
                OperandSource::Replaced => format!("{}(replaced)", a.uops[e.uop].name),
            })
            .collect();
        let _ = writeln!(out, "  expansion: {}", exp.join(" + "));
        for (k, step) in i.plan.steps.iter().enumerate() {
            let loads: Vec<String> = step.loads.iter().map(|l| format!("{}@{}{}", l.var, l.offset, if l.array { "[]" } else { "" })).collect();
            let ins: Vec<String> = step.inputs.iter().map(|b| format!("{}<-{}", b.name, b.var.as_deref().unwrap_or("_"))).collect();
            let outs: Vec<String> = step.outputs.iter().map(|o| format!("{}->{}{}", o.name, o.var, if o.peek { "(peek)" } else { "" })).collect();
            let _ = writeln!(
                out,
                "  step {k} {}: loads [{}] in [{}] out [{}] unwind sp {}",
                a.uops[step.uop].name,
                loads.join(" "),
                ins.join(" "),
                outs.join(" "),
                step.unwind_sp
            );
        }
        let stores: Vec<String> = i.plan.stores.iter().map(|s| format!("{}@{}", s.var, s.offset)).collect();
        let _ = writeln!(out, "  stores: [{}]", stores.join(" "));
    }
    for u in &a.uops {
        let _ = writeln!(
            out,
            "uop {} = {} (line {}): pops {}, pushes {}, flags [{}], tier 2: {}",
            u.name,
            u.id,
            u.origin.line,
            u.effect.popped,
            u.effect.pushed,
            u.flags.names().join(" "),
            u.tier2
        );
    }
    for f in &a.families {
        let members: Vec<&str> = f.members.iter().map(|m| a.instructions[*m].name.as_str()).collect();
        let _ = writeln!(out, "family {}: {}", a.instructions[f.head].name, members.join(", "));
    }
    for l in &a.layouts {
        let fields: Vec<String> = l.fields.iter().map(|f| format!("{}@{}:{}", f.name, f.offset, f.size)).collect();
        let _ = writeln!(out, "layout {}: {} bytes, align {}: {}", l.name, l.size, l.align, fields.join(" "));
    }
    for h in &a.helpers {
        let _ = writeln!(out, "helper {}{}", h.name, if h.noescape { " (noescape)" } else { "" });
    }
    for c in &a.consts {
        let _ = writeln!(out, "const {}: {} = {}", c.name, c.ty, c.value);
    }
    out
}
