//! Statements.
//!
//! Loops are laid out as CPython 3.11 does, with the test at the top and the
//! backward jump at the bottom, because conditional jumps only go forward:
//!
//! ```text
//!       <iterable> GET_ITER              top:  <jump if not test: else>
//! top:  FOR_ITER else                          <body>
//!       <store target> <body>                  JUMP_BACKWARD top
//!       JUMP_BACKWARD top                else: <else clause>
//! else: <else clause>                    end:
//! end:
//! ```
//!
//! `break` jumps to `end` (popping the `for` iterator first), `continue` to `top`.

use crate::diagnostics::errors::CompileResult;
use super::blocks::{Block, Loop, LoopKind};
use super::codegen::{CodeGen, FunctionBody, FunctionParts};
use super::literal;
use super::unit::Const;
use stitch_abi::op;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

impl CodeGen<'_> {
    pub fn body(&mut self, body: &[Stmt]) -> CompileResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    pub fn stmt(&mut self, stmt: &Stmt) -> CompileResult<()> {
        self.line = self.map.line(stmt.start());
        match stmt {
            Stmt::FunctionDef(def) => self.function_def(def),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.delete_target(t)),
            Stmt::Assign(a) => self.assign(a),
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::Assert(a) => self.assert_stmt(a),
            Stmt::Expr(e) if self.interactive => {
                self.expr(&e.value)?;
                self.emit(op::PRINT_EXPR, 0);
                Ok(())
            }
            Stmt::Expr(e) => {
                // A constant alone (a docstring) does nothing.
                if literal::constant(&e.value).is_some() {
                    return Ok(());
                }
                self.expr(&e.value)?;
                self.emit(op::POP_TOP, 0);
                Ok(())
            }
            // Declarations: the symbol table read them.
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Break(b) => self.break_stmt(b.range),
            Stmt::Continue(c) => self.continue_stmt(c.range),
            Stmt::ClassDef(s) => self.class_def(s),
            Stmt::Import(s) => self.import(s),
            Stmt::ImportFrom(s) => self.import_from(s),
            Stmt::Try(s) => self.try_stmt(s),
            Stmt::Raise(s) => self.raise_stmt(s),
            Stmt::With(s) => self.with_stmt(s),
            Stmt::Match(s) => self.match_stmt(s),
            Stmt::AnnAssign(s) => self.ann_assign(s),
            Stmt::TypeAlias(s) => self.unsupported("type alias", s.range),
            Stmt::IpyEscapeCommand(s) => self.unsupported("IPython escape command", s.range),
        }
    }

    /// `def`: the decorators (evaluated first, each followed by a NULL: they are called
    /// last, innermost first), then the function (`make_function`), then the calls of
    /// the decorators, each on its line.
    fn function_def(&mut self, def: &ast::StmtFunctionDef) -> CompileResult<()> {
        if let Some(type_params) = &def.type_params {
            return self.unsupported("type parameters", type_params.range);
        }
        let parameters = &def.parameters;
        for decorator in &def.decorator_list {
            self.expr(&decorator.expression)?;
            self.emit(op::PUSH_NULL, 0);
        }
        let line = self.map.line(def.name.range.start());
        self.make_function(
            FunctionParts {
                name: def.name.as_str(),
                range: def.range,
                parameters: Some(parameters),
                returns: def.returns.as_deref(),
                body: FunctionBody::Statements(&def.body),
            },
            line,
        )?;
        for decorator in def.decorator_list.iter().rev() {
            self.line = self.map.line(decorator.expression.range().start());
            self.emit(op::CALL, 1);
        }
        self.line = line;
        self.store_name(def.name.as_str(), def.name.range)
    }

    /// `class`: the decorators (as for `def`), the qualified name, the tuple of bases,
    /// then the body run as a function returning its namespace (LOAD_LOCALS), and
    /// BUILD_CLASS of the three; then the decorators' calls, innermost first.
    fn class_def(&mut self, class: &ast::StmtClassDef) -> CompileResult<()> {
        if let Some(type_params) = &class.type_params {
            return self.unsupported("type parameters", type_params.range);
        }
        for decorator in &class.decorator_list {
            self.expr(&decorator.expression)?;
            self.emit(op::PUSH_NULL, 0);
        }
        // A decorated class's own instructions are on its `class` line.
        let line = if class.decorator_list.is_empty() { self.line } else { self.map.line(class.name.range.start()) };
        self.line = line;
        let Some(scope) = self.table.get(super::scope::key(class.range)) else {
            return self.unsupported("internal compiler error: a class without a scope", class.range);
        };
        let qualname = scope.qualname.clone();
        // The keywords (`metaclass=` among them, in their order after the bases, as
        // CPython evaluates them) go to BUILD_CLASS as a dict, or None.
        let mut keywords = Vec::new();
        let mut metaclass = false;
        for k in class.arguments.iter().flat_map(|a| a.keywords.iter()) {
            match k.arg.as_ref().map(|a| a.as_str()) {
                Some("metaclass") if metaclass => return self.unsupported("two metaclass keywords", k.range),
                Some(name) => {
                    metaclass |= name == "metaclass";
                    keywords.push((name, &k.value));
                }
                None => return self.unsupported("class keyword argument **", k.range),
            }
        }
        self.load_const(Const::Str(qualname));
        let mut count = 0;
        if let Some(arguments) = &class.arguments {
            for base in arguments.args.iter() {
                if let Expr::Starred(s) = base {
                    return self.unsupported("starred base class", s.range);
                }
                self.expr(base)?;
                count += 1;
            }
        }
        self.line = line;
        self.emit(op::BUILD_TUPLE, count);
        if keywords.is_empty() {
            self.load_const(Const::None);
        } else {
            for (name, value) in &keywords {
                self.load_const(Const::Str(name.to_string()));
                self.expr(value)?;
            }
            self.line = line;
            self.emit(op::BUILD_MAP, keywords.len() as u32);
        }
        self.make_function(
            FunctionParts { name: class.name.as_str(), range: class.range, parameters: None, returns: None, body: FunctionBody::Class(&class.body) },
            line,
        )?;
        self.emit(op::PUSH_NULL, 0);
        self.emit(op::CALL, 0);
        self.emit(op::BUILD_CLASS, 0);
        for decorator in class.decorator_list.iter().rev() {
            self.line = self.map.line(decorator.expression.range().start());
            self.emit(op::CALL, 1);
        }
        self.line = line;
        self.store_name(class.name.as_str(), class.name.range)
    }

    /// A function from a `def` or a lambda, as CPython 3.11 makes it: the defaults of
    /// the positional parameters as a tuple, those of the keyword-only ones as a dict
    /// (all evaluated now, in order), the annotations, the closure, the code object, MAKE_FUNCTION, then
    /// SET_FUNCTION_ATTRIBUTE for each part there is, the last pushed first. The
    /// instructions after the defaults are on `line`.
    pub fn make_function(&mut self, f: FunctionParts, line: u32) -> CompileResult<()> {
        let mut attributes = Vec::new();
        if let Some(p) = f.parameters {
            let defaults: Vec<&Expr> = p.posonlyargs.iter().chain(&p.args).filter_map(|a| a.default.as_deref()).collect();
            if !defaults.is_empty() {
                match defaults.iter().map(|d| literal::constant(d)).collect::<Option<Vec<_>>>() {
                    Some(items) => self.load_const(Const::Tuple(items)),
                    None => {
                        for d in &defaults {
                            self.expr(d)?;
                        }
                        self.emit(op::BUILD_TUPLE, defaults.len() as u32);
                    }
                }
                attributes.push(1);
            }
            let kwdefaults: Vec<(&str, &Expr)> =
                p.kwonlyargs.iter().filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.as_str(), d))).collect();
            if !kwdefaults.is_empty() {
                for (name, d) in &kwdefaults {
                    self.load_const(Const::Str(name.to_string()));
                    self.expr(d)?;
                }
                self.emit(op::BUILD_MAP, kwdefaults.len() as u32);
                attributes.push(2);
            }
        }
        self.line = line;
        if let Some(p) = f.parameters
            && self.function_annotations(p, f.returns)?
        {
            attributes.push(4);
        }
        if self.closure(f.range)? {
            attributes.push(8);
        }
        let code = self.function(f)?;
        self.line = line;
        self.load_const(Const::Code(Box::new(code)));
        self.emit(op::MAKE_FUNCTION, 0);
        for which in attributes.into_iter().rev() {
            self.emit(op::SET_FUNCTION_ATTRIBUTE, which);
        }
        Ok(())
    }

    /// `return`: the enclosing blocks are unwound first (`for` iterators popped,
    /// `finally` clauses run, handled exceptions restored), so that RETURN_VALUE finds
    /// only the return value on the stack. A constant is loaded after that.
    fn return_stmt(&mut self, r: &ast::StmtReturn) -> CompileResult<()> {
        let line = self.line;
        let constant = match &r.value {
            None => Some(Const::None),
            Some(value) => literal::constant(value),
        };
        match (constant, &r.value) {
            (Some(c), _) => self.returning(false, |g| {
                g.line = line;
                g.load_const(c);
                g.emit(op::RETURN_VALUE, 0);
                Ok(())
            }),
            (None, Some(value)) => {
                self.expr(value)?;
                self.returning(true, |g| {
                    g.line = line;
                    g.emit(op::RETURN_VALUE, 0);
                    Ok(())
                })
            }
            (None, None) => unreachable!("a missing value is the constant None"),
        }
    }

    fn for_stmt(&mut self, f: &ast::StmtFor) -> CompileResult<()> {
        if f.is_async {
            return self.unsupported("async for", f.range);
        }
        let line = self.line;
        self.iterable(&f.iter)?;
        self.emit(op::GET_ITER, 0);
        let (top, orelse, end) = (self.new_label(), self.new_label(), self.new_label());
        self.bind(top);
        self.emit_jump(op::FOR_ITER, orelse);
        self.store_target(&f.target)?;
        self.blocks.push(Block::Loop(Loop {
            kind: LoopKind::For,
            continue_to: top,
            break_to: end,
        }));
        let body = self.body(&f.body);
        self.blocks.pop();
        body?;
        self.line = line;
        self.emit_jump(op::JUMP_BACKWARD, top);
        self.bind(orelse);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// A `for` loop's iterable. A list display of constants iterates the same as
    /// the tuple CPython folds it into.
    fn iterable(&mut self, iter: &Expr) -> CompileResult<()> {
        if let Expr::List(list) = iter
            && let Some(items) = list
                .elts
                .iter()
                .map(literal::constant)
                .collect::<Option<Vec<_>>>()
        {
            self.load_const(Const::Tuple(items));
            return Ok(());
        }
        self.expr(iter)
    }

    fn while_stmt(&mut self, w: &ast::StmtWhile) -> CompileResult<()> {
        let line = self.line;
        let (top, orelse, end) = (self.new_label(), self.new_label(), self.new_label());
        self.bind(top);
        self.jump_if(&w.test, false, orelse)?;
        self.blocks.push(Block::Loop(Loop {
            kind: LoopKind::While,
            continue_to: top,
            break_to: end,
        }));
        let body = self.body(&w.body);
        self.blocks.pop();
        body?;
        self.line = line;
        self.emit_jump(op::JUMP_BACKWARD, top);
        self.bind(orelse);
        self.body(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn if_stmt(&mut self, i: &ast::StmtIf) -> CompileResult<()> {
        let end = self.new_label();
        let mut next = self.new_label();
        self.jump_if(&i.test, false, next)?;
        self.body(&i.body)?;
        for clause in &i.elif_else_clauses {
            self.emit_jump(op::JUMP_FORWARD, end);
            self.bind(next);
            next = self.new_label();
            self.line = self.map.line(clause.range.start());
            if let Some(test) = &clause.test {
                self.jump_if(test, false, next)?;
            }
            self.body(&clause.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    fn assert_stmt(&mut self, a: &ast::StmtAssert) -> CompileResult<()> {
        let skip = self.new_label();
        self.jump_if(&a.test, true, skip)?;
        let mut count = 0;
        if let Some(msg) = &a.msg {
            self.expr(msg)?;
            count = 1;
        }
        self.emit(op::RAISE_ASSERTION, count);
        self.bind(skip);
        Ok(())
    }
}
