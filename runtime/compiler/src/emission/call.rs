//! Calls.
//!
//! `f(a, b)`: `f; PUSH_NULL; a; b; CALL 2`. `obj.m(a)`: `obj; LOAD_METHOD m; a;
//! CALL 1` (LOAD_METHOD pushes the method and then `obj` as its self). With keyword
//! arguments, the keyword values follow the positional ones, then a constant tuple
//! of the keyword names, and CALL_KW counts all argument values.
//!
//! With `*` or `**` arguments: `f; PUSH_NULL; <positional>; [<keywords>];
//! CALL_FUNCTION_EX (1 with keywords)`, a method being looked up as an attribute.
//! The positional arguments are the iterable of a lone `*a`, or a list built from
//! the others: `BUILD_LIST` of the leading plain ones, then `LIST_EXTEND 1` per
//! starred one and `LIST_APPEND 1` per plain one. The keywords are a dict: a
//! `BUILD_MAP` of the leading plain ones (or an empty one), then `DICT_MERGE` of each
//! `**` mapping and of a `BUILD_MAP` of each run of plain ones after it.

use crate::diagnostics::errors::CompileResult;
use super::codegen::CodeGen;
use super::unit::Const;
use stitch_abi::op;
use ruff_python_ast::{self as ast, Expr};

impl CodeGen<'_> {
    pub fn call(&mut self, call: &ast::ExprCall) -> CompileResult<()> {
        let arguments = &call.arguments;
        if arguments.args.iter().any(Expr::is_starred_expr) || arguments.keywords.iter().any(|k| k.arg.is_none()) {
            return self.call_ex(call);
        }
        if let Expr::Name(name) = call.func.as_ref()
            && name.id.as_str() == "super"
            && arguments.args.is_empty()
            && arguments.keywords.is_empty()
            && matches!(self.access("super", name.range)?, super::codegen::Access::Global(_))
        {
            return self.zero_argument_super(name.range);
        }
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
        for arg in arguments.args.iter() {
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

    /// `super()` in a method: `super(__class__, self)`, the arguments CPython's
    /// `super()` finds in the calling frame, compiled in.
    fn zero_argument_super(&mut self, range: ruff_text_size::TextRange) -> CompileResult<()> {
        let Some(first) = self.super_arguments() else {
            return self.unsupported("super() outside a method", range);
        };
        self.load_name("super", range)?;
        self.emit(op::PUSH_NULL, 0);
        self.load_name("__class__", range)?;
        self.load_name(&first, range)?;
        self.emit(op::CALL, 2);
        Ok(())
    }

    /// A call with `*` or `**` arguments (see the top of the file).
    fn call_ex(&mut self, call: &ast::ExprCall) -> CompileResult<()> {
        let arguments = &call.arguments;
        self.expr(&call.func)?;
        self.emit(op::PUSH_NULL, 0);
        match &arguments.args[..] {
            [Expr::Starred(s)] => self.expr(&s.value)?,
            args => {
                let leading = args.iter().take_while(|a| !a.is_starred_expr()).count();
                for a in &args[..leading] {
                    self.expr(a)?;
                }
                self.emit(op::BUILD_LIST, leading as u32);
                for a in &args[leading..] {
                    match a {
                        Expr::Starred(s) => {
                            self.expr(&s.value)?;
                            let saved = self.enter(s.range);
                            self.emit(op::LIST_EXTEND, 1);
                            self.line = saved;
                        }
                        plain => {
                            self.expr(plain)?;
                            self.emit(op::LIST_APPEND, 1);
                        }
                    }
                }
            }
        }
        if arguments.keywords.is_empty() {
            self.emit(op::CALL_FUNCTION_EX, 0);
            return Ok(());
        }
        let mut plain = 0;
        let mut first = true;
        for keyword in arguments.keywords.iter() {
            match &keyword.arg {
                Some(name) => {
                    self.load_const(Const::Str(name.as_str().to_string()));
                    self.expr(&keyword.value)?;
                    plain += 1;
                }
                None => {
                    if plain > 0 || first {
                        self.emit(op::BUILD_MAP, plain);
                        if !first {
                            self.emit(op::DICT_MERGE, 0);
                        }
                        plain = 0;
                        first = false;
                    }
                    self.expr(&keyword.value)?;
                    self.emit(op::DICT_MERGE, 0);
                }
            }
        }
        if first {
            self.emit(op::BUILD_MAP, plain);
        } else if plain > 0 {
            self.emit(op::BUILD_MAP, plain);
            self.emit(op::DICT_MERGE, 0);
        }
        self.emit(op::CALL_FUNCTION_EX, 1);
        Ok(())
    }
}
