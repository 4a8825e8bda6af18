//! `str.encode` and `bytes.decode` for the codecs stitch has: UTF-8, ASCII and
//! Latin-1 (and their aliases), with the `strict`, `ignore` and `replace` error
//! handlers and CPython's UnicodeEncodeError/UnicodeDecodeError messages. Other codecs
//! and handlers are refused.

use stitch_abi::Value;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::ops::types::type_name;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name CPython's messages give the codec.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The highest code point the codec encodes, and the range CPython names.
    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 128,
            Codec::Latin1 => 256,
            Codec::Utf8 => 0x11_0000,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Errors {
    Strict,
    Ignore,
    Replace,
}

fn str_arg(v: Value, func: &str, arg: &str) -> PyResult<String> {
    if !v.is_kind(stitch_abi::KIND_STR) {
        return Err(PyErr::type_error(format!("{func}() argument '{arg}' must be str, not {}", type_name(v))));
    }
    // SAFETY: the kind was checked.
    Ok(unsafe { stitch_core::objects::str::text(v) }?.to_string())
}

/// The codec an `encoding` argument names (None: the default, UTF-8). Names are
/// normalized as CPython's codec registry does (case, `-` and ` ` as `_`).
pub fn codec(encoding: Option<Value>, func: &str) -> PyResult<Codec> {
    let Some(e) = encoding else { return Ok(Codec::Utf8) };
    let name = str_arg(e, func, "encoding")?;
    let norm: String = name.to_ascii_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect();
    Ok(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Codec::Latin1,
        _ => return Err(PyErr::unsupported(format!("the codec '{name}'"))),
    })
}

/// The error handler an `errors` argument names (None: `strict`).
pub fn errors(handler: Option<Value>, func: &str) -> PyResult<Errors> {
    let Some(h) = handler else { return Ok(Errors::Strict) };
    let name = str_arg(h, func, "errors")?;
    Ok(match name.as_str() {
        "strict" => Errors::Strict,
        "ignore" => Errors::Ignore,
        "replace" => Errors::Replace,
        _ => return Err(PyErr::unsupported(format!("the error handler '{name}'"))),
    })
}

/// A code point as CPython writes it in an encode error (`'\xe9'`, `'\u20ac'`).
fn escaped(c: char) -> String {
    match c as u32 {
        n if n <= 0xff => format!("'\\x{n:02x}'"),
        n if n <= 0xffff => format!("'\\u{n:04x}'"),
        n => format!("'\\U{n:08x}'"),
    }
}

/// `text.encode(codec, errors)`.
pub fn encode(text: &str, codec: Codec, errors: Errors) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 {
        return Ok(text.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors {
            Errors::Ignore => {}
            Errors::Replace => out.push(b'?'),
            Errors::Strict => {
                // CPython reports the whole run of characters the codec cannot encode.
                let end = (i..chars.len()).find(|&j| (chars[j] as u32) < limit).unwrap_or(chars.len());
                let what = if end - i == 1 {
                    format!("character {} in position {i}", escaped(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                return Err(PyErr::new(
                    ExcKind::UnicodeEncodeError,
                    format!("'{}' codec can't encode {what}: ordinal not in range({limit})", codec.name()),
                ));
            }
        }
        i += 1;
    }
    Ok(out)
}

fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let what = if end - start == 1 {
        format!("byte 0x{:02x} in position {start}", data[start])
    } else {
        format!("bytes in position {start}-{}", end - 1)
    };
    PyErr::new(ExcKind::UnicodeDecodeError, format!("'{}' codec can't decode {what}: {reason}", codec.name()))
}

/// `data.decode(codec, errors)`.
pub fn decode(data: &[u8], codec: Codec, errors: Errors) -> PyResult<String> {
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 128 {
                    out.push(b as char);
                    continue;
                }
                match errors {
                    Errors::Ignore => {}
                    Errors::Replace => out.push('\u{fffd}'),
                    Errors::Strict => return Err(decode_error(codec, data, i, i + 1, "ordinal not in range(128)")),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            // Rust's decoder reports the same maximal invalid subsequences CPython's
            // does, so each is one error (one U+FFFD under `replace`).
            let mut out = String::with_capacity(data.len());
            let mut at = 0;
            loop {
                match std::str::from_utf8(&data[at..]) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = at + e.valid_up_to();
                        // SAFETY: the decoder checked these bytes.
                        out.push_str(unsafe { std::str::from_utf8_unchecked(&data[at..good]) });
                        let (end, reason) = match e.error_len() {
                            Some(n) => {
                                let first = data[good];
                                let start_byte = matches!(first, 0xc2..=0xf4);
                                (good + n, if start_byte { "invalid continuation byte" } else { "invalid start byte" })
                            }
                            None => (data.len(), "unexpected end of data"),
                        };
                        match errors {
                            Errors::Ignore => {}
                            Errors::Replace => out.push('\u{fffd}'),
                            Errors::Strict => return Err(decode_error(codec, data, good, end, reason)),
                        }
                        at = end;
                    }
                }
            }
        }
    }
}
