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

const KEYWORDS: &[&str] = &["op", "inst", "macro", "family", "layout", "helper", "const", "shared", "typeset"];

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
        | Rule::helper_def | Rule::const_def | Rule::shared_def | Rule::typeset_def | Rule::item_start | Rule::doc => {
            "a definition (`op`, `inst`, `macro`, `family`, `layout`, `helper`, `const`, `shared` or `typeset`)"
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
        Rule::place | Rule::place_kind => "a stack item, or `local[...]`, `global[...]`, `builtin[...]` or `const[...]`",
        Rule::condition => "a condition `place: type` or `watched(place)`",
        Rule::type_union => "a type or a union `a | b`",
        Rule::member => "a family member",
        Rule::path => "a path to a function",
        Rule::kw_moves | Rule::kw_variant | Rule::kw_word | Rule::kw_fuses | Rule::kw_stays | Rule::kw_jumps | Rule::kw_proven
        | Rule::kw_proves | Rule::kw_forgets | Rule::kw_calls | Rule::kw_returns | Rule::kw_checks => {
            "a tier-2 fact (`moves`, `variant`, `word`, `fuses`, `stays`, `jumps`, `proven`, `proves`, `forgets`, `calls`, `returns`, `checks`)"
        }
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
                let mut facts = Vec::new();
                let mut body = None;
                for p in inner {
                    if p.as_rule() == Rule::body {
                        body = Some(self.body(p));
                    } else {
                        facts.push(self.fact(p));
                    }
                }
                let body = body.expect("the grammar ends a uop with its body");
                Item::Uop(UopDef { docs, annotations, kind, name, inputs, outputs, effect_span, facts, body, span })
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
                let members = inner
                    .map(|p| {
                        let mut it = p.into_inner();
                        Member { name: self.ident(it.next().unwrap()), predicate: it.next().map(|b| self.body(b)) }
                    })
                    .collect();
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
                let mut ret = None;
                let mut forwards_to = None;
                for p in inner {
                    match p.as_rule() {
                        Rule::path => forwards_to = Some((p.as_str().to_string(), self.span(&p))),
                        _ => ret = Some(self.type_ref(p)),
                    }
                }
                Item::Helper(HelperDef { docs, annotations, name, params, ret, forwards_to, span })
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
            Rule::typeset_def => {
                let name = self.ident(inner.next().unwrap());
                let types = inner.next().unwrap().into_inner().map(|t| self.ident(t)).collect();
                Item::Typeset(TypesetDef { docs, name, types, span })
            }
            other => unreachable!("grammar: {other:?} is not a definition"),
        }
    }

    fn fact(&self, pair: Pair<Rule>) -> Fact {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        // The keyword comes first.
        let mut it = pair.into_inner().skip(1).peekable();
        let kind = match rule {
            Rule::moves_fact => FactKind::Moves(
                it.map(|a| {
                    let mut sides = a.into_inner();
                    (self.place(sides.next().unwrap()), self.place(sides.next().unwrap()))
                })
                .collect(),
            ),
            Rule::variant_fact => {
                let base = self.ident(it.next().unwrap());
                let mut conditions = Vec::new();
                let mut operand = None;
                for p in it {
                    match p.as_rule() {
                        Rule::condition => conditions.push(self.condition(p)),
                        _ => operand = Some(self.place(p)),
                    }
                }
                FactKind::Variant { base, conditions, operand }
            }
            Rule::word_fact => FactKind::Word(
                it.map(|w| {
                    let mut parts = w.into_inner();
                    (self.ident(parts.next().unwrap()), parts.next().map(|b| self.body(b)))
                })
                .collect(),
            ),
            Rule::fuses_fact => {
                let part = |p: Pair<Rule>| {
                    let mut parts = p.into_inner();
                    let uop = self.ident(parts.next().unwrap());
                    let oparg = parts.next().map(|n| (self.number(&n), self.span(&n)));
                    FusePart { uop, oparg }
                };
                let a = part(it.next().unwrap());
                FactKind::Fuses(a, part(it.next().unwrap()))
            }
            Rule::stays_fact => FactKind::Stays(it.next().unwrap().into_inner().map(|i| self.ident(i)).collect()),
            Rule::jumps_fact => FactKind::Jumps(it.next().unwrap().into_inner().map(|i| self.ident(i)).collect()),
            Rule::proven_fact => FactKind::ProvenIf(it.map(|alt| alt.into_inner().map(|c| self.condition(c)).collect()).collect()),
            Rule::proves_fact => {
                let proof = self.ident(it.next().unwrap());
                let mut rest = it.peekable();
                let of = match rest.peek() {
                    Some(p) if p.as_rule() == Rule::proves_of => Some(self.ident(rest.next().unwrap().into_inner().next().unwrap())),
                    _ => None,
                };
                FactKind::Proves(proof, of, rest.map(|i| self.ident(i)).collect())
            }
            Rule::forgets_fact => FactKind::Forgets(it.map(|i| self.ident(i)).collect()),
            Rule::calls_fact => {
                let version = self.ident(it.next().unwrap());
                FactKind::Calls { version, args: self.ident(it.next().unwrap()) }
            }
            Rule::returns_fact => FactKind::Returns(self.ident(it.next().unwrap())),
            Rule::checks_fact => {
                let place = self.place(it.next().unwrap());
                FactKind::Checks { place, after: it.next().map(|i| self.ident(i)) }
            }
            other => unreachable!("grammar: {other:?} is not a fact"),
        };
        Fact { kind, span }
    }

    fn place(&self, pair: Pair<Rule>) -> Place {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        let first = it.next().unwrap();
        if first.as_rule() == Rule::ident {
            return Place::Item(self.ident(first));
        }
        let kind = Ident { name: first.as_str().to_string(), span: self.span(&first) };
        let mut arg = it.next().unwrap().into_inner();
        let name = self.ident(arg.next().unwrap());
        let op = arg.next().map(|o| (o.as_str().to_string(), self.number(&arg.next().unwrap())));
        Place::Indexed { kind, arg: ArgExpr { name, op }, span }
    }

    fn condition(&self, pair: Pair<Rule>) -> Condition {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        let first = it.next().unwrap();
        if first.as_rule() == Rule::watched {
            return Condition::Watched { place: self.place(it.next().unwrap()), span };
        }
        let place = self.place(first);
        let types = it.next().unwrap().into_inner().map(|t| self.ident(t)).collect();
        Condition::Types { place, types, span }
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
