//! The code generator's state for one code object (the module or a function), with
//! the helpers the statement and expression compilers share: emitting, constants,
//! names, name resolution and loops.

use crate::assembly::assembler::{AssembleError, Assembler, Label};
use crate::diagnostics::errors::{CompileResult, SourceMap};
use super::consts::ConstPool;
use super::scope::{MODULE, ScopeKey, SymbolTable};
use super::unit::{CodeUnit, Const};
use stitch_abi::op;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::TextRange;
use std::collections::HashMap;
use std::rc::Rc;

/// How a name is read and written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Access {
    /// A fast local (LOAD_FAST / STORE_FAST): its slot.
    Fast(u32),
    /// A variable in a cell (LOAD_DEREF / STORE_DEREF): the slot holding the cell.
    Deref(u32),
    /// A global (LOAD_GLOBAL / STORE_GLOBAL): its index in `names`.
    Global(u32),
}

/// A comprehension variable in scope: its hidden slot, and whether it is a cell (a
/// lambda in the comprehension captures it).
#[derive(Clone, Copy, Debug)]
pub struct Hidden {
    pub slot: u32,
    pub cell: bool,
}

pub struct CodeGen<'m> {
    pub map: &'m SourceMap<'m>,
    asm: Assembler,
    consts: ConstPool,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    var_index: HashMap<String, u32>,
    /// Every scope of the module.
    pub table: Rc<SymbolTable>,
    /// The scope of this code object (`MODULE` for module code, where names are
    /// globals).
    scope: ScopeKey,
    /// The slot of the first free variable (they follow the scope's locals).
    firstfree: u32,
    /// The statements enclosing the one being compiled that leaving them early
    /// (`break`, `continue`, `return`) must unwind, innermost last.
    pub blocks: Vec<super::blocks::Block>,
    /// The exception handlers covering the code emitted now, innermost last.
    pub handlers: Vec<u32>,
    /// Comprehension variables in scope, innermost comprehension last.
    pub comprehensions: Vec<HashMap<String, Hidden>>,
    /// The source line instructions are attributed to.
    pub line: u32,
    name: String,
    qualname: String,
    doc: Option<String>,
    firstlineno: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    /// Where "function too large" is reported.
    range: TextRange,
    /// Expression statements are displayed (module code compiled in 'single' mode).
    pub interactive: bool,
}

/// What a `def` or a lambda gives the code object made for it.
pub struct FunctionParts<'a> {
    pub name: &'a str,
    pub range: TextRange,
    pub parameters: Option<&'a ast::Parameters>,
    /// The return annotation.
    pub returns: Option<&'a ast::Expr>,
    pub body: FunctionBody<'a>,
}

pub enum FunctionBody<'a> {
    Statements(&'a [Stmt]),
    /// A lambda's: its value is returned.
    Expression(&'a Expr),
    /// A class body's: its locals are returned as the class's namespace.
    Class(&'a [Stmt]),
    /// A generator expression's: its one parameter is the first iterable's iterator.
    Generator(&'a ast::ExprGenerator),
}

impl<'m> CodeGen<'m> {
    fn new(map: &'m SourceMap<'m>, table: Rc<SymbolTable>, name: &str, range: TextRange) -> CodeGen<'m> {
        let firstlineno = map.line(range.start());
        CodeGen {
            map,
            asm: Assembler::default(),
            consts: ConstPool::default(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            var_index: HashMap::new(),
            table,
            scope: MODULE,
            firstfree: 0,
            blocks: Vec::new(),
            handlers: Vec::new(),
            comprehensions: Vec::new(),
            line: firstlineno,
            name: name.to_string(),
            qualname: name.to_string(),
            doc: None,
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            range,
            interactive: false,
        }
    }

    /// Compiles module code.
    pub fn module(module: &ast::ModModule, map: &'m SourceMap<'m>) -> CompileResult<CodeUnit> {
        let table = Rc::new(SymbolTable::build(module));
        let mut g = CodeGen::new(map, table, "<module>", TextRange::default());
        g.firstlineno = 1;
        let body = &module.body[..];
        // A leading string is the module's docstring: CPython stores it as __doc__.
        if let Some(Stmt::Expr(ast::StmtExpr { value, .. })) = body.first()
            && let Expr::StringLiteral(doc) = value.as_ref()
        {
            g.line = map.line(doc.range.start());
            g.load_const(super::literal::str_constant(doc));
            let name = g.name_index("__doc__");
            g.emit(op::STORE_GLOBAL, name);
        }
        g.setup_annotations(body)?;
        g.body(body)?;
        g.return_none();
        g.finish()
    }

    /// Compiles source given to `eval`: one expression, whose value the code returns.
    /// The parser read it as a module; anything but one expression statement is
    /// refused (CPython's eval grammar gives its own SyntaxErrors for them).
    pub fn expression(module: &ast::ModModule, map: &'m SourceMap<'m>) -> CompileResult<CodeUnit> {
        let table = Rc::new(SymbolTable::build(module));
        let mut g = CodeGen::new(map, table, "<module>", TextRange::default());
        g.firstlineno = 1;
        match &module.body[..] {
            [Stmt::Expr(e)] => {
                g.line = map.line(e.range.start());
                g.expr(&e.value)?;
                g.emit(op::RETURN_VALUE, 0);
                g.finish()
            }
            [] => g.unsupported("eval() of an empty source", TextRange::default()),
            [first, ..] => g.unsupported("eval() of statements", ruff_text_size::Ranged::range(first)),
        }
    }

    /// Compiles source in 'single' mode: one statement, its expression statements
    /// displayed.
    pub fn interactive(module: &ast::ModModule, map: &'m SourceMap<'m>) -> CompileResult<CodeUnit> {
        let table = Rc::new(SymbolTable::build(module));
        let mut g = CodeGen::new(map, table, "<module>", TextRange::default());
        g.firstlineno = 1;
        g.interactive = true;
        // CPython's SyntaxError for more than one statement depends on what the
        // first is (a simple statement's "multiple statements found" on its line, a
        // compound one's "invalid syntax" on the next): refused rather than guessed.
        // Simple statements joined by `;` on one line are one interactive statement.
        for pair in module.body.windows(2) {
            let (end, start) = (ruff_text_size::Ranged::end(&pair[0]), ruff_text_size::Ranged::start(&pair[1]));
            let between = &map.source()[usize::from(end)..usize::from(start)];
            let joined: String = between.replace("\\\r\n", "").replace("\\\n", "").chars().filter(|c| !matches!(c, ' ' | '\t' | '\x0c')).collect();
            if joined != ";" {
                return g.unsupported("compile() in 'single' mode of more than one statement", ruff_text_size::Ranged::range(&pair[1]));
            }
        }
        g.body(&module.body)?;
        g.return_none();
        g.finish()
    }

    /// Compiles the code object of a function or lambda defined in this code. Its
    /// prologue makes the cells of its captured variables (MAKE_CELL) and takes the
    /// cells of its free ones from its closure (COPY_FREE_VARS).
    pub fn function(&self, f: FunctionParts) -> CompileResult<CodeUnit> {
        let key = super::scope::key(f.range);
        let Some(scope) = self.table.get(key) else {
            return self.unsupported("internal compiler error: a function without a scope", f.range);
        };
        let mut g = CodeGen::new(self.map, self.table.clone(), f.name, f.range);
        g.scope = key;
        g.qualname = scope.qualname.clone();
        for name in &scope.locals {
            g.var_slot(name);
        }
        if let FunctionBody::Class(body) = f.body
            && docstring(body).is_some()
        {
            // A class body's docstring goes in its namespace: one of its own locals.
            g.var_slot("__doc__");
        }
        g.firstfree = g.varnames.len() as u32;
        for name in &scope.frees {
            g.var_slot(name);
        }
        if let Some(p) = f.parameters {
            g.posonlyargcount = p.posonlyargs.len() as u32;
            g.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            g.kwonlyargcount = p.kwonlyargs.len() as u32;
            if p.vararg.is_some() {
                g.flags |= stitch_core::objects::code::CO_VARARGS;
            }
            if p.kwarg.is_some() {
                g.flags |= stitch_core::objects::code::CO_VARKEYWORDS;
            }
        }
        let cells: Vec<u32> = scope.locals.iter().enumerate().filter(|(_, n)| scope.is_cell(n)).map(|(i, _)| i as u32).collect();
        for slot in cells {
            g.emit(op::MAKE_CELL, slot);
        }
        if !scope.frees.is_empty() {
            g.emit(op::COPY_FREE_VARS, scope.frees.len() as u32);
        }
        if scope.generator {
            if matches!(f.body, FunctionBody::Class(_)) {
                return self.unsupported("'yield' outside function", f.range);
            }
            if scope.async_generator {
                return self.unsupported("async generator", f.range);
            }
            g.flags |= if scope.coroutine {
                stitch_core::objects::code::CO_COROUTINE
            } else {
                stitch_core::objects::code::CO_GENERATOR
            };
            g.emit(op::RETURN_GENERATOR, 0);
            g.emit(op::POP_TOP, 0);
        }
        match f.body {
            FunctionBody::Statements(body) => {
                if let Some(Stmt::Expr(ast::StmtExpr { value, .. })) = body.first()
                    && let Expr::StringLiteral(doc) = value.as_ref()
                {
                    if doc.value.iter().any(|p| super::surrogate_literals::get(p.range).is_some()) {
                        return g.unsupported("lone surrogates in a docstring", doc.range);
                    }
                    g.doc = Some(doc.value.to_str().to_string());
                }
                g.body(body)?;
                g.return_none();
            }
            FunctionBody::Expression(value) => {
                g.expr(value)?;
                g.emit(op::RETURN_VALUE, 0);
            }
            FunctionBody::Class(body) => {
                // A leading string is the class's docstring: CPython stores it as
                // `__doc__` in the class namespace (type() makes it None otherwise).
                if let Some(doc) = docstring(body) {
                    g.line = self.map.line(doc.range.start());
                    g.load_const(super::literal::str_constant(doc));
                    if doc.value.iter().any(|p| super::surrogate_literals::get(p.range).is_some()) {
                        return g.unsupported("lone surrogates in a docstring", doc.range);
                    }
                    let slot = g.var_slot("__doc__");
                    g.emit(op::STORE_FAST, slot);
                }
                g.setup_annotations(body)?;
                g.body(body)?;
                g.emit(op::LOAD_LOCALS, 0);
                g.emit(op::RETURN_VALUE, 0);
            }
            FunctionBody::Generator(e) => {
                g.argcount = 1;
                g.generator_body(e)?;
            }
        }
        g.finish()
    }

    /// Pushes the cells of the variables a function defined here captures, as a tuple
    /// (its closure); false when it captures none.
    pub fn closure(&mut self, range: TextRange) -> CompileResult<bool> {
        let Some(scope) = self.table.get(super::scope::key(range)) else {
            return self.unsupported("internal compiler error: a function without a scope", range);
        };
        let frees = scope.frees.clone();
        if frees.is_empty() {
            return Ok(false);
        }
        for name in &frees {
            match self.access(name, range)? {
                Access::Deref(slot) => self.emit(op::LOAD_CLOSURE, slot),
                _ => return self.unsupported("internal compiler error: a captured variable without a cell", range),
            }
        }
        self.emit(op::BUILD_TUPLE, frees.len() as u32);
        Ok(true)
    }

    fn finish(self) -> CompileResult<CodeUnit> {
        // Opargs are 32 bits wide (with an EXTENDED_ARG prefix past 16).
        let too_large = || self.map.unsupported("function too large", self.range);
        let limit = u32::MAX as usize;
        if self.names.len() > limit || self.varnames.len() > limit || self.consts.len() > limit {
            return Err(too_large());
        }
        let flags = self.flags as usize;
        let nparams = (self.argcount + self.kwonlyargcount) as usize
            + usize::from(flags & stitch_core::objects::code::CO_VARARGS as usize != 0)
            + usize::from(flags & stitch_core::objects::code::CO_VARKEYWORDS as usize != 0);
        let nfreevars = self.table.get(self.scope).map_or(0, |s| s.frees.len() as u32);
        let assembled = match self.asm.assemble(self.varnames.len(), nparams) {
            Ok(a) => a,
            Err(AssembleError::TooLarge) => return Err(too_large()),
            Err(AssembleError::Internal(why)) => {
                return Err(self
                    .map
                    .unsupported(format!("internal compiler error: {why}"), self.range));
            }
        };
        Ok(CodeUnit {
            name: self.name,
            qualname: self.qualname,
            doc: self.doc,
            firstlineno: self.firstlineno,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
            varnames: self.varnames,
            firstfree: self.firstfree,
            nfreevars,
            names: self.names,
            consts: self.consts.into_vec(),
            instrs: assembled.units,
            lines: assembled.lines,
            stacksize: assembled.stacksize,
            depths: assembled.depths,
            exception_table: assembled.exception_table,
        })
    }

    // -----------------------------------------------------------------------------
    // Emitting

    pub fn emit(&mut self, opcode: u16, arg: u32) {
        self.asm.emit(opcode, arg, self.line);
    }

    pub fn emit_jump(&mut self, opcode: u16, target: Label) {
        self.asm.emit_jump(opcode, target, self.line);
    }

    pub fn new_label(&mut self) -> Label {
        self.asm.new_label()
    }

    pub fn bind(&mut self, label: Label) {
        self.asm.bind(label);
    }

    /// Whether this is module code (names are globals, `import *` is allowed).
    pub fn is_module_scope(&self) -> bool {
        self.scope == MODULE
    }

    /// Whether this is a class body.
    pub fn is_class_scope(&self) -> bool {
        self.table.get(self.scope).is_some_and(|s| s.kind == super::scope::ScopeKind::Class)
    }

    pub fn load_const(&mut self, value: Const) {
        let index = self.consts.add(value);
        self.emit(op::LOAD_CONST, index);
    }

    pub fn return_none(&mut self) {
        self.load_const(Const::None);
        self.emit(op::RETURN_VALUE, 0);
    }

    /// Attributes what follows to the line where `range` starts; returns the line to
    /// restore afterwards.
    pub fn enter(&mut self, range: TextRange) -> u32 {
        std::mem::replace(&mut self.line, self.map.line(range.start()))
    }

    pub fn unsupported<T>(&self, construct: &str, range: TextRange) -> CompileResult<T> {
        Err(self.map.unsupported(construct, range))
    }

    // -----------------------------------------------------------------------------
    // Names

    /// The index of a global or attribute name, added if new. (Too many names
    /// are reported when the code is finished.)
    pub fn name_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.name_index.insert(name.to_string(), i);
        i
    }

    /// The slot of a fast local, added if new.
    pub fn var_slot(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.var_index.get(name) {
            return i;
        }
        let i = self.varnames.len() as u32;
        self.varnames.push(name.to_string());
        self.var_index.insert(name.to_string(), i);
        i
    }

    /// How `name` is accessed here (the symbol table decided).
    pub fn access(&mut self, name: &str, _range: TextRange) -> CompileResult<Access> {
        if let Some(h) = self.comprehensions.iter().rev().find_map(|c| c.get(name)) {
            return Ok(if h.cell { Access::Deref(h.slot) } else { Access::Fast(h.slot) });
        }
        let table = self.table.clone();
        let Some(scope) = table.get(self.scope).filter(|s| s.kind != super::scope::ScopeKind::Module) else {
            return Ok(Access::Global(self.name_index(name)));
        };
        if scope.is_global(name) {
            return Ok(Access::Global(self.name_index(name)));
        }
        if scope.is_local(name) {
            let slot = self.var_slot(name);
            return Ok(if scope.is_cell(name) { Access::Deref(slot) } else { Access::Fast(slot) });
        }
        if let Some(i) = scope.free_index(name) {
            return Ok(Access::Deref(self.firstfree + i as u32));
        }
        Ok(Access::Global(self.name_index(name)))
    }

    /// Whether this code object is a function that captures `__class__` (a method
    /// naming `super`), and the name of its first parameter, for `super()`.
    pub fn super_arguments(&self) -> Option<String> {
        let scope = self.table.get(self.scope)?;
        if scope.kind != super::scope::ScopeKind::Function || scope.free_index("__class__").is_none() || self.argcount == 0 {
            return None;
        }
        scope.locals.first().cloned()
    }

    pub fn load_name(&mut self, name: &str, range: TextRange) -> CompileResult<()> {
        match self.access(name, range)? {
            // Whether the local is surely bound is decided once the code is laid out.
            // A class body's names fall back to the globals until bound.
            Access::Fast(slot) if self.in_class_body() => self.emit(op::LOAD_CLASS_LOCAL, slot),
            Access::Fast(slot) => self.emit(op::LOAD_FAST_CHECK, slot),
            Access::Deref(slot) => self.emit(op::LOAD_DEREF, slot),
            Access::Global(index) => self.emit(op::LOAD_GLOBAL, index),
        }
        Ok(())
    }

    fn in_class_body(&self) -> bool {
        self.table.get(self.scope).is_some_and(|s| s.kind == super::scope::ScopeKind::Class)
    }

    pub fn store_name(&mut self, name: &str, range: TextRange) -> CompileResult<()> {
        match self.access(name, range)? {
            Access::Fast(slot) => self.emit(op::STORE_FAST, slot),
            Access::Deref(slot) => self.emit(op::STORE_DEREF, slot),
            Access::Global(index) => self.emit(op::STORE_GLOBAL, index),
        }
        Ok(())
    }

    // -----------------------------------------------------------------------------
    // Loops

    /// Handlers: instructions emitted from now on are covered by `handler` (made with
    /// `new_handler`), until `pop_handler`.
    pub fn push_handler(&mut self, handler: u32) {
        self.handlers.push(handler);
        self.asm.set_handler(Some(handler));
    }

    pub fn pop_handler(&mut self) {
        self.handlers.pop();
        self.asm.set_handler(self.handlers.last().copied());
    }

    /// Only the first `n` handlers cover what is emitted from now on (leaving blocks
    /// early); `restore_handlers` puts the others back.
    pub fn truncate_handlers(&mut self, n: usize) -> Vec<u32> {
        let rest = self.handlers.split_off(n.min(self.handlers.len()));
        self.asm.set_handler(self.handlers.last().copied());
        rest
    }

    pub fn restore_handlers(&mut self, rest: Vec<u32>) {
        self.handlers.extend(rest);
        self.asm.set_handler(self.handlers.last().copied());
    }

    /// A handler at `label`, expecting `depth` values under the exception.
    pub fn new_handler(&mut self, label: Label, depth: u32) -> u32 {
        self.asm.new_handler(label, depth)
    }
}

/// The docstring of a body: its first statement, when that is a string literal.
fn docstring(body: &[Stmt]) -> Option<&ast::ExprStringLiteral> {
    match body.first() {
        Some(Stmt::Expr(ast::StmtExpr { value, .. })) => match value.as_ref() {
            Expr::StringLiteral(doc) => Some(doc),
            _ => None,
        },
        _ => None,
    }
}
