//! The SyntaxWarnings CPython 3.11's compiler gives for code that runs but is almost
//! certainly a mistake: `is` with a literal, an assertion on a tuple, and calling or
//! subscripting a literal ("perhaps you missed a comma?"). CPython emits each one as it
//! compiles the expression, in the order it compiles them, and without deduplication
//! (the compiler passes no warning registry), so the same line may warn several times.
//!
//! Which expressions count as literals follows CPython's AST optimizer, which folds
//! constants before the compiler looks: `-1`, `1 + 2` and `(1, 2)` are constants there,
//! where `(1, y)` and `[]` are not.

use super::errors::SourceMap;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, CmpOp, Expr, Number, Stmt, UnaryOp};
use ruff_text_size::Ranged;

/// A warning: the line it names and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub line: u32,
    pub message: String,
}

impl SyntaxWarning {
    /// The text CPython's warnings module writes to stderr: the file and line, the
    /// category and message, then the source line stripped (none for `<string>`).
    pub fn render(&self, filename: &str, source: &str) -> String {
        let mut out = format!("{filename}:{}: SyntaxWarning: {}\n", self.line, self.message);
        if !filename.starts_with('<') {
            if let Some(text) = source.lines().nth(self.line.saturating_sub(1) as usize) {
                if !text.trim().is_empty() {
                    out.push_str(&format!("  {}\n", text.trim()));
                }
            }
        }
        out
    }
}

/// The warnings for `module`, in the order CPython gives them.
pub fn collect(module: &ast::ModModule, map: &SourceMap) -> Vec<SyntaxWarning> {
    let mut w = Warnings { map, found: Vec::new() };
    w.visit_body(&module.body);
    w.found
}

struct Warnings<'m> {
    map: &'m SourceMap<'m>,
    found: Vec<SyntaxWarning>,
}

impl Warnings<'_> {
    fn warn(&mut self, at: &impl Ranged, message: String) {
        self.found.push(SyntaxWarning { line: self.map.line(at.start()), message });
    }

    /// CPython's `check_compare`: `is`/`is not` with a constant other than None, True,
    /// False and Ellipsis on either side.
    fn compare(&mut self, e: &ast::ExprCompare) {
        let mut left_ok = is_arg_ok(&e.left);
        for (op, right) in e.ops.iter().zip(e.comparators.iter()) {
            let right_ok = is_arg_ok(right);
            if !(left_ok && right_ok) {
                match op {
                    CmpOp::Is => self.warn(e, "\"is\" with a literal. Did you mean \"==\"?".into()),
                    CmpOp::IsNot => self.warn(e, "\"is not\" with a literal. Did you mean \"!=\"?".into()),
                    _ => {}
                }
            }
            left_ok = right_ok;
        }
    }

    /// CPython's `check_caller`: calling a literal or a display.
    fn call(&mut self, e: &ast::ExprCall) {
        let callee = &*e.func;
        let literal = constant_type(callee).is_some()
            || matches!(
                callee,
                Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::Dict(_) | Expr::DictComp(_) | Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::FString(_)
            );
        if literal {
            if let Some(t) = inferred_type(callee) {
                self.warn(e, format!("'{t}' object is not callable; perhaps you missed a comma?"));
            }
        }
    }

    /// CPython's `check_subscripter` and `check_index`, for a subscript that is read.
    fn subscript(&mut self, e: &ast::ExprSubscript) {
        let value = &*e.value;
        let unsubscriptable = match constant_type(value) {
            Some(t) => matches!(t, "NoneType" | "ellipsis" | "int" | "bool" | "float" | "complex"),
            None => matches!(value, Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)),
        };
        if unsubscriptable {
            if let Some(t) = inferred_type(value) {
                self.warn(e, format!("'{t}' object is not subscriptable; perhaps you missed a comma?"));
            }
            return;
        }
        let Some(index) = inferred_type(&e.slice) else { return };
        if matches!(index, "int" | "bool") {
            return;
        }
        let sequence = match constant_type(value) {
            Some(t) => matches!(t, "str" | "bytes" | "tuple"),
            None => matches!(value, Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_)),
        };
        if sequence {
            if let Some(t) = inferred_type(value) {
                self.warn(e, format!("{t} indices must be integers or slices, not {index}; perhaps you missed a comma?"));
            }
        }
    }
}

impl<'a> Visitor<'a> for Warnings<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::Assert(a) = stmt {
            if matches!(&*a.test, Expr::Tuple(t) if !t.elts.is_empty()) {
                self.warn(stmt, "assertion is always true, perhaps remove parentheses?".into());
            }
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Compare(e) => self.compare(e),
            Expr::Call(e) => self.call(e),
            Expr::Subscript(e) if e.ctx.is_load() => self.subscript(e),
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

/// Whether `e` may stand beside `is` without a warning (CPython's `check_is_arg`).
fn is_arg_ok(e: &Expr) -> bool {
    match constant_type(e) {
        None => true,
        // True and False (and what `not` folds to) are singletons too.
        Some(t) => matches!(t, "NoneType" | "ellipsis" | "bool"),
    }
}

/// The type of `e` when CPython's AST optimizer folds it into a constant.
fn constant_type(e: &Expr) -> Option<&'static str> {
    match e {
        Expr::NumberLiteral(n) => Some(match n.value {
            Number::Int(_) => "int",
            Number::Float(_) => "float",
            Number::Complex { .. } => "complex",
        }),
        Expr::StringLiteral(_) => Some("str"),
        Expr::BytesLiteral(_) => Some("bytes"),
        Expr::BooleanLiteral(_) => Some("bool"),
        Expr::NoneLiteral(_) => Some("NoneType"),
        Expr::EllipsisLiteral(_) => Some("ellipsis"),
        // `-1`, `+2.5`, `~3`; `not` folds to a bool.
        Expr::UnaryOp(u) => {
            let inner = constant_type(&u.operand)?;
            match u.op {
                UnaryOp::Not => Some("bool"),
                UnaryOp::USub | UnaryOp::UAdd if matches!(inner, "int" | "bool" | "float" | "complex") => {
                    Some(if inner == "bool" { "int" } else { inner })
                }
                UnaryOp::Invert if matches!(inner, "int" | "bool") => Some("int"),
                _ => None,
            }
        }
        // Arithmetic on numbers, and str or tuple concatenation (what the optimizer
        // folds without raising: no division, which might be by zero).
        Expr::BinOp(b) => {
            let (l, r) = (constant_type(&b.left)?, constant_type(&b.right)?);
            let numeric = |t| matches!(t, "int" | "bool" | "float");
            match b.op {
                ast::Operator::Add | ast::Operator::Sub | ast::Operator::Mult if numeric(l) && numeric(r) => {
                    Some(if l == "float" || r == "float" { "float" } else { "int" })
                }
                ast::Operator::Add if l == r && matches!(l, "str" | "tuple") => Some(l),
                _ => None,
            }
        }
        // A tuple of constants is one constant (no starred items).
        Expr::Tuple(t) if t.elts.iter().all(|e| constant_type(e).is_some()) => Some("tuple"),
        _ => None,
    }
}

/// CPython's `infer_type`: the type an expression evaluates to, where the syntax says.
fn inferred_type(e: &Expr) -> Option<&'static str> {
    if let Some(t) = constant_type(e) {
        return Some(t);
    }
    Some(match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::FString(_) => "str",
        _ => return None,
    })
}
