//! `re.Match`: the spans of one match's groups (in characters, as Python counts,
//! and in bytes, to cut the text), the string and the pattern; and replacement
//! templates (`\1`, `\g<name>`), which `sub` and `Match.expand` share.

use super::re_pattern::{Pattern, Positions, Spans};
use crate::args::takes;
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::native::{Native, downcast, new_native};
use stitch_core::objects::{dict, str as strs, tuple};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;
use std::any::Any;

pub struct Match {
    /// The str searched (a reference).
    string: Value,
    /// The Pattern (a reference).
    pattern: Value,
    pos: usize,
    endpos: usize,
    chars: Vec<Option<(usize, usize)>>,
    bytes: Spans,
}

impl Drop for Match {
    fn drop(&mut self) {
        self.string.decref();
        self.pattern.decref();
    }
}

/// A new Match of `spans` (bytes of `string`'s text), `pos` and `endpos` in characters.
pub fn new_match(pattern: Value, string: Value, pos: usize, endpos: usize, spans: Spans, at: &mut Positions) -> Value {
    // Convert in order of position, so the cursor only moves forward.
    let mut offsets: Vec<usize> = spans.iter().flatten().flat_map(|&(a, b)| [a, b]).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let converted: Vec<(usize, usize)> = offsets.iter().map(|&b| (b, at.chars(b))).collect();
    let find = |b: usize| converted.binary_search_by_key(&b, |&(k, _)| k).map(|i| converted[i].1).unwrap_or(0);
    let chars = spans.iter().map(|s| s.map(|(a, b)| (find(a), find(b)))).collect();
    pattern.incref();
    string.incref();
    new_native(Box::new(Match { string, pattern, pos, endpos, chars, bytes: spans }))
}

impl Match {
    fn pattern(&self) -> &Pattern {
        downcast::<Pattern>(self.pattern).expect("a Match's pattern is a Pattern")
    }

    fn text(&self) -> &str {
        // SAFETY: the string is a str (checked before searching) the match keeps alive;
        // it was searched, so it holds no lone surrogate.
        unsafe { strs::text(self.string) }.unwrap_or("")
    }

    /// Group `g`'s text, or None when it took no part.
    pub fn group_text(&self, g: usize) -> Option<&str> {
        self.bytes[g].map(|(a, b)| &self.text()[a..b])
    }

    /// Group `g`'s value: a new str, or `default` (borrowed) when it took no part.
    pub fn group_value(&self, g: usize, default: Value) -> Value {
        match self.group_text(g) {
            Some(t) => strs::new_str(t),
            None => {
                default.incref();
                default
            }
        }
    }

    /// The number of the group `v` names (an int or a group name).
    fn index(&self, v: Value) -> PyResult<usize> {
        let groups = self.pattern().syntax.groups;
        if v.is_int() {
            let i = v.as_int();
            if i >= 0 && (i as usize) <= groups {
                return Ok(i as usize);
            }
        } else if v.is_kind(KIND_STR) {
            // SAFETY: the kind was checked.
            let name = unsafe { strs::display(v) };
            if let Some(g) = self.pattern().group_number(&name) {
                return Ok(g);
            }
        }
        Err(PyErr::index_error("no such group"))
    }

    /// `lastindex`: the group whose `)` was passed last — the one ending last; of
    /// groups ending at the same place, an enclosing group closes after the groups it
    /// holds, and a later group after an earlier one.
    fn lastindex(&self) -> Option<usize> {
        let parents = &self.pattern().syntax.parents;
        let encloses = |outer: usize, mut inner: usize| {
            while inner != 0 {
                inner = parents[inner];
                if inner == outer {
                    return true;
                }
            }
            false
        };
        let mut best: Option<usize> = None;
        for g in 1..self.chars.len() {
            let Some((_, end)) = self.chars[g] else { continue };
            best = match best {
                None => Some(g),
                Some(b) => {
                    let be = self.chars[b].map_or(0, |s| s.1);
                    if end > be || (end == be && !encloses(b, g)) { Some(g) } else { Some(b) }
                }
            };
        }
        best
    }
}

impl Native for Match {
    fn type_name(&self) -> &'static str {
        "Match"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn repr(&self) -> Option<PyResult<String>> {
        let (a, b) = self.chars[0].unwrap_or((0, 0));
        let text = self.group_text(0).unwrap_or("");
        Some(Ok(format!("<re.Match object; span=({a}, {b}), match={}>", stitch_core::ops::repr::str_repr(text))))
    }
    fn getitem(&self, sub: Value) -> Option<PyResult<Value>> {
        Some(self.index(sub).map(|g| self.group_value(g, Value::NONE)))
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "string" => {
                self.string.incref();
                self.string
            }
            "re" => {
                self.pattern.incref();
                self.pattern
            }
            "pos" => Value::int(self.pos as i64),
            "endpos" => Value::int(self.endpos as i64),
            "lastindex" => self.lastindex().map_or(Value::NONE, |g| Value::int(g as i64)),
            "lastgroup" => {
                let name = self.lastindex().and_then(|g| self.pattern().syntax.names.iter().find(|(_, n)| *n == g));
                name.map_or(Value::NONE, |(n, _)| strs::new_str(n))
            }
            _ => return None,
        }))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub const MATCH_METHODS: &[(&str, BuiltinFn)] = &[
    ("group", group),
    ("groups", groups),
    ("groupdict", groupdict),
    ("start", start),
    ("end", end),
    ("span", span),
    ("expand", expand),
    ("__getitem__", getitem),
];

fn this<'a>(args: &Args<'a>, method: &str) -> PyResult<&'a Match> {
    args.positional.first().and_then(|&v| downcast::<Match>(v)).ok_or_else(|| {
        PyErr::type_error(format!("descriptor '{method}' for 're.Match' objects doesn't apply to this object"))
    })
}

fn group(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::no_keywords("group", args)?;
    let m = this(args, "group")?;
    let wanted = &args.positional[1..];
    match wanted {
        [] => Ok(m.group_value(0, Value::NONE)),
        [g] => Ok(m.group_value(m.index(*g)?, Value::NONE)),
        many => {
            let mut items = Vec::with_capacity(many.len());
            for &g in many {
                match m.index(g) {
                    Ok(i) => items.push(m.group_value(i, Value::NONE)),
                    Err(e) => {
                        items.into_iter().for_each(|v: Value| v.decref());
                        return Err(e);
                    }
                }
            }
            Ok(tuple::from_vec(items))
        }
    }
}

fn default_arg(args: &Args, method: &str) -> PyResult<Value> {
    crate::args::check_keywords(method, args, &["default"])?;
    let rest = takes(method, args, 1, 0, 1)?;
    Ok(rest.first().copied().or_else(|| crate::args::keyword(args, "default")).unwrap_or(Value::NONE))
}

fn groups(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let m = this(args, "groups")?;
    let default = default_arg(args, "groups")?;
    Ok(tuple::from_vec((1..m.bytes.len()).map(|g| m.group_value(g, default)).collect()))
}

fn groupdict(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let m = this(args, "groupdict")?;
    let default = default_arg(args, "groupdict")?;
    let d = dict::new_dict();
    for (name, g) in &m.pattern().syntax.names {
        let k = strs::new_str(name);
        // SAFETY: `d` is a new dict; key and value are new references.
        unsafe { dict::set(d.cast(), k, strs::as_str(k).hash(), m.group_value(*g, default)) };
    }
    Ok(d)
}

/// The group a start/end/span method asks about (group 0 by default).
fn span_of(args: &Args, method: &str) -> PyResult<(i64, i64)> {
    crate::args::no_keywords(method, args)?;
    let m = this(args, method)?;
    let rest = takes(method, args, 1, 0, 1)?;
    let g = match rest.first() {
        Some(&v) => m.index(v)?,
        None => 0,
    };
    Ok(m.chars[g].map_or((-1, -1), |(a, b)| (a as i64, b as i64)))
}

fn start(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(Value::int(span_of(args, "start")?.0))
}

fn end(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(Value::int(span_of(args, "end")?.1))
}

fn span(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, b) = span_of(args, "span")?;
    Ok(tuple::from_vec(vec![Value::int(a), Value::int(b)]))
}

fn getitem(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let m = this(args, "__getitem__")?;
    let rest = takes("__getitem__", args, 1, 1, 1)?;
    Ok(m.group_value(m.index(rest[0])?, Value::NONE))
}

fn expand(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let m = this(args, "expand")?;
    let rest = takes("expand", args, 1, 1, 1)?;
    let template = template_arg(rest[0])?;
    let pieces = parse_template(template, m.pattern())?;
    let mut out = String::new();
    m.expand_into(&pieces, &mut out);
    Ok(strs::from_string(out))
}

impl Match {
    /// Appends the expansion of a parsed template; a group that took no part adds
    /// nothing.
    pub fn expand_into(&self, pieces: &[Piece], out: &mut String) {
        for p in pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Group(g) => out.push_str(self.group_text(*g).unwrap_or("")),
            }
        }
    }
}

fn template_arg<'a>(v: Value) -> PyResult<&'a str> {
    if !v.is_kind(KIND_STR) {
        return Err(PyErr::type_error(format!("expected str instance, {} found", type_name(v))));
    }
    // SAFETY: the kind was checked.
    unsafe { strs::text(v) }
}

/// A piece of a replacement template.
pub enum Piece {
    Text(String),
    Group(usize),
}

/// Parses a replacement template as CPython's `re._parser.parse_template`: `\1`
/// through `\99`, `\g<n>`, `\g<name>`, octal and character escapes; other escapes of
/// ASCII letters are errors, any other backslash stays.
pub fn parse_template(t: &str, p: &Pattern) -> PyResult<Vec<Piece>> {
    let cs: Vec<char> = t.chars().collect();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    let groups = p.syntax.groups;
    let err = |msg: String, pos: usize| super::re::error(msg, t, pos);
    while i < cs.len() {
        let c = cs[i];
        if c != '\\' {
            lit.push(c);
            i += 1;
            continue;
        }
        let here = i;
        let Some(&e) = cs.get(i + 1) else {
            return Err(err("bad escape (end of pattern)".into(), here));
        };
        i += 2;
        let group = |g: usize, pos: usize, lit: &mut String, pieces: &mut Vec<Piece>| -> PyResult<()> {
            if g > groups {
                return Err(err(format!("invalid group reference {g}"), pos));
            }
            if !lit.is_empty() {
                pieces.push(Piece::Text(std::mem::take(lit)));
            }
            pieces.push(Piece::Group(g));
            Ok(())
        };
        match e {
            'g' => {
                if cs.get(i) != Some(&'<') {
                    return Err(err("missing <".into(), i));
                }
                let start = i + 1;
                let Some(close) = cs[start..].iter().position(|&c| c == '>') else {
                    return Err(err("missing >, unterminated name".into(), start));
                };
                let name: String = cs[start..start + close].iter().collect();
                i = start + close + 1;
                if name.is_empty() {
                    return Err(err("missing group name".into(), start));
                }
                let g = if let Some(g) = p.group_number(&name) {
                    g
                } else if name.chars().all(|c| c.is_ascii_digit()) {
                    name.parse::<usize>().unwrap_or(usize::MAX)
                } else if name.chars().next().is_some_and(|c| c == '_' || c.is_alphabetic())
                    && name.chars().all(|c| c == '_' || c.is_alphanumeric())
                {
                    return Err(PyErr::index_error(format!("unknown group name {}", stitch_core::ops::repr::str_repr(&name))));
                } else {
                    let msg = format!("bad character in group name {}", stitch_core::ops::repr::str_repr(&name));
                    return Err(err(msg, start));
                };
                group(g, start, &mut lit, &mut pieces)?;
            }
            '0' => {
                let mut v = 0u32;
                for _ in 0..2 {
                    match cs.get(i) {
                        Some(&d @ '0'..='7') => {
                            v = v * 8 + d.to_digit(8).unwrap_or(0);
                            i += 1;
                        }
                        _ => break,
                    }
                }
                lit.push(char::from_u32(v).unwrap_or('\0'));
            }
            d if d.is_ascii_digit() => {
                let mut g = d.to_digit(10).unwrap_or(0) as usize;
                if let Some(&d2) = cs.get(i).filter(|c| c.is_ascii_digit()) {
                    let octal = |c: char| ('0'..='7').contains(&c);
                    if octal(d) && octal(d2) && cs.get(i + 1).is_some_and(|&c| octal(c)) {
                        let v = (d.to_digit(8).unwrap_or(0) * 64)
                            + d2.to_digit(8).unwrap_or(0) * 8
                            + cs[i + 1].to_digit(8).unwrap_or(0);
                        i += 2;
                        if v > 0o377 {
                            let text: String = cs[here..i].iter().collect();
                            return Err(err(format!("octal escape value {text} outside of range 0-0o377"), here));
                        }
                        lit.push(char::from_u32(v).unwrap_or('\0'));
                        continue;
                    }
                    g = g * 10 + d2.to_digit(10).unwrap_or(0) as usize;
                    i += 1;
                }
                group(g, here + 1, &mut lit, &mut pieces)?;
            }
            'a' => lit.push('\x07'),
            'b' => lit.push('\x08'),
            'f' => lit.push('\x0c'),
            'n' => lit.push('\n'),
            'r' => lit.push('\r'),
            't' => lit.push('\t'),
            'v' => lit.push('\x0b'),
            '\\' => lit.push('\\'),
            c if c.is_ascii_alphabetic() => return Err(err(format!("bad escape \\{c}"), here)),
            c => {
                lit.push('\\');
                lit.push(c);
            }
        }
    }
    if !lit.is_empty() {
        pieces.push(Piece::Text(lit));
    }
    Ok(pieces)
}
