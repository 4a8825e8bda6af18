//! Tier-2 facts: what the projector and the optimizer know about each uop, declared
//! beside it (`moves`, `variant of`, `word of`, `fuses`, `stays`, `jumps`, `proven
//! if`, `proves`, `forgets`, `calls`, `returns`, `checks`; docs/dsl.md). Resolves names
//! to uop ids, stack positions and proof ids, and checks each fact: the uops it names
//! exist, the stack items it names are the uop's, a variant's stack effect is its
//! base's, stand-ins add up to the uop they replace, and no declaration forms a cycle.

use super::Ctx;
use crate::ast::{self, FactKind};
use crate::diagnostic::Diagnostic;
use crate::model::{
    Arg, CallFact, CheckFact, Condition, ConditionKind, Facts, Forget, Fusion, Move, Place, StackVar, Uop, Viability, VariantOf, WordOf,
};
use crate::source::Span;
use std::collections::{BTreeSet, HashMap};

/// Place kinds written `kind[...]`.
const PLACE_KINDS: &[&str] = &["local", "global", "builtin", "const"];

/// What the facts of every uop may refer to.
pub struct Names<'a> {
    pub uop_ids: &'a HashMap<String, usize>,
    /// Types named in type facts, and typeset names with their types.
    pub types: BTreeSet<String>,
    pub typesets: HashMap<String, Vec<String>>,
}

/// Resolves the facts of every uop (`defs` in uop-id order). Returns the proof names,
/// indexed by proof id.
pub fn resolve(ctx: &mut Ctx, defs: &[&ast::UopDef], uops: &mut [Uop], ok: &[bool], names: &Names) -> Vec<String> {
    // Proofs first: `forgets` and `checks ... after` name them.
    let mut proofs: Vec<String> = Vec::new();
    for d in defs {
        for f in &d.facts {
            if let FactKind::Proves(p, ..) = &f.kind
                && !proofs.contains(&p.name)
            {
                proofs.push(p.name.clone());
            }
        }
    }
    proofs.sort();
    let mut all = Vec::with_capacity(defs.len());
    for (id, d) in defs.iter().enumerate() {
        let facts = if ok[id] { uop_facts(ctx, d, id, uops, names, &proofs) } else { Facts::default() };
        all.push(facts);
    }
    for (u, facts) in uops.iter_mut().zip(all) {
        u.facts = facts;
    }
    // A proof of a value (`proves NAME of ITEM`) holds until something may change what
    // it says: a uop that may run Python code (it calls an `invalidates` helper) may
    // change anything, so it forgets every such proof.
    let of_values: BTreeSet<usize> = uops.iter().filter(|u| u.facts.proves_of.is_some()).filter_map(|u| u.facts.proves).collect();
    for u in uops.iter_mut().filter(|u| u.flags.contains(crate::model::Flags::INVALIDATES)) {
        for &p in &of_values {
            if !u.facts.forgets.contains(&Forget::Proof(p)) {
                u.facts.forgets.push(Forget::Proof(p));
            }
        }
    }
    check_stand_ins(ctx, defs, uops, ok);
    check_cycles(ctx, defs, uops);
    proofs
}

fn uop_facts(ctx: &mut Ctx, d: &ast::UopDef, id: usize, uops: &[Uop], names: &Names, proofs: &[String]) -> Facts {
    let u = &uops[id];
    let mut out = Facts::default();
    let mut seen: HashMap<&'static str, Span> = HashMap::new();
    for f in &d.facts {
        let keyword = keyword(&f.kind);
        let single = !matches!(f.kind, FactKind::Moves(_) | FactKind::Variant { .. } | FactKind::Word(_));
        if single && let Some(first) = seen.insert(keyword, f.span) {
            ctx.error(
                Diagnostic::error(f.span, format!("`{keyword}` given twice for `{}`", u.name)).label("again").secondary(first, "first here"),
            );
            continue;
        }
        match &f.kind {
            FactKind::Moves(list) => {
                for (dst, src) in list {
                    let (Some(d2), Some(s2)) = (place(ctx, u, dst, Side::Output), place(ctx, u, src, Side::Input)) else { continue };
                    let is_item = |p: &Place| matches!(p, Place::Input(_) | Place::Output(_));
                    if !is_item(&d2) && !is_item(&s2) {
                        ctx.error(
                            Diagnostic::error(dst.span().to(src.span()), "a move between two places that are not stack items")
                                .label("one side is a stack item of the uop"),
                        );
                        continue;
                    }
                    if matches!(d2, Place::Const(_)) {
                        ctx.error(Diagnostic::error(dst.span(), "a move into a constant").label("constants are read only"));
                        continue;
                    }
                    out.moves.push(Move { dst: d2, src: s2 });
                }
            }
            FactKind::Variant { base, conditions, operand } => {
                let Some(b) = uop_named(ctx, base, names, id) else { continue };
                same_effect(ctx, u, &uops[b], base.span, "variant");
                let base_uop = &uops[b];
                let conditions = conditions.iter().filter_map(|c| condition(ctx, u, base_uop, c, names)).collect();
                let operand = operand.as_ref().and_then(|p| {
                    let resolved = place_in(ctx, u, base_uop, p, Side::Input)?;
                    match resolved {
                        Place::Global(_) | Place::Builtin(_) | Place::Const(_) => Some(resolved),
                        _ => {
                            ctx.error(
                                Diagnostic::error(p.span(), "a variant's operand comes from a global, builtin or constant")
                                    .label("read when the trace is projected")
                                    .note("index it by `oparg` or a cache entry of the base"),
                            );
                            None
                        }
                    }
                });
                out.variant_of.push(VariantOf { base: b, conditions, operand, line: ctx.file.line_col(f.span.lo).line });
            }
            FactKind::Word(list) => {
                for (base, cond) in list {
                    let Some(b) = uop_named(ctx, base, names, id) else { continue };
                    same_effect(ctx, u, &uops[b], base.span, "word form");
                    let condition = cond.as_ref().and_then(|c| parse_block(ctx, c));
                    out.word_of.push(WordOf { base: b, condition });
                }
            }
            FactKind::Fuses(a, b) => {
                let (Some(first), Some(second)) = (uop_named(ctx, &a.uop, names, id), uop_named(ctx, &b.uop, names, id)) else { continue };
                if a.oparg.is_some() {
                    ctx.error(Diagnostic::error(a.oparg.unwrap().1, "only the second uop of a fusion may name its oparg").label("here"));
                }
                let (x, y) = (&uops[first], &uops[second]);
                if x.effect.net() + y.effect.net() != u.effect.net() {
                    ctx.error(
                        Diagnostic::error(f.span, format!("`{}` does not do what `{}` and `{}` do to the stack", u.name, x.name, y.name))
                            .label(format!("the pair changes the stack by {}, this uop by {}", x.effect.net() + y.effect.net(), u.effect.net())),
                    );
                }
                out.fuses = Some(Fusion { first, second, second_oparg: b.oparg.map(|(n, _)| n) });
            }
            FactKind::Stays(list) | FactKind::Jumps(list) => {
                if !u.annotations.replaced {
                    ctx.error(
                        Diagnostic::error(f.span, format!("`{keyword}` on `{}`, which is not `replaced`", u.name))
                            .label("stand-ins are for uops the projector replaces")
                            .note("declare the uop `replaced`"),
                    );
                    continue;
                }
                let ids: Vec<usize> = list.iter().filter_map(|n| uop_named(ctx, n, names, id)).collect();
                if ids.len() != list.len() {
                    continue;
                }
                if matches!(f.kind, FactKind::Stays(_)) {
                    out.stays = Some(ids);
                } else {
                    out.jumps = Some(ids);
                }
            }
            FactKind::ProvenIf(alternatives) => {
                out.proven_if = alternatives.iter().map(|alt| alt.iter().filter_map(|c| condition(ctx, u, u, c, names)).collect()).collect();
            }
            FactKind::Proves(p, of, kinds) => {
                out.proves = proofs.iter().position(|x| *x == p.name);
                if let Some(item) = of {
                    match u.inputs.iter().position(|v| v.name == item.name && !v.is_unused()) {
                        Some(k) if u.outputs.get(k).is_some_and(|o| o.peek && o.name == item.name) && u.inputs[k].size.is_none() => {
                            out.proves_of = Some(k)
                        }
                        _ => ctx.error(
                            Diagnostic::error(item.span, format!("`{}` is not a value `{}` leaves on the stack", item.name, u.name))
                                .label("a proof of a value is about an input the guard peeks")
                                .note(format!("its items are {}", items(u))),
                        ),
                    }
                }
                for k in kinds {
                    match k.name.as_str() {
                        "local" | "global" | "builtin" => out.protects.push(k.name.clone()),
                        other => ctx.error(
                            Diagnostic::error(k.span, format!("`{other}` is not a kind of place"))
                                .label("a proof is for `local`, `global` or `builtin` places"),
                        ),
                    }
                }
            }
            FactKind::Forgets(list) => {
                for n in list {
                    match n.name.as_str() {
                        "global" => out.forgets.push(Forget::Globals),
                        "local" => out.forgets.push(Forget::Locals),
                        name => match proofs.iter().position(|x| x == name) {
                            Some(p) => out.forgets.push(Forget::Proof(p)),
                            None => ctx.error(
                                Diagnostic::error(n.span, format!("`{}` forgets `{name}`, which no uop proves", u.name))
                                    .label("not a proof")
                                    .note("a uop forgets `global`, `local`, or what some guard `proves`"),
                            ),
                        },
                    }
                }
            }
            FactKind::Calls { version, args } => {
                let Some(a) = input_named(ctx, u, args) else { continue };
                if u.inputs[a].size.is_none() {
                    ctx.error(Diagnostic::error(args.span, format!("`{}` is not an array", args.name)).label("the callee's arguments are an array input"));
                    continue;
                }
                if !u.flags.contains(crate::model::Flags::SWITCHES_FRAME) {
                    ctx.error(
                        Diagnostic::error(f.span, format!("`{}` calls a function but never switches frames", u.name))
                            .label("a call pushes the callee's frame")
                            .note("`switch_frame!` to the new frame"),
                    );
                }
                out.calls = Some(CallFact { version_cache: version.name.clone(), args: a });
            }
            FactKind::Returns(v) => {
                if let Some(a) = input_named(ctx, u, v) {
                    out.returns = Some(a);
                }
            }
            FactKind::Checks { place: p, after } => {
                let Some(resolved) = place(ctx, u, p, Side::Input) else { continue };
                if matches!(resolved, Place::Const(_) | Place::Builtin(_) | Place::Output(_)) {
                    ctx.error(Diagnostic::error(p.span(), "entry guards check a local, a global or a stack item").label("here"));
                    continue;
                }
                let after = match after {
                    Some(n) => match proofs.iter().position(|x| *x == n.name) {
                        Some(p) => Some(p),
                        None => {
                            ctx.error(Diagnostic::error(n.span, format!("no uop proves `{}`", n.name)).label("not a proof"));
                            continue;
                        }
                    },
                    None => None,
                };
                out.checks = Some(CheckFact { place: resolved, after });
            }
        }
    }
    out
}

fn keyword(k: &FactKind) -> &'static str {
    match k {
        FactKind::Moves(_) => "moves",
        FactKind::Variant { .. } => "variant",
        FactKind::Word(_) => "word",
        FactKind::Fuses(..) => "fuses",
        FactKind::Stays(_) => "stays",
        FactKind::Jumps(_) => "jumps",
        FactKind::ProvenIf(_) => "proven if",
        FactKind::Proves(..) => "proves",
        FactKind::Forgets(_) => "forgets",
        FactKind::Calls { .. } => "calls",
        FactKind::Returns(_) => "returns",
        FactKind::Checks { .. } => "checks",
    }
}

fn uop_named(ctx: &mut Ctx, name: &ast::Ident, names: &Names, this: usize) -> Option<usize> {
    match names.uop_ids.get(&name.name) {
        Some(&id) if id == this => {
            ctx.error(Diagnostic::error(name.span, format!("`{}` refers to itself", name.name)).label("a fact relates a uop to others"));
            None
        }
        Some(&id) => Some(id),
        None => {
            let mut d = Diagnostic::error(name.span, format!("unknown uop `{}`", name.name)).label("no `op` or `inst` has this name");
            if let Some(best) = super::instructions::closest(&name.name, names.uop_ids.keys()) {
                d = d.note(format!("did you mean `{best}`?"));
            }
            ctx.error(d);
            None
        }
    }
}

/// Which side a stack item is read from when its name is on both (a peek).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Input,
    Output,
}

fn place(ctx: &mut Ctx, u: &Uop, p: &ast::Place, prefer: Side) -> Option<Place> {
    place_in(ctx, u, u, p, prefer)
}

/// A place, its stack items named by `u`'s names and its index by `caches`' cache
/// entries: a variant's conditions index by the base's entries (the variant takes the
/// base's place in a trace, with the base's operand).
fn place_in(ctx: &mut Ctx, u: &Uop, caches: &Uop, p: &ast::Place, prefer: Side) -> Option<Place> {
    match p {
        ast::Place::Item(name) => {
            let input = u.inputs.iter().position(|v| v.name == name.name && !v.is_unused());
            let output = u.outputs.iter().position(|v| v.name == name.name && !v.is_unused());
            match (input, output, prefer) {
                (Some(i), _, Side::Input) | (Some(i), None, Side::Output) => Some(Place::Input(i)),
                (_, Some(o), _) => Some(Place::Output(o)),
                (None, None, _) => {
                    ctx.error(
                        Diagnostic::error(name.span, format!("`{}` is not a stack item of `{}`", name.name, u.name))
                            .label("no input or output has this name")
                            .note(format!("its items are {}", items(u))),
                    );
                    None
                }
            }
        }
        ast::Place::Indexed { kind, arg, span } => {
            if !PLACE_KINDS.contains(&kind.name.as_str()) {
                ctx.error(Diagnostic::error(kind.span, format!("unknown place `{}`", kind.name)).label("not `local`, `global`, `builtin` or `const`"));
                return None;
            }
            let from_operand = match arg.name.name.as_str() {
                "oparg" => false,
                "operand" => true,
                n if caches.caches.iter().any(|c| c.name == n) => true,
                n => {
                    ctx.error(
                        Diagnostic::error(arg.name.span, format!("`{n}` is not `oparg`, `operand` or a cache entry of `{}`", caches.name))
                            .label("an index is the uop's argument, its operand, or its cache entry (its operand in tier 2)"),
                    );
                    return None;
                }
            };
            let (shift, mask) = match &arg.op {
                Some((op, n)) if op == ">>" => {
                    if *n >= 64 {
                        ctx.error(Diagnostic::error(*span, "a shift of 64 bits or more").label("here"));
                        return None;
                    }
                    (*n as u32, None)
                }
                Some((_, n)) => (0, Some(*n)),
                None => (0, None),
            };
            let a = Arg { from_operand, shift, mask };
            Some(match kind.name.as_str() {
                "local" => Place::Local(a),
                "global" => Place::Global(a),
                "builtin" => Place::Builtin(a),
                _ => Place::Const(a),
            })
        }
    }
}

fn items(u: &Uop) -> String {
    let names: BTreeSet<&str> = u.inputs.iter().chain(&u.outputs).filter(|v| !v.is_unused()).map(|v| v.name.as_str()).collect();
    if names.is_empty() { "none".to_string() } else { names.into_iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ") }
}

fn input_named(ctx: &mut Ctx, u: &Uop, name: &ast::Ident) -> Option<usize> {
    let found = u.inputs.iter().position(|v| v.name == name.name && !v.is_unused());
    if found.is_none() {
        ctx.error(
            Diagnostic::error(name.span, format!("`{}` is not an input of `{}`", name.name, u.name))
                .label("not an input")
                .note(format!("its items are {}", items(u))),
        );
    }
    found
}

fn condition(ctx: &mut Ctx, u: &Uop, caches: &Uop, c: &ast::Condition, names: &Names) -> Option<Condition> {
    match c {
        ast::Condition::Watched { place: p, .. } => {
            let resolved = place_in(ctx, u, caches, p, Side::Input)?;
            if !matches!(resolved, Place::Global(_) | Place::Builtin(_)) {
                ctx.error(Diagnostic::error(p.span(), "`watched` applies to a global or a builtin").label("a dict entry"));
                return None;
            }
            Some(Condition { place: resolved, kind: ConditionKind::Watched })
        }
        ast::Condition::Types { place: p, types, .. } => {
            let resolved = place_in(ctx, u, caches, p, Side::Input)?;
            let mut out = Vec::new();
            for t in types {
                if let Some(set) = names.typesets.get(&t.name) {
                    out.extend(set.iter().cloned());
                } else if names.types.contains(&t.name) {
                    out.push(t.name.clone());
                } else {
                    ctx.error(
                        Diagnostic::error(t.span, format!("unknown type `{}`", t.name))
                            .label("not a type of any type fact or typeset")
                            .note("types are those named in stack items (`res: float`) and in `typeset` definitions"),
                    );
                    return None;
                }
            }
            out.sort();
            out.dedup();
            Some(Condition { place: resolved, kind: ConditionKind::Types(out) })
        }
    }
}

/// A variant or word form is rewritten in place of its base: the stacks must agree.
fn same_effect(ctx: &mut Ctx, u: &Uop, base: &Uop, at: Span, what: &str) {
    let shape = |v: &[StackVar]| v.iter().map(|s| s.slots()).collect::<Vec<_>>();
    if shape(&u.inputs) != shape(&base.inputs) || shape(&u.outputs) != shape(&base.outputs) {
        ctx.error(
            Diagnostic::error(at, format!("the {what} `{}` has another stack effect than `{}`", u.name, base.name))
                .label(format!("`{}` is ({}) and `{}` is ({})", u.name, effect_text(u), base.name, effect_text(base)))
                .secondary(base.origin.span, "defined here"),
        );
    }
}

fn effect_text(u: &Uop) -> String {
    let side = |v: &[StackVar]| v.iter().map(|s| match s.size {
        Some(n) => format!("{}[{n}]", s.name),
        None => s.name.clone(),
    }).collect::<Vec<_>>().join(", ");
    format!("{} -- {}", side(&u.inputs), side(&u.outputs))
}

fn parse_block(ctx: &mut Ctx, body: &ast::Body) -> Option<syn::Block> {
    match syn::parse_str::<syn::Block>(&format!("{{{}}}", body.text)) {
        Ok(b) => Some(b),
        Err(e) => {
            ctx.error(Diagnostic::error(body.span, format!("not a Rust expression: {e}")).label("here"));
            None
        }
    }
}

/// Stand-ins are traced in place of a replaced uop: each must be a uop that traces can
/// hold, and together they must do to the stack what the replaced uop does on that path
/// (falling through: its effect; jumping: its inputs popped).
fn check_stand_ins(ctx: &mut Ctx, defs: &[&ast::UopDef], uops: &[Uop], ok: &[bool]) {
    for (id, d) in defs.iter().enumerate() {
        if !ok[id] {
            continue;
        }
        let u = &uops[id];
        for (list, jumping) in [(&u.facts.stays, false), (&u.facts.jumps, true)] {
            let Some(list) = list else { continue };
            let span = d.facts.iter().find(|f| matches!(f.kind, FactKind::Stays(_)) != jumping).map_or(d.span, |f| f.span);
            for &s in list {
                if uops[s].tier2 != Viability::Viable {
                    ctx.error(
                        Diagnostic::error(span, format!("stand-in `{}` cannot be in a trace", uops[s].name))
                            .label(format!("it is {}", uops[s].tier2))
                            .secondary(uops[s].origin.span, "defined here"),
                    );
                }
            }
            let net = list.iter().map(|&s| uops[s].effect.net()).fold(crate::size::Size::ZERO, |a, b| a + b);
            let want = if jumping { crate::size::Size::ZERO - u.effect.popped } else { u.effect.net() };
            if net != want {
                ctx.error(
                    Diagnostic::error(span, format!("the stand-ins of `{}` change the stack by {net}, not {want}", u.name))
                        .label(if jumping { "jumping, the replaced uop pops its inputs" } else { "falling through, they do what the replaced uop does" }),
                );
            }
        }
        if u.annotations.replaced && u.facts.stays.is_none() && u.facts.jumps.is_none() && u.flags.contains(crate::model::Flags::JUMPS) {
            // A replaced jump without stand-ins ends the trace; that is allowed (the back edge).
        }
    }
}

/// `variant of` and `word of` point from a uop to the one it stands for; following them
/// must never come back.
fn check_cycles(ctx: &mut Ctx, defs: &[&ast::UopDef], uops: &[Uop]) {
    let edges: Vec<Vec<usize>> =
        uops.iter().map(|u| u.facts.variant_of.iter().map(|v| v.base).chain(u.facts.word_of.iter().map(|w| w.base)).collect()).collect();
    // 0: not visited, 1: on the path, 2: done.
    let mut state = vec![0u8; uops.len()];
    fn visit(n: usize, edges: &[Vec<usize>], state: &mut [u8], path: &mut Vec<usize>) -> Option<Vec<usize>> {
        state[n] = 1;
        path.push(n);
        for &m in &edges[n] {
            if state[m] == 1 {
                let at = path.iter().position(|&x| x == m).unwrap_or(0);
                return Some(path[at..].to_vec());
            }
            if state[m] == 0
                && let Some(c) = visit(m, edges, state, path)
            {
                return Some(c);
            }
        }
        path.pop();
        state[n] = 2;
        None
    }
    for start in 0..uops.len() {
        if state[start] != 0 {
            continue;
        }
        let mut path = Vec::new();
        if let Some(cycle) = visit(start, &edges, &mut state, &mut path) {
            let names: Vec<String> = cycle.iter().chain(cycle.first()).map(|&i| format!("`{}`", uops[i].name)).collect();
            ctx.error(
                Diagnostic::error(defs[cycle[0]].name.span, "variants form a cycle")
                    .label(names.join(" stands for "))
                    .note("a variant stands for a more general uop, never back"),
            );
        }
    }
    for (id, u) in uops.iter().enumerate() {
        if let Some(f) = u.facts.fuses
            && (f.first == id || f.second == id)
        {
            ctx.error(Diagnostic::error(defs[id].name.span, format!("`{}` fuses itself", u.name)).label("here"));
        }
    }
}
