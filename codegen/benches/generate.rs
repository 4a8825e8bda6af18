//! How long `cargo xtask gen` takes for the real instruction set, without compiling
//! stencils: parse, analyse, generate (each stage alone and together).
//! Run: `cargo bench -p stitch-codegen --bench generate`.

use std::fs;
use std::path::Path;
use stitch_dsl::{Diagnostics, SourceFile, compile, parser};

fn main() {
    divan::main();
}

fn source() -> SourceFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/bytecodes.uops");
    SourceFile::new("runtime/bytecodes.uops", fs::read_to_string(path).expect("the .uops file"))
}

fn load(rel: &str) -> Result<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime");
    fs::read_to_string(dir.join(rel)).map_err(|e| e.to_string())
}

#[divan::bench(sample_count = 20)]
fn parse(bencher: divan::Bencher) {
    let file = source();
    bencher.bench(|| {
        let mut d = Diagnostics::default();
        parser::parse(&file, &mut d)
    });
}

#[divan::bench(sample_count = 20)]
fn parse_and_analyse(bencher: divan::Bencher) {
    let file = source();
    bencher.bench(|| compile(&file, &load).expect("the instruction set compiles"));
}

#[divan::bench(sample_count = 20)]
fn parse_analyse_generate(bencher: divan::Bencher) {
    let file = source();
    bencher.bench(|| {
        let analysis = compile(&file, &load).expect("the instruction set compiles");
        stitch_codegen::generate(&analysis)
    });
}
