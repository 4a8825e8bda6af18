//! A compiled code object and its constants before they become runtime values.
//! They stay plain Rust data while compiling (so a failed compilation leaks no
//! runtime objects) and become values only in `CodeUnit::into_value`. A code
//! object's constants can hold code objects, so the two types live together.

use stitch_abi::Value;
use stitch_core::objects::code::{Code, CodeParts};
use stitch_core::objects::{bigint, str as pystr, tuple};
use num_bigint::BigInt;
use num_traits::Zero;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub struct CodeUnit {
    /// The function's name, `<module>` for module code.
    pub name: String,
    /// CPython's `__qualname__`.
    pub qualname: String,
    /// The docstring of a function.
    pub doc: Option<String>,
    pub firstlineno: u32,
    /// Positional parameters (the first `argcount` varnames).
    pub argcount: u32,
    /// Of those, the positional-only ones.
    pub posonlyargcount: u32,
    /// Keyword-only parameters (the varnames after the positional ones).
    pub kwonlyargcount: u32,
    /// `CO_VARARGS` and `CO_VARKEYWORDS`.
    pub flags: u32,
    /// Names of the local slots: parameters, other locals, the free variables (from
    /// `firstfree` on), then the hidden variables of inlined comprehensions.
    pub varnames: Vec<String>,
    pub firstfree: u32,
    pub nfreevars: u32,
    /// Names of globals and attributes (LOAD_GLOBAL, STORE_GLOBAL, LOAD_ATTR, LOAD_METHOD).
    pub names: Vec<String>,
    pub consts: Vec<Const>,
    /// Code units: `[opcode, oparg]` then the instruction's zeroed cache units.
    pub instrs: Vec<u16>,
    /// The source line of each code unit.
    pub lines: Vec<u32>,
    pub stacksize: u32,
    /// The stack depth before the instruction at each code unit (`u16::MAX`: none or unknown).
    pub depths: Vec<u16>,
    /// Where exceptions are handled (offsets in code units).
    pub exception_table: Vec<stitch_core::objects::code::Handler>,
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
            names: self.names.iter().map(|n| pystr::intern(n)).collect(),
            nlocals: self.varnames.len() as u32,
            varnames: self.varnames,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
            firstfree: self.firstfree,
            nfreevars: self.nfreevars,
            stacksize: self.stacksize,
            depths: self.depths,
            name: self.name,
            qualname: self.qualname,
            doc: self.doc,
            filename: filename.clone(),
            firstlineno: self.firstlineno,
            lines: self.lines,
            exception_table: self.exception_table,
        };
        Code::new(parts).into_value()
    }
}

/// A constant of a code object.
#[derive(Clone, Debug)]
pub enum Const {
    None,
    /// `...`.
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    /// A complex literal (`2j`) or a folded `-2j`: real and imaginary parts.
    Complex(f64, f64),
    Str(String),
    /// A str holding a lone surrogate, in generalized UTF-8.
    Wtf8(Vec<u8>),
    /// A bytes literal (its parts concatenated).
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    Code(Box<CodeUnit>),
}

impl Const {
    /// Python truthiness, for conditions on constants.
    pub fn truthy(&self) -> bool {
        match self {
            Const::None => false,
            Const::Ellipsis => true,
            Const::Bool(b) => *b,
            Const::Int(i) => !i.is_zero(),
            Const::Float(f) => *f != 0.0,
            Const::Complex(re, im) => *re != 0.0 || *im != 0.0,
            Const::Str(s) => !s.is_empty(),
            Const::Wtf8(_) => true,
            Const::Bytes(b) => !b.is_empty(),
            Const::Tuple(items) => !items.is_empty(),
            Const::Code(_) => true,
        }
    }

    /// The constant as a new runtime value (one reference).
    pub fn into_value(self, filename: &Rc<str>) -> Value {
        match self {
            Const::None => Value::NONE,
            Const::Ellipsis => {
                // The singleton lives for the process; the code object owns a reference.
                let e = stitch_core::special::ellipsis();
                e.incref();
                e
            }
            Const::Bool(b) => Value::bool(b),
            Const::Int(i) => bigint::from_bigint(i),
            Const::Float(f) => Value::float(f),
            Const::Complex(re, im) => stitch_core::objects::complex::new_complex(re, im),
            Const::Str(s) => pystr::from_string(s),
            Const::Wtf8(b) => pystr::from_wtf8(b),
            Const::Bytes(b) => stitch_core::objects::bytes::new_bytes(b),
            Const::Tuple(items) => {
                tuple::from_vec(items.into_iter().map(|c| c.into_value(filename)).collect())
            }
            Const::Code(code) => code.into_value(filename),
        }
    }
}
