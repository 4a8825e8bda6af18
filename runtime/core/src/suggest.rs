//! CPython 3.11's "Did you mean" suggestions for NameError and AttributeError: the
//! candidate closest to the missing name by a Levenshtein distance where a change of
//! case costs 1 and any other edit 2, among at most 750 candidates, no more than a third
//! of the characters changed (the facts of CPython's `Python/suggestions.c`).

use crate::suggest_names::{BUILTINS, MODULE_GLOBALS, TYPE_DIRS};

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance of two names' UTF-8 bytes, or `max_cost + 1` when it is more.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    // The shorter one is the row.
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut diagonal = bi * MOVE_COST;
        result = diagonal;
        let mut minimum = usize::MAX;
        for (ai, &c) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(code, c);
            diagonal = row[ai];
            result = (result.min(diagonal) + MOVE_COST).min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate CPython would suggest for `name`, if any.
pub fn closest<'a>(candidates: &[&'a str], name: &str) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        let mut max = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
            if d == 0 {
                continue;
            }
        }
        let d = distance(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(item, _)| item)
}

/// CPython's trailer for a NameError of `name` raised in a frame with these local
/// variable names and globals (in the dict's order): `. Did you mean: 'print'?`, or "".
/// The builtins searched are CPython's, whichever of them stitch has.
pub fn name_error_hint(name: &str, varnames: &[&str], globals: &[&str]) -> String {
    let mut module: Vec<&str> = Vec::new();
    // A script's globals start with its dunders (stitch's hold only `__name__`).
    for &g in MODULE_GLOBALS.iter().chain(globals) {
        if !module.contains(&g) {
            module.push(g);
        }
    }
    let found = closest(varnames, name).or_else(|| closest(&module, name)).or_else(|| closest(BUILTINS, name));
    hint(found)
}

/// CPython's trailer for an AttributeError of `name` on an object of type `type_name`
/// (its `dir()` searched), or "".
pub fn attribute_error_hint(type_name: &str, name: &str) -> String {
    let dir = TYPE_DIRS.iter().find(|(t, _)| *t == type_name).map(|(_, d)| *d);
    hint(dir.and_then(|d| closest(d, name)))
}

fn hint(found: Option<&str>) -> String {
    match found {
        // Identifiers and attribute names need no escapes in their repr.
        Some(s) => format!(". Did you mean: '{s}'?"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpythons_suggestions() {
        assert_eq!(closest(&["print", "len"], "prnt"), Some("print"));
        assert_eq!(closest(&["count", "index"], "cuont"), Some("count"));
        assert_eq!(closest(&["Print"], "print"), Some("Print"));
        assert_eq!(closest(&["abc"], "xyz"), None);
        assert_eq!(attribute_error_hint("list", "apend"), ". Did you mean: 'append'?");
        // Checked against CPython 3.11.
        assert_eq!(name_error_hint("lenght", &[], &[]), "");
        assert_eq!(name_error_hint("sortd", &[], &[]), ". Did you mean: 'sorted'?");
        assert_eq!(name_error_hint("Len", &[], &[]), ". Did you mean: 'len'?");
        assert_eq!(name_error_hint("totl", &["total"], &["totals"]), ". Did you mean: 'total'?");
    }
}
