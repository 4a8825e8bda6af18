//! `re.Pattern`: a pattern translated once (`re_syntax`) and compiled by fancy-regex,
//! and the searches every `re` function runs. Python's positions count characters,
//! fancy-regex's count bytes: `Positions` converts, moving forward through the text
//! so that iterating over the matches of a long non-ASCII text stays linear.
//!
//! Searches follow CPython's rules for empty matches: after an empty match the next
//! search starts at the same place but may not return an empty match there.

use super::re_syntax::{self, Translated};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::native::Native;
use std::any::Any;
use std::cell::OnceCell;

pub struct Pattern {
    pub source: String,
    pub syntax: Translated,
    search: fancy_regex::Regex,
    /// The pattern with Rust's `\b` (`Translated::fast`), for texts where it agrees.
    fast: Option<fancy_regex::Regex>,
    /// `(?:pattern)\z`, for `fullmatch`.
    full: OnceCell<fancy_regex::Regex>,
    /// The pattern refusing empty matches (None: it only ever matches empty).
    not_empty: OnceCell<Option<fancy_regex::Regex>>,
}

/// How a search is anchored.
#[derive(Clone, Copy, PartialEq)]
pub enum Mode {
    Search,
    Match,
    Full,
}

/// The spans of a match's groups, in bytes of the (endpos-cut) text; None for a
/// group that did not take part.
pub type Spans = Vec<Option<(usize, usize)>>;

impl Pattern {
    /// Compiles `source`; Err is CPython's `re.error` (message, position) or a refusal.
    pub fn compile(source: &str, flags: u32) -> Result<Pattern, re_syntax::Fail> {
        let syntax = re_syntax::translate(source, flags)?;
        let search = build(&syntax.rust, false)?;
        let fast = syntax.fast.as_deref().map(|f| build(f, false)).transpose()?;
        Ok(Pattern { source: source.to_string(), syntax, search, fast, full: OnceCell::new(), not_empty: OnceCell::new() })
    }

    /// Whether searches of `text` may use the fast form of the pattern: Rust's `\b`
    /// is Python's there (one scan of the text; the callers ask once per call).
    pub fn fast_for(&self, text: &str) -> bool {
        if self.fast.is_none() {
            return false;
        }
        if text.is_ascii() {
            return true;
        }
        if self.syntax.fast_ascii_only {
            return false;
        }
        thread_local! {
            /// The characters that are word characters to one of Rust and Python only.
            static DISAGREE: fancy_regex::Regex =
                fancy_regex::Regex::new(r"[\w--[\p{L}\p{N}_]]|[[\p{L}\p{N}_]--\w]").expect("a valid class");
        }
        DISAGREE.with(|d| !d.is_match(text).unwrap_or(true))
    }

    fn full(&self) -> PyResult<&fancy_regex::Regex> {
        if self.full.get().is_none() {
            let r = build(&format!("(?:{})\\z", self.syntax.rust), false).map_err(refusal)?;
            let _ = self.full.set(r);
        }
        Ok(self.full.get().expect("set above"))
    }

    fn not_empty(&self) -> Option<&fancy_regex::Regex> {
        self.not_empty.get_or_init(|| build(&self.syntax.rust, true).ok()).as_ref()
    }

    /// One search of `text` (already cut at endpos) from byte `start`. `must_advance`:
    /// the previous match was empty and ended at `start`, so an empty match there does
    /// not count. `fast`: what `fast_for` said of the text.
    pub fn find(&self, text: &str, start: usize, mode: Mode, must_advance: bool, fast: bool) -> PyResult<Option<Spans>> {
        let input = fancy_regex::RegexInput::new(text).from_pos(start);
        let re = match &self.fast {
            Some(f) if fast => f,
            _ => &self.search,
        };
        let found = match mode {
            Mode::Search => re.captures_input(input),
            Mode::Match => re.captures_input(input.anchored(true)),
            Mode::Full => self.full()?.captures_input(input.anchored(true)),
        }
        .map_err(runtime_refusal)?;
        let Some(caps) = found else { return Ok(None) };
        let whole = caps.get(0).expect("group 0 of a match");
        if must_advance && whole.start() == start && whole.end() == start {
            // CPython retries here for a non-empty match, then searches on from the
            // next character.
            if let Some(ne) = self.not_empty()
                && let Some(caps) = ne
                    .captures_input(fancy_regex::RegexInput::new(text).from_pos(start).anchored(true))
                    .map_err(runtime_refusal)?
            {
                return Ok(Some(spans(&caps, self.syntax.groups)));
            }
            if mode != Mode::Search || start >= text.len() {
                return Ok(None);
            }
            let next = start + text[start..].chars().next().map_or(1, char::len_utf8);
            return self.find(text, next, mode, false, fast);
        }
        Ok(Some(spans(&caps, self.syntax.groups)))
    }

    /// The number of the group named `name`.
    pub fn group_number(&self, name: &str) -> Option<usize> {
        self.syntax.names.iter().find(|(n, _)| n == name).map(|&(_, g)| g)
    }

    /// CPython's repr: `re.compile('a+', re.IGNORECASE)`.
    pub fn repr_text(&self) -> String {
        let pattern: String = stitch_core::ops::repr::str_repr(&self.source).chars().take(200).collect();
        let mut flags = self.syntax.flags;
        // A str pattern's UNICODE is implied.
        if flags & (re_syntax::LOCALE | re_syntax::UNICODE | re_syntax::ASCII) == re_syntax::UNICODE {
            flags &= !re_syntax::UNICODE;
        }
        if flags == 0 {
            return format!("re.compile({pattern})");
        }
        format!("re.compile({pattern}, {})", flag_names(flags, FLAG_NAMES_PATTERN))
    }
}

/// The flags in the order `re.compile(...)`'s repr names them.
pub const FLAG_NAMES_PATTERN: &[(&str, u32)] = &[
    ("re.TEMPLATE", re_syntax::TEMPLATE),
    ("re.IGNORECASE", re_syntax::IGNORECASE),
    ("re.LOCALE", re_syntax::LOCALE),
    ("re.MULTILINE", re_syntax::MULTILINE),
    ("re.DOTALL", re_syntax::DOTALL),
    ("re.UNICODE", re_syntax::UNICODE),
    ("re.VERBOSE", re_syntax::VERBOSE),
    ("re.DEBUG", re_syntax::DEBUG),
    ("re.ASCII", re_syntax::ASCII),
];

/// `A|B` of the flags named, other bits in hex at the end.
pub fn flag_names(flags: u32, order: &[(&str, u32)]) -> String {
    let mut parts = Vec::new();
    let mut rest = flags;
    for &(name, bit) in order {
        if flags & bit != 0 {
            parts.push(name.to_string());
            rest &= !bit;
        }
    }
    if rest != 0 {
        parts.push(format!("{rest:#x}"));
    }
    parts.join("|")
}

fn build(rust: &str, not_empty: bool) -> Result<fancy_regex::Regex, re_syntax::Fail> {
    let mut b = fancy_regex::RegexBuilder::new(rust);
    b.find_not_empty(not_empty);
    b.build().map_err(|e| re_syntax::Fail::Unsupported(format!("re: a pattern fancy-regex does not take ({e})")))
}

fn refusal(f: re_syntax::Fail) -> PyErr {
    match f {
        re_syntax::Fail::Unsupported(s) => PyErr::unsupported(s),
        re_syntax::Fail::Error { msg, .. } => PyErr::unsupported(format!("re: {msg}")),
    }
}

fn runtime_refusal(e: fancy_regex::Error) -> PyErr {
    PyErr::unsupported(format!("re: a match fancy-regex gives up on ({e})"))
}

fn spans(caps: &fancy_regex::Captures<'_, str>, groups: usize) -> Spans {
    (0..=groups).map(|g| caps.get(g).map(|m| (m.start(), m.end()))).collect()
}

/// Character positions of byte offsets into one text, read forward.
pub struct Positions<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str) -> Self {
        Positions { text, ascii: text.is_ascii(), byte: 0, chars: 0 }
    }

    /// A cursor saved by `state`, over the same text.
    pub fn resume(text: &'a str, byte: usize, chars: usize) -> Self {
        Positions { text, ascii: text.is_ascii(), byte: byte.min(text.len()), chars }
    }

    pub fn state(&self) -> (usize, usize) {
        (self.byte, self.chars)
    }

    /// The character index of byte offset `b` (a character boundary).
    pub fn chars(&mut self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }

    /// The byte offset of character index `c` (at most the length).
    pub fn byte(&mut self, c: usize) -> usize {
        if self.ascii {
            return c.min(self.text.len());
        }
        if c < self.chars {
            self.byte = 0;
            self.chars = 0;
        }
        let skip = c - self.chars;
        let mut it = self.text[self.byte..].char_indices();
        let b = match it.nth(skip) {
            Some((off, _)) => self.byte + off,
            None => self.text.len(),
        };
        self.chars = if b == self.text.len() { self.chars + self.text[self.byte..].chars().count() } else { c };
        self.byte = b;
        b
    }
}

impl Native for Pattern {
    fn type_name(&self) -> &'static str {
        "Pattern"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn repr(&self) -> Option<PyResult<String>> {
        Some(Ok(self.repr_text()))
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        use stitch_core::objects::{dict, str as strs};
        Some(Ok(match name {
            "pattern" => strs::new_str(&self.source),
            "flags" => Value::int(self.syntax.flags as i64),
            "groups" => Value::int(self.syntax.groups as i64),
            "groupindex" => {
                let d = dict::new_dict();
                for (n, g) in &self.syntax.names {
                    let k = strs::new_str(n);
                    // SAFETY: `d` is a new dict; key and value are new references.
                    unsafe { dict::set(d.cast(), k, strs::as_str(k).hash(), Value::int(*g as i64)) };
                }
                d
            }
            _ => return None,
        }))
    }
    fn eq(&self, other: &dyn Native) -> Option<PyResult<bool>> {
        let other = other.as_any().downcast_ref::<Pattern>()?;
        Some(Ok(self.source == other.source && self.syntax.flags == other.syntax.flags))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
