//! Which names of a function are its fast locals and which are globals.
//!
//! A function's locals are its parameters and every name it binds (assignment and
//! `for` targets, augmented assignments, nested `def`s), minus the names it declares
//! `global`. Other names are free: globals (or builtins), unless an enclosing
//! function binds them, which would make a closure. Comprehension variables belong
//! to the comprehension (see comprehension.rs), not to the function.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Default)]
pub struct FunctionScope {
    /// Locals in slot order: the positional parameters first.
    pub locals: Vec<String>,
    slots: HashMap<String, u32>,
    globals: HashSet<String>,
}

impl FunctionScope {
    pub fn analyze(def: &ast::StmtFunctionDef) -> FunctionScope {
        let mut collector = Collector::default();
        let parameters = &def.parameters;
        let params = parameters
            .posonlyargs
            .iter()
            .chain(&parameters.args)
            .map(|p| &p.parameter)
            .chain(parameters.vararg.as_deref())
            .chain(parameters.kwonlyargs.iter().map(|p| &p.parameter))
            .chain(parameters.kwarg.as_deref());
        for p in params {
            collector.bind(p.name.as_str());
        }
        collector.visit_body(&def.body);

        let mut scope = FunctionScope {
            globals: collector.globals,
            ..FunctionScope::default()
        };
        for name in collector.bound {
            if !scope.globals.contains(&name) && !scope.slots.contains_key(&name) {
                scope.slots.insert(name.clone(), scope.locals.len() as u32);
                scope.locals.push(name);
            }
        }
        scope
    }

    pub fn is_local(&self, name: &str) -> bool {
        self.slots.contains_key(name)
    }

    /// Whether the function declares `name` global.
    pub fn is_global(&self, name: &str) -> bool {
        self.globals.contains(name)
    }
}

/// Collects the names a function body binds and declares global, without entering
/// nested functions, lambdas or comprehensions.
#[derive(Default)]
struct Collector {
    /// In order of first binding.
    bound: Vec<String>,
    seen: HashSet<String>,
    globals: HashSet<String>,
}

impl Collector {
    fn bind(&mut self, name: &str) {
        if self.seen.insert(name.to_string()) {
            self.bound.push(name.to_string());
        }
    }
}

impl<'a> Visitor<'a> for Collector {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                // The defaults run in this function; the body is another scope.
                for p in def.parameters.iter_non_variadic_params() {
                    if let Some(default) = &p.default {
                        self.visit_expr(default);
                    }
                }
                self.bind(def.name.as_str());
            }
            Stmt::ClassDef(class) => self.bind(class.name.as_str()),
            Stmt::Global(global) => {
                for name in &global.names {
                    self.globals.insert(name.as_str().to_string());
                }
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.bind(bound.as_str().split('.').next().unwrap_or(""));
                }
            }
            Stmt::ImportFrom(import) => {
                for alias in &import.names {
                    self.bind(alias.asname.as_ref().unwrap_or(&alias.name).as_str());
                }
            }
            Stmt::Try(t) => {
                for handler in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    if let Some(name) = &h.name {
                        self.bind(name.as_str());
                    }
                }
                visitor::walk_stmt(self, stmt);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(name) if name.ctx != ExprContext::Load => self.bind(name.id.as_str()),
            Expr::Named(named) => {
                if let Expr::Name(name) = named.target.as_ref() {
                    self.bind(name.id.as_str());
                }
                self.visit_expr(&named.value);
            }
            Expr::Lambda(_) => {}
            // Only the first iterable runs in the function's scope.
            Expr::ListComp(ast::ExprListComp { generators, .. })
            | Expr::SetComp(ast::ExprSetComp { generators, .. })
            | Expr::DictComp(ast::ExprDictComp { generators, .. })
            | Expr::Generator(ast::ExprGenerator { generators, .. }) => {
                if let Some(first) = generators.first() {
                    self.visit_expr(&first.iter);
                }
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}
