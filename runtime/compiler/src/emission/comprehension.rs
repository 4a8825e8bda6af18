//! List, set and dict comprehensions, compiled inline rather than as a nested function:
//!
//! ```text
//!   BUILD_LIST 0
//!   <first iterable> GET_ITER
//! top:
//!   FOR_ITER end
//!   <store target>
//!   <for each if: jump if false to next>
//!   <nested for clauses, or: <element> LIST_APPEND (iterators + 1)>
//!                            (or: <key> <value> MAP_ADD (iterators + 1), after BUILD_MAP 0)
//!                            (or: <element> SET_ADD (iterators + 1), after BUILD_SET 0)
//! next:
//!   JUMP_BACKWARD top
//! end:
//! ```
//!
//! The comprehension's variables must neither leak nor clobber variables of the
//! same name outside, so they live in hidden fast-local slots (`x@comp`, `x@comp2`
//! in a comprehension nested in another), in module code too. As in CPython, only
//! the first iterable is evaluated in the enclosing scope.
//!
//! A variable that a lambda in the comprehension captures is a cell: each run of the
//! comprehension gets new cells (as each call of CPython 3.11's comprehension function
//! does), made before the first iterable is evaluated: `PUSH_NULL; STORE_FAST slot;
//! MAKE_CELL slot` drops the previous run's cell and makes an empty one.

use crate::diagnostics::errors::CompileResult;
use super::codegen::{CodeGen, Hidden};
use stitch_abi::op;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::TextRange;
use std::collections::HashMap;

/// What a comprehension collects.
#[derive(Clone, Copy)]
enum Element<'e> {
    List(&'e Expr),
    Set(&'e Expr),
    Dict(&'e Expr, &'e Expr),
}

impl CodeGen<'_> {
    pub fn list_comprehension(&mut self, c: &ast::ExprListComp) -> CompileResult<()> {
        self.comprehension(c.range, &c.generators, Element::List(&c.elt))
    }

    pub fn set_comprehension(&mut self, c: &ast::ExprSetComp) -> CompileResult<()> {
        self.comprehension(c.range, &c.generators, Element::Set(&c.elt))
    }

    pub fn dict_comprehension(&mut self, c: &ast::ExprDictComp) -> CompileResult<()> {
        match &c.key {
            Some(key) => self.comprehension(c.range, &c.generators, Element::Dict(key, &c.value)),
            None => self.unsupported("dict unpacking in a comprehension", c.range),
        }
    }

    fn comprehension(&mut self, range: TextRange, generators: &[ast::Comprehension], elt: Element) -> CompileResult<()> {
        if let Some(generator) = generators.iter().find(|g| g.is_async) {
            return self.unsupported("async comprehension", generator.range);
        }
        let Some(first) = generators.first() else {
            return Ok(());
        };
        let depth = self.comprehensions.len() + 1;
        let suffix = if depth == 1 {
            "@comp".to_string()
        } else {
            format!("@comp{depth}")
        };
        let mut names = Vec::new();
        for generator in generators {
            target_names(&generator.target, &mut names);
        }
        let table = self.table.clone();
        let scope = table.get(super::scope::key(range));
        let mut bindings = HashMap::new();
        for name in names {
            let slot = self.var_slot(&format!("{name}{suffix}"));
            let cell = scope.is_some_and(|s| s.is_cell(name));
            if cell {
                self.emit(op::PUSH_NULL, 0);
                self.emit(op::STORE_FAST, slot);
                self.emit(op::MAKE_CELL, slot);
            }
            bindings.insert(name.to_string(), Hidden { slot, cell });
        }
        match elt {
            Element::List(_) => self.emit(op::BUILD_LIST, 0),
            Element::Set(_) => self.emit(op::BUILD_SET, 0),
            Element::Dict(..) => self.emit(op::BUILD_MAP, 0),
        }
        self.expr(&first.iter)?;
        self.comprehensions.push(bindings);
        let result = self.comprehension_loop(generators, 0, elt);
        self.comprehensions.pop();
        result
    }

    /// The `for` clause `index` and everything inside it.
    fn comprehension_loop(
        &mut self,
        generators: &[ast::Comprehension],
        index: usize,
        elt: Element,
    ) -> CompileResult<()> {
        let Some(generator) = generators.get(index) else {
            return Ok(());
        };
        if index > 0 {
            self.expr(&generator.iter)?;
        }
        // The loop's own instructions belong to the `for` clause's line.
        let saved = self.enter(generator.range);
        self.emit(op::GET_ITER, 0);
        let (top, next, end) = (self.new_label(), self.new_label(), self.new_label());
        self.bind(top);
        self.emit_jump(op::FOR_ITER, end);
        self.store_target(&generator.target)?;
        for condition in &generator.ifs {
            self.jump_if(condition, false, next)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_loop(generators, index + 1, elt)?;
        } else {
            // Between the list or dict and the item: one iterator per `for` clause.
            let down = generators.len() as u32 + 1;
            match elt {
                Element::List(e) => {
                    self.expr(e)?;
                    self.emit(op::LIST_APPEND, down);
                }
                Element::Set(e) => {
                    self.expr(e)?;
                    self.emit(op::SET_ADD, down);
                }
                Element::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(op::MAP_ADD, down);
                }
            }
        }
        self.bind(next);
        self.emit_jump(op::JUMP_BACKWARD, top);
        self.bind(end);
        self.line = saved;
        Ok(())
    }
}

/// The names a target binds, in order.
fn target_names<'e>(target: &'e Expr, out: &mut Vec<&'e str>) {
    match target {
        Expr::Name(name) if !out.contains(&name.id.as_str()) => out.push(name.id.as_str()),
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            elts.iter().for_each(|e| target_names(e, out));
        }
        Expr::Starred(s) => target_names(&s.value, out),
        _ => {}
    }
}
