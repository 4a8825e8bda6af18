//! A compiled code object before it becomes a runtime value.

use super::consts::Const;
use stitch_abi::Value;
use stitch_core::objects::code::{Code, CodeParts};
use stitch_core::objects::str as pystr;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub struct CodeUnit {
    /// The function's name, `<module>` for module code.
    pub name: String,
    pub firstlineno: u32,
    /// Positional parameters (the first `argcount` varnames).
    pub argcount: u32,
    /// Names of the fast locals: parameters, other locals, then the hidden variables
    /// of inlined comprehensions.
    pub varnames: Vec<String>,
    /// Names of globals and attributes (LOAD_GLOBAL, STORE_GLOBAL, LOAD_ATTR, LOAD_METHOD).
    pub names: Vec<String>,
    pub consts: Vec<Const>,
    /// Code units: `[opcode, oparg]` then the instruction's zeroed cache units.
    pub instrs: Vec<u16>,
    /// The source line of each code unit.
    pub lines: Vec<u32>,
    pub stacksize: u32,
}

impl CodeUnit {
    /// The code object as a runtime value (one reference); nested code objects among
    /// the constants become values too.
    pub fn into_value(self, filename: &Rc<str>) -> Value {
        let parts = CodeParts {
            instrs: self.instrs,
            consts: self
                .consts
                .into_iter()
                .map(|c| c.into_value(filename))
                .collect(),
            names: self.names.iter().map(|n| pystr::new_str(n)).collect(),
            nlocals: self.varnames.len() as u32,
            varnames: self.varnames,
            argcount: self.argcount,
            stacksize: self.stacksize,
            name: self.name,
            filename: filename.clone(),
            firstlineno: self.firstlineno,
            lines: self.lines,
        };
        Code::new(parts).into_value()
    }
}
