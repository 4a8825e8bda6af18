//! The SyntaxErrors CPython raises after parsing, which ruff's parser accepts:
//! first those of CPython's symbol-table pass (`global` after use, duplicate
//! parameters, module-level `nonlocal`), then those of its code generator (`return`
//! outside a function, `break` outside a loop, repeated keyword arguments, ...).
//! They run over the whole module before code generation, so a syntax error
//! anywhere wins over an unsupported construct, as it would under CPython.

use super::errors::{CompileError, CompileResult, SourceMap};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Parameters, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;

pub fn check_module(module: &ast::ModModule, map: &SourceMap) -> CompileResult<()> {
    let mut symtable = SymtableCheck { map, scopes: vec![Scope::new(ScopeKind::Module)], error: None };
    symtable.visit_body(&module.body);
    if let Some(error) = symtable.error {
        return Err(error);
    }
    let mut codegen = CodegenCheck {
        map,
        error: None,
        in_function: false,
        in_async: false,
        loops: 0,
        blocks: 0,
    };
    codegen.visit_body(&module.body);
    codegen.error.map_or(Ok(()), Err)
}

// ---------------------------------------------------------------------------------
// Symbol-table checks

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
    Comprehension,
}

struct Scope {
    kind: ScopeKind,
    /// What each name has been so far, in source order.
    flags: HashMap<String, u8>,
}

impl Scope {
    fn new(kind: ScopeKind) -> Scope {
        Scope { kind, flags: HashMap::new() }
    }
}

struct SymtableCheck<'m> {
    map: &'m SourceMap<'m>,
    scopes: Vec<Scope>,
    error: Option<CompileError>,
}

impl SymtableCheck<'_> {
    fn fail(&mut self, message: String, range: TextRange) {
        if self.error.is_none() {
            self.error = Some(self.map.syntax(message, range.start()));
        }
    }

    fn mark(&mut self, name: &str, flag: u8) {
        // A walrus in a comprehension binds in the enclosing function; everything
        // else binds in the innermost scope.
        let scope = if flag == ASSIGN {
            self.scopes.iter_mut().rev().find(|s| s.kind != ScopeKind::Comprehension)
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
        self.scopes.last().and_then(|s| s.flags.get(name).copied()).unwrap_or(0)
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
                self.fail(format!("duplicate argument '{name}' in function definition"), parameter.range());
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

    fn comprehension(&mut self, generators: &[ast::Comprehension], elements: &[&Expr]) {
        let Some(first) = generators.first() else { return };
        // The first iterable is evaluated in the enclosing scope.
        self.visit_expr(&first.iter);
        self.scopes.push(Scope::new(ScopeKind::Comprehension));
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
        self.scopes.pop();
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
                self.scopes.push(Scope::new(ScopeKind::Function));
                self.parameters(&def.parameters);
                self.visit_body(&def.body);
                self.scopes.pop();
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.visit_expr(&decorator.expression);
                }
                if let Some(arguments) = &class.arguments {
                    self.visit_arguments(arguments);
                }
                self.mark(class.name.as_str(), ASSIGN);
                self.scopes.push(Scope::new(ScopeKind::Class));
                self.visit_body(&class.body);
                self.scopes.pop();
            }
            Stmt::Global(global) => self.declaration(&global.names, global.range, true),
            Stmt::Nonlocal(nonlocal) => {
                if self.scopes.last().is_some_and(|s| s.kind == ScopeKind::Module) {
                    self.fail("nonlocal declaration not allowed at module level".into(), nonlocal.range);
                } else {
                    self.declaration(&nonlocal.names, nonlocal.range, false);
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
                self.scopes.push(Scope::new(ScopeKind::Function));
                if let Some(parameters) = &lambda.parameters {
                    self.parameters(parameters);
                }
                self.visit_expr(&lambda.body);
                self.scopes.pop();
            }
            Expr::ListComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::DictComp(c) => match &c.key {
                Some(key) => self.comprehension(&c.generators, &[key, &c.value]),
                None => self.comprehension(&c.generators, &[&c.value]),
            },
            _ => visitor::walk_expr(self, expr),
        }
    }
}

// ---------------------------------------------------------------------------------
// Code-generator checks

/// CPython's limit on nested loops (and other blocks) in one function.
const MAX_BLOCKS: u32 = 20;

struct CodegenCheck<'m> {
    map: &'m SourceMap<'m>,
    error: Option<CompileError>,
    in_function: bool,
    in_async: bool,
    /// Loops around the statement, in this function.
    loops: u32,
    /// Nested blocks (loops, `try`, `with`), in this function.
    blocks: u32,
}

impl CodegenCheck<'_> {
    fn fail(&mut self, message: &str, range: TextRange) {
        if self.error.is_none() {
            self.error = Some(self.map.syntax(message, range.start()));
        }
    }

    /// A loop or other block: its body one level deeper.
    fn block(&mut self, range: TextRange, is_loop: bool, body: &[Stmt]) {
        if self.blocks >= MAX_BLOCKS {
            self.fail("too many statically nested blocks", range);
            return;
        }
        self.blocks += 1;
        self.loops += is_loop as u32;
        self.visit_body(body);
        self.loops -= is_loop as u32;
        self.blocks -= 1;
    }

    /// A new function (or class) body: no loops around it.
    fn scope(&mut self, in_function: bool, in_async: bool, f: impl FnOnce(&mut Self)) {
        let saved = (self.in_function, self.in_async, self.loops, self.blocks);
        (self.in_function, self.in_async, self.loops, self.blocks) = (in_function, in_async, 0, 0);
        f(self);
        (self.in_function, self.in_async, self.loops, self.blocks) = saved;
    }

    fn targets(&mut self, targets: &[Expr]) {
        for target in targets {
            match target {
                Expr::Starred(s) => self.fail("starred assignment target must be in a list or tuple", s.range),
                Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                    let mut starred = elts.iter().filter(|e| e.is_starred_expr());
                    if let (Some(_), Some(second)) = (starred.next(), starred.next()) {
                        self.fail("multiple starred expressions in assignment", second.range());
                    }
                }
                _ => {}
            }
        }
    }
}

impl<'a> Visitor<'a> for CodegenCheck<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.error.is_some() {
            return;
        }
        match stmt {
            Stmt::FunctionDef(def) => {
                for decorator in &def.decorator_list {
                    self.visit_expr(&decorator.expression);
                }
                for p in def.parameters.iter_non_variadic_params() {
                    if let Some(default) = &p.default {
                        self.visit_expr(default);
                    }
                }
                self.scope(true, def.is_async, |s| s.visit_body(&def.body));
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.visit_expr(&decorator.expression);
                }
                if let Some(arguments) = &class.arguments {
                    self.visit_arguments(arguments);
                }
                self.scope(false, false, |s| s.visit_body(&class.body));
            }
            Stmt::Return(r) => {
                if !self.in_function {
                    self.fail("'return' outside function", r.range);
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Break(b) if self.loops == 0 => self.fail("'break' outside loop", b.range),
            Stmt::Continue(c) if self.loops == 0 => self.fail("'continue' not properly in loop", c.range),
            Stmt::For(f) => {
                self.targets(std::slice::from_ref(&f.target));
                self.visit_expr(&f.iter);
                self.visit_expr(&f.target);
                self.block(f.range, true, &f.body);
                self.visit_body(&f.orelse);
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test);
                self.block(w.range, true, &w.body);
                self.visit_body(&w.orelse);
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_with_item(item);
                }
                self.block(w.range, false, &w.body);
            }
            Stmt::Try(t) => {
                self.block(t.range, false, &t.body);
                for handler in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    if let Some(type_) = &h.type_ {
                        self.visit_expr(type_);
                    }
                    self.block(h.range, false, &h.body);
                }
                self.visit_body(&t.orelse);
                self.block(t.range, false, &t.finalbody);
            }
            Stmt::Assign(a) => {
                self.visit_expr(&a.value);
                self.targets(&a.targets);
                for target in &a.targets {
                    self.visit_expr(target);
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.error.is_some() {
            return;
        }
        match expr {
            Expr::Yield(y) if !self.in_function => self.fail("'yield' outside function", y.range),
            Expr::YieldFrom(y) if !self.in_function => self.fail("'yield' outside function", y.range),
            Expr::Await(a) if !self.in_function => self.fail("'await' outside function", a.range),
            Expr::Await(a) if !self.in_async => self.fail("'await' outside async function", a.range),
            Expr::Lambda(lambda) => {
                if let Some(parameters) = &lambda.parameters {
                    for p in parameters.iter_non_variadic_params() {
                        if let Some(default) = &p.default {
                            self.visit_expr(default);
                        }
                    }
                }
                self.scope(true, false, |s| s.visit_expr(&lambda.body));
            }
            // A starred item belongs in a display or a call's arguments; anywhere
            // else (`x = *a`) CPython's code generator rejects it.
            Expr::Starred(s) if s.ctx == ExprContext::Load => {
                self.fail("can't use starred expression here", s.range);
            }
            Expr::List(ast::ExprList { elts, .. })
            | Expr::Tuple(ast::ExprTuple { elts, .. })
            | Expr::Set(ast::ExprSet { elts, .. }) => {
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.visit_expr(&s.value),
                        e => self.visit_expr(e),
                    }
                }
            }
            Expr::Call(call) => {
                self.visit_expr(&call.func);
                for arg in call.arguments.args.iter() {
                    match arg {
                        Expr::Starred(s) => self.visit_expr(&s.value),
                        e => self.visit_expr(e),
                    }
                }
                let mut seen: Vec<&str> = Vec::new();
                for keyword in &call.arguments.keywords {
                    if let Some(arg) = &keyword.arg {
                        if seen.contains(&arg.as_str()) {
                            let message = format!("keyword argument repeated: {}", arg.as_str());
                            if self.error.is_none() {
                                self.error = Some(self.map.syntax(message, keyword.range.start()));
                            }
                        }
                        seen.push(arg.as_str());
                    }
                    self.visit_expr(&keyword.value);
                }
            }
            _ => visitor::walk_expr(self, expr),
        }
    }

    fn visit_comprehension(&mut self, comprehension: &'a ast::Comprehension) {
        self.targets(std::slice::from_ref(&comprehension.target));
        visitor::walk_comprehension(self, comprehension);
    }
}
