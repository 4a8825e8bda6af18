//! CPython 3.11's wording for the syntax errors ruff reports. Ruff words errors its
//! own way ("Expected `:`, found newline"); programs run under stitch must fail the
//! way they fail under CPython, so each ruff error is mapped to CPython's message
//! and position, looking at the surrounding tokens and the (error-recovered) tree
//! where CPython's message depends on them.

use super::errors::{CompileError, SourceMap};
use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ModModule, Stmt, UnaryOp};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType, UnsupportedSyntaxError,
    UnsupportedSyntaxErrorKind,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// What the mapping looks at besides the error itself.
pub struct ErrorContext<'a> {
    pub map: &'a SourceMap<'a>,
    pub tokens: &'a [Token],
    pub module: &'a ModModule,
}

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
            LexicalErrorType::IndentationError | LexicalErrorType::LineContinuationError => Some(Strength::Weak),
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
        ParseErrorType::ExpectedToken { expected, found } => expected_token(*expected, *found, at, cx),
        ParseErrorType::UnexpectedIndentation => {
            // CPython points at the last character of the indentation.
            let end = error.location.end();
            let at = if end > error.location.start() { end - TextSize::new(1) } else { end };
            cx.map.syntax("unexpected indent", at)
        }
        ParseErrorType::SimpleStatementsOnSameLine => legacy_print(at, cx).unwrap_or_else(invalid),
        ParseErrorType::InvalidAssignmentTarget => invalid_target(error.location, cx, TargetUse::Assign),
        ParseErrorType::InvalidAugmentedAssignmentTarget => invalid_target(error.location, cx, TargetUse::AugAssign),
        ParseErrorType::InvalidDeleteTarget => invalid_target(error.location, cx, TargetUse::Delete),
        ParseErrorType::InvalidNamedAssignmentTarget => {
            // CPython names the target only when a value follows the `:=`.
            let index = cx.tokens.partition_point(|t| t.start() < error.location.end());
            let walrus = cx.tokens[index..].iter().position(|t| t.kind() == TokenKind::ColonEqual).map(|i| i + index);
            match walrus {
                Some(i) if cx.tokens.get(i + 1).is_some_and(|t| starts_expression(t.kind())) => {
                    invalid_target(error.location, cx, TargetUse::Walrus)
                }
                Some(i) => cx.map.syntax("invalid syntax", cx.tokens[i].start()),
                None => invalid(),
            }
        }
        ParseErrorType::InvalidAnnotatedAssignmentTarget => {
            // Only `target: annotation` is an annotation; `x == 1:` is just invalid.
            let index = cx.tokens.partition_point(|t| t.start() < error.location.end());
            let colon = cx.tokens[index..].iter().position(|t| t.kind() == TokenKind::Colon).map(|i| i + index);
            match colon {
                Some(i) if !cx.tokens.get(i + 1).is_some_and(|t| starts_expression(t.kind())) => {
                    cx.map.syntax("invalid syntax", cx.tokens[i].start())
                }
                _ => cx.map.syntax("illegal target for annotation", at),
            }
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            cx.map.syntax("non-default argument follows default argument", at)
        }
        // CPython raises these at the last token it read: the closing parenthesis.
        ParseErrorType::PositionalAfterKeywordArgument => {
            cx.map.syntax("positional argument follows keyword argument", closing_bracket(cx.tokens, at))
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            cx.map.syntax("positional argument follows keyword argument unpacking", closing_bracket(cx.tokens, at))
        }
        ParseErrorType::EmptySlice => empty_subscript(at, cx),
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            cx.map.syntax("iterable argument unpacking follows keyword argument unpacking", at)
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            cx.map.syntax("Generator expression must be parenthesized", at)
        }
        ParseErrorType::ExpectedKeywordParam => cx.map.syntax("named arguments must follow bare *", at),
        ParseErrorType::ParamAfterVarKeywordParam => {
            cx.map.syntax("arguments cannot follow var-keyword argument", at)
        }
        ParseErrorType::VarParameterWithDefault => {
            let text = cx.map.source().get(error.location.start().to_usize()..).unwrap_or("");
            let what = if text.starts_with("**") { "var-keyword" } else { "var-positional" };
            cx.map.syntax(format!("{what} argument cannot have default value"), at)
        }
        ParseErrorType::IterableUnpackingInComprehension => {
            cx.map.syntax("iterable unpacking cannot be used in comprehension", at)
        }
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
                    cx.map.syntax("expression expected after dictionary key and ':'", colon.start())
                }
                _ => invalid(),
            }
        }
        _ => invalid(),
    }
}

/// Errors CPython words after where they happen rather than after what ruff saw.
fn contextual(error: &ParseError, cx: &ErrorContext) -> Option<CompileError> {
    if matches!(error.error, ParseErrorType::Lexical(_) | ParseErrorType::UnexpectedIndentation) {
        return None;
    }
    let at = error.location.start();
    let index = cx.tokens.partition_point(|t| t.start() < at);
    let found = cx.tokens.get(index);
    let previous = index.checked_sub(1).map(|i| &cx.tokens[i]);
    let kind = |t: Option<&Token>| t.map(|t| t.kind());
    let in_parameters = in_parameter_list(cx.tokens, index);

    // `if x = 1:`, `(a, b=2)`: a comparison or walrus was probably meant.
    if kind(found) == Some(TokenKind::Equal)
        && let Some(name) = previous.filter(|t| t.kind() == TokenKind::Name)
        && !in_parameters
    {
        let header = logical_line_start(cx.tokens, at).map(|t| t.kind());
        if bracket_depth(&cx.tokens[..index]) > 0 || matches!(header, Some(TokenKind::If | TokenKind::Elif | TokenKind::While)) {
            return Some(cx.map.syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", name.start()));
        }
    }
    if in_parameters {
        // `def f(a, b=, c)`
        if error.error == ParseErrorType::ExpectedExpression && kind(previous) == Some(TokenKind::Equal) {
            return Some(cx.map.syntax("expected default value expression", previous?.start()));
        }
        // `def f((a)):`
        if kind(found) == Some(TokenKind::Lpar) && matches!(kind(previous), Some(TokenKind::Lpar | TokenKind::Comma)) {
            return Some(cx.map.syntax("Function parameters cannot be parenthesized", at));
        }
    }
    // `(*x)` and `(**x)`
    if kind(previous) == Some(TokenKind::Lpar) {
        if kind(found) == Some(TokenKind::DoubleStar) {
            return Some(cx.map.syntax("cannot use double starred expression here", at));
        }
        let after = cx.tokens.partition_point(|t| t.start() < error.location.end());
        if error.error == ParseErrorType::InvalidStarredExpressionUsage && kind(cx.tokens.get(after)) == Some(TokenKind::Rpar) {
            return Some(cx.map.syntax("cannot use starred expression here", at));
        }
    }
    // `a if b` with the error before any `else`.
    let start = unfinished_conditional(cx.tokens, index)?;
    Some(cx.map.syntax("expected 'else' after 'if' expression", start))
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
                // A statement `if`, or a comprehension's, is not a conditional expression.
                let first = logical_line_start(tokens, tokens[i].start())?;
                if first.range() == tokens[i].range() || expression_start_index(tokens, i, true).is_none() {
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
    cx.map.syntax(message, fstring_end(at, cx))
}

fn map_lexical(error: &LexicalErrorType, range: TextRange, cx: &ErrorContext) -> CompileError {
    let at = range.start();
    match error {
        LexicalErrorType::UnclosedStringError => unterminated_string(range, cx),
        LexicalErrorType::UnrecognizedToken { tok } if !tok.is_ascii() => {
            cx.map.syntax(format!("invalid character '{tok}' (U+{:04X})", *tok as u32), at)
        }
        LexicalErrorType::IndentationError => {
            // CPython reports the column just past the offending line's end.
            let line = cx.map.line(at);
            let col = cx.map.line_text(line).chars().count() as u32 + 1;
            CompileError::Syntax { line, col, message: "unindent does not match any outer indentation level".into() }
        }
        LexicalErrorType::LineContinuationError => {
            let rest = cx.map.source().get(range.end().to_usize()..).unwrap_or("");
            if rest.trim().is_empty() {
                cx.map.syntax("unexpected EOF while parsing", range.end())
            } else {
                cx.map.syntax("unexpected character after line continuation character", range.end())
            }
        }
        LexicalErrorType::Eof => cx.map.syntax("unexpected EOF while parsing", at),
        LexicalErrorType::FStringError(e) => map_fstring(e, range, cx),
        LexicalErrorType::InvalidByteLiteral => {
            cx.map.syntax("bytes can only contain ASCII literal characters", at)
        }
        LexicalErrorType::UnicodeError
        | LexicalErrorType::MissingUnicodeLbrace
        | LexicalErrorType::MissingUnicodeRbrace => {
            cx.map.syntax("(unicode error) 'unicodeescape' codec can't decode bytes: malformed escape", at)
        }
        LexicalErrorType::OtherError(message) => number_error(message, range, cx),
        _ => cx.map.syntax("invalid syntax", at),
    }
}

/// Ruff's number-literal errors, in CPython's words.
fn number_error(message: &str, range: TextRange, cx: &ErrorContext) -> CompileError {
    let text = cx.map.source().get(range.start().to_usize()..).unwrap_or("");
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
                Some(c) if c.is_ascii_digit() && radix < 10 => {
                    cx.map.syntax(format!("invalid digit '{c}' in {name} literal"), offset)
                }
                _ => cx.map.syntax(format!("invalid {name} literal"), offset),
            }
        }
        None => cx.map.syntax("invalid decimal literal", range.start()),
    }
}

fn unterminated_string(range: TextRange, cx: &ErrorContext) -> CompileError {
    let text = cx.map.source().get(range.start().to_usize()..).unwrap_or("");
    let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let triple = body.starts_with("'''") || body.starts_with("\"\"\"");
    // A triple-quoted string runs to the end of the file; CPython reports the last
    // line it read.
    let detected = if triple { cx.map.line_count().max(1) } else { cx.map.line(range.end()) };
    let kind = if triple { "triple-quoted string literal" } else { "string literal" };
    cx.map.syntax(format!("unterminated {kind} (detected at line {detected})"), range.start())
}

fn map_fstring(error: &InterpolatedStringErrorType, range: TextRange, cx: &ErrorContext) -> CompileError {
    let message = match error {
        InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'",
        InterpolatedStringErrorType::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        }
        InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed",
        InterpolatedStringErrorType::UnterminatedString
        | InterpolatedStringErrorType::UnterminatedTripleQuotedString => return unterminated_string(range, cx),
        InterpolatedStringErrorType::LambdaWithoutParentheses => "f-string: lambda expressions are not allowed without parentheses",
        InterpolatedStringErrorType::ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: conversion type must come right after the exclamanation mark"
        }
        _ => "f-string: invalid syntax",
    };
    cx.map.syntax(message, fstring_end(range.start(), cx))
}

/// CPython 3.11 reads a whole f-string as one string token and reports errors
/// inside it just past the token's closing quote: the first matching quote after
/// the opening one (3.11 f-strings cannot reuse their quote inside).
fn fstring_end(at: TextSize, cx: &ErrorContext) -> TextSize {
    let mut open = Vec::new();
    for token in cx.tokens.iter().take_while(|t| t.start() < at) {
        match token.kind() {
            TokenKind::FStringStart => open.push(token.start()),
            TokenKind::FStringEnd => {
                open.pop();
            }
            _ => {}
        }
    }
    let Some(&start) = open.first() else { return at };
    let source = cx.map.source();
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

/// `Expected X, found Y`.
fn expected_token(expected: TokenKind, found: TokenKind, at: TextSize, cx: &ErrorContext) -> CompileError {
    match expected {
        TokenKind::Colon
            if matches!(found, TokenKind::Comma | TokenKind::Rbrace)
                && innermost_bracket(cx.tokens, at) == Some(TokenKind::Lbrace) =>
        {
            let start = expression_start(cx.tokens, at, false).unwrap_or(at);
            cx.map.syntax("':' expected after dictionary key", start)
        }
        // `s[a b]` reads as a slice missing its colon; `for y y in` as a target.
        TokenKind::Colon | TokenKind::In
            if starts_expression(found)
                && (expected == TokenKind::In || innermost_bracket(cx.tokens, at) == Some(TokenKind::Lsqb)) =>
        {
            missing_comma(at, cx)
        }
        TokenKind::Lpar if logical_line_start(cx.tokens, at).is_some_and(|t| t.kind() == TokenKind::Def) => {
            cx.map.syntax("expected '('", at)
        }
        TokenKind::Colon => {
            // CPython says "expected ':'" at the end of a header line, and for `def`
            // and `class` headers wherever the colon is missing.
            let header = logical_line_start(cx.tokens, at).map(|t| t.kind());
            if found == TokenKind::Newline || matches!(header, Some(TokenKind::Def | TokenKind::Class)) {
                cx.map.syntax("expected ':'", at)
            } else {
                cx.map.syntax("invalid syntax", at)
            }
        }
        // `a, b += 1`: ruff stops at the operator, CPython blames the tuple.
        TokenKind::Comma if is_augmented_assign(found) && bracket_depth_at(cx.tokens, at) == 0 => {
            let start = logical_line_start(cx.tokens, at).map_or(at, |t| t.start());
            cx.map.syntax("'tuple' is an illegal expression for augmented assignment", start)
        }
        TokenKind::Comma | TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => missing_comma(at, cx),
        TokenKind::Else => {
            let start = expression_start(cx.tokens, at, false).unwrap_or(at);
            cx.map.syntax("expected 'else' after 'if' expression", start)
        }
        TokenKind::FStringEnd => cx.map.syntax("f-string: expecting '}'", fstring_end(at, cx)),
        _ => cx.map.syntax("invalid syntax", at),
    }
}

/// "invalid syntax. Perhaps you forgot a comma?": CPython's guess when, inside
/// brackets, an expression directly follows another. It points at the first one.
fn missing_comma(at: TextSize, cx: &ErrorContext) -> CompileError {
    let generic = cx.map.syntax("invalid syntax", at);
    let Some(index) = token_index_at(cx.tokens, at) else { return generic };
    let found = cx.tokens[index].kind();
    if bracket_depth(&cx.tokens[..index]) == 0 || !starts_expression(found) || in_parameter_list(cx.tokens, index) {
        return generic;
    }
    let Some(first) = expression_start_index(cx.tokens, index, true) else { return generic };
    let previous = &cx.tokens[first..index];
    // CPython's rule skips `NAME STRING` (legacy print-like statements) and `print x`.
    if let [only] = previous
        && only.kind() == TokenKind::Name
        && (found == TokenKind::String || is_legacy_name(only, cx))
    {
        return generic;
    }
    if previous.is_empty() {
        return generic;
    }
    cx.map.syntax("invalid syntax. Perhaps you forgot a comma?", cx.tokens[first].start())
}

/// `print x` and `exec x`: CPython suggests the parentheses.
fn legacy_print(at: TextSize, cx: &ErrorContext) -> Option<CompileError> {
    let index = token_index_at(cx.tokens, at)?;
    let previous = index.checked_sub(1).map(|i| &cx.tokens[i])?;
    let first = logical_line_start(cx.tokens, at)?;
    if first.range() != previous.range() || first.kind() != TokenKind::Name || !is_legacy_name(first, cx) {
        return None;
    }
    let name = &cx.map.source()[first.range()];
    let message = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
    Some(cx.map.syntax(message, first.start()))
}

fn is_legacy_name(token: &Token, cx: &ErrorContext) -> bool {
    matches!(cx.map.source().get(token.range().to_std_range()), Some("print" | "exec"))
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
    let header = cx.tokens.iter().rev().find(|t| t.start() < range.start() && t.kind() == keyword);
    let line = header.map_or_else(|| cx.map.line(range.start()), |t| cx.map.line(t.start()));
    let message = format!("expected an indented block after {what} on line {line}");
    // When the next statement is dedented, CPython fails on a DEDENT token, which
    // has no column.
    let next = cx.tokens.iter().find(|t| {
        t.start() >= range.start()
            && !matches!(
                t.kind(),
                TokenKind::Newline | TokenKind::NonLogicalNewline | TokenKind::Comment | TokenKind::Indent | TokenKind::Dedent
            )
    });
    if let Some(next) = next.filter(|t| t.kind() != TokenKind::EndOfFile) {
        let next_line = cx.map.line(next.start());
        if indentation(cx.map.line_text(next_line)) < indentation(cx.map.line_text(line)) {
            return CompileError::Syntax { line: next_line, col: 0, message };
        }
    }
    cx.map.syntax(message, range.start())
}

/// Leading whitespace, tabs to multiples of 8.
fn indentation(text: &str) -> usize {
    text.chars()
        .take_while(|c| c.is_whitespace())
        .fold(0, |col, c| if c == '\t' { (col / 8 + 1) * 8 } else { col + 1 })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetUse {
    Assign,
    AugAssign,
    Delete,
    Walrus,
}

/// "cannot assign to literal" and friends, named after the offending expression.
fn invalid_target(range: TextRange, cx: &ErrorContext, usage: TargetUse) -> CompileError {
    let found = find_expr(cx.module, range);
    let name = found.map_or("expression", expr_name);
    let message = match usage {
        TargetUse::Assign => match found {
            Some(Expr::Yield(_) | Expr::YieldFrom(_)) => "assignment to yield expression not possible".to_string(),
            Some(e) if is_sole_assign_target(cx.module, range) && suggests_equality(e) => {
                format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
            }
            _ => format!("cannot assign to {name}"),
        },
        TargetUse::AugAssign => format!("'{name}' is an illegal expression for augmented assignment"),
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
    let mut finder = Finder { range, found: false };
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

// ---------------------------------------------------------------------------------
// Token helpers

/// Index of the first token starting at or after `at`.
fn token_index_at(tokens: &[Token], at: TextSize) -> Option<usize> {
    let index = tokens.partition_point(|t| t.start() < at);
    (index < tokens.len()).then_some(index)
}

/// Open brackets before the end of `tokens`.
fn bracket_depth(tokens: &[Token]) -> i32 {
    tokens.iter().fold(0, |depth, t| match t.kind() {
        TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth + 1,
        TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth - 1,
        _ => depth,
    })
}

/// The kind of the innermost bracket open at `at`.
fn innermost_bracket(tokens: &[Token], at: TextSize) -> Option<TokenKind> {
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

/// Whether token `index` is inside the parameter list of a `def`.
fn in_parameter_list(tokens: &[Token], index: usize) -> bool {
    let mut depth = 0;
    for i in (0..index).rev() {
        match tokens[i].kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace if depth > 0 => depth -= 1,
            TokenKind::Lpar => {
                return i >= 2 && tokens[i - 1].kind() == TokenKind::Name && tokens[i - 2].kind() == TokenKind::Def;
            }
            TokenKind::Lsqb | TokenKind::Lbrace => return false,
            _ => {}
        }
    }
    false
}

/// Where the bracket open at `at` closes (or `at` if it never does).
fn closing_bracket(tokens: &[Token], at: TextSize) -> TextSize {
    let index = tokens.partition_point(|t| t.start() < at);
    let mut depth = 0;
    for t in &tokens[index..] {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace if depth == 0 => return t.start(),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth -= 1,
            _ => {}
        }
    }
    at
}

/// `d[]`: CPython reads an empty list display after `d`, so inside brackets it
/// guesses a missing comma before `d`; elsewhere it stops at the `]`.
fn empty_subscript(at: TextSize, cx: &ErrorContext) -> CompileError {
    let index = cx.tokens.partition_point(|t| t.start() < at);
    let open = cx.tokens[..index].iter().rposition(|t| t.kind() == TokenKind::Lsqb);
    let close = cx.tokens[index..].iter().find(|t| t.kind() == TokenKind::Rsqb).map_or(at, |t| t.start());
    if let Some(open) = open
        && bracket_depth(&cx.tokens[..open]) > 0
        && let Some(start) = expression_start_index(cx.tokens, open, true)
        && start < open
    {
        return cx.map.syntax("invalid syntax. Perhaps you forgot a comma?", cx.tokens[start].start());
    }
    cx.map.syntax("invalid syntax", close)
}

fn bracket_depth_at(tokens: &[Token], at: TextSize) -> i32 {
    bracket_depth(&tokens[..tokens.partition_point(|t| t.start() < at)])
}

fn is_augmented_assign(kind: TokenKind) -> bool {
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
fn logical_line_start(tokens: &[Token], at: TextSize) -> Option<&Token> {
    let index = tokens.partition_point(|t| t.start() < at);
    let start = tokens[..index]
        .iter()
        .rposition(|t| matches!(t.kind(), TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent))
        .map_or(0, |i| i + 1);
    tokens[start..].iter().find(|t| !matches!(t.kind(), TokenKind::Comment | TokenKind::NonLogicalNewline))
}

/// Where the expression ending just before token `index` starts, walking back over
/// balanced brackets to a separator. `None` when a comprehension keyword comes first
/// (CPython's comma guess does not apply there), with `stop_at_keywords`.
fn expression_start_index(tokens: &[Token], index: usize, stop_at_keywords: bool) -> Option<usize> {
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
            TokenKind::For | TokenKind::Async if stop_at_keywords => return (!passed_in).then_some(i),
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
            _ if kind.is_keyword() && !matches!(kind, TokenKind::And | TokenKind::Or | TokenKind::Not | TokenKind::Is | TokenKind::In | TokenKind::None | TokenKind::True | TokenKind::False | TokenKind::Await | TokenKind::If | TokenKind::Else) => {
                return Some(i);
            }
            _ => {}
        }
        i -= 1;
    }
    Some(0)
}

fn expression_start(tokens: &[Token], at: TextSize, stop_at_keywords: bool) -> Option<TextSize> {
    let index = tokens.partition_point(|t| t.start() < at);
    let start = expression_start_index(tokens, index, stop_at_keywords)?;
    // Skip to the `if` of a conditional expression's body: CPython points at the body.
    tokens.get(start).filter(|_| start < index).map(|t| t.start())
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
