//! `import` and `from ... import`, as CPython 3.11 compiles them: the level and the
//! fromlist are pushed as constants, then IMPORT_NAME; `from` imports take each name
//! with IMPORT_FROM; `import a.b as c` walks down to `b` with IMPORT_FROM.
//!
//! What may be imported is decided here, before the program runs: the modules stitch
//! provides (the list comes from the runtime through `compile_module_in`), the
//! program's own modules (a file or package beside the script, as CPython's
//! `sys.path[0]`), and names that exist nowhere (CPython's ModuleNotFoundError, raised
//! when the import runs). A module of CPython's standard library that stitch does not
//! provide is refused. Relative imports are resolved when they run.

use crate::diagnostics::errors::CompileResult;
use super::codegen::CodeGen;
use super::unit::Const;
use ruff_python_ast::{self as ast};
use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use stitch_abi::op;

thread_local! {
    /// The modules that can be imported, for the compilation running on this thread.
    static PROVIDED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The directory the program's own modules are found in (none: only provided
    /// modules and missing ones).
    static SEARCH: RefCell<Option<PathBuf>> = const { RefCell::new(None) };
    /// `from __future__ import annotations` is in effect for this compilation.
    static FUTURE_ANNOTATIONS: Cell<bool> = const { Cell::new(false) };
}

/// Sets what the compilation on this thread may import, and whether the module has
/// `from __future__ import annotations`.
pub fn begin(modules: Vec<String>, search: Option<PathBuf>, module: &ast::ModModule) {
    PROVIDED.with(|p| *p.borrow_mut() = modules);
    SEARCH.with(|s| *s.borrow_mut() = search);
    FUTURE_ANNOTATIONS.with(|f| f.set(has_future_annotations(module)));
}

/// Whether annotations are never evaluated (PEP 563).
pub fn postponed_annotations() -> bool {
    FUTURE_ANNOTATIONS.with(Cell::get)
}

/// Future imports must come first (after the docstring), so only those are looked at.
fn has_future_annotations(module: &ast::ModModule) -> bool {
    for stmt in &module.body {
        match stmt {
            ast::Stmt::ImportFrom(i) if i.module.as_ref().is_some_and(|m| m.as_str() == "__future__") => {
                if i.names.iter().any(|a| a.name.as_str() == "annotations") {
                    return true;
                }
            }
            ast::Stmt::Expr(e) if matches!(*e.value, ast::Expr::StringLiteral(_)) => {}
            _ => return false,
        }
    }
    false
}

fn provided(name: &str) -> bool {
    PROVIDED.with(|p| p.borrow().iter().any(|m| m == name))
}

/// Whether `dir` holds a module or package named `name`, as CPython's path finder
/// looks for one.
pub fn module_file_in(dir: &Path, name: &str) -> Option<PathBuf> {
    let package = dir.join(name).join("__init__.py");
    if package.is_file() {
        return Some(package);
    }
    let file = dir.join(format!("{name}.py"));
    file.is_file().then_some(file)
}

/// Whether an absolute import of `name` compiles: a provided module, one of the
/// program's own, or a name CPython's standard library does not have either.
fn importable(name: &str) -> bool {
    if provided(name) {
        return true;
    }
    let top = name.split('.').next().unwrap_or(name);
    let own = SEARCH.with(|s| s.borrow().as_deref().is_some_and(|dir| module_file_in(dir, top).is_some()));
    own || !super::stdlib_names::STDLIB.contains(&top)
}

impl CodeGen<'_> {
    /// The refusal of a module stitch does not provide.
    fn check_module(&self, name: &str, range: ruff_text_size::TextRange) -> CompileResult<()> {
        if importable(name) { Ok(()) } else { self.unsupported(&format!("module '{name}'"), range) }
    }

    pub fn import(&mut self, s: &ast::StmtImport) -> CompileResult<()> {
        for alias in &s.names {
            let name = alias.name.as_str();
            self.check_module(name, s.range)?;
            self.load_const(Const::Int(0.into()));
            self.load_const(Const::None);
            let index = self.name_index(name);
            self.emit(op::IMPORT_NAME, index);
            match &alias.asname {
                None => {
                    let top = name.split('.').next().unwrap_or(name);
                    self.store_name(top, alias.range)?;
                }
                Some(asname) => {
                    // `import a.b.c as d`: from the top-level package down to `c`.
                    let parts: Vec<&str> = name.split('.').collect();
                    for (i, part) in parts.iter().enumerate().skip(1) {
                        let index = self.name_index(part);
                        self.emit(op::IMPORT_FROM, index);
                        if i + 1 < parts.len() {
                            self.emit(op::SWAP, 2);
                            self.emit(op::POP_TOP, 0);
                        }
                    }
                    if parts.len() > 1 {
                        self.store_name(asname.as_str(), asname.range)?;
                        self.emit(op::POP_TOP, 0);
                    } else {
                        self.store_name(asname.as_str(), asname.range)?;
                    }
                }
            }
        }
        Ok(())
    }

    pub fn import_from(&mut self, s: &ast::StmtImportFrom) -> CompileResult<()> {
        let module = s.module.as_ref().map_or("", |m| m.as_str());
        if s.level == 0 {
            self.check_module(module, s.range)?;
        }
        // (`import *` in a function is a SyntaxError, found by the symbol-table checks.)
        let star = s.names.iter().any(|a| a.name.as_str() == "*");
        self.load_const(Const::Int(s.level.into()));
        let names = s.names.iter().map(|a| Const::Str(a.name.as_str().to_string())).collect();
        self.load_const(Const::Tuple(names));
        let index = self.name_index(module);
        self.emit(op::IMPORT_NAME, index);
        if star {
            self.emit(op::IMPORT_STAR, 0);
            return Ok(());
        }
        for alias in &s.names {
            let index = self.name_index(alias.name.as_str());
            self.emit(op::IMPORT_FROM, index);
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.store_name(bound.as_str(), bound.range)?;
        }
        self.emit(op::POP_TOP, 0);
        Ok(())
    }
}
