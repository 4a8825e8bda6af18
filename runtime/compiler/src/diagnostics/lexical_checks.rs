//! Tokenizer errors of CPython 3.11 that ruff's lexer does not report as such:
//! a number running into a name (`1abc`, `1_`, `0x1g`), more than 200 nested
//! brackets, and indentation that depends on the width of a tab (TabError).

use super::errors::{CompileError, SourceMap};
use ruff_python_ast::token::{Token, TokenKind};
use ruff_text_size::{Ranged, TextSize};

/// `invalid decimal literal` and friends: a number token directly followed by an
/// identifier character, except the keywords CPython allows there (`1if x else 2`).
pub fn number_followed_by_name(
    tokens: &[Token],
    map: &SourceMap,
) -> Option<(TextSize, CompileError)> {
    let source = map.source();
    for pair in tokens.windows(2) {
        let (number, next) = (&pair[0], &pair[1]);
        if !matches!(number.kind(), TokenKind::Int | TokenKind::Float)
            || next.start() != number.end()
        {
            continue;
        }
        if next.kind() != TokenKind::Name
            && !next.kind().is_keyword()
            && !next.kind().is_soft_keyword()
        {
            continue;
        }
        let rest = source.get(number.end().to_usize()..).unwrap_or("");
        if ["and", "else", "for", "if", "in", "is", "or", "not"]
            .iter()
            .any(|k| rest.starts_with(k))
        {
            continue;
        }
        let text = source
            .get(number.start().to_usize()..number.end().to_usize())
            .unwrap_or("");
        let kind = match text.get(..2).map(|p| p.to_ascii_lowercase()).as_deref() {
            Some("0x") => "hexadecimal",
            Some("0o") => "octal",
            Some("0b") => "binary",
            _ => "decimal",
        };
        // CPython points just before the first character that cannot follow (after
        // an underscore, the character that should have been a digit).
        let offending = if rest.starts_with('_') {
            number.end() + TextSize::new(1)
        } else {
            number.end()
        };
        let (line, col) = map.position(offending);
        let error = CompileError::Syntax {
            line,
            col: col.saturating_sub(1).max(1),
            message: format!("invalid {kind} literal"),
        };
        return Some((number.start(), error));
    }
    None
}

/// CPython's tokenizer allows 200 levels of brackets.
pub fn too_many_brackets(tokens: &[Token], map: &SourceMap) -> Option<(TextSize, CompileError)> {
    const MAX_LEVEL: usize = 200;
    let mut depth = 0usize;
    let mut fstrings = 0usize;
    for token in tokens {
        match token.kind() {
            TokenKind::FStringStart => fstrings += 1,
            TokenKind::FStringEnd => fstrings = fstrings.saturating_sub(1),
            _ if fstrings > 0 => {}
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                depth += 1;
                if depth > MAX_LEVEL {
                    return Some((
                        token.start(),
                        map.syntax("too many nested parentheses", token.start()),
                    ));
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                depth = depth.saturating_sub(1)
            }
            _ => {}
        }
    }
    None
}

/// CPython's tokenizer allows 99 levels of indentation: the line that would be the
/// 100th is an IndentationError.
pub fn too_deep_indentation(tokens: &[Token], map: &SourceMap) -> Option<(TextSize, CompileError)> {
    const MAX_INDENT: usize = 100;
    let mut depth = 0usize;
    for token in tokens {
        match token.kind() {
            TokenKind::Indent => {
                depth += 1;
                if depth >= MAX_INDENT {
                    return Some((token.start(), map.syntax("too many levels of indentation", token.end())));
                }
            }
            TokenKind::Dedent => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// CPython converts decimal int literals while parsing, under the limit of 4,300
/// digits for int/str conversions (hexadecimal, octal and binary have none).
pub fn huge_int_literal(tokens: &[Token], map: &SourceMap) -> Option<(TextSize, CompileError)> {
    const MAX_STR_DIGITS: usize = 4300;
    let source = map.source();
    for token in tokens.iter().filter(|t| t.kind() == TokenKind::Int) {
        let text = source.get(token.start().to_usize()..token.end().to_usize()).unwrap_or("");
        if text.len() <= MAX_STR_DIGITS
            || matches!(text.get(..2).map(|p| p.to_ascii_lowercase()).as_deref(), Some("0x" | "0o" | "0b"))
        {
            continue;
        }
        let digits = text.bytes().filter(u8::is_ascii_digit).count();
        if digits > MAX_STR_DIGITS {
            let message = format!(
                "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {digits} digits; \
                 use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer \
                 literals to avoid decimal conversion limits."
            );
            return Some((token.start(), map.syntax(&message, token.start())));
        }
    }
    None
}

/// CPython's check that indentation means the same with tabs of width 8 and of
/// width 1; the first line where it does not, as a TabError.
pub fn inconsistent_tabs(tokens: &[Token], map: &SourceMap) -> Option<(TextSize, CompileError)> {
    let mut stack: Vec<(u32, u32)> = vec![(0, 0)];
    let mut at_line_start = true;
    for token in tokens {
        match token.kind() {
            TokenKind::Newline => {
                at_line_start = true;
                continue;
            }
            TokenKind::NonLogicalNewline
            | TokenKind::Comment
            | TokenKind::Indent
            | TokenKind::Dedent => continue,
            TokenKind::EndOfFile => break,
            _ if !at_line_start => continue,
            _ => at_line_start = false,
        }
        let line = map.line(token.start());
        let (mut col, mut alt) = (0u32, 0u32);
        for c in map.line_text(line).chars() {
            match c {
                ' ' => (col, alt) = (col + 1, alt + 1),
                '\t' => (col, alt) = ((col / 8 + 1) * 8, alt + 1),
                '\x0c' => (col, alt) = (0, 0),
                _ => break,
            }
        }
        let &(top, alt_top) = stack.last()?;
        let consistent = if col == top {
            alt == alt_top
        } else if col > top {
            let ok = alt > alt_top;
            stack.push((col, alt));
            ok
        } else {
            while stack.len() > 1 && stack.last().is_some_and(|&(c, _)| col < c) {
                stack.pop();
            }
            // A dedent to no known level is the parser's error, not this one.
            stack.last().is_none_or(|&(c, a)| c != col || a == alt)
        };
        if !consistent {
            let error = CompileError::Syntax {
                line,
                col: 1,
                message: "inconsistent use of tabs and spaces in indentation".into(),
            };
            return Some((map.line_start(line), error));
        }
    }
    None
}
