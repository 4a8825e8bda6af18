//! The SyntaxErrors of CPython's future pass (`Python/future.c`), which runs before
//! the symbol table: `from __future__` imports only at the top of the module (after
//! the docstring), of features that exist, and `braces` never.

use super::errors::{CompileResult, SourceMap};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_python_ast::visitor::{Visitor, walk_stmt};
use ruff_text_size::Ranged;

/// The features `__future__` defines in 3.11.
const FEATURES: &[&str] = &[
    "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
    "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
];

pub fn check(module: &ast::ModModule, map: &SourceMap) -> CompileResult<()> {
    let mut at_top = true;
    for (i, stmt) in module.body.iter().enumerate() {
        let docstring = i == 0 && matches!(stmt, Stmt::Expr(e) if matches!(*e.value, Expr::StringLiteral(_)));
        match stmt {
            Stmt::ImportFrom(import) if is_future(import) => {
                if !at_top {
                    return Err(misplaced(map, import));
                }
                for alias in &import.names {
                    match alias.name.as_str() {
                        "braces" => return Err(map.syntax("not a chance", import.start())),
                        name if FEATURES.contains(&name) => {}
                        name => return Err(map.syntax(format!("future feature {name} is not defined"), import.start())),
                    }
                }
            }
            _ if docstring => {}
            _ => at_top = false,
        }
    }
    // Future imports nested in other statements are never at the top.
    let mut nested = Nested { found: None };
    for stmt in &module.body {
        if !matches!(stmt, Stmt::ImportFrom(_)) {
            nested.visit_stmt(stmt);
        }
    }
    match nested.found {
        Some(import) => Err(misplaced(map, import)),
        None => Ok(()),
    }
}

fn is_future(import: &ast::StmtImportFrom) -> bool {
    import.level == 0 && import.module.as_ref().is_some_and(|m| m.as_str() == "__future__")
}

fn misplaced(map: &SourceMap, import: &ast::StmtImportFrom) -> super::errors::CompileError {
    map.syntax("from __future__ imports must occur at the beginning of the file", import.start())
}

struct Nested<'a> {
    found: Option<&'a ast::StmtImportFrom>,
}

impl<'a> Visitor<'a> for Nested<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::ImportFrom(import) = stmt {
            if is_future(import) && self.found.is_none() {
                self.found = Some(import);
            }
        }
        walk_stmt(self, stmt);
    }
}
