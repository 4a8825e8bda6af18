//! Reading a file's bytes as text. A `.uops` file (or a shared module) that is not
//! UTF-8 is reported at the line and column of its first bad byte, as every other error
//! is, instead of as a bare "stream did not contain valid UTF-8".

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::{LineCol, SourceFile, Span};

/// Where a byte string stops being UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadByte {
    /// Byte offset of the first byte of the bad sequence.
    pub offset: usize,
    pub byte: u8,
    /// 1-based line, and column in characters (as rustc and the diagnostics count).
    pub at: LineCol,
}

/// The first bad byte, or `None` for valid UTF-8.
pub fn first_bad_byte(bytes: &[u8]) -> Option<BadByte> {
    let offset = std::str::from_utf8(bytes).err()?.valid_up_to();
    let valid = std::str::from_utf8(&bytes[..offset]).expect("valid up to here");
    let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
    let line = valid.matches('\n').count() as u32 + 1;
    let col = valid[line_start..].chars().count() as u32 + 1;
    Some(BadByte { offset, byte: bytes[offset], at: LineCol { line, col } })
}

/// A source file from its bytes. On invalid UTF-8 the error is the rendered diagnostic:
/// `error: NAME:LINE:COL: invalid UTF-8 ...`, the line with the bad bytes shown as
/// U+FFFD, and a caret under the first.
pub fn source_file(name: &str, bytes: Vec<u8>) -> Result<SourceFile, String> {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(SourceFile::new(name, text)),
        Err(e) => e.into_bytes(),
    };
    let bad = first_bad_byte(&bytes).expect("not UTF-8, so it has a bad byte");
    // Replacing bad sequences keeps the valid prefix, so the column is the same there.
    let shown = SourceFile::new(name, String::from_utf8_lossy(&bytes).into_owned());
    let at = shown.offset_of(bad.at.line as usize, bad.at.col as usize - 1) as usize;
    let d = Diagnostic::error(
        Span::new(at, at + '\u{FFFD}'.len_utf8()),
        format!("{name}:{}: invalid UTF-8 (byte 0x{:02x}): the file must be UTF-8", bad.at, bad.byte),
    )
    .label("not UTF-8");
    Err(Diagnostics { errors: vec![d] }.render(&shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_bad_byte_is_found_by_line_and_character_column() {
        // Line 2: 'é' is two bytes but one column, so the bad byte is column 4.
        let bytes = b"op _A (--) {}\n\xc3\xa9 x\xff y \xfe\n";
        let bad = first_bad_byte(bytes).unwrap();
        assert_eq!(bad, BadByte { offset: 18, byte: 0xff, at: LineCol { line: 2, col: 4 } });
        assert_eq!(first_bad_byte("é\n".as_bytes()), None);
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_line_and_column() {
        let err = source_file("t.uops", b"op _A (--) {}\nop _B\xff (--) {}\n".to_vec()).unwrap_err();
        assert_eq!(
            err,
            "error: t.uops:2:6: invalid UTF-8 (byte 0xff): the file must be UTF-8\n \
             --> t.uops:2:6\n  \
             |\n\
             2 | op _B\u{FFFD} (--) {}\n  \
             |      ^ not UTF-8\n\
             \n\
             error: could not compile `t.uops` due to 1 error\n"
        );
    }

    #[test]
    fn valid_utf8_reads_as_it_is() {
        let file = source_file("t.uops", "op _A (--) {}\n".as_bytes().to_vec()).unwrap();
        assert_eq!(file.text, "op _A (--) {}\n");
    }

    /// A bad byte at the very end, and a truncated multi-byte character.
    #[test]
    fn bad_bytes_at_the_end_are_found() {
        assert_eq!(first_bad_byte(b"ab\n\xe2\x82").unwrap().at, LineCol { line: 2, col: 1 });
        assert!(source_file("t.uops", b"ab\n\xe2\x82".to_vec()).unwrap_err().starts_with("error: t.uops:2:1: invalid UTF-8 (byte 0xe2)"));
    }
}
