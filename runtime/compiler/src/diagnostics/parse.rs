//! Parsing with ruff, and choosing which syntax error to report the way CPython
//! 3.11 would when the source has several.

use super::errors::{CompileError, CompileResult, SourceMap};
use super::lexical_checks;
use super::syntax_context::ErrorContext;
use super::syntax_messages::{self, Strength};
use super::syntax_tokens;
use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::{ModModule, PythonVersion};
use ruff_python_parser::{
    LexicalErrorType, Mode, ParseError, ParseErrorType, ParseOptions, Parsed,
};
use ruff_text_size::{Ranged, TextSize};

/// Parses a module for Python 3.11 (so newer syntax such as PEP 701 f-strings is an
/// error, as under CPython 3.11).
pub fn parse(map: &SourceMap) -> CompileResult<Parsed<ModModule>> {
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(map.source(), options);
    let Some(parsed) = parsed.try_into_module() else {
        return Err(map.syntax("invalid syntax", TextSize::new(0)));
    };
    let tokens: &[Token] = parsed.tokens();
    // Tokenizer errors ruff's lexer does not raise.
    let mut extra = Vec::new();
    if let Some((at, error)) = lexical_checks::number_followed_by_name(tokens, map) {
        extra.push((at, error, Strength::Strong));
    }
    if let Some((at, error)) = lexical_checks::too_many_brackets(tokens, map) {
        extra.push((at, error, Strength::Strong));
    }
    if let Some((at, error)) = lexical_checks::too_deep_indentation(tokens, map) {
        extra.push((at, error, Strength::Strong));
    }
    if let Some((at, error)) = lexical_checks::huge_int_literal(tokens, map) {
        extra.push((at, error, Strength::Strong));
    }
    if let Some((at, error)) = lexical_checks::inconsistent_tabs(tokens, map) {
        extra.push((at, error, Strength::Weak));
    }
    if parsed.errors().is_empty()
        && parsed.unsupported_syntax_errors().is_empty()
        && extra.is_empty()
    {
        return Ok(parsed);
    }
    Err(choose_error(&parsed, map, extra))
}

/// CPython stops at the first error its parser hits, but tokenizer errors compete
/// (see `Strength`), and an unclosed bracket explains an error inside it better
/// than the parser's message does.
fn choose_error(
    parsed: &Parsed<ModModule>,
    map: &SourceMap,
    mut candidates: Vec<(TextSize, CompileError, Strength)>,
) -> CompileError {
    let tokens: &[Token] = parsed.tokens();
    let cx = ErrorContext {
        map,
        tokens,
        module: parsed.syntax(),
    };
    let brackets = scan_brackets(tokens, map);
    for e in parsed.errors() {
        if let Some(strength) = syntax_messages::tokenizer_strength(&e.error) {
            candidates.push((
                e.location.start(),
                syntax_messages::map_parse_error(e, &cx),
                strength,
            ));
        }
    }
    if let Some((at, error)) = brackets.error {
        candidates.push((at, error, Strength::Strong));
    }
    let first = parsed
        .errors()
        .iter()
        .find(|e| syntax_messages::tokenizer_strength(&e.error).is_none());
    let limit = first.map(|e| e.location.start());
    // An unexpected indent is raised before CPython looks at the rest of the file.
    let unexpected_indent = first.is_some_and(|e| e.error == ParseErrorType::UnexpectedIndentation);
    candidates.retain(|(at, _, strength)| {
        let before = limit.is_none_or(|limit| *at <= limit);
        before || (*strength == Strength::Strong && !unexpected_indent)
    });
    if let Some(best) = candidates.into_iter().min_by_key(|(at, _, _)| *at) {
        return best.1;
    }
    if let Some((open_at, bracket)) = brackets.unclosed {
        let reached = first.and_then(|e| last_line_read(tokens, e, map));
        if first.is_none_or(|e| e.location.start() > open_at)
            && reached.is_none_or(|line| line > map.line(open_at))
        {
            return map.syntax(format!("'{bracket}' was never closed"), open_at);
        }
    }
    match (first, parsed.unsupported_syntax_errors().first()) {
        (Some(e), _) => syntax_messages::map_parse_error(e, &cx),
        (None, Some(u)) => syntax_messages::map_unsupported_syntax(u, &cx),
        (None, None) => map.syntax("invalid syntax", TextSize::new(0)),
    }
}

/// The line of the last token CPython's parser will have read when it fails at
/// `error`: the error token, and one or two more when the error token could start
/// or continue an expression (its error rules look ahead). None at the end of the
/// file.
fn last_line_read(tokens: &[Token], error: &ParseError, map: &SourceMap) -> Option<u32> {
    let trivia = |t: &&Token| {
        !matches!(
            t.kind(),
            TokenKind::NonLogicalNewline
                | TokenKind::Newline
                | TokenKind::Comment
                | TokenKind::Indent
                | TokenKind::Dedent
        )
    };
    if matches!(error.error, ParseErrorType::Lexical(LexicalErrorType::Eof)) {
        return None;
    }
    // Ruff marks an unexpected end of the file with an empty Unknown token.
    let is_end = |t: &Token| {
        t.kind() == TokenKind::EndOfFile || (t.kind() == TokenKind::Unknown && t.range().is_empty())
    };
    let index = tokens.partition_point(|t| t.start() < error.location.start());
    let mut significant = tokens[index..].iter().filter(trivia);
    let token = significant.next().filter(|t| !is_end(t))?;
    let previous = tokens[..index].iter().rev().find(trivia).map(|t| t.kind());
    match token.kind() {
        // `name = value` in brackets: CPython's error rule reads the whole value and
        // peeks at the token after it.
        TokenKind::Equal if previous == Some(TokenKind::Name) => {
            let mut depth = 0i32;
            let mut ends_operand = false;
            for t in significant {
                if is_end(t) {
                    return None;
                }
                let kind = t.kind();
                let starts_operand = matches!(
                    kind,
                    TokenKind::Name
                        | TokenKind::Int
                        | TokenKind::Float
                        | TokenKind::String
                        | TokenKind::FStringStart
                );
                if depth == 0 && (ends_operand && starts_operand || is_separator(kind)) {
                    return Some(map.line(t.start()));
                }
                match kind {
                    TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
                    TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth -= 1,
                    _ => {}
                }
                ends_operand = starts_operand
                    || matches!(kind, TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace);
            }
            None
        }
        // An expression token: CPython's error rules peek one token further.
        kind if syntax_tokens::starts_expression(kind) => match significant.next() {
            Some(t) if !is_end(t) => Some(map.line(t.start())),
            _ => None,
        },
        _ => Some(map.line(token.start())),
    }
}

fn is_separator(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Comma
            | TokenKind::Colon
            | TokenKind::Rpar
            | TokenKind::Rsqb
            | TokenKind::Rbrace
            | TokenKind::Semi
            | TokenKind::Equal
    )
}

struct Brackets {
    /// The first unmatched or mismatched closing bracket, as CPython's tokenizer
    /// reports it.
    error: Option<(TextSize, CompileError)>,
    /// The innermost bracket still open at the end of the file.
    unclosed: Option<(TextSize, char)>,
}

fn scan_brackets(tokens: &[Token], map: &SourceMap) -> Brackets {
    let mut stack: Vec<(TextSize, char)> = Vec::new();
    // CPython 3.11 reads an f-string as one string token: its braces are not brackets.
    let mut fstrings = 0usize;
    for token in tokens {
        match token.kind() {
            TokenKind::FStringStart => fstrings += 1,
            TokenKind::FStringEnd => fstrings = fstrings.saturating_sub(1),
            _ => {}
        }
        if fstrings > 0 {
            continue;
        }
        let (open, close) = match token.kind() {
            TokenKind::Lpar => (Some('('), None),
            TokenKind::Lsqb => (Some('['), None),
            TokenKind::Lbrace => (Some('{'), None),
            TokenKind::Rpar => (None, Some(')')),
            TokenKind::Rsqb => (None, Some(']')),
            TokenKind::Rbrace => (None, Some('}')),
            _ => continue,
        };
        if let Some(open) = open {
            stack.push((token.start(), open));
            continue;
        }
        let Some(close) = close else { continue };
        let at = token.start();
        match stack.pop() {
            None => {
                let error = map.syntax(format!("unmatched '{close}'"), at);
                return Brackets {
                    error: Some((at, error)),
                    unclosed: None,
                };
            }
            Some((open_at, open)) if matching(open) != close => {
                let mut message = format!(
                    "closing parenthesis '{close}' does not match opening parenthesis '{open}'"
                );
                if map.line(open_at) != map.line(at) {
                    message.push_str(&format!(" on line {}", map.line(open_at)));
                }
                let error = map.syntax(message, at);
                return Brackets {
                    error: Some((at, error)),
                    unclosed: None,
                };
            }
            Some(_) => {}
        }
    }
    Brackets {
        error: None,
        unclosed: stack.pop(),
    }
}

fn matching(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}
