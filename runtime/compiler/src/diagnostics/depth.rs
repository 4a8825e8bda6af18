//! How deeply the source nests. CPython refuses to compile code nested deeper
//! than its recursion limit allows (`x = 1+1+...+1` with 3000 terms raises
//! RecursionError); stitch refuses the same code, and refuses absurdly deep input
//! before parsing it, since parsing and compiling recurse on the nesting.

use super::errors::{CompileError, PARSER_STACK, TOO_DEEP};
use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ModModule, Stmt};
use ruff_python_parser::Mode;

/// The deepest statement-and-expression nesting CPython 3.11 compiles, a module's
/// statements being at depth 1 (its symbol table stops at 3 x 1000 minus the
/// frames already in use).
const MAX_DEPTH: u32 = 2991;

/// Operators on one logical line beyond which the nesting cannot be compiled
/// anyway: enough to refuse input that would exhaust the parser's stack.
const MAX_OPERATORS: usize = 100_000;


/// Prefix operators in a row (`- - - ... 1`, `not not ... x`) from which CPython's
/// parser runs out of stack: each is a level of its rule recursion, on top of the
/// levels a statement starts with (measured on CPython 3.11: 5,967 raise MemoryError
/// inside brackets or a function body, 5,968 at module level).
const MAX_PREFIX_RUN: usize = 5_967;

fn too_deep() -> CompileError {
    CompileError::Syntax {
        line: 1,
        col: 1,
        message: TOO_DEEP.into(),
    }
}

/// Refuses source whose nesting could exhaust the stack while parsing, counting
/// tokens that can nest (operators, brackets) on each logical line. The lexer does
/// not recurse.
pub fn check_tokens(source: &str) -> Result<(), CompileError> {
    let mut lexer = ruff_python_parser::lexer::lex(source, Mode::Module);
    let mut count = 0usize;
    let mut brackets = 0usize;
    // Prefix operators in a row, and whether the token before ends an operand (after
    // which `-` is binary).
    let mut prefix_run = 0usize;
    let mut after_operand = false;
    loop {
        let kind = lexer.next_token();
        let prefix = matches!(kind, TokenKind::Minus | TokenKind::Plus | TokenKind::Tilde) && !after_operand
            || kind == TokenKind::Not;
        prefix_run = if prefix { prefix_run + 1 } else { 0 };
        if prefix_run >= MAX_PREFIX_RUN {
            return Err(CompileError::Syntax { line: 1, col: 1, message: PARSER_STACK.into() });
        }
        after_operand = matches!(
            kind,
            TokenKind::Name
                | TokenKind::Int
                | TokenKind::Float
                | TokenKind::Complex
                | TokenKind::String
                | TokenKind::FStringEnd
                | TokenKind::Rpar
                | TokenKind::Rsqb
                | TokenKind::Rbrace
                | TokenKind::True
                | TokenKind::False
                | TokenKind::None
        );
        match kind {
            TokenKind::EndOfFile => return Ok(()),
            TokenKind::Newline => count = 0,
            // CPython allows 200 levels; `lexical_checks` reports the exact place.
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                brackets += 1;
                if brackets > MAX_OPERATORS {
                    return Err(CompileError::Syntax {
                        line: 1,
                        col: 1,
                        message: "too many nested parentheses".into(),
                    });
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                brackets = brackets.saturating_sub(1)
            }
            kind if nests(kind) => {
                count += 1;
                if count > MAX_OPERATORS {
                    return Err(too_deep());
                }
            }
            _ => {}
        }
    }
}

/// Tokens that can add a level to the tree. `and`, `or` and comparisons make flat
/// chains, and names, literals and commas do not nest.
fn nests(kind: TokenKind) -> bool {
    !matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringMiddle
            | TokenKind::Comma
            | TokenKind::NonLogicalNewline
            | TokenKind::Comment
            | TokenKind::Indent
            | TokenKind::Dedent
            | TokenKind::And
            | TokenKind::Or
            | TokenKind::Less
            | TokenKind::Greater
            | TokenKind::EqEqual
            | TokenKind::NotEqual
            | TokenKind::LessEqual
            | TokenKind::GreaterEqual
            | TokenKind::In
            | TokenKind::Is
    )
}

/// CPython's limit on the nesting of the parsed module.
pub fn check_module(module: &ModModule) -> Result<(), CompileError> {
    let mut walker = Depth {
        depth: 0,
        exceeded: false,
    };
    walker.visit_body(&module.body);
    if walker.exceeded {
        Err(too_deep())
    } else {
        Ok(())
    }
}

struct Depth {
    depth: u32,
    exceeded: bool,
}

impl<'a> Visitor<'a> for Depth {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.exceeded = true;
        } else if !self.exceeded {
            visitor::walk_stmt(self, stmt);
        }
        self.depth -= 1;
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.exceeded = true;
        } else if !self.exceeded {
            visitor::walk_expr(self, expr);
        }
        self.depth -= 1;
    }
}
