//! Str literals that hold a lone surrogate (`"\ud800"`). The parser keeps literal
//! values as Rust text, which cannot hold one, so such a literal is decoded here from
//! its source into generalized UTF-8 (`stitch_core::objects::wtf8`), and emission
//! takes the value from this table instead of the parser's.
//!
//! The table lives in a thread-local: every module is compiled on a thread of its own
//! (`compile_unit`), parsed (`install`) before it is emitted (`get`).

use crate::diagnostics::errors::{CompileError, SourceMap};
use ruff_python_ast::token::{Token, TokenKind};
use ruff_text_size::{Ranged, TextRange};
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    static TABLE: RefCell<HashMap<TextRange, Vec<u8>>> = RefCell::new(HashMap::new());
}

/// Decodes the str literals of `tokens` that hold a surrogate escape and keeps them for
/// emission. An f-string holding one, or a literal that also names a character
/// (`\N{...}`), is refused.
pub fn install(tokens: &[Token], map: &SourceMap) -> Result<(), CompileError> {
    let source = map.source();
    let mut table = HashMap::new();
    let mut raw_fstring = false;
    for token in tokens {
        let text = source.get(token.start().to_usize()..token.end().to_usize()).unwrap_or("");
        match token.kind() {
            TokenKind::FStringStart => {
                raw_fstring = text.bytes().take_while(|b| b.is_ascii_alphabetic()).any(|b| b == b'r' || b == b'R');
            }
            TokenKind::FStringMiddle if !raw_fstring && decode_body(text.as_bytes()).is_some_and(|d| d.surrogates) => {
                return Err(map.unsupported("lone surrogates in an f-string's text", token.range()));
            }
            TokenKind::String => {
                let prefix = text.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
                if text[..prefix].bytes().any(|b| matches!(b, b'b' | b'B' | b'r' | b'R')) {
                    continue;
                }
                let quoted = &text[prefix..];
                let q = if quoted.starts_with("'''") || quoted.starts_with("\"\"\"") { 3 } else { 1 };
                let Some(body) = quoted.get(q..quoted.len().saturating_sub(q)) else { continue };
                match decode_body(body.as_bytes()) {
                    Some(d) if d.surrogates && d.named => {
                        return Err(map.unsupported("lone surrogates in a str literal that uses \\N{...}", token.range()));
                    }
                    Some(d) if d.surrogates => {
                        table.insert(token.range(), d.bytes);
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    TABLE.with(|t| *t.borrow_mut() = table);
    Ok(())
}

/// The value of the str literal (one part of an implicit concatenation) at `range`, if
/// it holds a lone surrogate.
pub fn get(range: TextRange) -> Option<Vec<u8>> {
    TABLE.with(|t| t.borrow().get(&range).cloned())
}

struct Decoded {
    bytes: Vec<u8>,
    surrogates: bool,
    named: bool,
}

/// The value of a non-raw str literal's body (between its quotes), by Python's escape
/// rules; None when an escape is malformed (the parser has reported it then).
fn decode_body(b: &[u8]) -> Option<Decoded> {
    let mut out = Decoded { bytes: Vec::with_capacity(b.len()), surrogates: false, named: false };
    let hex = |s: &[u8]| std::str::from_utf8(s).ok().and_then(|t| u32::from_str_radix(t, 16).ok());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.bytes.push(b[i]);
            i += 1;
            continue;
        }
        let Some(&e) = b.get(i + 1) else { return None };
        i += 2;
        let simple = match e {
            b'\n' => Some(None),
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
                Some(None)
            }
            b'\\' | b'\'' | b'"' => Some(Some(e)),
            b'a' => Some(Some(7)),
            b'b' => Some(Some(8)),
            b'f' => Some(Some(12)),
            b'n' => Some(Some(b'\n')),
            b'r' => Some(Some(b'\r')),
            b't' => Some(Some(b'\t')),
            b'v' => Some(Some(11)),
            _ => None,
        };
        if let Some(byte) = simple {
            out.bytes.extend(byte);
            continue;
        }
        let cp = match e {
            b'0'..=b'7' => {
                let n = b[i..].iter().take(2).take_while(|c| matches!(c, b'0'..=b'7')).count();
                let v = std::str::from_utf8(&b[i - 1..i + n]).ok().and_then(|t| u32::from_str_radix(t, 8).ok())?;
                i += n;
                v
            }
            b'x' | b'u' | b'U' => {
                let digits = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let v = b.get(i..i + digits).and_then(hex)?;
                i += digits;
                if v >= 0x110000 {
                    return None;
                }
                v
            }
            b'N' => {
                // A character name: the parser's value has it; only flagged here.
                let end = b[i..].iter().position(|&c| c == b'}')?;
                out.named = true;
                i += end + 1;
                0xFFFD
            }
            _ => {
                // An unknown escape stays as written.
                out.bytes.push(b'\\');
                i -= 1;
                continue;
            }
        };
        out.surrogates |= (0xD800..0xE000).contains(&cp);
        stitch_core::objects::wtf8::push(&mut out.bytes, cp);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode_body;

    #[test]
    fn escapes_decode_as_python_does() {
        let d = decode_body(br"a\ud800\x41\101\n\q\\\U0001F600\udc00").unwrap();
        assert!(d.surrogates && !d.named);
        assert_eq!(d.bytes, b"a\xED\xA0\x80AA\n\\q\\\xF0\x9F\x98\x80\xED\xB0\x80");
        assert!(!decode_body(br"\\ud800").unwrap().surrogates);
        assert!(decode_body(br"\ud800\N{BULLET}").unwrap().named);
    }
}
