//! Diagnostics: an error with a primary span, secondary labels and notes, rendered the
//! way rustc renders them (file:line:col, the source line, carets under the span).

use crate::source::{SourceFile, Span};
use std::fmt::Write;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            primary: Label { span, message: String::new() },
            secondary: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The text under the primary span's carets.
    pub fn label(mut self, message: impl Into<String>) -> Diagnostic {
        self.primary.message = message.into();
        self
    }

    /// Another place that explains the error ("defined here").
    pub fn secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label { span, message: message.into() });
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// Renders the diagnostic against the file it points into.
    pub fn render(&self, file: &SourceFile) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "error: {}", self.message);
        let lines = std::iter::once(&self.primary)
            .chain(&self.secondary)
            .map(|l| file.line_col(l.span.lo).line);
        let gutter = lines.max().unwrap_or(1).to_string().len();
        render_label(&mut out, file, &self.primary, '^', gutter, "-->");
        for label in &self.secondary {
            render_label(&mut out, file, label, '-', gutter, ":::");
        }
        for note in &self.notes {
            let _ = writeln!(out, "{:gutter$} = note: {note}", "");
        }
        out
    }
}

fn render_label(out: &mut String, file: &SourceFile, label: &Label, mark: char, gutter: usize, arrow: &str) {
    let start = file.line_col(label.span.lo);
    let end = file.line_col(label.span.hi.max(label.span.lo));
    let _ = writeln!(out, "{:gutter$}{arrow} {}:{}", "", file.name, start);
    let _ = writeln!(out, "{:gutter$} |", "");
    let text = file.line_text(start.line);
    let _ = writeln!(out, "{:>gutter$} | {}", start.line, text.replace('\t', " "));
    // A span running past its first line is underlined to the end of that line.
    let last_col = if end.line == start.line { end.col } else { text.chars().count() as u32 + 1 };
    let width = last_col.saturating_sub(start.col).max(1) as usize;
    let pad = start.col as usize - 1;
    let carets: String = std::iter::repeat_n(mark, width).collect();
    let message = if label.message.is_empty() { String::new() } else { format!(" {}", label.message) };
    let _ = writeln!(out, "{:gutter$} | {:pad$}{carets}{message}", "", "");
}

/// All the diagnostics of one run, in source order.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    pub errors: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Every error, in source order, and a summary line.
    pub fn render(&self, file: &SourceFile) -> String {
        let mut sorted: Vec<&Diagnostic> = self.errors.iter().collect();
        sorted.sort_by_key(|d| (d.primary.span.lo, d.message.clone()));
        let mut out = String::new();
        for d in sorted {
            out.push_str(&d.render(file));
            out.push('\n');
        }
        let n = self.errors.len();
        let _ = writeln!(out, "error: could not compile `{}` due to {n} error{}", file.name, if n == 1 { "" } else { "s" });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_rustc() {
        let file = SourceFile::new("x.uops", "op _A (a -- b) {}\nmacro M = _A + _B;\n");
        let d = Diagnostic::error(Span::new(33, 35), "unknown uop `_B` in macro `M`")
            .label("not defined")
            .secondary(Span::new(3, 5), "uops are defined with `op`")
            .note("a macro is made of uops and cache entries");
        let text = d.render(&file);
        assert_eq!(
            text,
            "error: unknown uop `_B` in macro `M`\n \
             --> x.uops:2:16\n  \
             |\n\
             2 | macro M = _A + _B;\n  \
             |                ^^ not defined\n \
             ::: x.uops:1:4\n  \
             |\n\
             1 | op _A (a -- b) {}\n  \
             |    -- uops are defined with `op`\n  \
             = note: a macro is made of uops and cache entries\n"
        );
    }
}
