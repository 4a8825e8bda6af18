//! f-strings. Each literal run becomes a str constant; each replacement field is
//! its expression, CONVERT_VALUE for `!s`/`!r`, then FORMAT_SIMPLE or (after the
//! spec, itself built by BUILD_STRING when it has fields) FORMAT_WITH_SPEC; then
//! BUILD_STRING joins the pieces. Adjacent literals (including implicitly
//! concatenated plain strings) are merged into one constant.

use crate::diagnostics::errors::CompileResult;
use super::codegen::CodeGen;
use super::unit::Const;
use stitch_abi::op;
use ruff_python_ast::{self as ast, ConversionFlag, FStringPart, InterpolatedStringElement};

/// CONVERT_VALUE's oparg for `!s`, `!r` and `!a` (CPython's FVC_* values).
const CONVERT_STR: u32 = 1;
const CONVERT_REPR: u32 = 2;
const CONVERT_ASCII: u32 = 3;

/// Pieces pushed so far, and the literal text not pushed yet.
#[derive(Default)]
struct Pieces {
    count: u32,
    pending: String,
}

impl CodeGen<'_> {
    pub fn fstring(&mut self, f: &ast::ExprFString) -> CompileResult<()> {
        let mut pieces = Pieces::default();
        for part in f.value.as_slice() {
            match part {
                FStringPart::Literal(literal) if super::surrogate_literals::get(literal.range).is_some() => {
                    return self.unsupported("lone surrogates in a str literal joined to an f-string", literal.range);
                }
                FStringPart::Literal(literal) => pieces.pending.push_str(&literal.value),
                FStringPart::FString(fstring) => {
                    self.fstring_elements(&fstring.elements, &mut pieces)?
                }
            }
        }
        self.finish_pieces(pieces);
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        elements: &[InterpolatedStringElement],
        pieces: &mut Pieces,
    ) -> CompileResult<()> {
        for element in elements {
            match element {
                InterpolatedStringElement::Literal(literal) => {
                    pieces.pending.push_str(&literal.value)
                }
                InterpolatedStringElement::Interpolation(field) => {
                    // `{x=}` first shows the expression's text.
                    if let Some(debug) = &field.debug_text {
                        pieces.pending.push_str(debug.leading());
                        pieces.pending.push_str(debug.expression());
                        pieces.pending.push_str(debug.trailing());
                    }
                    self.flush_literal(pieces);
                    self.field(field)?;
                    pieces.count += 1;
                }
            }
        }
        Ok(())
    }

    /// One replacement field, leaving its formatted str on the stack.
    fn field(&mut self, field: &ast::InterpolatedElement) -> CompileResult<()> {
        let spec = field
            .format_spec
            .as_ref()
            .filter(|s| !s.elements.is_empty());
        self.expr(&field.expression)?;
        match field.conversion {
            ConversionFlag::Str => self.emit(op::CONVERT_VALUE, CONVERT_STR),
            ConversionFlag::Repr => self.emit(op::CONVERT_VALUE, CONVERT_REPR),
            ConversionFlag::Ascii => self.emit(op::CONVERT_VALUE, CONVERT_ASCII),
            // `{x=}` without a spec shows the repr.
            ConversionFlag::None if field.debug_text.is_some() && spec.is_none() => {
                self.emit(op::CONVERT_VALUE, CONVERT_REPR)
            }
            ConversionFlag::None => {}
        }
        match spec {
            None => self.emit(op::FORMAT_SIMPLE, 0),
            Some(spec) => {
                let mut pieces = Pieces::default();
                self.fstring_elements(&spec.elements, &mut pieces)?;
                self.finish_pieces(pieces);
                self.emit(op::FORMAT_WITH_SPEC, 0);
            }
        }
        Ok(())
    }

    fn flush_literal(&mut self, pieces: &mut Pieces) {
        if !pieces.pending.is_empty() {
            self.load_const(Const::Str(std::mem::take(&mut pieces.pending)));
            pieces.count += 1;
        }
    }

    /// Pushes the last literal and joins: one str on the stack.
    fn finish_pieces(&mut self, mut pieces: Pieces) {
        self.flush_literal(&mut pieces);
        match pieces.count {
            0 => self.load_const(Const::Str(String::new())),
            // A lone piece is already a str.
            1 => {}
            n => self.emit(op::BUILD_STRING, n),
        }
    }
}
