//! `str.format`: replacement fields `{}`, `{0}`, `{name}`, with `.attr` and `[key]`
//! lookups, `!r`/`!s` conversions and format specs (which may hold nested fields),
//! formatted by the f-string code (`ops::format`).

use super::str::text;
use stitch_abi::*;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::{Owned, builtin::Args, str as strs};
use stitch_core::vm::Runtime;

pub fn format(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let template = text(args, "format")?;
    let mut state = Fields { positional: &args.positional[1..], keywords: args.keywords, mapping: None, next_auto: Some(0), manual: false };
    let mut out = String::new();
    render(template, &mut state, 2, &mut out)?;
    Ok(strs::from_string(out))
}

/// `template.format_map(mapping)`: named fields are looked up with `mapping[name]`
/// (so a dict subclass's `__missing__` answers), and positional fields are an error.
pub fn format_map(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let template = text(args, "format_map")?;
    crate::args::no_keywords("format_map", args)?;
    let mapping = crate::args::between("format_map", args, 1, 1, Some(1))?[0];
    let mut state = Fields { positional: &[], keywords: &[], mapping: Some(mapping), next_auto: Some(0), manual: false };
    let mut out = String::new();
    render(template, &mut state, 2, &mut out)?;
    Ok(strs::from_string(out))
}

/// The arguments and the numbering mode (automatic `{}` or manual `{0}`, not both).
struct Fields<'a> {
    positional: &'a [Value],
    keywords: &'a [(&'a str, Value)],
    /// `format_map`'s mapping, which replaces the arguments.
    mapping: Option<Value>,
    next_auto: Option<usize>,
    manual: bool,
}

fn value_error(m: &str) -> PyErr {
    PyErr::value_error(m)
}

/// Expands `template` into `out`; `depth` bounds nesting in specs as CPython's does.
fn render(template: &str, fields: &mut Fields, depth: u32, out: &mut String) -> PyResult<()> {
    let mut chars = template.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|&(_, n)| n == '{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek().is_some_and(|&(_, n)| n == '}') => {
                chars.next();
                out.push('}');
            }
            '}' => return Err(value_error("Single '}' encountered in format string")),
            '{' => {
                // The field runs to the matching '}' (specs may nest fields).
                let start = i + 1;
                let mut level = 1;
                let mut end = None;
                for (j, d) in chars.by_ref() {
                    match d {
                        '{' => level += 1,
                        '}' => {
                            level -= 1;
                            if level == 0 {
                                end = Some(j);
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                let Some(end) = end else {
                    return Err(value_error(if level > 1 { "expected '}' before end of string" } else { "Single '{' encountered in format string" }));
                };
                replace_field(&template[start..end], fields, depth, out)?;
            }
            _ => out.push(c),
        }
    }
    Ok(())
}

/// One `{name!conv:spec}`.
fn replace_field(field: &str, fields: &mut Fields, depth: u32, out: &mut String) -> PyResult<()> {
    // The name ends at the first '!' or ':' outside brackets.
    let mut in_brackets = false;
    let mut name_end = field.len();
    for (i, c) in field.char_indices() {
        match c {
            '[' => in_brackets = true,
            ']' => in_brackets = false,
            '!' | ':' if !in_brackets => {
                name_end = i;
                break;
            }
            _ => {}
        }
    }
    let (name, rest) = field.split_at(name_end);
    let (conversion, spec) = match rest.strip_prefix('!') {
        Some(r) => {
            let mut cs = r.chars();
            let conv = cs.next();
            let after = cs.as_str();
            if !(after.is_empty() || after.starts_with(':')) {
                return Err(value_error("expected ':' after conversion specifier"));
            }
            (conv.or(Some('\0')), after.strip_prefix(':').unwrap_or(""))
        }
        None => (None, rest.strip_prefix(':').unwrap_or("")),
    };
    let value = lookup(name, fields)?;
    let value = match conversion {
        None => value,
        Some('r') => Owned(strs::from_string(stitch_core::ops::repr(value.get())?)),
        Some('s') => Owned(strs::from_string(stitch_core::ops::str(value.get())?)),
        Some('a') => Owned(strs::from_string(stitch_core::ops::ascii(value.get())?)),
        Some(c) => {
            return Err(value_error(&if c == '\0' {
                "end of string while looking for conversion specifier".to_string()
            } else {
                format!("Unknown conversion specifier {c}")
            }));
        }
    };
    let mut expanded = String::new();
    if spec.contains(['{', '}']) {
        // Fields nest one level: `{:{w}d}`, not `{:{:{w}}}`.
        if depth <= 1 {
            return Err(value_error("Max string recursion exceeded"));
        }
        render(spec, fields, depth - 1, &mut expanded)?;
    } else {
        expanded.push_str(spec);
    }
    out.push_str(&stitch_core::ops::format(value.get(), &expanded)?);
    Ok(())
}

/// The value a field name picks: an argument, then `.attr` and `[key]` steps.
fn lookup(name: &str, fields: &mut Fields) -> PyResult<Owned> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let mut value = if first.is_empty() {
        if fields.manual {
            return Err(value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        let Some(n) = fields.next_auto else { unreachable!("automatic numbering is on") };
        fields.next_auto = Some(n + 1);
        positional(fields, n)?
    } else if let Ok(n) = first.parse::<usize>() {
        if fields.next_auto.is_some_and(|n| n > 0) {
            return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        fields.manual = true;
        positional(fields, n)?
    } else {
        if let Some(m) = fields.mapping {
            let key = Owned(strs::new_str(first));
            Owned(stitch_core::ops::getitem(m, key.get())?)
        } else {
            match fields.keywords.iter().find(|(k, _)| *k == first) {
                Some(&(_, v)) => Owned::new_ref(v),
                None => return Err(stitch_core::exceptions::key_error(Owned(strs::new_str(first)).get())),
            }
        }
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            if end == 0 {
                return Err(value_error("Empty attribute in format string"));
            }
            value = Owned(crate::attr::load_attr(value.get(), &r[..end])?);
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(|| value_error("Missing ']' in format string"))?;
            let key_text = &r[..end];
            if key_text.is_empty() {
                return Err(value_error("Empty attribute in format string"));
            }
            let key = match key_text.parse::<i64>() {
                Ok(n) if !key_text.starts_with(['-', '+']) => Owned(Value::int(n)),
                _ => Owned(strs::new_str(key_text)),
            };
            value = Owned(stitch_core::ops::getitem(value.get(), key.get())?);
            rest = &r[end + 1..];
        } else {
            return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}

fn positional(fields: &Fields, n: usize) -> PyResult<Owned> {
    if fields.mapping.is_some() {
        return Err(value_error("Format string contains positional fields"));
    }
    match fields.positional.get(n) {
        Some(&v) => Ok(Owned::new_ref(v)),
        None => Err(PyErr::new(
            ExcKind::IndexError,
            format!("Replacement index {n} out of range for positional args tuple"),
        )),
    }
}
