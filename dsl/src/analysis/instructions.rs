//! Instructions (`inst` and `macro`), their cache layout, stack plan, flags, tier-2
//! expansion, and families.

use super::Ctx;
use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::body::Form;
use crate::model::{
    CacheBinding, Expansion, Family, Flags, InstPart, Instruction, OperandSource, Selection, StackEffect, StackPlan, Uop, Viability,
};
use crate::source::Span;
use std::collections::HashMap;

/// An instruction definition: an `inst` (which is also a uop) or a `macro`.
pub enum InstDef<'a> {
    Inst(&'a ast::UopDef),
    Macro(&'a ast::MacroDef),
}

impl InstDef<'_> {
    pub fn name(&self) -> &ast::Ident {
        match self {
            InstDef::Inst(d) => &d.name,
            InstDef::Macro(d) => &d.name,
        }
    }
}

pub fn instruction(
    ctx: &mut Ctx,
    def: &InstDef,
    opcode: u16,
    uops: &[Uop],
    ok: &[bool],
    uop_ids: &HashMap<String, usize>,
    uop_defs: &HashMap<String, &ast::UopDef>,
) -> Option<Instruction> {
    let (name, docs, span) = match def {
        InstDef::Inst(d) => (&d.name, &d.docs, d.span),
        InstDef::Macro(d) => (&d.name, &d.docs, d.span),
    };
    let mut parts = Vec::new();
    let mut offset = 0u32;
    let mut part_spans = Vec::new();
    match def {
        InstDef::Inst(d) => {
            let u = uop_ids[&d.name.name];
            if !ok[u] {
                return None;
            }
            let uop = &uops[u];
            let caches = uop.caches.iter().map(|c| bind(c, &mut offset)).collect();
            parts.push(InstPart::Uop { uop: uop_ids[&d.name.name], caches });
            part_spans.push(d.name.span);
        }
        InstDef::Macro(m) => {
            super::uops::annotations(ctx, &m.annotations, &[]);
            let mut named: HashMap<String, (u32, u32, Span)> = HashMap::new();
            let mut broken = false;
            for part in &m.parts {
                match part {
                    ast::MacroPart::Cache(c) => {
                        super::uops::check_cache_size(ctx, c);
                        if !c.is_unused() {
                            if let Some((_, _, first)) = named.get(&c.name.name) {
                                ctx.error(
                                    Diagnostic::error(c.span, format!("cache entry `{}` appears twice in `{}`", c.name.name, m.name.name))
                                        .label("again")
                                        .secondary(*first, "first here"),
                                );
                            }
                            named.insert(c.name.name.clone(), (offset, c.units, c.span));
                        }
                        parts.push(InstPart::Cache { name: c.name.name.clone(), units: c.units, offset });
                        offset += c.units;
                    }
                    ast::MacroPart::Uop(id) => {
                        let Some(&u) = uop_ids.get(&id.name) else {
                            let mut d = Diagnostic::error(id.span, format!("unknown uop `{}` in macro `{}`", id.name, m.name.name))
                                .label("no `op` has this name");
                            if let Some(best) = closest(&id.name, uop_ids.keys()) {
                                d = d.note(format!("did you mean `{best}`?"));
                            }
                            ctx.error(d);
                            broken = true;
                            continue;
                        };
                        if let Some(def) = uop_defs.get(&id.name)
                            && def.kind == ast::UopKind::Inst
                        {
                            ctx.error(
                                Diagnostic::error(id.span, format!("`{}` is an `inst`, not an `op`", id.name))
                                    .label("macros are made of `op`s")
                                    .secondary(def.name.span, "defined with `inst` here"),
                            );
                            broken = true;
                            continue;
                        }
                        if !ok[u] {
                            broken = true;
                            continue;
                        }
                        let uop = &uops[u];
                        let mut caches = Vec::new();
                        for c in &uop.caches {
                            match named.get(&c.name) {
                                Some(&(at, units, entry)) if !c.is_unused() => {
                                    if units != c.units {
                                        ctx.error(
                                            Diagnostic::error(id.span, format!("`{}` reads `{}/{}` but the macro's entry is `{}/{units}`", uop.name, c.name, c.units, c.name))
                                                .label("sizes differ")
                                                .secondary(entry, "the macro's entry"),
                                        );
                                    }
                                    caches.push(CacheBinding { name: c.name.clone(), units: c.units, offset: at });
                                }
                                _ => caches.push(bind(c, &mut offset)),
                            }
                        }
                        parts.push(InstPart::Uop { uop: u, caches });
                        part_spans.push(id.span);
                    }
                }
            }
            if broken {
                return None;
            }
        }
    }

    let steps: Vec<usize> = parts
        .iter()
        .filter_map(|p| match p {
            InstPart::Uop { uop, .. } => Some(*uop),
            InstPart::Cache { .. } => None,
        })
        .collect();
    check_steps(ctx, &name.name, &steps, &part_spans, uops);
    let plan = super::stack::plan(ctx, uops, &steps, &name.name, span)?;
    let tier2 = viability(&steps, uops);
    let mut flags = steps.iter().fold(Flags::NONE, |f, &u| f | uops[u].flags);
    // An instruction is pure only if all its uops are; tier-1 only if tier 2 cannot
    // take it (a specializing uop alone does not make it so).
    if !steps.iter().all(|&u| uops[u].flags.contains(Flags::PURE)) {
        flags.0 &= !Flags::PURE.0;
    }
    if tier2.is_viable() {
        flags.0 &= !Flags::TIER1_ONLY.0;
    }
    let expansion = expansion(&parts, uops);
    Some(Instruction {
        opcode,
        name: name.name.clone(),
        docs: docs.clone(),
        origin: ctx.origin(span),
        parts,
        cache_units: offset,
        effect: plan.effect,
        flags,
        family: None,
        deopt_target: opcode,
        plan,
        tier2,
        expansion,
        history: None,
        callee: None,
        fuses: None,
    })
}

/// Stands in for a uop whose definition has errors, so that ids stay dense.
pub fn placeholder() -> Uop {
    Uop {
        id: 0,
        name: String::new(),
        docs: String::new(),
        origin: crate::model::Origin { line: 0, span: Span::default() },
        name_span: Span::default(),
        is_inst: false,
        annotations: Default::default(),
        inputs: vec![],
        outputs: vec![],
        caches: vec![],
        body: syn::parse_quote!({}),
        body_line: 0,
        flags: Flags::NONE,
        effect: StackEffect::default(),
        plan: StackPlan::default(),
        tier2: Viability::Viable,
        facts: Default::default(),
    }
}

fn bind(c: &crate::model::CacheVar, offset: &mut u32) -> CacheBinding {
    let b = CacheBinding { name: c.name.clone(), units: c.units, offset: *offset };
    *offset += c.units;
    b
}

/// Rules about the order of uops inside one instruction.
fn check_steps(ctx: &mut Ctx, name: &str, steps: &[usize], spans: &[Span], uops: &[Uop]) {
    let mut changed_by: Option<usize> = None;
    for (k, &u) in steps.iter().enumerate() {
        let uop = &uops[u];
        let span = spans.get(k).copied().unwrap_or_default();
        if uop.flags.contains(Flags::TIER2_ONLY) {
            ctx.error(
                Diagnostic::error(span, format!("tier-2 uop `{}` in instruction `{name}`", uop.name))
                    .label("tier 1 cannot run it")
                    .secondary(uop.origin.span, "declared `tier2` here"),
            );
        }
        if let Some(prev) = changed_by
            && (uop.flags.contains(Flags::HAS_EXIT) || uop.flags.contains(Flags::HAS_DEOPT))
        {
            ctx.error(
                Diagnostic::error(span, format!("guard in `{}` after `{}` changed the stack or escaped", uop.name, uops[steps[prev]].name))
                    .label("a failed guard re-executes the instruction from its start")
                    .note("put guards before the uops that pop, push, escape or raise"),
            );
        }
        let changes = uop.inputs.iter().any(|i| !uop.outputs.iter().any(|o| o.peek && o.name == i.name))
            || uop.outputs.iter().any(|o| !o.peek)
            || uop.flags.contains(Flags::ESCAPES)
            || uop.flags.contains(Flags::HAS_ERROR);
        if changes && changed_by.is_none() {
            changed_by = Some(k);
        }
        // The callee returns to the next instruction, so uops after a frame switch
        // would be skipped.
        if uop.flags.contains(Flags::SWITCHES_FRAME) && k + 1 != steps.len() {
            ctx.error(
                Diagnostic::error(span, format!("`{}` switches frames but is not the last uop of `{name}`", uop.name))
                    .label("the callee returns to the next instruction")
                    .note("the uops after it would not run after the call"),
            );
        }
    }
}

fn viability(steps: &[usize], uops: &[Uop]) -> Viability {
    let mut result = Viability::Viable;
    for &u in steps {
        match &uops[u].tier2 {
            Viability::NotViable(why) => return Viability::NotViable(format!("`{}` {why}", uops[u].name)),
            Viability::Replaced => result = Viability::Replaced,
            Viability::Skipped | Viability::Viable => {}
        }
    }
    result
}

fn expansion(parts: &[InstPart], uops: &[Uop]) -> Vec<Expansion> {
    let mut out = Vec::new();
    for part in parts {
        let InstPart::Uop { uop, caches } = part else { continue };
        let u = &uops[*uop];
        if u.tier2 == Viability::Skipped {
            continue;
        }
        let operand = if u.tier2 == Viability::Replaced {
            OperandSource::Replaced
        } else {
            match caches.iter().find(|c| c.name != "unused") {
                Some(c) => OperandSource::Cache { offset: c.offset, units: c.units },
                None => OperandSource::None,
            }
        };
        out.push(Expansion { uop: *uop, operand });
    }
    out
}

/// Resolves families, checks their consistency, and sets each member's deopt target.
pub fn families(
    ctx: &mut Ctx,
    defs: &[&ast::FamilyDef],
    instructions: &mut [Option<Instruction>],
    ids: &HashMap<String, usize>,
    uops: &[Uop],
) -> Vec<Family> {
    let mut out = Vec::new();
    let mut member_of: HashMap<usize, Span> = HashMap::new();
    for def in defs {
        let Some(&head) = ids.get(&def.head.name) else {
            ctx.error(Diagnostic::error(def.head.span, format!("unknown instruction `{}` heads a family", def.head.name)).label("not an instruction"));
            continue;
        };
        if let Some(first) = member_of.insert(head, def.head.span) {
            ctx.error(
                Diagnostic::error(def.head.span, format!("`{}` is already in a family", def.head.name))
                    .label("again")
                    .secondary(first, "first here"),
            );
        }
        let family_index = out.len();
        let mut members = Vec::new();
        let mut selection = Vec::new();
        for member in &def.members {
            let m = &member.name;
            let Some(&id) = ids.get(&m.name) else {
                let mut d = Diagnostic::error(m.span, format!("unknown instruction `{}` in family `{}`", m.name, def.head.name))
                    .label("not an instruction");
                if let Some(best) = closest(&m.name, ids.keys()) {
                    d = d.note(format!("did you mean `{best}`?"));
                }
                ctx.error(d);
                continue;
            };
            if let Some(first) = member_of.insert(id, m.span) {
                ctx.error(
                    Diagnostic::error(m.span, format!("`{}` is already in a family", m.name))
                        .label("again")
                        .secondary(first, "first here"),
                );
                continue;
            }
            members.push(id);
            let predicate = member.predicate.as_ref().and_then(|b| match syn::parse_str::<syn::Block>(&format!("{{{}}}", b.text)) {
                Ok(block) => Some((block, ctx.file.line_col(b.span.lo).line)),
                Err(e) => {
                    ctx.error(Diagnostic::error(b.span, format!("the predicate of `{}` is not a Rust block: {e}", m.name)).label("here"));
                    None
                }
            });
            let caches = instructions[id].as_ref().map_or_else(Vec::new, named_caches);
            let (predicate, line) = match predicate {
                Some((b, l)) => (Some(b), l),
                None => (None, ctx.file.line_col(m.span.lo).line),
            };
            selection.push(Selection { member: id, predicate, line, caches });
        }
        check_selection(ctx, def, instructions[head].as_ref(), uops, &selection);
        if let Some(h) = instructions[head].as_ref() {
            let h = h.clone();
            check_counter(ctx, def, &h);
            for &m in &members {
                let Some(member) = instructions[m].as_mut() else { continue };
                let span = def.members.iter().find(|x| x.name.name == member.name).map_or(def.span, |x| x.name.span);
                if member.effect != h.effect {
                    ctx.error(
                        Diagnostic::error(span, format!("stack effect mismatch in family `{}`", h.name))
                            .label(format!(
                                "`{}` pops {} and pushes {}; the head pops {} and pushes {}",
                                member.name, member.effect.popped, member.effect.pushed, h.effect.popped, h.effect.pushed
                            ))
                            .secondary(member.origin.span, "member defined here")
                            .secondary(h.origin.span, "head defined here"),
                    );
                }
                if member.cache_units != h.cache_units {
                    ctx.error(
                        Diagnostic::error(span, format!("cache size mismatch in family `{}`", h.name))
                            .label(format!("`{}` has {} cache units; the head has {}", member.name, member.cache_units, h.cache_units))
                            .note("a specialized instruction is rewritten in place: its caches must fit the head's"),
                    );
                }
                member.family = Some(family_index);
                member.deopt_target = h.opcode;
            }
        }
        if let Some(h) = instructions[head].as_mut() {
            h.family = Some(family_index);
        }
        out.push(Family { docs: def.docs.clone(), origin: ctx.origin(def.span), head, members, selection });
    }
    out
}

/// The cache entries a member's predicate may fill: its named entries, the counter
/// aside (the specializer resets it).
fn named_caches(inst: &Instruction) -> Vec<CacheBinding> {
    let mut out: Vec<CacheBinding> = Vec::new();
    for p in &inst.parts {
        if let InstPart::Uop { caches, .. } = p {
            for c in caches {
                if c.name != "unused" && c.name != "counter" && !out.iter().any(|x| x.name == c.name) {
                    out.push(c.clone());
                }
            }
        }
    }
    out
}

/// A head that picks members with `specialize!()` needs a predicate for every member (a
/// member without one would never be picked); predicates need such a head.
fn check_selection(ctx: &mut Ctx, def: &ast::FamilyDef, head: Option<&Instruction>, uops: &[Uop], selection: &[Selection]) {
    let Some(head) = head else { return };
    let picks = head.uops().any(|u| uops[u].flags.contains(Flags::SPECIALIZING) && body_uses_specialize(&uops[u]));
    for (member, sel) in def.members.iter().zip(selection) {
        match (&member.predicate, picks) {
            (None, true) => ctx.error(
                Diagnostic::error(member.name.span, format!("`{}` has no predicate: the specializer of `{}` never picks it", member.name.name, head.name))
                    .label("add `if { ... }`")
                    .note("a predicate is a Rust block that returns true when this member fits the operands"),
            ),
            (Some(b), false) => ctx.error(
                Diagnostic::error(b.span, format!("`{}` has a predicate but `{}` never calls `specialize!()`", member.name.name, head.name))
                    .label("never evaluated")
                    .secondary(head.origin.span, "head defined here"),
            ),
            _ => {}
        }
        let _ = sel;
    }
}

fn body_uses_specialize(u: &Uop) -> bool {
    use syn::visit::Visit;
    struct Find(bool);
    impl<'ast> Visit<'ast> for Find {
        fn visit_macro(&mut self, m: &'ast syn::Macro) {
            if m.path.is_ident(Form::Specialize.name()) {
                self.0 = true;
            }
        }
    }
    let mut f = Find(false);
    f.visit_block(&u.body);
    f.0
}

/// What the projector needs of each instruction, read off its uops' facts: where its
/// branch history is, where a called function's version is, and the pair a
/// superinstruction fuses.
pub fn tier2_links(ctx: &mut Ctx, instructions: &mut [Option<Instruction>], uops: &[Uop], ids: &HashMap<String, usize>) {
    for inst in instructions.iter_mut().flatten() {
        let bindings: Vec<CacheBinding> = inst
            .parts
            .iter()
            .flat_map(|p| match p {
                InstPart::Uop { caches, .. } => caches.clone(),
                InstPart::Cache { name, units, offset } => vec![CacheBinding { name: name.clone(), units: *units, offset: *offset }],
            })
            .collect();
        let find = |name: &str| bindings.iter().find(|c| c.name == name);
        inst.history = find("history").map(|c| c.offset);
        let heads_family = inst.family.is_some() && !inst.is_specialized();
        if let Some(u) = inst.uops().find(|&u| body_uses_specialize(&uops[u]))
            && !heads_family
        {
            ctx.error(
                Diagnostic::error(inst.origin.span, format!("`{}` calls `specialize!()` but heads no family", inst.name))
                    .label("the specializer picks a member of the instruction's family")
                    .secondary(uops[u].origin.span, "`specialize!()` is here"),
            );
        }
        for u in inst.uops().collect::<Vec<_>>() {
            if let Some(call) = &uops[u].facts.calls {
                match find(&call.version_cache) {
                    Some(c) => inst.callee = Some((c.offset, c.units)),
                    None => ctx.error(
                        Diagnostic::error(inst.origin.span, format!("`{}` calls through `{}` but has no cache entry `{}`", inst.name, uops[u].name, call.version_cache))
                            .label("the callee's version is read from the instruction's cache")
                            .secondary(uops[u].origin.span, "the `calls` fact is here"),
                    ),
                }
            }
        }
    }
    // Superinstructions: an `inst` that fuses two instructions.
    for i in 0..instructions.len() {
        let Some(inst) = instructions[i].as_ref() else { continue };
        let Some(u) = inst.uops().next().filter(|&u| uops[u].is_inst) else { continue };
        let Some(f) = uops[u].facts.fuses else { continue };
        let (a, b) = (&uops[f.first].name, &uops[f.second].name);
        match (ids.get(a), ids.get(b)) {
            (Some(&x), Some(&y)) => instructions[i].as_mut().expect("checked above").fuses = Some((x, y)),
            _ => ctx.error(
                Diagnostic::error(uops[u].origin.span, format!("superinstruction `{}` fuses uops that are not instructions", uops[u].name))
                    .label("an `inst` fuses two instructions"),
            ),
        }
    }
}

/// Specialization counts down in the first cache unit of a family's head.
fn check_counter(ctx: &mut Ctx, def: &ast::FamilyDef, head: &Instruction) {
    let first = head.parts.iter().find_map(|p| match p {
        InstPart::Cache { name, units, offset: 0 } => Some((name.clone(), *units)),
        InstPart::Uop { caches, .. } => caches.iter().find(|c| c.offset == 0).map(|c| (c.name.clone(), c.units)),
        _ => None,
    });
    if first != Some(("counter".to_string(), 1)) {
        ctx.error(
            Diagnostic::error(def.head.span, format!("family head `{}` does not start its cache with `counter/1`", head.name))
                .label("specialization counts down in the first cache unit")
                .secondary(head.origin.span, "head defined here"),
        );
    }
}

/// Guards in tier 1 rewrite the instruction to its family's head: they need one.
pub fn check_guards_have_families(ctx: &mut Ctx, instructions: &[Option<Instruction>], uops: &[Uop]) {
    for inst in instructions.iter().flatten() {
        if !inst.is_specialized() {
            let guard = inst.uops().find(|&u| uops[u].flags.contains(Flags::HAS_EXIT) || uops[u].flags.contains(Flags::HAS_DEOPT));
            if let Some(u) = guard {
                let uop = &uops[u];
                let mut d = Diagnostic::error(inst.origin.span, format!("`{}` has a guard but is not a specialized member of a family", inst.name))
                    .label("a failed guard in tier 1 rewrites the instruction to its family's head");
                if uop.origin.span != inst.origin.span {
                    d = d.secondary(uop.origin.span, format!("`{}` has `exit_if!` or `deopt_if!`", uop.name));
                }
                ctx.error(d);
            }
        }
    }
}

/// The candidate closest to `name` by edit distance, if it is close enough.
pub fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a String>) -> Option<&'a String> {
    let best = candidates.map(|c| (edit_distance(name, c), c)).min()?;
    (best.0 <= name.len().div_ceil(3).max(1)).then_some(best.1)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for j in 0..b.len() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != b[j])).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
