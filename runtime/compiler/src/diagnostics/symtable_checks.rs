//! The SyntaxErrors of CPython's symbol-table pass: `global` (or `nonlocal`) after
//! the name was used, assigned or made a parameter; duplicate parameters;
//! `nonlocal` at module level. Like CPython, it walks each scope in source order,
//! recording what each name has been so far; comprehensions are scopes of their
//! own, except for their first iterable.

use super::errors::{CompileError, SourceMap};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Parameters, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;

const PARAM: u8 = 1;
const USE: u8 = 2;
const ASSIGN: u8 = 4;
const GLOBAL: u8 = 8;
const NONLOCAL: u8 = 16;

#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Module,
    Function,
    Class,
    /// A comprehension, named as in CPython's messages ("list comprehension").
    Comprehension(&'static str),
}

struct Scope {
    id: usize,
    kind: ScopeKind,
    /// What each name has been so far, in source order.
    flags: HashMap<String, u8>,
}

/// A `nonlocal` declaration, checked once the enclosing functions are complete.
struct Nonlocal {
    name: String,
    range: TextRange,
    /// Ids of the enclosing scopes, innermost first.
    enclosing: Vec<usize>,
}

/// The first symbol-table error of `module`.
pub fn check(module: &ast::ModModule, map: &SourceMap) -> Result<(), CompileError> {
    let mut check = SymtableCheck {
        map,
        scopes: Vec::new(),
        finished: Vec::new(),
        nonlocals: Vec::new(),
        error: None,
    };
    check.push(ScopeKind::Module);
    check.visit_body(&module.body);
    check.pop();
    if let Some(error) = check.error {
        return Err(error);
    }
    check.resolve_nonlocals()
}

struct SymtableCheck<'m> {
    map: &'m SourceMap<'m>,
    scopes: Vec<Scope>,
    /// The final flags of each scope that has been left, by id.
    finished: Vec<Option<(ScopeKind, HashMap<String, u8>)>>,
    nonlocals: Vec<Nonlocal>,
    error: Option<CompileError>,
}

impl SymtableCheck<'_> {
    fn push(&mut self, kind: ScopeKind) {
        let id = self.finished.len();
        self.finished.push(None);
        self.scopes.push(Scope {
            id,
            kind,
            flags: HashMap::new(),
        });
    }

    fn pop(&mut self) {
        if let Some(scope) = self.scopes.pop()
            && let Some(slot) = self.finished.get_mut(scope.id)
        {
            *slot = Some((scope.kind, scope.flags));
        }
    }

    /// "no binding for nonlocal 'x' found": no enclosing function binds the name
    /// (CPython checks this once the symbol table is complete).
    fn resolve_nonlocals(&self) -> Result<(), CompileError> {
        for nonlocal in &self.nonlocals {
            let bound = nonlocal
                .enclosing
                .iter()
                .any(|&id| match self.finished.get(id) {
                    Some(Some((ScopeKind::Function, flags))) => flags
                        .get(&nonlocal.name)
                        .is_some_and(|&f| f & (ASSIGN | PARAM | NONLOCAL) != 0 && f & GLOBAL == 0),
                    _ => false,
                });
            if !bound {
                let message = format!("no binding for nonlocal '{}' found", nonlocal.name);
                return Err(self.map.syntax(message, nonlocal.range.start()));
            }
        }
        Ok(())
    }

    fn fail(&mut self, message: String, range: TextRange) {
        if self.error.is_none() {
            self.error = Some(self.map.syntax(message, range.start()));
        }
    }

    fn mark(&mut self, name: &str, flag: u8) {
        // A walrus in a comprehension binds in the enclosing function; everything
        // else binds in the innermost scope.
        let scope = if flag == ASSIGN {
            self.scopes
                .iter_mut()
                .rev()
                .find(|s| !matches!(s.kind, ScopeKind::Comprehension(_)))
        } else {
            self.scopes.last_mut()
        };
        if let Some(scope) = scope {
            *scope.flags.entry(name.to_string()).or_default() |= flag;
        }
    }

    fn mark_here(&mut self, name: &str, flag: u8) {
        if let Some(scope) = self.scopes.last_mut() {
            *scope.flags.entry(name.to_string()).or_default() |= flag;
        }
    }

    fn flags(&self, name: &str) -> u8 {
        self.scopes
            .last()
            .and_then(|s| s.flags.get(name).copied())
            .unwrap_or(0)
    }

    /// Parameters bind in the new scope; a name twice is an error.
    fn parameters(&mut self, parameters: &Parameters) {
        let mut seen: Vec<&str> = Vec::new();
        let names = parameters
            .posonlyargs
            .iter()
            .chain(&parameters.args)
            .map(|p| &p.parameter)
            .chain(parameters.vararg.as_deref())
            .chain(parameters.kwonlyargs.iter().map(|p| &p.parameter))
            .chain(parameters.kwarg.as_deref());
        for parameter in names {
            let name = parameter.name.as_str();
            if seen.contains(&name) {
                self.fail(
                    format!("duplicate argument '{name}' in function definition"),
                    parameter.range(),
                );
            }
            seen.push(name);
            self.mark_here(name, PARAM);
        }
    }

    /// Defaults and annotations belong to the enclosing scope.
    fn parameter_expressions(&mut self, parameters: &Parameters) {
        for p in parameters.iter_non_variadic_params() {
            if let Some(default) = &p.default {
                self.visit_expr(default);
            }
            if let Some(annotation) = &p.parameter.annotation {
                self.visit_expr(annotation);
            }
        }
        for p in parameters.vararg.iter().chain(&parameters.kwarg) {
            if let Some(annotation) = &p.annotation {
                self.visit_expr(annotation);
            }
        }
    }

    fn declaration(&mut self, names: &[ast::Identifier], range: TextRange, global: bool) {
        let keyword = if global { "global" } else { "nonlocal" };
        for name in names {
            let name = name.as_str();
            let flags = self.flags(name);
            let message = if flags & PARAM != 0 {
                format!("name '{name}' is parameter and {keyword}")
            } else if flags & USE != 0 {
                format!("name '{name}' is used prior to {keyword} declaration")
            } else if flags & ASSIGN != 0 {
                format!("name '{name}' is assigned to before {keyword} declaration")
            } else if flags & (if global { NONLOCAL } else { GLOBAL }) != 0 {
                format!("name '{name}' is nonlocal and global")
            } else {
                self.mark_here(name, if global { GLOBAL } else { NONLOCAL });
                continue;
            };
            self.fail(message, range);
        }
    }

    fn comprehension(
        &mut self,
        what: &'static str,
        generators: &[ast::Comprehension],
        elements: &[&Expr],
    ) {
        let Some(first) = generators.first() else {
            return;
        };
        // The first iterable is evaluated in the enclosing scope.
        self.visit_expr(&first.iter);
        self.push(ScopeKind::Comprehension(what));
        for (i, generator) in generators.iter().enumerate() {
            self.comprehension_target(&generator.target);
            if i > 0 {
                self.visit_expr(&generator.iter);
            }
            for condition in &generator.ifs {
                self.visit_expr(condition);
            }
        }
        for element in elements {
            self.visit_expr(element);
        }
        self.pop();
    }

    fn comprehension_target(&mut self, target: &Expr) {
        match target {
            Expr::Name(name) => self.mark_here(name.id.as_str(), ASSIGN),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.comprehension_target(e)),
            Expr::List(l) => l.elts.iter().for_each(|e| self.comprehension_target(e)),
            Expr::Starred(s) => self.comprehension_target(&s.value),
            other => self.visit_expr(other),
        }
    }
}

impl<'a> Visitor<'a> for SymtableCheck<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.error.is_some() {
            return;
        }
        match stmt {
            Stmt::FunctionDef(def) => {
                for decorator in &def.decorator_list {
                    self.visit_expr(&decorator.expression);
                }
                self.parameter_expressions(&def.parameters);
                if let Some(returns) = &def.returns {
                    self.visit_expr(returns);
                }
                self.mark(def.name.as_str(), ASSIGN);
                self.push(ScopeKind::Function);
                self.parameters(&def.parameters);
                self.visit_body(&def.body);
                self.pop();
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.visit_expr(&decorator.expression);
                }
                if let Some(arguments) = &class.arguments {
                    self.visit_arguments(arguments);
                }
                self.mark(class.name.as_str(), ASSIGN);
                self.push(ScopeKind::Class);
                self.visit_body(&class.body);
                self.pop();
            }
            Stmt::Global(global) => self.declaration(&global.names, global.range, true),
            Stmt::Nonlocal(nonlocal) => {
                if self
                    .scopes
                    .last()
                    .is_some_and(|s| s.kind == ScopeKind::Module)
                {
                    self.fail(
                        "nonlocal declaration not allowed at module level".into(),
                        nonlocal.range,
                    );
                } else {
                    self.declaration(&nonlocal.names, nonlocal.range, false);
                    // Enclosing scopes, innermost first, for `resolve_nonlocals`.
                    let enclosing: Vec<usize> =
                        self.scopes.iter().rev().skip(1).map(|s| s.id).collect();
                    for name in &nonlocal.names {
                        self.nonlocals.push(Nonlocal {
                            name: name.as_str().to_string(),
                            range: nonlocal.range,
                            enclosing: enclosing.clone(),
                        });
                    }
                }
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    let first = bound.as_str().split('.').next().unwrap_or("");
                    self.mark(first, ASSIGN);
                }
            }
            Stmt::ImportFrom(import) => {
                for alias in &import.names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    if bound.as_str() != "*" {
                        self.mark(bound.as_str(), ASSIGN);
                    } else if self.scopes.last().is_some_and(|s| s.kind != ScopeKind::Module) {
                        self.fail("import * only allowed at module level".to_string(), alias.range);
                    }
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body);
                for handler in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    if let Some(type_) = &h.type_ {
                        self.visit_expr(type_);
                    }
                    if let Some(name) = &h.name {
                        self.mark(name.as_str(), ASSIGN);
                    }
                    self.visit_body(&h.body);
                }
                self.visit_body(&t.orelse);
                self.visit_body(&t.finalbody);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.error.is_some() {
            return;
        }
        match expr {
            Expr::Name(name) => match name.ctx {
                ExprContext::Load => self.mark_here(name.id.as_str(), USE),
                _ => self.mark_here(name.id.as_str(), ASSIGN),
            },
            Expr::Named(named) => {
                if let Expr::Name(name) = named.target.as_ref() {
                    self.mark(name.id.as_str(), ASSIGN);
                }
                self.visit_expr(&named.value);
            }
            Expr::Lambda(lambda) => {
                if let Some(parameters) = &lambda.parameters {
                    self.parameter_expressions(parameters);
                }
                self.push(ScopeKind::Function);
                if let Some(parameters) = &lambda.parameters {
                    self.parameters(parameters);
                }
                self.visit_expr(&lambda.body);
                self.pop();
            }
            Expr::ListComp(c) => self.comprehension("list comprehension", &c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension("set comprehension", &c.generators, &[&c.elt]),
            Expr::Generator(c) => {
                self.comprehension("generator expression", &c.generators, &[&c.elt])
            }
            Expr::DictComp(c) => match &c.key {
                Some(key) => {
                    self.comprehension("dict comprehension", &c.generators, &[key, &c.value])
                }
                None => self.comprehension("dict comprehension", &c.generators, &[&c.value]),
            },
            // A comprehension is a function of its own, but not one that may yield.
            Expr::Yield(ast::ExprYield { range, .. })
            | Expr::YieldFrom(ast::ExprYieldFrom { range, .. })
                if let Some(ScopeKind::Comprehension(what)) =
                    self.scopes.last().map(|s| s.kind) =>
            {
                self.fail(format!("'yield' inside {what}"), *range);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}
