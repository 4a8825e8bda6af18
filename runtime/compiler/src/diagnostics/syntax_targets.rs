//! "cannot assign to literal" and friends: CPython names the offending target
//! after the kind of expression it is, found in ruff's error-recovered tree.

use super::errors::CompileError;
use super::syntax_context::ErrorContext;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ModModule, Stmt, UnaryOp};
use ruff_text_size::{Ranged, TextRange};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TargetUse {
    Assign,
    AugAssign,
    Delete,
    Walrus,
}

/// "cannot assign to literal" and friends, named after the offending expression.
pub(super) fn invalid_target(
    range: TextRange,
    cx: &ErrorContext,
    usage: TargetUse,
) -> CompileError {
    let found = find_expr(cx.module, range);
    let name = found.map_or("expression", expr_name);
    let message = match usage {
        TargetUse::Assign => match found {
            Some(Expr::Yield(_) | Expr::YieldFrom(_)) => {
                "assignment to yield expression not possible".to_string()
            }
            Some(e) if is_sole_assign_target(cx.module, range) && suggests_equality(e) => {
                format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
            }
            _ => format!("cannot assign to {name}"),
        },
        TargetUse::AugAssign => {
            format!("'{name}' is an illegal expression for augmented assignment")
        }
        TargetUse::Delete => format!("cannot delete {name}"),
        TargetUse::Walrus => format!("cannot use assignment expressions with {name}"),
    };
    cx.map.syntax(message, range.start())
}

/// CPython's `_PyPegen_get_expr_name`.
pub fn expr_name(expr: &Expr) -> &'static str {
    match expr {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) if b.value => "True",
        Expr::BooleanLiteral(_) => "False",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

/// Whether CPython adds "here. Maybe you meant '==' instead of '='?": for a lone
/// `target = value` whose target could have been the left side of a comparison.
fn suggests_equality(expr: &Expr) -> bool {
    match expr {
        Expr::UnaryOp(u) => u.op != UnaryOp::Not,
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::Call(_)
        | Expr::BinOp(_)
        | Expr::FString(_)
        | Expr::Dict(_)
        | Expr::Set(_)
        | Expr::ListComp(_)
        | Expr::SetComp(_)
        | Expr::DictComp(_)
        | Expr::EllipsisLiteral(_)
        | Expr::Await(_) => true,
        _ => false,
    }
}

/// Whether `range` is the only target of a one-`=` assignment statement.
fn is_sole_assign_target(module: &ModModule, range: TextRange) -> bool {
    struct Finder {
        range: TextRange,
        found: bool,
    }
    impl<'a> Visitor<'a> for Finder {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if let Stmt::Assign(assign) = stmt
                && assign.targets.len() == 1
                && assign.targets[0].range() == self.range
            {
                self.found = true;
            }
            visitor::walk_stmt(self, stmt);
        }
    }
    let mut finder = Finder {
        range,
        found: false,
    };
    finder.visit_body(&module.body);
    finder.found
}

/// The expression spanning exactly `range`, if any.
fn find_expr(module: &ModModule, range: TextRange) -> Option<&Expr> {
    struct Finder<'a> {
        range: TextRange,
        found: Option<&'a Expr>,
    }
    impl<'a> Visitor<'a> for Finder<'a> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.found.is_none() && expr.range() == self.range {
                self.found = Some(expr);
                return;
            }
            visitor::walk_expr(self, expr);
        }
    }
    let mut finder = Finder { range, found: None };
    finder.visit_body(&module.body);
    finder.found
}
