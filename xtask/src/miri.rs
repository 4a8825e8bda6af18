//! `cargo xtask miri`: the runtime's unit tests that go through its unsafe code (the
//! value word, heap objects and the cycle collector, frames on the data stack, both
//! interpreters, executors and cold exits) under miri, which checks them for undefined behaviour. JIT code cannot
//! run under miri (it executes generated machine code), nor can the tests that spawn
//! the `stitch` binary.

use std::path::Path;
use std::process::Command;

/// The runtime's layers whose unit tests reach the unsafe code, each with the test-name
/// filters that pick those tests (none: all of the layer's tests).
const LAYERS: [(&str, &[&str]); 4] = [("stitch-core", &["ops::", "objects::gc::", "objects::str::", "objects::wtf8::"]), ("stitch-builtins", &[]), ("stitch-tier2", &[]), ("stitch", &["program::"])];

/// NaN-boxing makes pointers from integers (permissive provenance); results of float
/// functions are checked against CPython's exact digits (deterministic floats); unit
/// tests do not release every value they make (leaks are the memory test's concern).
const FLAGS: &str = "-Zmiri-disable-isolation -Zmiri-permissive-provenance -Zmiri-deterministic-floats -Zmiri-ignore-leaks";

pub fn run(root: &Path, install: bool) -> Result<String, String> {
    let has_miri = || Command::new("cargo").args(["+nightly", "miri", "--version"]).output().is_ok_and(|o| o.status.success());
    if !has_miri() && install {
        let status = Command::new("rustup")
            .args(["component", "add", "--toolchain", "nightly", "miri", "rust-src"])
            .status()
            .map_err(|e| format!("error: cannot run rustup: {e}"))?;
        if !status.success() {
            return Err("error: could not install miri (`rustup component add --toolchain nightly miri rust-src`)".into());
        }
    }
    if !has_miri() {
        return Err("error: miri is not installed: `rustup component add --toolchain nightly miri rust-src`, or pass --install".into());
    }
    for (package, filters) in LAYERS {
        let status = Command::new("cargo")
            .current_dir(root)
            .env("MIRIFLAGS", FLAGS)
            .args(["+nightly", "miri", "test", "-p", package, "--lib", "--"])
            .args(filters)
            .status()
            .map_err(|e| format!("error: cannot run cargo miri: {e}"))?;
        if !status.success() {
            return Err(format!("error: miri failed in {package} (see above)"));
        }
    }
    Ok("miri found no undefined behaviour".into())
}
