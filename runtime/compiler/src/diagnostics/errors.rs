//! Compile errors, and the map from byte offsets to the 1-based lines and columns
//! (in characters) they are reported at.

use ruff_text_size::{TextRange, TextSize};
use std::fmt;

/// Why a module did not compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompileError {
    /// A syntax error: CPython prints `  File "F", line N` / the source line / `SyntaxError: <message>`.
    Syntax {
        line: u32,
        col: u32,
        message: String,
    },
    /// Outside the subset: main prints `stitch: unsupported: <construct> at FILE:LINE:COL` and exits 2.
    Unsupported {
        construct: String,
        line: u32,
        col: u32,
    },
}

/// The messages CPython raises as `IndentationError` rather than `SyntaxError`.
const INDENTATION_MESSAGES: [&str; 5] = [
    "too many levels of indentation",
    "unexpected indent",
    "unexpected unindent",
    "unindent does not match",
    "expected an indented block",
];
const TAB_MESSAGE: &str = "inconsistent use of tabs and spaces in indentation";
/// The message of CPython's RecursionError for code nested too deeply (`depth`
/// raises it).
pub const TOO_DEEP: &str = "maximum recursion depth exceeded during compilation";
/// What CPython's parser raises when its own stack (6000 rule levels) runs out: a
/// bare MemoryError, before any code is compiled (`depth` raises it).
pub const PARSER_STACK: &str = "MemoryError";

impl CompileError {
    /// The exception class CPython would name on the last line of its report:
    /// `IndentationError` and `TabError` (subclasses of SyntaxError) for
    /// indentation problems.
    pub fn exception_name(&self) -> &'static str {
        match self {
            CompileError::Syntax { message, .. } if message == TAB_MESSAGE => "TabError",
            CompileError::Syntax { message, .. } if message == TOO_DEEP => {
                "RecursionError"
            }
            CompileError::Syntax { message, .. } if message == PARSER_STACK => {
                "MemoryError"
            }
            CompileError::Syntax { message, .. }
                if INDENTATION_MESSAGES.iter().any(|m| message.starts_with(m)) =>
            {
                "IndentationError"
            }
            _ => "SyntaxError",
        }
    }

    /// The report CPython prints for a syntax error in `filename` (a caret under the
    /// column), or stitch's one-line report for an unsupported construct.
    pub fn render(&self, filename: &str, source: &str) -> String {
        match self {
            CompileError::Syntax { message, .. } if message == PARSER_STACK => "MemoryError\n".to_string(),
            // CPython's compiler raises it as a plain exception: no location.
            CompileError::Syntax { message, .. } if message == TOO_DEEP => format!("RecursionError: {TOO_DEEP}\n"),
            CompileError::Syntax { line, col, message } => {
                let mut out = format!("  File \"{filename}\", line {line}\n");
                if let Some(text) = source.lines().nth((*line as usize).saturating_sub(1)) {
                    // CPython strips the indentation and moves the caret with it.
                    let trimmed = text.trim_start();
                    let removed = text.chars().count() - trimmed.chars().count();
                    let caret = (*col as usize).saturating_sub(1).saturating_sub(removed);
                    out.push_str(&format!(
                        "    {}\n    {}^\n",
                        trimmed.trim_end(),
                        " ".repeat(caret)
                    ));
                }
                out.push_str(&format!("{}: {message}\n", self.exception_name()));
                out
            }
            CompileError::Unsupported {
                construct,
                line,
                col,
            } => {
                format!("stitch: unsupported: {construct} at {filename}:{line}:{col}\n")
            }
        }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Syntax { line, col, message } => {
                write!(
                    f,
                    "{}: {message} (line {line}, column {col})",
                    self.exception_name()
                )
            }
            CompileError::Unsupported {
                construct,
                line,
                col,
            } => {
                write!(f, "unsupported: {construct} at {line}:{col}")
            }
        }
    }
}

impl std::error::Error for CompileError {}

pub type CompileResult<T> = Result<T, CompileError>;

/// Byte offsets to lines and columns. Lines end at `\n`, `\r\n` or a lone `\r`, as
/// in Python's tokenizer.
pub struct SourceMap<'a> {
    source: &'a str,
    /// Byte offset where each line starts (line 1 first).
    line_starts: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    pub fn new(source: &'a str) -> SourceMap<'a> {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        SourceMap {
            source,
            line_starts,
        }
    }

    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The number of lines (a final line without a newline counts).
    pub fn line_count(&self) -> u32 {
        let n = self.line_starts.len();
        // A trailing newline starts no new line of text.
        let n = if n > 1 && self.line_starts[n - 1] == self.source.len() {
            n - 1
        } else {
            n
        };
        n as u32
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: TextSize) -> u32 {
        let offset = (u32::from(offset) as usize).min(self.source.len());
        self.line_starts.partition_point(|&start| start <= offset) as u32
    }

    /// The 1-based line and 1-based column (in characters) of byte `offset`.
    pub fn position(&self, offset: TextSize) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.line_starts[(line as usize).saturating_sub(1)];
        let offset = (u32::from(offset) as usize).min(self.source.len());
        // Count characters without slicing, so an offset inside a character cannot panic.
        let col = self.source[start..]
            .char_indices()
            .take_while(|&(i, _)| start + i < offset)
            .count();
        (line, col as u32 + 1)
    }

    /// The byte offset where 1-based `line` starts (the end of the source past it).
    pub fn line_start(&self, line: u32) -> TextSize {
        let start = self
            .line_starts
            .get((line as usize).wrapping_sub(1))
            .copied()
            .unwrap_or(self.source.len());
        TextSize::new(start as u32)
    }

    /// The text of 1-based `line`, without its line break ("" past the end).
    pub fn line_text(&self, line: u32) -> &'a str {
        let Some(&start) = self.line_starts.get((line as usize).wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line as usize)
            .copied()
            .unwrap_or(self.source.len());
        self.source
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// An unsupported-construct error at the start of `range`.
    pub fn unsupported(&self, construct: impl Into<String>, range: TextRange) -> CompileError {
        let (line, col) = self.position(range.start());
        CompileError::Unsupported {
            construct: construct.into(),
            line,
            col,
        }
    }

    /// A syntax error at byte `offset`.
    pub fn syntax(&self, message: impl Into<String>, offset: TextSize) -> CompileError {
        let (line, col) = self.position(offset);
        CompileError::Syntax {
            line,
            col,
            message: message.into(),
        }
    }
}
