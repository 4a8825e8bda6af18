//! The compiler's modules import each other without cycles: every `crate::`,
//! `super::` and `self::` path in the source (and every path through a child
//! module) is an edge from the module it is written in to the module it names,
//! and no module may reach itself along them, nor may a part (a folder under
//! `src/`) reach itself through another. Every file also starts with a `//!` line
//! saying what it is for.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module's path from the crate root (`[]` is the root).
type Module = Vec<String>;

/// The module a file under `src/` defines.
fn module_of(relative: &Path) -> Module {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file.trim_end_matches(".rs");
    if stem != "lib" && stem != "mod" {
        parts.push(stem.to_string());
    }
    parts
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Ident(String),
    /// `::`
    PathSep,
    Punct(char),
}

/// The identifiers and punctuation of Rust source, without comments, string and
/// character literals (whose text could look like a path or a brace) or lifetimes.
fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == '"' {
            i = skip_string(&chars, i + 1);
        } else if c == '\'' {
            if at(i + 1) == '\\' {
                // '\n', '\'', '\u{7f}'
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                // A lifetime: skip it with its name.
                i += 1;
                while at(i).is_alphanumeric() || at(i) == '_' {
                    i += 1;
                }
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while at(i).is_alphanumeric() || at(i) == '_' {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let raw_string = matches!(word.as_str(), "r" | "br" | "cr")
                && (at(i) == '"' || (at(i) == '#' && matches!(at(i + 1), '#' | '"')));
            if raw_string {
                let hashes = chars[i..].iter().take_while(|&&c| c == '#').count();
                i += hashes + 1;
                let close: Vec<char> = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                while i < chars.len() && !chars[i..].starts_with(&close) {
                    i += 1;
                }
                i += close.len();
            } else if matches!(word.as_str(), "b" | "c") && at(i) == '"' {
                i = skip_string(&chars, i + 1);
            } else if word == "r" && at(i) == '#' {
                // A raw identifier.
                let start = i + 1;
                i = start;
                while at(i).is_alphanumeric() || at(i) == '_' {
                    i += 1;
                }
                out.push(Token::Ident(chars[start..i].iter().collect()));
            } else if word == "b" && at(i) == '\'' {
                i = skip_char(&chars, i);
            } else {
                out.push(Token::Ident(word));
            }
        } else if c.is_ascii_digit() {
            while at(i).is_ascii_alphanumeric() || at(i) == '_' {
                i += 1;
            }
        } else if c == ':' && at(i + 1) == ':' {
            out.push(Token::PathSep);
            i += 2;
        } else {
            out.push(Token::Punct(c));
            i += 1;
        }
    }
    out
}

/// The index just past the string literal whose body starts at `i`.
fn skip_string(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// The index just past the byte literal starting at the quote `i`.
fn skip_char(chars: &[char], mut i: usize) -> usize {
    i += 1;
    if chars.get(i) == Some(&'\\') {
        i += 1;
    }
    i += 1;
    while i < chars.len() && chars[i] != '\'' {
        i += 1;
    }
    i + 1
}

/// The paths of a path or use tree starting at token `i` (`a::b::{self, c::*}`
/// gives `a::b` and `a::b::c`), and the index after it.
fn path_tree(tokens: &[Token], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut segments = Vec::new();
    while let Some(Token::Ident(name)) = tokens.get(i) {
        if name != "self" || segments.is_empty() {
            segments.push(name.clone());
        }
        i += 1;
        if tokens.get(i) != Some(&Token::PathSep) {
            return (vec![segments], i);
        }
        i += 1;
        match tokens.get(i) {
            Some(Token::Punct('{')) => {
                i += 1;
                let mut paths = Vec::new();
                while i < tokens.len() && tokens[i] != Token::Punct('}') {
                    let (subs, next) = path_tree(tokens, i);
                    for sub in subs {
                        // `self` in a group is the path before the group.
                        let sub = sub.into_iter().filter(|s| s != "self");
                        paths.push(segments.iter().cloned().chain(sub).collect());
                    }
                    // Skip an `as` alias, then the comma.
                    i = next.max(i + 1);
                    while i < tokens.len() && !matches!(tokens[i], Token::Punct(',' | '}')) {
                        i += 1;
                    }
                    if tokens.get(i) == Some(&Token::Punct(',')) {
                        i += 1;
                    }
                }
                return (paths, i + 1);
            }
            Some(Token::Ident(_)) => {}
            // `*`, or `<` of a turbofish.
            _ => return (vec![segments], i),
        }
    }
    (vec![segments], i)
}

/// The module `path`, written in `from`, names: the deepest module it goes through.
fn resolve(from: &[String], path: &[String], modules: &BTreeSet<Module>) -> Module {
    let mut base: Module = from.to_vec();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &path[1..];
        }
        Some("self") => rest = &path[1..],
        _ => {}
    }
    while rest.first().is_some_and(|s| s == "super") {
        base.pop();
        rest = &rest[1..];
    }
    for segment in rest {
        let mut next = base.clone();
        next.push(segment.clone());
        if !modules.contains(&next) {
            break;
        }
        base = next;
    }
    base
}

/// Module -> the modules it imports, for source files given by their path under
/// `src/`. Modules written inline (`mod tests { ... }`) are modules of their own.
fn import_graph(files: &[(PathBuf, String)]) -> BTreeMap<Module, BTreeSet<Module>> {
    let modules: BTreeSet<Module> = files.iter().map(|(path, _)| module_of(path)).collect();
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (path, source) in files {
        let file_module = module_of(path);
        let tokens = tokens(source);
        // Inline modules open here: (name, brace depth inside them).
        let mut inline: Vec<(String, usize)> = Vec::new();
        let mut depth = 0usize;
        let mut i = 0;
        while i < tokens.len() {
            let current: Module = file_module
                .iter()
                .cloned()
                .chain(inline.iter().map(|(name, _)| name.clone()))
                .collect();
            graph.entry(current.clone()).or_default();
            match &tokens[i] {
                Token::Punct('{') => depth += 1,
                Token::Punct('}') => {
                    if inline.last().is_some_and(|&(_, d)| d == depth) {
                        inline.pop();
                    }
                    depth = depth.saturating_sub(1);
                }
                Token::Ident(word) if word == "mod" => {
                    if let (Some(Token::Ident(name)), Some(Token::Punct('{'))) =
                        (tokens.get(i + 1), tokens.get(i + 2))
                    {
                        depth += 1;
                        inline.push((name.clone(), depth));
                        i += 3;
                        continue;
                    }
                }
                Token::Ident(word)
                    if (i == 0 || tokens[i - 1] != Token::PathSep)
                        && tokens.get(i + 1) == Some(&Token::PathSep) =>
                {
                    let mut child = current.clone();
                    child.push(word.clone());
                    let starts_here = matches!(word.as_str(), "crate" | "super" | "self")
                        || modules.contains(&child);
                    if starts_here {
                        let (paths, next) = path_tree(&tokens, i);
                        for path in paths {
                            let target = resolve(&current, &path, &modules);
                            if target != current {
                                graph.entry(current.clone()).or_default().insert(target);
                            }
                        }
                        i = next;
                        continue;
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }
    graph
}

/// The groups of modules that import each other (directly or not), each sorted.
fn cycles(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    let reach = |from: &Module| -> BTreeSet<Module> {
        let mut seen = BTreeSet::new();
        let mut work: Vec<&Module> = graph.get(from).into_iter().flatten().collect();
        while let Some(m) = work.pop() {
            if seen.insert(m.clone()) {
                work.extend(graph.get(m).into_iter().flatten());
            }
        }
        seen
    };
    let reachable: BTreeMap<&Module, BTreeSet<Module>> =
        graph.keys().map(|m| (m, reach(m))).collect();
    let mut groups: Vec<Vec<Module>> = Vec::new();
    for (m, reached) in &reachable {
        if !reached.contains(*m) || groups.iter().any(|g| g.contains(*m)) {
            continue;
        }
        let group: Vec<Module> = reached
            .iter()
            .filter(|other| reachable.get(other).is_some_and(|r| r.contains(*m)))
            .cloned()
            .collect();
        groups.push(group);
    }
    groups
}

fn name(module: &Module) -> String {
    if module.is_empty() {
        "crate".to_string()
    } else {
        module.join("::")
    }
}

/// Every `.rs` file under `dir`, by its path relative to `root`.
fn source_files(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            source_files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            out.push((relative, text));
        }
    }
}

fn compiler_sources() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &src, &mut files);
    assert!(files.len() > 20, "found only {} files in {}", files.len(), src.display());
    files
}

/// Each group of modules that import each other, with the imports between them.
fn report(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<String> {
    cycles(graph)
        .iter()
        .map(|group| {
            let names: Vec<String> = group.iter().map(name).collect();
            let edges: Vec<String> = group
                .iter()
                .flat_map(|m| {
                    graph[m]
                        .iter()
                        .filter(|t| group.contains(t))
                        .map(move |t| format!("{} -> {}", name(m), name(t)))
                })
                .collect();
            format!("{{{}}}: {}", names.join(", "), edges.join("; "))
        })
        .collect()
}

#[test]
fn modules_import_each_other_without_cycles() {
    let found = report(&import_graph(&compiler_sources()));
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

/// The parts (the folders under `src/`) are layers too: with each module taken as
/// its part, the imports still form no cycle.
#[test]
fn parts_import_each_other_without_cycles() {
    let part = |m: &Module| -> Module { m.iter().take(1).cloned().collect() };
    let mut parts: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, targets) in import_graph(&compiler_sources()) {
        let from = part(&module);
        let imports: Vec<Module> = targets.iter().map(part).filter(|t| *t != from).collect();
        parts.entry(from).or_default().extend(imports);
    }
    let found = report(&parts);
    assert!(found.is_empty(), "import cycles between parts:\n{}", found.join("\n"));
}

#[test]
fn every_file_says_what_it_is_for() {
    for (path, text) in compiler_sources() {
        assert!(
            text.starts_with("//!"),
            "{} does not start with a //! line",
            path.display()
        );
    }
}

/// The checker itself: it finds a cycle through a grouped `use`, `super::super`,
/// a path in an expression and a parent using its child, and is not fooled by
/// comments, strings, characters or inline test modules.
#[test]
fn the_checker_finds_cycles() {
    let file = |path: &str, text: &str| (PathBuf::from(path), text.to_string());
    let files = vec![
        file("lib.rs", "mod a; mod b; pub use a::thing::X;"),
        file("a/mod.rs", "//! a\npub mod thing;\npub mod other;"),
        file("a/thing.rs", "use super::super::b::{self as bee, Y};\n"),
        file(
            "a/other.rs",
            "// use crate::b::Y;\nconst S: &str = \"crate::b::Y {\";\nconst C: char = '{';\n\
             fn f<'a>(x: &'a str) -> u32 { crate::c::Z }\n\
             #[cfg(test)]\nmod tests { use super::*; }\nfn g() { super::thing::X; }",
        ),
        file("b.rs", "fn f() { let _ = crate::a::thing::X::new(); }"),
        file("c.rs", "//! c"),
    ];
    let graph = import_graph(&files);
    let m = |s: &str| -> Module { s.split("::").filter(|p| !p.is_empty()).map(String::from).collect() };
    let set = |names: &[&str]| -> BTreeSet<Module> { names.iter().map(|n| m(n)).collect() };
    assert_eq!(graph[&m("")], set(&["a::thing"]));
    assert_eq!(graph[&m("a::thing")], set(&["b"]));
    assert_eq!(graph[&m("a::other")], set(&["c", "a::thing"]));
    assert_eq!(graph[&m("a::other::tests")], set(&["a::other"]));
    assert_eq!(graph[&m("b")], set(&["a::thing"]));
    assert_eq!(cycles(&graph), vec![vec![m("a::thing"), m("b")]]);
}
