//! doctest's parser: a docstring to its examples (`>>>` source, `...` continuation
//! lines, the expected output up to a blank line or the next prompt), with the
//! directives (`# doctest: +ELLIPSIS`) and the exception an example expects. CPython
//! finds them with regular expressions over the whole docstring; the same rules are
//! applied here line by line, with CPython's ValueErrors for malformed docstrings.

use stitch_core::errors::{PyErr, PyResult};
use stitch_core::ops::repr::str_repr;

/// The option flags, by the names directives and `doctest.NAME` use (CPython's values).
pub const FLAGS: &[(&str, u32)] = &[
    ("DONT_ACCEPT_TRUE_FOR_1", 1),
    ("DONT_ACCEPT_BLANKLINE", 2),
    ("NORMALIZE_WHITESPACE", 4),
    ("ELLIPSIS", 8),
    ("SKIP", 16),
    ("IGNORE_EXCEPTION_DETAIL", 32),
    ("REPORT_UDIFF", 64),
    ("REPORT_CDIFF", 128),
    ("REPORT_NDIFF", 256),
    ("REPORT_ONLY_FIRST_FAILURE", 512),
    ("FAIL_FAST", 1024),
];

pub const DONT_ACCEPT_TRUE_FOR_1: u32 = 1;
pub const DONT_ACCEPT_BLANKLINE: u32 = 2;
pub const NORMALIZE_WHITESPACE: u32 = 4;
pub const ELLIPSIS: u32 = 8;
pub const SKIP: u32 = 16;
pub const IGNORE_EXCEPTION_DETAIL: u32 = 32;
/// The unified, context and ndiff reports of a failure (they need difflib).
pub const REPORT_DIFFS: u32 = 64 | 128 | 256;
pub const REPORT_ONLY_FIRST_FAILURE: u32 = 512;
pub const FAIL_FAST: u32 = 1024;

/// One example: its source (ending in a newline), the output it expects (ending in a
/// newline unless empty), the exception message it expects, where it starts (lines
/// into the docstring) and its directives (flag, on).
#[derive(Clone, Debug)]
pub struct Example {
    pub source: String,
    pub want: String,
    pub exc_msg: Option<String>,
    pub lineno: usize,
    pub options: Vec<(u32, bool)>,
}

/// The examples of `docstring`, the docstring of the test called `name`.
pub fn parse(docstring: &str, name: &str) -> PyResult<Vec<Example>> {
    let text = expand_tabs(docstring);
    let lines: Vec<Vec<char>> = strip_common_indent(&text).split('\n').map(|l| l.chars().collect()).collect();
    let mut examples = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(indent) = prompt_indent(&lines[i]) else {
            i += 1;
            continue;
        };
        let lineno = i;
        let mut source_lines = vec![&lines[i]];
        i += 1;
        while i < lines.len() && is_continuation(&lines[i]) {
            source_lines.push(&lines[i]);
            i += 1;
        }
        let mut want_lines = Vec::new();
        while i < lines.len() && !is_blank(&lines[i]) && prompt_indent(&lines[i]).is_none() {
            want_lines.push(&lines[i]);
            i += 1;
        }
        check_prompt_blank(&source_lines, indent, name, lineno)?;
        check_prefix(&source_lines[1..], &format!("{}.", " ".repeat(indent)), name, lineno)?;
        let source: Vec<String> = source_lines.iter().map(|l| l.iter().skip(indent + 4).collect()).collect();
        let source = source.join("\n");
        check_prefix(&want_lines, &" ".repeat(indent), name, lineno + source_lines.len())?;
        let want: Vec<String> = want_lines.iter().map(|l| l.iter().skip(indent).collect()).collect();
        let want = want.join("\n");
        let exc_msg = exception_message(&want);
        let options = options(&source, name, lineno)?;
        if is_blank_or_comment(&source) {
            continue;
        }
        examples.push(Example { source: newline_ended(source), want: newline_ended(want), exc_msg: exc_msg.map(newline_ended), lineno, options });
    }
    Ok(examples)
}

fn newline_ended(mut s: String) -> String {
    if !s.is_empty() && !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// `str.expandtabs()` with tab stops every 8 columns.
fn expand_tabs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut column = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                let n = 8 - column % 8;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// Every line loses the indentation all its non-blank lines share.
fn strip_common_indent(s: &str) -> String {
    let indent = s
        .split('\n')
        .filter_map(|l| {
            let spaces = l.chars().take_while(|&c| c == ' ').count();
            l.chars().nth(spaces).filter(|c| !c.is_whitespace()).map(|_| spaces)
        })
        .min()
        .unwrap_or(0);
    if indent == 0 {
        return s.to_string();
    }
    s.split('\n').map(|l| l.chars().skip(indent).collect::<String>()).collect::<Vec<_>>().join("\n")
}

/// The indentation of a `>>>` line.
fn prompt_indent(line: &[char]) -> Option<usize> {
    let spaces = line.iter().take_while(|&&c| c == ' ').count();
    line[spaces..].starts_with(&['>', '>', '>']).then_some(spaces)
}

fn is_continuation(line: &[char]) -> bool {
    let spaces = line.iter().take_while(|&&c| c == ' ').count();
    line[spaces..].starts_with(&['.', '.', '.'])
}

fn is_blank(line: &[char]) -> bool {
    line.iter().all(|&c| c == ' ')
}

/// CPython's `^[ ]*(#.*)?$`: a source of spaces, or of a comment alone.
fn is_blank_or_comment(source: &str) -> bool {
    let source = source.strip_suffix('\n').unwrap_or(source);
    let rest = source.trim_start_matches(' ');
    !rest.contains('\n') && (rest.is_empty() || rest.starts_with('#'))
}

fn check_prompt_blank(lines: &[&Vec<char>], indent: usize, name: &str, lineno: usize) -> PyResult<()> {
    for (i, line) in lines.iter().enumerate() {
        if line.len() >= indent + 4 && line[indent + 3] != ' ' {
            let prompt: String = line[indent..indent + 3].iter().collect();
            let text: String = line.iter().collect();
            return Err(PyErr::value_error(format!(
                "line {} of the docstring for {name} lacks blank after {prompt}: {}",
                lineno + i + 1,
                str_repr(&text)
            )));
        }
    }
    Ok(())
}

fn check_prefix(lines: &[&Vec<char>], prefix: &str, name: &str, lineno: usize) -> PyResult<()> {
    let prefix: Vec<char> = prefix.chars().collect();
    for (i, line) in lines.iter().enumerate() {
        if !line.is_empty() && !line.starts_with(&prefix) {
            let text: String = line.iter().collect();
            return Err(PyErr::value_error(format!(
                "line {} of the docstring for {name} has inconsistent leading whitespace: {}",
                lineno + i + 1,
                str_repr(&text)
            )));
        }
    }
    Ok(())
}

/// The message an example expecting an exception expects: after a `Traceback (most
/// recent call last):` header, everything from the first line that starts with a
/// word character.
fn exception_message(want: &str) -> Option<String> {
    let rest = want.strip_prefix("Traceback (")?;
    let rest = rest.strip_prefix("most recent call last").or_else(|| rest.strip_prefix("innermost last"))?;
    let rest = rest.strip_prefix("):")?;
    let (header_tail, body) = rest.split_once('\n').unwrap_or((rest, ""));
    if !header_tail.trim().is_empty() {
        return None;
    }
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        if line.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return Some(body[offset..].to_string());
        }
        offset += line.len();
    }
    None
}

/// The directives of an example's source: `# doctest: +FLAG, -FLAG` on any line.
fn options(source: &str, name: &str, lineno: usize) -> PyResult<Vec<(u32, bool)>> {
    let mut options: Vec<(u32, bool)> = Vec::new();
    for line in source.split('\n') {
        let Some(list) = directive(line) else { continue };
        for option in list.replace(',', " ").split_whitespace() {
            let (sign, flag) = option.split_at(option.chars().next().map_or(0, char::len_utf8));
            let value = FLAGS.iter().find(|(n, _)| *n == flag).map(|&(_, v)| v);
            match (sign, value) {
                ("+" | "-", Some(v)) => {
                    options.retain(|&(f, _)| f != v);
                    options.push((v, sign == "+"));
                }
                _ => {
                    return Err(PyErr::value_error(format!(
                        "line {} of the doctest for {name} has an invalid option: {}",
                        lineno + 1,
                        str_repr(option)
                    )));
                }
            }
        }
    }
    if !options.is_empty() && is_blank_or_comment(source) {
        return Err(PyErr::value_error(format!(
            "line {lineno} of the doctest for {name} has an option directive on a line with no example: {}",
            str_repr(source)
        )));
    }
    Ok(options)
}

/// CPython's `#\s*doctest:\s*([^\n'"]*)$` on one line: the first `#` from which it
/// matches.
fn directive(line: &str) -> Option<&str> {
    line.match_indices('#').find_map(|(at, _)| {
        let rest = line[at + 1..].trim_start().strip_prefix("doctest:")?.trim_start();
        (!rest.contains(['\'', '"'])).then_some(rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_with_continuations_wants_and_directives() {
        let doc = "Adds.\n\n    >>> add(1,\n    ...     2)\n    3\n    >>> print('a')  # doctest: +ELLIPSIS\n    a\n\n    >>> # a comment\n    >>> x = 1\n    ";
        let e = parse(doc, "f").unwrap();
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].source, "add(1,\n    2)\n");
        assert_eq!(e[0].want, "3\n");
        assert_eq!(e[0].lineno, 2);
        assert_eq!(e[1].options, vec![(ELLIPSIS, true)]);
        assert_eq!(e[2].want, "");
        assert_eq!(e[2].lineno, 9);
    }

    #[test]
    fn expected_exceptions_and_malformed_prompts() {
        let e = parse(">>> 1/0\nTraceback (most recent call last):\n  ...\nZeroDivisionError: division by zero\n", "f").unwrap();
        assert_eq!(e[0].exc_msg.as_deref(), Some("ZeroDivisionError: division by zero\n"));
        let err = parse(">>>1", "f").unwrap_err();
        assert_eq!(err.message.as_deref(), Some("line 1 of the docstring for f lacks blank after >>>: '>>>1'"));
    }
}
