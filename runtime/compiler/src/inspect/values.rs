//! Reading a code object value back into plain Rust data, for the disassembler and
//! tests. This is the compiler's only `unsafe`: a `Value` is a tagged pointer, and
//! reading the object behind it needs the kind check below plus the caller's
//! promise that the value is alive.

use stitch_abi::{KIND_BIGINT, KIND_CODE, KIND_STR, KIND_TUPLE, Value};
use stitch_core::objects::{self, bigint, code, str as pystr, tuple};

/// A constant as the disassembler shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstView {
    None,
    Ellipsis,
    Bool(bool),
    Int(String),
    Float(f64),
    Str(String),
    Tuple(Vec<ConstView>),
    Code(Box<CodeView>),
    /// Some other object (the compiler makes none).
    Other(u8),
}

/// The parts of a code object.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeView {
    pub name: String,
    pub filename: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub nlocals: u32,
    pub stacksize: u32,
    pub units: Vec<u16>,
    pub lines: Vec<u32>,
    /// The stack depth before the instruction at each code unit, where recorded.
    pub depths: Vec<Option<u32>>,
    pub exception_table: Vec<code::Handler>,
    pub consts: Vec<ConstView>,
    pub names: Vec<String>,
    pub varnames: Vec<String>,
}

/// The code object behind `value`, or None if it is not one.
///
/// `value` must be alive for the duration of the call (the caller holds a
/// reference); it is only read.
pub fn read_code(value: Value) -> Option<CodeView> {
    if objects::kind(value) != KIND_CODE {
        return None;
    }
    // SAFETY: `value` is a live object (the caller's reference) of kind KIND_CODE,
    // so it points at a `Code`; the borrow ends before this function returns.
    let code = unsafe { code::as_code(value) };
    Some(CodeView {
        name: code.name.clone(),
        filename: code.filename.to_string(),
        firstlineno: code.firstlineno,
        argcount: code.argcount,
        nlocals: code.nlocals,
        stacksize: code.stacksize,
        units: code.units(),
        lines: code.lines.clone(),
        depths: (0..code.units().len()).map(|at| code.depth_at(at)).collect(),
        exception_table: code.exception_table.clone(),
        consts: code.consts.iter().map(|&c| read_const(c)).collect(),
        names: code
            .names
            .iter()
            .map(|&n| read_str(n).unwrap_or_default())
            .collect(),
        varnames: code.varnames.clone(),
    })
}

/// A constant of a live code object.
fn read_const(value: Value) -> ConstView {
    if value == Value::NONE {
        return ConstView::None;
    }
    if value == stitch_core::special::ellipsis() {
        return ConstView::Ellipsis;
    }
    if value.is_bool() {
        return ConstView::Bool(value == Value::TRUE);
    }
    if value.is_int() {
        return ConstView::Int(value.as_int().to_string());
    }
    if value.is_float() {
        return ConstView::Float(value.as_float());
    }
    match objects::kind(value) {
        KIND_STR => read_str(value).map_or(ConstView::Other(KIND_STR), ConstView::Str),
        // SAFETY: a live object of kind KIND_BIGINT (held by its code object).
        KIND_BIGINT => ConstView::Int(match unsafe { bigint::repr(value) } {
            bigint::Repr::Word(i) => i.to_string(),
            bigint::Repr::Big(b) => b.to_string(),
        }),
        KIND_TUPLE => {
            // SAFETY: a live object of kind KIND_TUPLE (held by its code object).
            let items = unsafe { tuple::items(value.cast()) };
            ConstView::Tuple(items.iter().map(|&v| read_const(v)).collect())
        }
        KIND_CODE => read_code(value).map_or(ConstView::Other(KIND_CODE), |c| {
            ConstView::Code(Box::new(c))
        }),
        other => ConstView::Other(other),
    }
}

fn read_str(value: Value) -> Option<String> {
    // SAFETY: a live object of kind KIND_STR (held by its code object).
    // A str holding a lone surrogate has no Rust text: shown as an opaque str.
    (objects::kind(value) == KIND_STR).then(|| unsafe { pystr::text(value) }.ok().map(str::to_string)).flatten()
}
