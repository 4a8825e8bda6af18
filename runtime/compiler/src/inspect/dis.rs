//! `stitch dis`: a listing of a code object and, after it, of the code objects among
//! its constants.
//!
//! ```text
//! Disassembly of <module> (prog.py:1):
//!    1      0 LOAD_CONST                 0 (1)
//!           2 STORE_GLOBAL               0 (x)
//!    2      4 LOAD_GLOBAL                1 (print) [cache: 0 0 0 0 0 0]
//! ```
//!
//! Columns: the source line (when it changes), the offset in code units, the
//! instruction (specialized forms show as such), its oparg and what the oparg
//! means, and the cache units. An EXTENDED_ARG prefix shows its 16 bits, and the
//! instruction after it its whole oparg, as CPython's `dis` does. Works on code that
//! has run too (specialized instructions, ENTER_EXECUTOR).

use super::values::{CodeView, ConstView, read_code};
use stitch_abi::{INSTRUCTIONS, Value, code_units, flags, op};
use std::fmt::Write;

pub fn disassemble(code: Value) -> String {
    match read_code(code) {
        Some(view) => {
            let mut out = String::new();
            listing(&view, &mut out);
            out
        }
        None => "not a code object\n".to_string(),
    }
}

/// The listing of `code` and then of its nested code objects, depth first.
pub fn listing(code: &CodeView, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of {} ({}:{}):",
        code.name, code.filename, code.firstlineno
    );
    let mut offset = 0;
    let mut last_line = None;
    // The bits of the prefixes before the instruction at `offset`.
    let mut extended: u32 = 0;
    while offset < code.units.len() {
        let opcode = code.units[offset];
        let arg = (extended << 16) | code.units.get(offset + 1).copied().unwrap_or(0) as u32;
        extended = if code_units::is_prefix(opcode) { arg } else { 0 };
        let info = INSTRUCTIONS.get(opcode as usize);
        let size = info.map_or(2, |i| i.size());
        let line = code.lines.get(offset).copied();
        let line_text = if line != last_line {
            line.map_or(String::new(), |l| l.to_string())
        } else {
            String::new()
        };
        last_line = line;
        let name = info.map_or_else(|| format!("<{opcode}>"), |i| i.name.to_string());
        let mut text = format!("{line_text:>4} {offset:>6} {name:<26}");
        // A specialized form may ignore its oparg, but it still holds the generic
        // form's (the name of a LOAD_GLOBAL_MODULE, say).
        let generic = info.and_then(|i| INSTRUCTIONS.get(i.deopt as usize));
        if generic.is_some_and(|i| i.flags & flags::HAS_ARG != 0) {
            let _ = write!(text, " {arg:>5}");
            if let Some(meaning) = meaning(code, opcode, arg, offset + size) {
                let _ = write!(text, " ({meaning})");
            }
        }
        let cache = code
            .units
            .get(offset + 2..(offset + size).min(code.units.len()))
            .unwrap_or(&[]);
        if !cache.is_empty() {
            let units: Vec<String> = cache.iter().map(|u| u.to_string()).collect();
            let _ = write!(text, " [cache: {}]", units.join(" "));
        }
        let _ = writeln!(out, "{}", text.trim_end());
        offset += size;
    }
    for c in &code.consts {
        if let ConstView::Code(nested) = c {
            out.push('\n');
            listing(nested, out);
        }
    }
}

/// What an oparg means: a constant, a name, a jump target, an operator.
fn meaning(code: &CodeView, opcode: u16, arg: u32, next: usize) -> Option<String> {
    // Specialized instructions mean what their generic form does.
    let base = INSTRUCTIONS
        .get(opcode as usize)
        .map_or(opcode, |i| i.deopt);
    let arg_usize = arg as usize;
    let name_at = |names: &[String]| names.get(arg_usize).cloned();
    Some(match base {
        op::LOAD_CONST => code.consts.get(arg_usize).map(const_repr)?,
        op::LOAD_GLOBAL | op::STORE_GLOBAL | op::LOAD_ATTR | op::LOAD_METHOD | op::STORE_ATTR => {
            name_at(&code.names)?
        }
        op::LOAD_FAST
        | op::LOAD_FAST_CHECK
        | op::STORE_FAST
        | op::MAKE_CELL
        | op::LOAD_CLOSURE
        | op::LOAD_DEREF
        | op::STORE_DEREF => name_at(&code.varnames)?,
        op::SET_FUNCTION_ATTRIBUTE => match arg {
            1 => "defaults",
            2 => "kwdefaults",
            8 => "closure",
            _ => return None,
        }
        .to_string(),
        op::LOAD_FAST_LOAD_FAST | op::STORE_FAST_LOAD_FAST => {
            let a = code.varnames.get((arg >> 8) as usize)?;
            let b = code.varnames.get((arg & 255) as usize)?;
            format!("{a}, {b}")
        }
        op::JUMP_BACKWARD => format!("to {}", next.saturating_sub(arg_usize)),
        op::JUMP_FORWARD | op::POP_JUMP_IF_FALSE | op::POP_JUMP_IF_TRUE | op::FOR_ITER => {
            format!("to {}", next + arg_usize)
        }
        op::ENTER_EXECUTOR => format!("executor {arg}"),
        op::BINARY_OP => {
            const SYMBOLS: [&str; 12] = [
                "+", "&", "//", "<<", "*", "%", "|", "**", ">>", "-", "/", "^",
            ];
            let symbol = SYMBOLS.get(arg_usize & 15)?;
            if arg & 16 != 0 {
                format!("{symbol}=")
            } else {
                symbol.to_string()
            }
        }
        op::COMPARE_OP => {
            const SYMBOLS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];
            SYMBOLS.get(arg_usize >> 4)?.to_string()
        }
        op::UNARY_OP => ["-", "+", "~"].get(arg_usize)?.to_string(),
        op::CONTAINS_OP => if arg == 0 { "in" } else { "not in" }.to_string(),
        op::IS_OP => if arg == 0 { "is" } else { "is not" }.to_string(),
        op::CONVERT_VALUE => ["", "str", "repr"]
            .get(arg_usize)
            .filter(|s| !s.is_empty())?
            .to_string(),
        _ => return None,
    })
}

/// A constant, written roughly as Python's `repr`.
pub fn const_repr(c: &ConstView) -> String {
    match c {
        ConstView::None => "None".into(),
        ConstView::Ellipsis => "Ellipsis".into(),
        ConstView::Bool(true) => "True".into(),
        ConstView::Bool(false) => "False".into(),
        ConstView::Int(i) => i.clone(),
        ConstView::Float(f) => float_repr(*f),
        ConstView::Str(s) => str_repr(s),
        ConstView::Tuple(items) if items.len() == 1 => format!("({},)", const_repr(&items[0])),
        ConstView::Tuple(items) => {
            let items: Vec<String> = items.iter().map(const_repr).collect();
            format!("({})", items.join(", "))
        }
        ConstView::Code(code) => format!("<code object {}, line {}>", code.name, code.firstlineno),
        ConstView::Other(kind) => format!("<object of kind {kind}>"),
    }
}

/// Python's float repr: the shortest round-trip digits, with an exponent outside
/// `1e-4 <= |f| < 1e16`.
fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let abs = f.abs();
    if abs != 0.0 && !(1e-4..1e16).contains(&abs) {
        // Rust's `{:e}` gives the shortest digits: `1e16`, `1.5e-7`.
        let s = format!("{f:e}");
        let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
        let exponent: i32 = exponent.parse().unwrap_or(0);
        let sign = if exponent < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exponent.abs());
    }
    let s = format!("{f:?}");
    if s.contains('.') || s.contains('e') {
        s
    } else {
        format!("{s}.0")
    }
}

/// Python's str repr: single quotes unless the text has a single quote and no
/// double quote.
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}
