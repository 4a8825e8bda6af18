//! The "add a uop" test, end to end (README, "Adding a uop"). The fixture
//! `xtask/fixtures/add_a_member.uops` adds a member to the `BINARY_OP` family — a type
//! guard, a result type and an unboxed variant — and `add_a_member.member` is its
//! predicate line in the family. Nothing else changes: no runtime edit.
//!
//! - `a_new_member_reaches_every_table`: generation puts it in the specializer, the
//!   optimizer's facts, the interpreters, the stencils and UOPS.md.
//! - `a_new_member_is_chosen_and_its_variant_traced`: a copy of the workspace with the
//!   fixture builds, and a program's `^` of bools is specialized into the new member in
//!   tier 1 and runs as its unboxed variant in tier 2, with CPython's output.

use crate::generate::{UOPS, outputs_from, workspace_root};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    workspace_root().join("xtask/fixtures").join(name)
}

/// runtime/bytecodes.uops with the fixture: the member in the family, the definitions
/// at the end.
fn fixture_text(root: &Path) -> String {
    let text = fs::read_to_string(root.join(UOPS)).unwrap();
    let member = fs::read_to_string(fixture("add_a_member.member")).unwrap();
    let at = text.find("family BINARY_OP = [\n").expect("the BINARY_OP family") + "family BINARY_OP = [\n".len();
    let mut out = format!("{}{member}{}", &text[..at], &text[at..]);
    out.push('\n');
    out.push_str(&fs::read_to_string(fixture("add_a_member.uops")).unwrap());
    out
}

fn generated(root: &Path, text: String, work: &Path) -> Vec<stitch_codegen::Output> {
    outputs_from(root, stitch_dsl::SourceFile::new(UOPS, text), work).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_new_member_reaches_every_table() {
    let root = workspace_root();
    let work = std::env::temp_dir().join(format!("stitch-add-a-member-{}", std::process::id()));
    let outputs = generated(&root, fixture_text(&root), &work);
    let _ = fs::remove_dir_all(&work);
    let file = |name: &str| &outputs.iter().find(|o| o.path == name).unwrap().contents;
    // Tier 1: an instruction, and the specializer tries its predicate.
    assert!(file("src/tier1_cases.rs").contains("op::BINARY_OP_XOR_BOOL =>"));
    assert!(file("src/specialize.rs").contains("return specialized(this_instr, op::BINARY_OP_XOR_BOOL);"));
    // The optimizer: the guard's and the result's types, and the variant of its uop.
    let metadata = file("src/metadata.rs");
    assert!(metadata.contains("ty: Some(Ty::Bool)"));
    assert!(metadata.contains("uop: uop::_BINARY_OP_XOR_BOOL_UNBOXED"), "the variant is in its base's facts");
    // Tier 2, the stencils and the documentation.
    assert!(file("src/tier2_cases.rs").contains("uop::_BINARY_OP_XOR_BOOL_UNBOXED =>"));
    assert!(file("src/stencils.rs").contains("STENCIL_BINARY_OP_XOR_BOOL_UNBOXED"));
    assert!(file("UOPS.md").contains("### BINARY_OP_XOR_BOOL"));
    assert!(file("UOPS.md").contains("variant of `_BINARY_OP_XOR_BOOL`"));
}

/// Copies the workspace's tracked files to `to`.
fn copy_workspace(root: &Path, to: &Path) {
    let out = Command::new("git").current_dir(root).args(["ls-files", "-z"]).output().expect("git runs");
    assert!(out.status.success(), "git ls-files");
    for name in out.stdout.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let rel = String::from_utf8_lossy(name).to_string();
        let (from, dest) = (root.join(&rel), to.join(&rel));
        if from.is_file() {
            fs::create_dir_all(dest.parent().unwrap()).unwrap();
            fs::copy(&from, &dest).unwrap();
        }
    }
}

fn stitch(binary: &Path, dir: &Path, args: &[&str]) -> String {
    let out = Command::new(binary).current_dir(dir).args(args).output().expect("stitch runs");
    assert!(out.status.success(), "stitch {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_new_member_is_chosen_and_its_variant_traced() {
    let root = workspace_root();
    let copy = std::env::temp_dir().join(format!("stitch-add-a-member-ws-{}", std::process::id()));
    let _ = fs::remove_dir_all(&copy);
    copy_workspace(&root, &copy);
    let text = fixture_text(&root);
    fs::write(copy.join(UOPS), &text).unwrap();
    for out in generated(&copy, text, &copy.join("target/stencils")) {
        fs::write(copy.join("generated").join(out.path), out.contents).unwrap();
    }
    // A target directory of its own that outlives the copy: later runs rebuild only
    // the workspace's crates.
    let target = root.join("target/add-a-member");
    let status = Command::new(env!("CARGO"))
        .current_dir(&copy)
        .env("CARGO_TARGET_DIR", &target)
        .args(["build", "--quiet", "-p", "stitch"])
        .status()
        .expect("cargo runs");
    assert!(status.success(), "the workspace with the fixture builds");
    let binary = target.join("debug/stitch");
    let program = fixture("add_a_member.py");
    let dir = program.parent().unwrap();
    let expected = fs::read_to_string(fixture("add_a_member.stdout")).unwrap();

    let json = copy.join("stats.json");
    let stdout = stitch(&binary, dir, &["run", "--tier", "1", "--stats-json", json.to_str().unwrap(), "add_a_member.py"]);
    assert_eq!(stdout, expected);
    let stats: serde_json::Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    assert!(stats["specialized"]["BINARY_OP_XOR_BOOL"].as_u64().is_some_and(|n| n > 0), "the specializer chose it: {stats}");

    let dump = copy.join("dump");
    let stdout = stitch(&binary, dir, &["run", "--tier", "2", "--dump-executors", dump.to_str().unwrap(), "add_a_member.py"]);
    assert_eq!(stdout, expected);
    let listings: String = fs::read_dir(&dump).unwrap().map(|e| fs::read_to_string(e.unwrap().path()).unwrap()).collect();
    assert!(listings.contains("_BINARY_OP_XOR_BOOL_UNBOXED"), "the optimizer picked the variant:\n{listings}");
    let _ = fs::remove_dir_all(&copy);
}
