//! CPython 3.11's wording for the syntax errors ruff reports. Ruff words errors its
//! own way ("Expected `:`, found newline"); programs run under stitch must fail the
//! way they fail under CPython, so each ruff error is mapped to CPython's message
//! and position. Where CPython's message depends on the surrounding code rather
//! than on the kind of error, `syntax_guesses` decides; `syntax_targets` names
//! invalid assignment targets; `syntax_tokens` answers questions about tokens.

use super::errors::CompileError;
use super::syntax_context::ErrorContext;
use super::syntax_guesses::{contextual, empty_subscript, legacy_print, missing_comma};
use super::syntax_targets::{TargetUse, invalid_target};
use super::syntax_tokens::*;
use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType,
    UnsupportedSyntaxError, UnsupportedSyntaxErrorKind,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// How CPython's tokenizer (rather than its parser) reports an error.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Strength {
    /// Raised as soon as the tokenizer reads it; after a parser error CPython
    /// tokenizes the rest of the file, so these win wherever they are.
    Strong,
    /// Reported only when the parser asks for the token (bad dedents, tabs, line
    /// continuations): they count only before the parser's first error.
    Weak,
}

/// Whether this is a tokenizer error, and how it competes with parser errors.
pub fn tokenizer_strength(error: &ParseErrorType) -> Option<Strength> {
    match error {
        ParseErrorType::Lexical(lexical) => match lexical {
            LexicalErrorType::UnrecognizedToken { tok } if tok.is_ascii() => None,
            LexicalErrorType::Eof | LexicalErrorType::UnicodeError => None,
            LexicalErrorType::MissingUnicodeLbrace | LexicalErrorType::MissingUnicodeRbrace => None,
            LexicalErrorType::FStringError(
                InterpolatedStringErrorType::UnterminatedString
                | InterpolatedStringErrorType::UnterminatedTripleQuotedString,
            ) => Some(Strength::Strong),
            LexicalErrorType::FStringError(_) => None,
            LexicalErrorType::IndentationError | LexicalErrorType::LineContinuationError => {
                Some(Strength::Weak)
            }
            _ => Some(Strength::Strong),
        },
        _ => None,
    }
}

/// CPython's error for one of ruff's parse errors.
pub fn map_parse_error(error: &ParseError, cx: &ErrorContext) -> CompileError {
    if let Some(e) = contextual(error, cx) {
        return e;
    }
    let at = error.location.start();
    let invalid = || cx.map.syntax("invalid syntax", at);
    match &error.error {
        ParseErrorType::Lexical(lexical) => map_lexical(lexical, error.location, cx),
        ParseErrorType::FStringError(e) => map_fstring(e, error.location, cx),
        ParseErrorType::ExpectedToken { expected, found } => {
            expected_token(*expected, *found, at, cx)
        }
        ParseErrorType::UnexpectedIndentation => {
            // CPython points at the last character of the indentation.
            let end = error.location.end();
            let at = if end > error.location.start() {
                end - TextSize::new(1)
            } else {
                end
            };
            cx.map.syntax("unexpected indent", at)
        }
        ParseErrorType::SimpleStatementsOnSameLine => legacy_print(at, cx).unwrap_or_else(invalid),
        ParseErrorType::InvalidAssignmentTarget => {
            invalid_target(error.location, cx, TargetUse::Assign)
        }
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            invalid_target(error.location, cx, TargetUse::AugAssign)
        }
        ParseErrorType::InvalidDeleteTarget => {
            invalid_target(error.location, cx, TargetUse::Delete)
        }
        ParseErrorType::InvalidNamedAssignmentTarget => {
            // CPython names the target only when a value follows the `:=`.
            let index = cx
                .tokens
                .partition_point(|t| t.start() < error.location.end());
            let walrus = cx.tokens[index..]
                .iter()
                .position(|t| t.kind() == TokenKind::ColonEqual)
                .map(|i| i + index);
            match walrus {
                Some(i)
                    if cx
                        .tokens
                        .get(i + 1)
                        .is_some_and(|t| starts_expression(t.kind())) =>
                {
                    invalid_target(error.location, cx, TargetUse::Walrus)
                }
                Some(i) => cx.map.syntax("invalid syntax", cx.tokens[i].start()),
                None => invalid(),
            }
        }
        ParseErrorType::InvalidAnnotatedAssignmentTarget => {
            // Only `target: annotation` is an annotation; `x == 1:` is just invalid.
            let index = cx
                .tokens
                .partition_point(|t| t.start() < error.location.end());
            let colon = cx.tokens[index..]
                .iter()
                .position(|t| t.kind() == TokenKind::Colon)
                .map(|i| i + index);
            match colon {
                Some(i)
                    if !cx
                        .tokens
                        .get(i + 1)
                        .is_some_and(|t| starts_expression(t.kind())) =>
                {
                    cx.map.syntax("invalid syntax", cx.tokens[i].start())
                }
                _ => cx.map.syntax("illegal target for annotation", at),
            }
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => cx
            .map
            .syntax("non-default argument follows default argument", at),
        // CPython raises these at the last token it read: the closing parenthesis.
        ParseErrorType::PositionalAfterKeywordArgument => cx.map.syntax(
            "positional argument follows keyword argument",
            closing_bracket(cx.tokens, at),
        ),
        ParseErrorType::PositionalAfterKeywordUnpacking => cx.map.syntax(
            "positional argument follows keyword argument unpacking",
            closing_bracket(cx.tokens, at),
        ),
        ParseErrorType::EmptySlice => empty_subscript(at, cx),
        ParseErrorType::InvalidArgumentUnpackingOrder => cx.map.syntax(
            "iterable argument unpacking follows keyword argument unpacking",
            at,
        ),
        ParseErrorType::UnparenthesizedGeneratorExpression => cx
            .map
            .syntax("Generator expression must be parenthesized", at),
        ParseErrorType::ExpectedKeywordParam => {
            cx.map.syntax("named arguments must follow bare *", at)
        }
        ParseErrorType::ParamAfterVarKeywordParam => cx
            .map
            .syntax("arguments cannot follow var-keyword argument", at),
        ParseErrorType::VarParameterWithDefault => {
            let text = cx
                .map
                .source()
                .get(error.location.start().to_usize()..)
                .unwrap_or("");
            let what = if text.starts_with("**") {
                "var-keyword"
            } else {
                "var-positional"
            };
            cx.map
                .syntax(format!("{what} argument cannot have default value"), at)
        }
        ParseErrorType::IterableUnpackingInComprehension => cx
            .map
            .syntax("iterable unpacking cannot be used in comprehension", at),
        ParseErrorType::OtherError(message) => other_error(message, error.location, cx),
        ParseErrorType::ExpectedExpression => {
            // `{1: }`
            let index = cx.tokens.partition_point(|t| t.start() < at);
            let previous = index.checked_sub(1).map(|i| &cx.tokens[i]);
            let found = cx.tokens.get(index).map(|t| t.kind());
            match previous {
                Some(colon)
                    if colon.kind() == TokenKind::Colon
                        && matches!(found, Some(TokenKind::Rbrace | TokenKind::Comma))
                        && innermost_bracket(cx.tokens, at) == Some(TokenKind::Lbrace) =>
                {
                    cx.map.syntax(
                        "expression expected after dictionary key and ':'",
                        colon.start(),
                    )
                }
                _ => invalid(),
            }
        }
        _ => invalid(),
    }
}

/// CPython's error for syntax newer than 3.11 (ruff parses it for a 3.11 target but
/// reports it separately).
pub fn map_unsupported_syntax(error: &UnsupportedSyntaxError, cx: &ErrorContext) -> CompileError {
    let at = error.range.start();
    let message = match error.kind {
        UnsupportedSyntaxErrorKind::Pep701FString(kind) => {
            // The kind's type is private to ruff; its Debug name is all we can see.
            match format!("{kind:?}").as_str() {
                "Backslash" => "f-string expression part cannot include a backslash",
                "Comment" => "f-string expression part cannot include '#'",
                _ => "f-string: expecting '}'",
            }
        }
        _ => return cx.map.syntax("invalid syntax", at),
    };
    cx.map.syntax(message, fstring_end(at, cx.tokens, cx.map))
}

fn map_lexical(error: &LexicalErrorType, range: TextRange, cx: &ErrorContext) -> CompileError {
    let at = range.start();
    match error {
        LexicalErrorType::UnclosedStringError => unterminated_string(range, cx),
        LexicalErrorType::UnrecognizedToken { tok } if !tok.is_ascii() => cx.map.syntax(
            format!("invalid character '{tok}' (U+{:04X})", *tok as u32),
            at,
        ),
        LexicalErrorType::IndentationError => {
            // CPython reports the column just past the offending line's end.
            let line = cx.map.line(at);
            let col = cx.map.line_text(line).chars().count() as u32 + 1;
            CompileError::Syntax {
                line,
                col,
                message: "unindent does not match any outer indentation level".into(),
            }
        }
        LexicalErrorType::LineContinuationError => {
            let rest = cx.map.source().get(range.end().to_usize()..).unwrap_or("");
            if rest.trim().is_empty() {
                cx.map.syntax("unexpected EOF while parsing", range.end())
            } else {
                cx.map.syntax(
                    "unexpected character after line continuation character",
                    range.end(),
                )
            }
        }
        LexicalErrorType::Eof => cx.map.syntax("unexpected EOF while parsing", at),
        LexicalErrorType::FStringError(e) => map_fstring(e, range, cx),
        LexicalErrorType::InvalidByteLiteral => cx
            .map
            .syntax("bytes can only contain ASCII literal characters", at),
        LexicalErrorType::UnicodeError
        | LexicalErrorType::MissingUnicodeLbrace
        | LexicalErrorType::MissingUnicodeRbrace => cx.map.syntax(
            "(unicode error) 'unicodeescape' codec can't decode bytes: malformed escape",
            at,
        ),
        LexicalErrorType::OtherError(message) => number_error(message, range, cx),
        _ => cx.map.syntax("invalid syntax", at),
    }
}

/// Ruff's number-literal errors, in CPython's words.
fn number_error(message: &str, range: TextRange, cx: &ErrorContext) -> CompileError {
    let text = cx
        .map
        .source()
        .get(range.start().to_usize()..)
        .unwrap_or("");
    if message == "Invalid decimal integer literal" {
        return cx.map.syntax(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            range.start(),
        );
    }
    let lower = text.get(..2).unwrap_or("").to_ascii_lowercase();
    let kind = match lower.as_str() {
        "0b" => Some(("binary", 2)),
        "0o" => Some(("octal", 8)),
        "0x" => Some(("hexadecimal", 16)),
        _ => None,
    };
    match kind {
        Some((name, radix)) => {
            // The first character that is not a digit of the radix.
            let digits = text[2..].trim_start_matches(|c: char| c == '_' || c.is_digit(radix));
            let offset = range.start() + TextSize::new((text.len() - digits.len()) as u32);
            match digits.chars().next() {
                Some(c) if c.is_ascii_digit() && radix < 10 => cx
                    .map
                    .syntax(format!("invalid digit '{c}' in {name} literal"), offset),
                _ => cx.map.syntax(format!("invalid {name} literal"), offset),
            }
        }
        None => cx.map.syntax("invalid decimal literal", range.start()),
    }
}

fn unterminated_string(range: TextRange, cx: &ErrorContext) -> CompileError {
    let text = cx
        .map
        .source()
        .get(range.start().to_usize()..)
        .unwrap_or("");
    let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let triple = body.starts_with("'''") || body.starts_with("\"\"\"");
    // A triple-quoted string runs to the end of the file; CPython reports the last
    // line it read.
    let detected = if triple {
        cx.map.line_count().max(1)
    } else {
        cx.map.line(range.end())
    };
    let kind = if triple {
        "triple-quoted string literal"
    } else {
        "string literal"
    };
    cx.map.syntax(
        format!("unterminated {kind} (detected at line {detected})"),
        range.start(),
    )
}

fn map_fstring(
    error: &InterpolatedStringErrorType,
    range: TextRange,
    cx: &ErrorContext,
) -> CompileError {
    let message = match error {
        InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'",
        InterpolatedStringErrorType::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        }
        InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed",
        InterpolatedStringErrorType::UnterminatedString
        | InterpolatedStringErrorType::UnterminatedTripleQuotedString => {
            return unterminated_string(range, cx);
        }
        InterpolatedStringErrorType::LambdaWithoutParentheses => {
            "f-string: lambda expressions are not allowed without parentheses"
        }
        InterpolatedStringErrorType::ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: conversion type must come right after the exclamanation mark"
        }
        _ => "f-string: invalid syntax",
    };
    cx.map
        .syntax(message, fstring_end(range.start(), cx.tokens, cx.map))
}

/// `Expected X, found Y`.
fn expected_token(
    expected: TokenKind,
    found: TokenKind,
    at: TextSize,
    cx: &ErrorContext,
) -> CompileError {
    match expected {
        TokenKind::Colon if in_dict_display(cx.tokens, at) => {
            let start = expression_start(cx.tokens, at, false).unwrap_or(at);
            cx.map.syntax("':' expected after dictionary key", start)
        }
        // `s[a b]` reads as a slice missing its colon; `for y y in` as a target.
        TokenKind::Colon | TokenKind::In
            if starts_expression(found)
                && (expected == TokenKind::In
                    || innermost_bracket(cx.tokens, at) == Some(TokenKind::Lsqb)) =>
        {
            missing_comma(at, cx)
        }
        TokenKind::Lpar
            if logical_line_start(cx.tokens, at).is_some_and(|t| t.kind() == TokenKind::Def) =>
        {
            cx.map.syntax("expected '('", at)
        }
        TokenKind::Colon => {
            // CPython says "expected ':'" at the end of a header line, and for the
            // headers whose grammar forces the colon (`def`, `class`, `else`, `try`,
            // `finally`) wherever it is missing.
            let header = logical_line_start(cx.tokens, at).map(|t| t.kind());
            let forced = matches!(
                header,
                Some(
                    TokenKind::Def
                        | TokenKind::Class
                        | TokenKind::Else
                        | TokenKind::Try
                        | TokenKind::Finally
                )
            );
            if found == TokenKind::Newline || forced {
                cx.map.syntax("expected ':'", at)
            } else {
                cx.map.syntax("invalid syntax", at)
            }
        }
        // `a, b += 1`: ruff stops at the operator, CPython blames the tuple.
        TokenKind::Comma if is_augmented_assign(found) && bracket_depth_at(cx.tokens, at) == 0 => {
            let start = logical_line_start(cx.tokens, at).map_or(at, |t| t.start());
            cx.map.syntax(
                "'tuple' is an illegal expression for augmented assignment",
                start,
            )
        }
        TokenKind::Comma | TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
            missing_comma(at, cx)
        }
        TokenKind::Else => {
            let start = expression_start(cx.tokens, at, false).unwrap_or(at);
            cx.map
                .syntax("expected 'else' after 'if' expression", start)
        }
        TokenKind::FStringEnd => cx.map.syntax(
            "f-string: expecting '}'",
            fstring_end(at, cx.tokens, cx.map),
        ),
        _ => cx.map.syntax("invalid syntax", at),
    }
}

fn other_error(message: &str, range: TextRange, cx: &ErrorContext) -> CompileError {
    let Some(clause) = message.strip_prefix("Expected an indented block after ") else {
        return cx.map.syntax("invalid syntax", range.start());
    };
    let (what, keyword) = match clause {
        "`if` statement" => ("'if' statement", TokenKind::If),
        "`elif` clause" => ("'elif' statement", TokenKind::Elif),
        "`else` clause" => ("'else' statement", TokenKind::Else),
        "`for` statement" => ("'for' statement", TokenKind::For),
        "`while` statement" => ("'while' statement", TokenKind::While),
        "`with` statement" => ("'with' statement", TokenKind::With),
        "`class` definition" => ("class definition", TokenKind::Class),
        "function definition" => ("function definition", TokenKind::Def),
        "`try` statement" => ("'try' statement", TokenKind::Try),
        "`except` clause" => ("'except' statement", TokenKind::Except),
        "`finally` clause" => ("'finally' statement", TokenKind::Finally),
        "`match` statement" => ("'match' statement", TokenKind::Match),
        "`case` block" => ("'case' statement", TokenKind::Case),
        _ => return cx.map.syntax("invalid syntax", range.start()),
    };
    let header = cx
        .tokens
        .iter()
        .rev()
        .find(|t| t.start() < range.start() && t.kind() == keyword);
    let line = header.map_or_else(|| cx.map.line(range.start()), |t| cx.map.line(t.start()));
    let message = format!("expected an indented block after {what} on line {line}");
    // When the next statement is dedented, CPython fails on a DEDENT token, which
    // has no column.
    let next = cx.tokens.iter().find(|t| {
        t.start() >= range.start()
            && !matches!(
                t.kind(),
                TokenKind::Newline
                    | TokenKind::NonLogicalNewline
                    | TokenKind::Comment
                    | TokenKind::Indent
                    | TokenKind::Dedent
            )
    });
    if let Some(next) = next.filter(|t| t.kind() != TokenKind::EndOfFile) {
        let next_line = cx.map.line(next.start());
        if indentation(cx.map.line_text(next_line)) < indentation(cx.map.line_text(line)) {
            return CompileError::Syntax {
                line: next_line,
                col: 0,
                message,
            };
        }
    }
    cx.map.syntax(message, range.start())
}

/// Leading whitespace, tabs to multiples of 8.
fn indentation(text: &str) -> usize {
    text.chars()
        .take_while(|c| c.is_whitespace())
        .fold(0, |col, c| {
            if c == '\t' {
                (col / 8 + 1) * 8
            } else {
                col + 1
            }
        })
}
