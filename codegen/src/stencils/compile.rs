//! Compiling the stencil crate with rustc to an object file.
//!
//! The flags make stencils patchable: every external symbol becomes a 64-bit absolute
//! relocation (`code-model=large`, `relocation-model=static`), no jump tables (which
//! would be data the JIT must relocate), no unwinding, no debug info (nothing that
//! depends on the path of the build directory, so CI's fresh clone compiles the same
//! bytes). The compiler is `$RUSTC`, or the `rustc` that rustup picks for this
//! workspace (rust-toolchain.toml pins it): its `--version` goes into the output.

use std::path::{Path, PathBuf};
use std::process::Command;

pub const TARGET: &str = "x86_64-unknown-linux-gnu";

/// Why the crate was not compiled.
pub enum Failure {
    /// Before rustc compiled anything: a directory, a file, rustc itself.
    Setup(String),
    /// rustc refused the crate (written at `crate_path`): its stderr.
    Rustc { crate_path: PathBuf, stderr: String },
}

/// The compiled stencil crate.
pub struct Compiled {
    pub object: PathBuf,
    /// `rustc --version` of the compiler that made `object`.
    pub rustc_version: String,
}

/// The compiler to run, as cargo would pick it.
fn rustc() -> String {
    std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string())
}

/// `rustc --version` of `rustc`, trimmed.
fn version(rustc: &str, dir: &Path) -> Result<String, String> {
    let output = Command::new(rustc).current_dir(dir).arg("--version").output().map_err(|e| format!("cannot run {rustc}: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if !output.status.success() || text.is_empty() {
        return Err(format!("`{rustc} --version` failed: {}", String::from_utf8_lossy(&output.stderr).trim()));
    }
    Ok(text)
}

/// Compiles `source` in `dir`.
pub fn compile(source: &str, dir: &Path) -> Result<Compiled, Failure> {
    std::fs::create_dir_all(dir).map_err(|e| Failure::Setup(format!("cannot create {}: {e}", dir.display())))?;
    let src = dir.join("stencils.rs");
    let obj = dir.join("stencils.o");
    std::fs::write(&src, source).map_err(|e| Failure::Setup(format!("cannot write {}: {e}", src.display())))?;
    let rustc = rustc();
    // Asked in the same directory as the compile: rustup picks the toolchain by it.
    let rustc_version = version(&rustc, dir).map_err(Failure::Setup)?;
    let output = Command::new(&rustc)
        .current_dir(dir)
        .args(["--edition", "2024", "--crate-type", "lib", "--crate-name", "stencils", "--emit", "obj", "--target", TARGET])
        .args(["-C", "opt-level=3", "-C", "relocation-model=static", "-C", "code-model=large", "-C", "panic=abort"])
        .args(["-C", "jump-tables=no", "-C", "debuginfo=0", "-C", "codegen-units=1", "-C", "overflow-checks=off"])
        .args(["-C", "debug-assertions=off", "-C", "force-frame-pointers=no"])
        .arg("stencils.rs")
        .arg("-o")
        .arg("stencils.o")
        .output()
        .map_err(|e| Failure::Setup(format!("cannot run {rustc}: {e}")))?;
    if !output.status.success() {
        return Err(Failure::Rustc { crate_path: src, stderr: String::from_utf8_lossy(&output.stderr).into_owned() });
    }
    Ok(Compiled { object: obj, rustc_version })
}
