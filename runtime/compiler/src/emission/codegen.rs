//! The code generator's state for one code object (the module or a function), with
//! the helpers the statement and expression compilers share: emitting, constants,
//! names, name resolution and loops.

use crate::assembly::assembler::{AssembleError, Assembler, Label};
use crate::diagnostics::errors::{CompileResult, SourceMap};
use super::consts::ConstPool;
use super::scope::FunctionScope;
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
    /// A global (LOAD_GLOBAL / STORE_GLOBAL): its index in `names`.
    Global(u32),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LoopKind {
    /// A `for` loop: its iterator is on the stack while the body runs.
    For,
    While,
}

pub struct Loop {
    pub kind: LoopKind,
    /// Where `continue` goes (FOR_ITER, or the `while` test).
    pub continue_to: Label,
    /// Where `break` goes: past the `else` clause.
    pub break_to: Label,
}

pub struct CodeGen<'m> {
    pub map: &'m SourceMap<'m>,
    asm: Assembler,
    consts: ConstPool,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    var_index: HashMap<String, u32>,
    /// The function's scope; None for module code, where every name is global.
    scope: Option<Rc<FunctionScope>>,
    /// Scopes of the enclosing functions, outermost first.
    enclosing: Vec<Rc<FunctionScope>>,
    pub loops: Vec<Loop>,
    /// Comprehension variables in scope, innermost comprehension last: name -> slot.
    pub comprehensions: Vec<HashMap<String, u32>>,
    /// The source line instructions are attributed to.
    pub line: u32,
    name: String,
    firstlineno: u32,
    argcount: u32,
    /// Where "function too large" is reported.
    range: TextRange,
}

impl<'m> CodeGen<'m> {
    fn new(map: &'m SourceMap<'m>, name: &str, range: TextRange) -> CodeGen<'m> {
        let firstlineno = map.line(range.start());
        CodeGen {
            map,
            asm: Assembler::default(),
            consts: ConstPool::default(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            var_index: HashMap::new(),
            scope: None,
            enclosing: Vec::new(),
            loops: Vec::new(),
            comprehensions: Vec::new(),
            line: firstlineno,
            name: name.to_string(),
            firstlineno,
            argcount: 0,
            range,
        }
    }

    /// Compiles module code.
    pub fn module(module: &ast::ModModule, map: &'m SourceMap<'m>) -> CompileResult<CodeUnit> {
        let mut g = CodeGen::new(map, "<module>", TextRange::default());
        g.firstlineno = 1;
        let body = &module.body[..];
        // A leading string is the module's docstring: CPython stores it as __doc__.
        if let Some(Stmt::Expr(ast::StmtExpr { value, .. })) = body.first()
            && let Expr::StringLiteral(doc) = value.as_ref()
        {
            g.line = map.line(doc.range.start());
            g.load_const(Const::Str(doc.value.to_str().to_string()));
            let name = g.name_index("__doc__");
            g.emit(op::STORE_GLOBAL, name);
        }
        g.body(body)?;
        g.return_none();
        g.finish()
    }

    /// Compiles the body of a function defined in this code.
    pub fn function(&self, def: &ast::StmtFunctionDef) -> CompileResult<CodeUnit> {
        let scope = Rc::new(FunctionScope::analyze(def));
        let mut g = CodeGen::new(self.map, def.name.as_str(), def.range);
        g.enclosing = self.enclosing.clone();
        g.enclosing.extend(self.scope.clone());
        for name in &scope.locals {
            g.var_slot(name);
        }
        g.argcount = def.parameters.args.len() as u32;
        g.scope = Some(scope);
        g.body(&def.body)?;
        g.return_none();
        g.finish()
    }

    fn finish(self) -> CompileResult<CodeUnit> {
        // Opargs are 32 bits wide (with an EXTENDED_ARG prefix past 16).
        let too_large = || self.map.unsupported("function too large", self.range);
        let limit = u32::MAX as usize;
        if self.names.len() > limit || self.varnames.len() > limit || self.consts.len() > limit {
            return Err(too_large());
        }
        let assembled = match self
            .asm
            .assemble(self.varnames.len(), self.argcount as usize)
        {
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
            firstlineno: self.firstlineno,
            argcount: self.argcount,
            varnames: self.varnames,
            names: self.names,
            consts: self.consts.into_vec(),
            instrs: assembled.units,
            lines: assembled.lines,
            stacksize: assembled.stacksize,
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

    /// How `name` is accessed here.
    pub fn access(&mut self, name: &str, range: TextRange) -> CompileResult<Access> {
        if let Some(slot) = self.comprehensions.iter().rev().find_map(|c| c.get(name)) {
            return Ok(Access::Fast(*slot));
        }
        let Some(scope) = &self.scope else {
            return Ok(Access::Global(self.name_index(name)));
        };
        if scope.is_local(name) {
            return Ok(Access::Fast(self.var_slot(name)));
        }
        if !scope.is_global(name) {
            // A free name: global, unless an enclosing function binds it.
            for outer in self.enclosing.iter().rev() {
                if outer.is_global(name) {
                    break;
                }
                if outer.is_local(name) {
                    return self.unsupported("closure", range);
                }
            }
        }
        Ok(Access::Global(self.name_index(name)))
    }

    pub fn load_name(&mut self, name: &str, range: TextRange) -> CompileResult<()> {
        match self.access(name, range)? {
            // Whether the local is surely bound is decided once the code is laid out.
            Access::Fast(slot) => self.emit(op::LOAD_FAST_CHECK, slot),
            Access::Global(index) => self.emit(op::LOAD_GLOBAL, index),
        }
        Ok(())
    }

    pub fn store_name(&mut self, name: &str, range: TextRange) -> CompileResult<()> {
        match self.access(name, range)? {
            Access::Fast(slot) => self.emit(op::STORE_FAST, slot),
            Access::Global(index) => self.emit(op::STORE_GLOBAL, index),
        }
        Ok(())
    }

    // -----------------------------------------------------------------------------
    // Loops

    /// Iterators of the enclosing `for` loops, on the stack under the statement.
    pub fn open_iterators(&self) -> usize {
        self.loops
            .iter()
            .filter(|l| l.kind == LoopKind::For)
            .count()
    }

    /// The innermost loop (the syntax checks guarantee there is one around
    /// `break` and `continue`).
    pub fn innermost_loop(&self, range: TextRange) -> CompileResult<&Loop> {
        self.loops.last().ok_or_else(|| {
            self.map
                .unsupported("internal compiler error: no loop", range)
        })
    }
}
