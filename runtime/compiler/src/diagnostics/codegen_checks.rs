//! The SyntaxErrors of CPython's code generator: `return`, `yield` and `await`
//! outside a function, `break` and `continue` outside a loop, repeated keyword
//! arguments, misplaced starred expressions, too many nested blocks.

use super::errors::{CompileError, SourceMap};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};

/// CPython's limit on nested loops (and other blocks) in one function.
const MAX_BLOCKS: u32 = 20;

/// The first code-generator error of `module`.
pub fn check(module: &ast::ModModule, map: &SourceMap) -> Result<(), CompileError> {
    let mut check = CodegenCheck {
        map,
        error: None,
        in_function: false,
        in_async: false,
        loops: 0,
        blocks: 0,
    };
    check.visit_body(&module.body);
    check.error.map_or(Ok(()), Err)
}

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
                Expr::Starred(s) => self.fail(
                    "starred assignment target must be in a list or tuple",
                    s.range,
                ),
                Expr::Tuple(ast::ExprTuple { elts, .. })
                | Expr::List(ast::ExprList { elts, .. }) => {
                    let mut starred = elts.iter().filter(|e| e.is_starred_expr());
                    if let (Some(_), Some(_)) = (starred.next(), starred.next()) {
                        self.fail("multiple starred expressions in assignment", target.range());
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
                    // Bases are a call's arguments: `class A(*bases)` is valid.
                    for arg in arguments.args.iter() {
                        match arg {
                            Expr::Starred(s) => self.visit_expr(&s.value),
                            e => self.visit_expr(e),
                        }
                    }
                    for keyword in arguments.keywords.iter() {
                        self.visit_expr(&keyword.value);
                    }
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
            Stmt::Continue(c) if self.loops == 0 => {
                self.fail("'continue' not properly in loop", c.range)
            }
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
            Expr::YieldFrom(y) if !self.in_function => {
                self.fail("'yield' outside function", y.range)
            }
            Expr::Await(a) if !self.in_function => self.fail("'await' outside function", a.range),
            Expr::Await(a) if !self.in_async => {
                self.fail("'await' outside async function", a.range)
            }
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
