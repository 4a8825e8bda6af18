//! From text to `ast::File`, one definition at a time: a syntax error is reported, the
//! parser skips to the next line that starts a definition, and goes on, so that one
//! run shows every broken definition.

use crate::ast::*;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::{SourceFile, Span};
use pest::Parser as _;
use pest::iterators::Pair;

#[derive(pest_derive::Parser)]
#[grammar = "grammar.pest"]
struct UopsParser;

const KEYWORDS: &[&str] = &["op", "inst", "macro", "family", "layout", "helper", "const", "shared"];

/// Parses a whole file. Syntax errors go to `diags`; the definitions that parsed are kept.
pub fn parse(file: &SourceFile, diags: &mut Diagnostics) -> File {
    let text = file.text.as_str();
    let mut items = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let rest = &text[pos..];
        // Items first: a failed parse makes a pest error, whose position pest finds by
        // scanning from the end of the input, so the end-of-file probe is left for when
        // no item parses.
        match UopsParser::parse(Rule::item_start, rest) {
            Ok(mut pairs) => {
                let start = pairs.next().expect("item_start always yields itself");
                let item = start.into_inner().next().expect("item_start holds an item");
                let end = item.as_span().end();
                items.push(Lower { base: pos }.item(item));
                pos += end;
            }
            Err(_) if UopsParser::parse(Rule::trailing, rest).is_ok() => break,
            Err(err) => {
                let (at, message) = describe(&err);
                let at = pos + at;
                diags.push(Diagnostic::error(Span::new(at, next_char(text, at)), message).label("here"));
                match recover(text, at) {
                    Some(next) => pos = next,
                    None => break,
                }
            }
        }
    }
    File { items }
}

fn next_char(text: &str, at: usize) -> usize {
    text[at.min(text.len())..].chars().next().map_or(at, |c| at + c.len_utf8())
}

/// The start of the first line after `at` that looks like the start of a definition.
fn recover(text: &str, at: usize) -> Option<usize> {
    let mut line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    loop {
        let next = text[line_start..].find('\n')? + line_start + 1;
        line_start = next;
        let line = &text[line_start..];
        let line = line.split('\n').next().unwrap_or("");
        if line.starts_with("///") {
            return Some(line_start);
        }
        let starts_word = line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
        let has_keyword = line
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .take_while(|w| !w.is_empty())
            .any(|w| KEYWORDS.contains(&w));
        if starts_word && has_keyword {
            return Some(line_start);
        }
    }
}

/// Where a pest error is and what it says, in the language of docs/dsl.md.
fn describe(err: &pest::error::Error<Rule>) -> (usize, String) {
    let at = match err.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((p, _)) => p,
    };
    let message = match &err.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            let mut wanted: Vec<&str> = positives.iter().filter_map(|r| rule_name(*r)).collect();
            wanted.sort();
            wanted.dedup();
            match wanted.as_slice() {
                [] => "syntax error".to_string(),
                [one] => format!("expected {one}"),
                [init @ .., last] => format!("expected {} or {last}", init.join(", ")),
            }
        }
        pest::error::ErrorVariant::CustomError { message } => message.clone(),
    };
    (at, message)
}

fn rule_name(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::ident | Rule::annotation => "a name",
        Rule::number => "a number",
        Rule::string => "a string",
        Rule::uop_def | Rule::uop_kind | Rule::macro_def | Rule::family_def | Rule::layout_def
        | Rule::helper_def | Rule::const_def | Rule::shared_def | Rule::item_start | Rule::doc => {
            "a definition (`op`, `inst`, `macro`, `family`, `layout`, `helper`, `const` or `shared`)"
        }
        Rule::effect => "a stack effect `(inputs -- outputs)`",
        Rule::inputs | Rule::cache_item | Rule::stack_item => "a stack item or cache entry",
        Rule::outputs => "a stack item",
        Rule::size_expr | Rule::add_op => "an array size",
        Rule::item_type => "a type",
        Rule::body => "a body `{ ... }`",
        Rule::field => "a field `name: type`",
        Rule::type_ref | Rule::ptr_type | Rule::array_type => "a type",
        Rule::ptr_mut => "`mut` or `const`",
        Rule::params | Rule::param => "a parameter `name: type`",
        Rule::EOI => "the end of the file",
        _ => return None,
    })
}

/// Turns pest pairs into AST nodes; `base` is where the parsed slice starts in the file.
struct Lower {
    base: usize,
}

impl Lower {
    fn span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.base + s.start(), self.base + s.end())
    }

    fn ident(&self, pair: Pair<Rule>) -> Ident {
        debug_assert!(matches!(pair.as_rule(), Rule::ident | Rule::annotation));
        let pair = if pair.as_rule() == Rule::annotation { pair.into_inner().next().unwrap() } else { pair };
        Ident { name: pair.as_str().to_string(), span: self.span(&pair) }
    }

    fn number(&self, pair: &Pair<Rule>) -> u64 {
        // The grammar admits only digits; an absurdly long number saturates and is
        // then rejected by the analysis as out of range.
        pair.as_str().parse().unwrap_or(u64::MAX)
    }

    fn docs(&self, pair: Pair<Rule>) -> String {
        let lines: Vec<&str> = pair.into_inner().map(|d| d.as_str()[3..].strip_prefix(' ').unwrap_or(&d.as_str()[3..])).collect();
        lines.join("\n")
    }

    fn item(&self, pair: Pair<Rule>) -> Item {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = pair.into_inner().peekable();
        let docs = self.docs(inner.next().expect("every definition starts with docs"));
        let mut annotations = Vec::new();
        while let Some(p) = inner.peek() {
            if p.as_rule() != Rule::annotation {
                break;
            }
            annotations.push(self.ident(inner.next().unwrap()));
        }
        match rule {
            Rule::uop_def => {
                let kind = if inner.next().unwrap().as_str() == "op" { UopKind::Op } else { UopKind::Inst };
                let name = self.ident(inner.next().unwrap());
                let effect = inner.next().unwrap();
                let effect_span = self.span(&effect);
                let mut parts = effect.into_inner();
                let inputs = parts.next().unwrap().into_inner().map(|p| self.input(p)).collect();
                let outputs = parts.next().unwrap().into_inner().map(|p| self.stack_item(p)).collect();
                let body = self.body(inner.next().unwrap());
                Item::Uop(UopDef { docs, annotations, kind, name, inputs, outputs, effect_span, body, span })
            }
            Rule::macro_def => {
                let name = self.ident(inner.next().unwrap());
                let parts = inner
                    .map(|p| match p.as_rule() {
                        Rule::cache_item => MacroPart::Cache(self.cache_item(p)),
                        _ => MacroPart::Uop(self.ident(p)),
                    })
                    .collect();
                Item::Macro(MacroDef { docs, annotations, name, parts, span })
            }
            Rule::family_def => {
                let head = self.ident(inner.next().unwrap());
                let members = inner.map(|p| self.ident(p)).collect();
                Item::Family(FamilyDef { docs, head, members, span })
            }
            Rule::layout_def => {
                let name = self.ident(inner.next().unwrap());
                let mut declared_size = None;
                let mut fields = Vec::new();
                for p in inner {
                    match p.as_rule() {
                        Rule::number => declared_size = Some((self.number(&p), self.span(&p))),
                        _ => fields.push(self.field(p)),
                    }
                }
                Item::Layout(LayoutDef { docs, name, declared_size, fields, span })
            }
            Rule::helper_def => {
                let name = self.ident(inner.next().unwrap());
                let params = inner
                    .next()
                    .unwrap()
                    .into_inner()
                    .map(|p| {
                        let mut it = p.into_inner();
                        Param { name: self.ident(it.next().unwrap()), ty: self.type_ref(it.next().unwrap()) }
                    })
                    .collect();
                let ret = inner.next().map(|p| self.type_ref(p));
                Item::Helper(HelperDef { docs, annotations, name, params, ret, span })
            }
            Rule::const_def => {
                let name = self.ident(inner.next().unwrap());
                let ty = self.type_ref(inner.next().unwrap());
                let value = self.number(&inner.next().unwrap());
                Item::Const(ConstDef { docs, name, ty, value, span })
            }
            Rule::shared_def => {
                let name = self.ident(inner.next().unwrap());
                let path = inner.next().unwrap().as_str().trim_matches('"').to_string();
                Item::Shared(SharedDef { docs, name, path, span })
            }
            other => unreachable!("grammar: {other:?} is not a definition"),
        }
    }

    fn input(&self, pair: Pair<Rule>) -> Input {
        match pair.as_rule() {
            Rule::cache_item => Input::Cache(self.cache_item(pair)),
            _ => Input::Stack(self.stack_item(pair)),
        }
    }

    fn cache_item(&self, pair: Pair<Rule>) -> CacheItem {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        let name = self.ident(it.next().unwrap());
        let units = self.number(&it.next().unwrap()).min(u32::MAX as u64) as u32;
        CacheItem { name, units, span }
    }

    fn stack_item(&self, pair: Pair<Rule>) -> StackItem {
        let span = self.span(&pair);
        let mut it = pair.into_inner().peekable();
        let name = self.ident(it.next().unwrap());
        let ty = match it.peek() {
            Some(p) if p.as_rule() == Rule::item_type => Some(self.ident(it.next().unwrap().into_inner().next().unwrap())),
            _ => None,
        };
        let size = it.next().map(|p| self.size_expr(p));
        StackItem { name, ty, size, span }
    }

    fn size_expr(&self, pair: Pair<Rule>) -> SizeExpr {
        let mut it = pair.into_inner();
        let mut acc = self.size_term(it.next().unwrap());
        while let Some(op) = it.next() {
            let rhs = self.size_term(it.next().unwrap());
            acc = if op.as_str() == "+" { SizeExpr::Add(acc.into(), rhs.into()) } else { SizeExpr::Sub(acc.into(), rhs.into()) };
        }
        acc
    }

    fn size_term(&self, pair: Pair<Rule>) -> SizeExpr {
        let mut atoms = pair.into_inner().map(|a| self.size_atom(a));
        let first = atoms.next().unwrap();
        atoms.fold(first, |acc, a| SizeExpr::Mul(acc.into(), a.into()))
    }

    fn size_atom(&self, pair: Pair<Rule>) -> SizeExpr {
        match pair.as_rule() {
            Rule::number => SizeExpr::Int(self.number(&pair).min(i64::MAX as u64) as i64, self.span(&pair)),
            Rule::ident => SizeExpr::Name(self.ident(pair)),
            _ => self.size_expr(pair),
        }
    }

    fn body(&self, pair: Pair<Rule>) -> Body {
        let text = pair.into_inner().next().unwrap();
        Body { text: text.as_str().to_string(), span: self.span(&text) }
    }

    fn field(&self, pair: Pair<Rule>) -> Field {
        let mut it = pair.into_inner();
        let docs = self.docs(it.next().unwrap());
        let name = self.ident(it.next().unwrap());
        let ty = self.type_ref(it.next().unwrap());
        Field { docs, name, ty }
    }

    fn type_ref(&self, pair: Pair<Rule>) -> TypeRef {
        let inner = pair.into_inner().next().unwrap();
        let span = self.span(&inner);
        match inner.as_rule() {
            Rule::ident => TypeRef::Named(self.ident(inner)),
            Rule::ptr_type => {
                let mut it = inner.into_inner();
                let mutable = it.next().unwrap().as_str() == "mut";
                TypeRef::Ptr { mutable, inner: Box::new(self.type_ref(it.next().unwrap())), span }
            }
            _ => {
                let mut it = inner.into_inner();
                let elem = Box::new(self.type_ref(it.next().unwrap()));
                let len = it.next().map(|n| self.number(&n));
                TypeRef::Array { elem, len, span }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> File {
        let file = SourceFile::new("t.uops", text);
        let mut diags = Diagnostics::default();
        let parsed = parse(&file, &mut diags);
        assert!(diags.is_empty(), "{}", diags.render(&file));
        parsed
    }

    #[test]
    fn parses_each_kind_of_definition() {
        let f = parse_ok(
            "/// Adds.\npure op _ADD (left, right -- res) { res = left; }\n\
             inst NOP (--) {}\n\
             macro ADD = unused/1 + counter/1 + _ADD;\n\
             family ADD = [ADD_INT, ADD_FLOAT,];\n\
             layout ExitData: 16 { executor: *mut Executor, target: u32, hotness: i16 }\n\
             noescape helper add(a: Value, b: Value) -> Value;\n\
             const MAX: u32 = 512;\n\
             shared value = \"src/value.rs\";\n",
        );
        assert_eq!(f.items.len(), 8);
        let Item::Uop(op) = &f.items[0] else { panic!() };
        assert_eq!(op.docs, "Adds.");
        assert_eq!(op.annotations[0].name, "pure");
        assert_eq!(op.body.text, " res = left; ");
        let Item::Macro(m) = &f.items[2] else { panic!() };
        assert_eq!(m.parts.len(), 3);
    }

    #[test]
    fn bodies_may_hold_braces_in_strings_chars_and_comments() {
        let f = parse_ok("op _A (--) { let c = '}'; let s = \"}\"; // }\n let r = r#\"}\"#; { } }\n");
        let Item::Uop(op) = &f.items[0] else { panic!() };
        assert!(op.body.text.contains("{ }"));
    }

    #[test]
    fn recovers_after_a_syntax_error() {
        let file = SourceFile::new("t.uops", "op _A (a -- ) {}\nop _B (a b -- c) {}\nmacro M = ;\nop _C (--) {}\n");
        let mut diags = Diagnostics::default();
        let parsed = parse(&file, &mut diags);
        assert_eq!(diags.len(), 2, "{}", diags.render(&file));
        assert_eq!(parsed.items.len(), 2);
    }
}
