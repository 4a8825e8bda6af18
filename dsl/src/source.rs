//! Source files and byte spans, with line/column lookup for diagnostics and traces.

use std::fmt;

/// A half-open byte range `lo..hi` in one source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub lo: u32,
    pub hi: u32,
}

impl Span {
    pub fn new(lo: usize, hi: usize) -> Span {
        Span { lo: lo as u32, hi: hi as u32 }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span { lo: self.lo.min(other.lo), hi: self.hi.max(other.hi) }
    }
}

/// A 1-based line and column (columns count characters, as rustc does).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// The text of a `.uops` file and the name it is reported under.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as the user should see it (relative to the workspace when possible).
    pub name: String,
    pub text: String,
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i as u32 + 1));
        SourceFile { name: name.into(), text, line_starts }
    }

    /// Line and column of a byte offset (clamped to the file, snapped to a char boundary).
    pub fn line_col(&self, offset: u32) -> LineCol {
        let offset = (offset as usize).min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s as usize <= offset) - 1;
        let start = self.line_starts[line] as usize;
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.text[start..end].chars().count() + 1;
        LineCol { line: line as u32 + 1, col: col as u32 }
    }

    /// The byte offset of a 1-based line and a 0-based character column.
    pub fn offset_of(&self, line: usize, col_chars: usize) -> u32 {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len() as u32;
        };
        let rest = &self.text[start as usize..];
        let line_text = rest.split('\n').next().unwrap_or("");
        let byte = line_text.char_indices().nth(col_chars).map_or(line_text.len(), |(i, _)| i);
        start + byte as u32
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let Some(&start) = self.line_starts.get(line as usize - 1) else { return "" };
        let rest = &self.text[start as usize..];
        rest.split('\n').next().unwrap_or("").trim_end_matches('\r')
    }

    /// `name:line` of a span's start: how generated items point back at their definition.
    pub fn location(&self, span: Span) -> String {
        format!("{}:{}", self.name, self.line_col(span.lo).line)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("t.uops", "ab\né x\n");
        assert_eq!(f.line_col(0), LineCol { line: 1, col: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, col: 1 });
        // 'x' is after a two-byte 'é' and a space: column 3.
        assert_eq!(f.line_col(6), LineCol { line: 2, col: 3 });
        assert_eq!(f.offset_of(2, 2), 6);
        assert_eq!(f.line_text(2), "é x");
    }
}
