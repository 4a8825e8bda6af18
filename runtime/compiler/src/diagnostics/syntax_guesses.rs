//! CPython's guesses about what was meant ("Perhaps you forgot a comma?", "Maybe
//! you meant '=='...", "expected 'else' after 'if' expression"), which depend on
//! where an error sits among the tokens rather than on the kind of error ruff saw.

use super::errors::CompileError;
use super::syntax_context::ErrorContext;
use super::syntax_tokens::*;
use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_parser::{ParseError, ParseErrorType};
use ruff_text_size::{Ranged, TextSize};

/// Errors CPython words after where they happen rather than after what ruff saw.
pub(super) fn contextual(error: &ParseError, cx: &ErrorContext) -> Option<CompileError> {
    if matches!(
        error.error,
        ParseErrorType::Lexical(_) | ParseErrorType::UnexpectedIndentation
    ) {
        return None;
    }
    let at = error.location.start();
    let index = cx.tokens.partition_point(|t| t.start() < at);
    let found = cx.tokens.get(index);
    let previous = index.checked_sub(1).map(|i| &cx.tokens[i]);
    let kind = |t: Option<&Token>| t.map(|t| t.kind());
    let in_parameters = in_parameter_list(cx.tokens, index);

    // `f(a.b=1)`: only a name can be a keyword.
    if kind(found) == Some(TokenKind::Equal)
        && in_call_arguments(cx.tokens, index)
        && !(kind(previous) == Some(TokenKind::Name)
            && index >= 2
            && matches!(
                cx.tokens[index - 2].kind(),
                TokenKind::Lpar | TokenKind::Comma
            ))
        && let Some(start) = expression_start_index(cx.tokens, index, false).filter(|&s| s < index)
    {
        return Some(cx.map.syntax(
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            cx.tokens[start].start(),
        ));
    }
    // `if x = 1:`, `(a, b=2)`: a comparison or walrus was probably meant.
    if kind(found) == Some(TokenKind::Equal)
        && let Some(name) = previous.filter(|t| t.kind() == TokenKind::Name)
        && !in_parameters
    {
        let header = logical_line_start(cx.tokens, at).map(|t| t.kind());
        if bracket_depth(&cx.tokens[..index]) > 0
            || matches!(
                header,
                Some(TokenKind::If | TokenKind::Elif | TokenKind::While)
            )
        {
            return Some(cx.map.syntax(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                name.start(),
            ));
        }
    }
    if in_parameters {
        // `def f(a, b=, c)`
        if error.error == ParseErrorType::ExpectedExpression
            && kind(previous) == Some(TokenKind::Equal)
        {
            return Some(
                cx.map
                    .syntax("expected default value expression", previous?.start()),
            );
        }
        // `def f((a)):`
        if kind(found) == Some(TokenKind::Lpar)
            && matches!(kind(previous), Some(TokenKind::Lpar | TokenKind::Comma))
            && kind(cx.tokens.get(index + 1)) == Some(TokenKind::Name)
        {
            return Some(
                cx.map
                    .syntax("Function parameters cannot be parenthesized", at),
            );
        }
    }
    // `(*x)` and `(**x)`
    if kind(previous) == Some(TokenKind::Lpar) {
        if kind(found) == Some(TokenKind::DoubleStar) {
            return Some(
                cx.map
                    .syntax("cannot use double starred expression here", at),
            );
        }
        let after = cx
            .tokens
            .partition_point(|t| t.start() < error.location.end());
        if error.error == ParseErrorType::InvalidStarredExpressionUsage
            && kind(cx.tokens.get(after)) == Some(TokenKind::Rpar)
        {
            return Some(cx.map.syntax("cannot use starred expression here", at));
        }
    }
    // `a if b` with the error before any `else`.
    let start = unfinished_conditional(cx.tokens, index)?;
    Some(
        cx.map
            .syntax("expected 'else' after 'if' expression", start),
    )
}

/// The start of `body` in `body if condition ...` when the error at token `index`
/// is inside the condition of a conditional expression that has no `else` yet.
fn unfinished_conditional(tokens: &[Token], index: usize) -> Option<TextSize> {
    let mut depth = 0;
    let mut i = index;
    while i > 0 {
        i -= 1;
        match tokens[i].kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace if depth == 0 => return None,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth -= 1,
            _ if depth > 0 => {}
            TokenKind::If => {
                // CPython's rule needs a condition to have begun after the `if`.
                if i + 1 >= index
                    || !tokens
                        .get(i + 1)
                        .is_some_and(|t| starts_expression(t.kind()))
                {
                    return None;
                }
                // A statement `if`, or a comprehension's, is not a conditional expression.
                let first = logical_line_start(tokens, tokens[i].start())?;
                if first.range() == tokens[i].range()
                    || expression_start_index(tokens, i, true).is_none()
                {
                    return None;
                }
                let start = expression_start_index(tokens, i, false)?;
                return (start < i).then(|| tokens[start].start());
            }
            TokenKind::Else
            | TokenKind::Newline
            | TokenKind::Indent
            | TokenKind::Dedent
            | TokenKind::Semi
            | TokenKind::Comma
            | TokenKind::Colon
            | TokenKind::Equal
            | TokenKind::For
            | TokenKind::Lambda => return None,
            _ => {}
        }
    }
    None
}

/// "invalid syntax. Perhaps you forgot a comma?": CPython's guess when, inside
/// brackets, an expression directly follows another. It points at the first one.
pub(super) fn missing_comma(at: TextSize, cx: &ErrorContext) -> CompileError {
    let generic = cx.map.syntax("invalid syntax", at);
    let Some(index) = token_index_at(cx.tokens, at) else {
        return generic;
    };
    let found = cx.tokens[index].kind();
    if bracket_depth(&cx.tokens[..index]) == 0
        || !starts_expression(found)
        || in_parameter_list(cx.tokens, index)
    {
        return generic;
    }
    let Some(first) = expression_start_index(cx.tokens, index, true) else {
        return generic;
    };
    let previous = &cx.tokens[first..index];
    // CPython's rule skips `NAME STRING` (legacy print-like statements), `print x`,
    // and, through a quirk of its soft-keyword lookahead, any name that is a prefix
    // of `match` or `case`, or `_`.
    if let [only] = previous
        && only.kind() == TokenKind::Name
        && (found == TokenKind::String
            || is_legacy_name(only, cx)
            || is_soft_keyword_prefix(only, cx))
    {
        return generic;
    }
    if previous.is_empty() {
        return generic;
    }
    cx.map.syntax(
        "invalid syntax. Perhaps you forgot a comma?",
        cx.tokens[first].start(),
    )
}

/// `print x` and `exec x`: CPython suggests the parentheses.
pub(super) fn legacy_print(at: TextSize, cx: &ErrorContext) -> Option<CompileError> {
    let index = token_index_at(cx.tokens, at)?;
    let previous = index.checked_sub(1).map(|i| &cx.tokens[i])?;
    let first = logical_line_start(cx.tokens, at)?;
    if first.range() != previous.range()
        || first.kind() != TokenKind::Name
        || !is_legacy_name(first, cx)
    {
        return None;
    }
    let name = &cx.map.source()[first.range()];
    let message = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
    Some(cx.map.syntax(message, first.start()))
}

fn is_soft_keyword_prefix(token: &Token, cx: &ErrorContext) -> bool {
    let name = cx
        .map
        .source()
        .get(token.range().to_std_range())
        .unwrap_or("");
    !name.is_empty() && (name == "_" || "match".starts_with(name) || "case".starts_with(name))
}

fn is_legacy_name(token: &Token, cx: &ErrorContext) -> bool {
    matches!(
        cx.map.source().get(token.range().to_std_range()),
        Some("print" | "exec")
    )
}

/// `d[]`: CPython reads an empty list display after `d`, so inside brackets it
/// guesses a missing comma before `d`; elsewhere it stops at the `]`.
pub(super) fn empty_subscript(at: TextSize, cx: &ErrorContext) -> CompileError {
    let index = cx.tokens.partition_point(|t| t.start() < at);
    let open = cx.tokens[..index]
        .iter()
        .rposition(|t| t.kind() == TokenKind::Lsqb);
    let close = cx.tokens[index..]
        .iter()
        .find(|t| t.kind() == TokenKind::Rsqb)
        .map_or(at, |t| t.start());
    if let Some(open) = open
        && bracket_depth(&cx.tokens[..open]) > 0
        && let Some(start) = expression_start_index(cx.tokens, open, true)
        && start < open
    {
        return cx.map.syntax(
            "invalid syntax. Perhaps you forgot a comma?",
            cx.tokens[start].start(),
        );
    }
    cx.map.syntax("invalid syntax", close)
}
