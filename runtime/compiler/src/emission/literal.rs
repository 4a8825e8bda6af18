//! Expressions whose value is known at compile time: literals, `-literal` (as
//! CPython folds it), and tuples of those.

use super::surrogate_literals;
use super::unit::Const;
use num_bigint::BigInt;
use num_traits::Num;
use ruff_python_ast::{self as ast, Expr, Number, UnaryOp};

/// The value of a str literal (its parts concatenated), from the table of those that
/// hold a lone surrogate when a part is there.
pub fn str_constant(s: &ast::ExprStringLiteral) -> Const {
    let parts: Vec<Option<Vec<u8>>> = s.value.iter().map(|p| surrogate_literals::get(p.range)).collect();
    if parts.iter().all(Option::is_none) {
        return Const::Str(s.value.to_str().to_string());
    }
    let mut bytes = Vec::new();
    for (part, decoded) in s.value.iter().zip(parts) {
        bytes.extend(decoded.unwrap_or_else(|| part.value.as_bytes().to_vec()));
    }
    Const::Wtf8(bytes)
}

/// The constant `expr` evaluates to, if it is one.
pub fn constant(expr: &Expr) -> Option<Const> {
    match expr {
        Expr::NoneLiteral(_) => Some(Const::None),
        Expr::EllipsisLiteral(_) => Some(Const::Ellipsis),
        Expr::BooleanLiteral(b) => Some(Const::Bool(b.value)),
        Expr::StringLiteral(s) => Some(str_constant(s)),
        Expr::BytesLiteral(b) => Some(Const::Bytes(b.value.bytes().collect())),
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => parse_int(i).map(Const::Int),
            Number::Float(f) => Some(Const::Float(*f)),
            Number::Complex { real, imag } => Some(Const::Complex(*real, *imag)),
        },
        Expr::UnaryOp(ast::ExprUnaryOp { op, operand, .. }) => fold_unary(*op, constant(operand)?),
        Expr::Tuple(t) => t
            .elts
            .iter()
            .map(constant)
            .collect::<Option<Vec<_>>>()
            .map(Const::Tuple),
        _ => None,
    }
}

fn fold_unary(op: UnaryOp, value: Const) -> Option<Const> {
    match (op, value) {
        (UnaryOp::USub, Const::Int(i)) => Some(Const::Int(-i)),
        (UnaryOp::USub, Const::Float(f)) => Some(Const::Float(-f)),
        (UnaryOp::USub, Const::Complex(re, im)) => Some(Const::Complex(-re, -im)),
        (UnaryOp::UAdd, c @ Const::Complex(..)) => Some(c),
        (UnaryOp::UAdd, c @ (Const::Int(_) | Const::Float(_))) => Some(c),
        (UnaryOp::Invert, Const::Int(i)) => Some(Const::Int(-i - 1)),
        _ => None,
    }
}

/// The value of an int literal. Ruff keeps small literals as integers and big ones
/// as their source text (`0xFFFF_FFFF_FFFF_FFFF_FF`).
pub fn parse_int(int: &ast::Int) -> Option<BigInt> {
    if let Some(i) = int.as_i64() {
        return Some(BigInt::from(i));
    }
    let text: String = int.to_string().chars().filter(|&c| c != '_').collect();
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = match lower.get(..2) {
        Some("0x") => (&text[2..], 16),
        Some("0o") => (&text[2..], 8),
        Some("0b") => (&text[2..], 2),
        _ => (text.as_str(), 10),
    };
    BigInt::from_str_radix(digits, radix).ok()
}
