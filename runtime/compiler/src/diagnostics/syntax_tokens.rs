//! Where a position sits among the tokens: bracket nesting, the start of the
//! logical line, the start of the expression before it, which kind of bracket
//! list it is in. The syntax-error wording depends on these.

use super::errors::SourceMap;
use ruff_python_ast::token::{Token, TokenKind};
use ruff_text_size::{Ranged, TextSize};

/// CPython 3.11 reads a whole f-string as one string token and reports errors
/// inside it just past the token's closing quote: the first matching quote after
/// the opening one (3.11 f-strings cannot reuse their quote inside).
pub(super) fn fstring_end(at: TextSize, tokens: &[Token], map: &SourceMap) -> TextSize {
    let mut open = Vec::new();
    for token in tokens.iter().take_while(|t| t.start() < at) {
        match token.kind() {
            TokenKind::FStringStart => open.push(token.start()),
            TokenKind::FStringEnd => {
                open.pop();
            }
            _ => {}
        }
    }
    let Some(&start) = open.first() else {
        return at;
    };
    let source = map.source();
    let text = source.get(start.to_usize()..).unwrap_or("");
    let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let quote = if body.starts_with("\"\"\"") || body.starts_with("'''") {
        &body[..3]
    } else {
        body.get(..1).unwrap_or("\"")
    };
    let body_start = text.len() - body.len() + quote.len();
    let mut chars = text[body_start..].char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if text[body_start + i..].starts_with(quote) {
            return start + TextSize::new((body_start + i + quote.len()) as u32);
        } else if c == '\n' && quote.len() == 1 {
            break;
        }
    }
    at
}

/// Index of the first token starting at or after `at`.
pub(super) fn token_index_at(tokens: &[Token], at: TextSize) -> Option<usize> {
    let index = tokens.partition_point(|t| t.start() < at);
    (index < tokens.len()).then_some(index)
}

/// Open brackets before the end of `tokens`.
pub(super) fn bracket_depth(tokens: &[Token]) -> i32 {
    tokens.iter().fold(0, |depth, t| match t.kind() {
        TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth + 1,
        TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth - 1,
        _ => depth,
    })
}

/// The kind of the innermost bracket open at `at`.
pub(super) fn innermost_bracket(tokens: &[Token], at: TextSize) -> Option<TokenKind> {
    let index = tokens.partition_point(|t| t.start() < at);
    let mut stack = Vec::new();
    for t in &tokens[..index] {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => stack.push(t.kind()),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

/// Whether `at` is inside a `{...}` display whose first item has a `:` (a dict).
pub(super) fn in_dict_display(tokens: &[Token], at: TextSize) -> bool {
    let index = tokens.partition_point(|t| t.start() < at);
    let mut depth = 0;
    let mut colon = false;
    for i in (0..index).rev() {
        match tokens[i].kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb if depth == 0 => return false,
            TokenKind::Lbrace if depth == 0 => return colon,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth -= 1,
            TokenKind::Colon if depth == 0 => colon = true,
            _ => {}
        }
    }
    false
}

/// Whether token `index` is inside the parentheses of a call.
pub(super) fn in_call_arguments(tokens: &[Token], index: usize) -> bool {
    let mut depth = 0;
    for i in (0..index).rev() {
        match tokens[i].kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace if depth > 0 => depth -= 1,
            TokenKind::Lpar => {
                return i > 0
                    && matches!(
                        tokens[i - 1].kind(),
                        TokenKind::Name | TokenKind::Rpar | TokenKind::Rsqb
                    )
                    && !in_parameter_list(tokens, i + 1);
            }
            TokenKind::Lsqb | TokenKind::Lbrace => return false,
            _ => {}
        }
    }
    false
}

/// Whether token `index` is inside the parameter list of a `def`.
pub(super) fn in_parameter_list(tokens: &[Token], index: usize) -> bool {
    let mut depth = 0;
    for i in (0..index).rev() {
        match tokens[i].kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace if depth > 0 => depth -= 1,
            TokenKind::Lpar => {
                return i >= 2
                    && tokens[i - 1].kind() == TokenKind::Name
                    && tokens[i - 2].kind() == TokenKind::Def;
            }
            TokenKind::Lsqb | TokenKind::Lbrace => return false,
            _ => {}
        }
    }
    false
}

/// Where the bracket open at `at` closes (or `at` if it never does).
pub(super) fn closing_bracket(tokens: &[Token], at: TextSize) -> TextSize {
    let index = tokens.partition_point(|t| t.start() < at);
    let mut depth = 0;
    for t in &tokens[index..] {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace if depth == 0 => {
                return t.start();
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth -= 1,
            _ => {}
        }
    }
    at
}

pub(super) fn bracket_depth_at(tokens: &[Token], at: TextSize) -> i32 {
    bracket_depth(&tokens[..tokens.partition_point(|t| t.start() < at)])
}

pub(super) fn is_augmented_assign(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::PlusEqual
            | TokenKind::MinusEqual
            | TokenKind::StarEqual
            | TokenKind::SlashEqual
            | TokenKind::DoubleSlashEqual
            | TokenKind::PercentEqual
            | TokenKind::DoubleStarEqual
            | TokenKind::AmperEqual
            | TokenKind::VbarEqual
            | TokenKind::CircumflexEqual
            | TokenKind::LeftShiftEqual
            | TokenKind::RightShiftEqual
            | TokenKind::AtEqual
    )
}

/// The first token of the logical line holding `at`.
pub(super) fn logical_line_start(tokens: &[Token], at: TextSize) -> Option<&Token> {
    let index = tokens.partition_point(|t| t.start() < at);
    let start = tokens[..index]
        .iter()
        .rposition(|t| {
            matches!(
                t.kind(),
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
            )
        })
        .map_or(0, |i| i + 1);
    tokens[start..]
        .iter()
        .find(|t| !matches!(t.kind(), TokenKind::Comment | TokenKind::NonLogicalNewline))
}

/// Where the expression ending just before token `index` starts, walking back over
/// balanced brackets to a separator. `None` when a comprehension keyword comes first
/// (CPython's comma guess does not apply there), with `stop_at_keywords`.
pub(super) fn expression_start_index(
    tokens: &[Token],
    index: usize,
    stop_at_keywords: bool,
) -> Option<usize> {
    let mut depth = 0;
    let mut i = index;
    // Whether the walk passed the `in` of a `for` clause (the iterable part).
    let mut passed_in = false;
    while i > 0 {
        let kind = tokens[i - 1].kind();
        match kind {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            _ if depth > 0 => {}
            // In a `for` target CPython still guesses a comma; in the iterable or a
            // condition it does not.
            TokenKind::For | TokenKind::Async if stop_at_keywords => {
                return (!passed_in).then_some(i);
            }
            TokenKind::If | TokenKind::Else if stop_at_keywords => return None,
            TokenKind::In if stop_at_keywords => passed_in = true,
            TokenKind::Comma
            | TokenKind::Colon
            | TokenKind::Equal
            | TokenKind::ColonEqual
            | TokenKind::Semi
            | TokenKind::Newline
            | TokenKind::Indent
            | TokenKind::Dedent
            | TokenKind::Lambda
            | TokenKind::Return
            | TokenKind::Yield
            | TokenKind::Rarrow => return Some(i),
            kind if is_augmented_assign(kind) => return Some(i),
            _ if kind.is_keyword()
                && !matches!(
                    kind,
                    TokenKind::And
                        | TokenKind::Or
                        | TokenKind::Not
                        | TokenKind::Is
                        | TokenKind::In
                        | TokenKind::None
                        | TokenKind::True
                        | TokenKind::False
                        | TokenKind::Await
                        | TokenKind::If
                        | TokenKind::Else
                ) =>
            {
                return Some(i);
            }
            _ => {}
        }
        i -= 1;
    }
    Some(0)
}

pub(super) fn expression_start(
    tokens: &[Token],
    at: TextSize,
    stop_at_keywords: bool,
) -> Option<TextSize> {
    let index = tokens.partition_point(|t| t.start() < at);
    let start = expression_start_index(tokens, index, stop_at_keywords)?;
    // Skip to the `if` of a conditional expression's body: CPython points at the body.
    tokens
        .get(start)
        .filter(|_| start < index)
        .map(|t| t.start())
}

/// Whether a token can begin an expression.
pub fn starts_expression(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::TStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Not
            | TokenKind::Minus
            | TokenKind::Plus
            | TokenKind::Tilde
            | TokenKind::Lambda
            | TokenKind::Await
            | TokenKind::Ellipsis
    ) || kind.is_soft_keyword()
}
