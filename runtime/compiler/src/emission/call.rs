//! Calls.
//!
//! `f(a, b)`: `f; PUSH_NULL; a; b; CALL 2`. `obj.m(a)`: `obj; LOAD_METHOD m; a;
//! CALL 1` (LOAD_METHOD pushes the method and then `obj` as its self). With keyword
//! arguments, the keyword values follow the positional ones, then a constant tuple
//! of the keyword names, and CALL_KW counts all argument values.

use crate::diagnostics::errors::CompileResult;
use super::codegen::CodeGen;
use super::unit::Const;
use stitch_abi::op;
use ruff_python_ast::{self as ast, Expr};

impl CodeGen<'_> {
    pub fn call(&mut self, call: &ast::ExprCall) -> CompileResult<()> {
        match call.func.as_ref() {
            Expr::Attribute(method) => {
                self.expr(&method.value)?;
                let name = self.name_index(method.attr.as_str());
                self.emit(op::LOAD_METHOD, name);
            }
            func => {
                self.expr(func)?;
                self.emit(op::PUSH_NULL, 0);
            }
        }
        let arguments = &call.arguments;
        for arg in arguments.args.iter() {
            if let Expr::Starred(s) = arg {
                return self.unsupported("star-unpacking", s.range);
            }
            self.expr(arg)?;
        }
        let mut keyword_names = Vec::with_capacity(arguments.keywords.len());
        for keyword in arguments.keywords.iter() {
            let Some(name) = &keyword.arg else {
                return self.unsupported("keyword argument unpacking (**)", keyword.range);
            };
            self.expr(&keyword.value)?;
            keyword_names.push(Const::Str(name.as_str().to_string()));
        }
        let count = (arguments.args.len() + keyword_names.len()) as u32;
        if keyword_names.is_empty() {
            self.emit(op::CALL, count);
        } else {
            self.load_const(Const::Tuple(keyword_names));
            self.emit(op::CALL_KW, count);
        }
        Ok(())
    }
}
