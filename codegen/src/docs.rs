//! `UOPS.md`: the instruction set as readable documentation, rendered with askama.

use askama::Template;
use quote::ToTokens;
use stitch_dsl::model::{Analysis, Arg, Condition, ConditionKind, Flags, Forget, InstPart, OperandSource, Place, StackVar, Uop, Viability};

#[derive(Template)]
#[template(path = "uops.md")]
struct Page {
    source: String,
    instructions: Vec<InstView>,
    uops: Vec<UopView>,
    families: Vec<FamilyView>,
    layouts: Vec<LayoutView>,
    helpers: Vec<HelperView>,
    consts: Vec<ConstView>,
    flags: Vec<(String, String)>,
}

struct InstView {
    opcode: u16,
    name: String,
    anchor: String,
    docs: String,
    line: u32,
    effect: String,
    cache: u32,
    caches: String,
    parts: String,
    family: String,
    flags: String,
    tier2: String,
    expansion: String,
}

struct UopView {
    id: u16,
    name: String,
    signature: String,
    flags: String,
    tier2: String,
    facts: String,
    line: u32,
}

struct FamilyView {
    head: String,
    members: String,
    line: u32,
    selection: Vec<(String, String, u32)>,
}

struct LayoutView {
    name: String,
    docs: String,
    summary: String,
    line: u32,
    fields: Vec<FieldView>,
}

struct FieldView {
    offset: u64,
    name: String,
    ty: String,
    size: u64,
    docs: String,
}

struct HelperView {
    name: String,
    signature: String,
    escapes: &'static str,
    notes: String,
    line: u32,
}

struct ConstView {
    name: String,
    value: u64,
    docs: String,
}

pub fn generate(a: &Analysis) -> String {
    let page = Page {
        source: a.source_name.clone(),
        instructions: a.instructions.iter().map(|i| inst_view(a, i)).collect(),
        uops: a
            .uops
            .iter()
            .map(|u| UopView {
                id: u.id,
                name: u.name.clone(),
                signature: signature(u),
                flags: flags(u.flags),
                tier2: viability(&u.tier2),
                facts: facts(a, u),
                line: u.origin.line,
            })
            .collect(),
        families: a
            .families
            .iter()
            .map(|f| FamilyView {
                head: a.instructions[f.head].name.clone(),
                members: f.members.iter().map(|m| format!("`{}`", a.instructions[*m].name)).collect::<Vec<_>>().join(", "),
                line: f.origin.line,
                selection: f
                    .selection
                    .iter()
                    .map(|s| {
                        let predicate = s.predicate.as_ref().map_or("never chosen".to_string(), |b| format!("`{}`", rust_line(b).replace('|', "\\|")));
                        (a.instructions[s.member].name.clone(), predicate, s.line)
                    })
                    .collect(),
            })
            .collect(),
        layouts: a
            .layouts
            .iter()
            .map(|l| LayoutView {
                name: l.name.clone(),
                docs: l.docs.clone(),
                summary: if l.opaque { "Opaque: used behind pointers only".to_string() } else { format!("{} bytes, aligned to {}", l.size, l.align) },
                line: l.origin.line,
                fields: l
                    .fields
                    .iter()
                    .map(|f| FieldView { offset: f.offset, name: f.name.clone(), ty: f.ty.to_rust(), size: f.size, docs: one_line(&f.docs) })
                    .collect(),
            })
            .collect(),
        helpers: a
            .helpers
            .iter()
            .map(|h| {
                let params: Vec<String> = h.params.iter().map(|(n, t)| format!("{n}: {}", t.to_rust())).collect();
                let ret = h.ret.as_ref().map(|t| format!(" -> {}", t.to_rust())).unwrap_or_default();
                let mut notes = Vec::new();
                if h.invalidates {
                    notes.push("invalidates executors".to_string());
                }
                if let Some(path) = &h.forwards_to {
                    notes.push(format!("forwards to `{path}` (generated shim)"));
                }
                HelperView {
                    name: h.name.clone(),
                    signature: format!("fn({}){ret}", params.join(", ")),
                    escapes: if h.noescape { "no" } else { "yes" },
                    notes: notes.join("; "),
                    line: h.origin.line,
                }
            })
            .collect(),
        consts: a.consts.iter().map(|c| ConstView { name: c.name.clone(), value: c.value, docs: one_line(&c.docs) }).collect(),
        flags: Flags::ALL.iter().map(|(n, _, d)| (n.to_string(), d.trim().to_string())).collect(),
    };
    page.render().expect("the template renders")
}

fn inst_view(a: &Analysis, i: &stitch_dsl::model::Instruction) -> InstView {
    let parts: Vec<String> = i
        .parts
        .iter()
        .map(|p| match p {
            InstPart::Uop { uop, .. } => format!("`{}`", a.uops[*uop].name),
            InstPart::Cache { name, units, .. } => format!("`{name}/{units}`"),
        })
        .collect();
    let mut caches = Vec::new();
    for p in &i.parts {
        match p {
            InstPart::Cache { name, units, offset } if name != "unused" => caches.push(format!("`{name}/{units}` at {offset}")),
            InstPart::Uop { caches: c, .. } => {
                caches.extend(c.iter().filter(|c| c.name != "unused").map(|c| format!("`{}/{}` at {}", c.name, c.units, c.offset)));
            }
            _ => {}
        }
    }
    let family = match i.family {
        Some(f) if a.families[f].head == i.opcode as usize => {
            let members: Vec<String> = a.families[f].members.iter().map(|m| format!("`{}`", a.instructions[*m].name)).collect();
            format!("family head; specializations: {}", members.join(", "))
        }
        Some(f) => format!("specialization of `{}` (its deopt target)", a.instructions[a.families[f].head].name),
        None => String::new(),
    };
    let expansion: Vec<String> = i
        .expansion
        .iter()
        .map(|e| match &e.operand {
            OperandSource::None => format!("`{}`", a.uops[e.uop].name),
            OperandSource::Cache { offset, units } => format!("`{}` (operand: cache {offset}, {units} units)", a.uops[e.uop].name),
            OperandSource::Replaced => format!("`{}` (replaced)", a.uops[e.uop].name),
        })
        .collect();
    InstView {
        opcode: i.opcode,
        name: i.name.clone(),
        anchor: i.name.to_lowercase(),
        docs: i.docs.clone(),
        line: i.origin.line,
        effect: format!("pops {}, pushes {}", i.effect.popped, i.effect.pushed),
        cache: i.cache_units,
        caches: caches.join(", "),
        parts: parts.join(" + "),
        family,
        flags: flags(i.flags),
        tier2: viability(&i.tier2),
        expansion: expansion.join(" + "),
    }
}

fn item(v: &StackVar) -> String {
    match v.size {
        Some(s) => format!("{}[{s}]", v.name),
        None => v.name.clone(),
    }
}

fn signature(u: &Uop) -> String {
    let mut inputs: Vec<String> = u.caches.iter().map(|c| format!("{}/{}", c.name, c.units)).collect();
    inputs.extend(u.inputs.iter().map(item));
    let outputs: Vec<String> = u.outputs.iter().map(item).collect();
    format!("({} -- {})", inputs.join(", "), outputs.join(", "))
}

fn flags(f: Flags) -> String {
    let names = f.names();
    if names.is_empty() { "-".to_string() } else { names.join(" ") }
}

fn viability(v: &Viability) -> String {
    v.to_string()
}

fn one_line(s: &str) -> String {
    s.replace('\n', " ")
}

/// A block of Rust as prettyplease prints it, on one line.
fn rust_line(block: &syn::Block) -> String {
    let tokens = block.to_token_stream();
    let file: syn::File = syn::parse_quote! { const _: () = #tokens; };
    let text = prettyplease::unparse(&file);
    let body = text.trim().trim_start_matches("const _: () =").trim().trim_end_matches(';');
    body.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn arg(a: &Arg, u: &Uop) -> String {
    let base = if a.from_operand { u.caches.iter().find(|c| !c.is_unused()).map_or("operand".to_string(), |c| c.name.clone()) } else { "oparg".to_string() };
    match (a.shift, a.mask) {
        (0, None) => base,
        (0, Some(m)) => format!("{base} & {m}"),
        (s, None) => format!("{base} >> {s}"),
        (s, Some(m)) => format!("{base} >> {s} & {m}"),
    }
}

fn place(p: &Place, u: &Uop) -> String {
    match p {
        Place::Input(i) => u.inputs[*i].name.clone(),
        Place::Output(i) => u.outputs[*i].name.clone(),
        Place::Local(x) => format!("local[{}]", arg(x, u)),
        Place::Global(x) => format!("global[{}]", arg(x, u)),
        Place::Builtin(x) => format!("builtin[{}]", arg(x, u)),
        Place::Const(x) => format!("const[{}]", arg(x, u)),
    }
}

fn condition(c: &Condition, u: &Uop, caches_of: &Uop) -> String {
    // Indexed places of a variant's conditions name the base's cache entries.
    let p = match c.place {
        Place::Input(_) | Place::Output(_) => place(&c.place, u),
        _ => place(&c.place, caches_of),
    };
    match &c.kind {
        ConditionKind::Types(t) => format!("{p}: {}", t.join(" \\| ")),
        ConditionKind::Watched => format!("watched({p})"),
    }
}

/// A uop's tier-2 facts in one line, as the `.uops` file states them.
fn facts(a: &Analysis, u: &Uop) -> String {
    let f = &u.facts;
    let name = |id: &usize| format!("`{}`", a.uops[*id].name);
    let list = |ids: &[usize]| ids.iter().map(name).collect::<Vec<_>>().join(", ");
    let mut out = Vec::new();
    if !f.moves.is_empty() {
        let moves: Vec<String> = f.moves.iter().map(|m| format!("{} = {}", place(&m.dst, u), place(&m.src, u))).collect();
        out.push(format!("moves `{}`", moves.join(", ")));
    }
    for v in &f.variant_of {
        let base = &a.uops[v.base];
        let mut s = format!("variant of {}", name(&v.base));
        if !v.conditions.is_empty() {
            let conds: Vec<String> = v.conditions.iter().map(|c| condition(c, u, base)).collect();
            s.push_str(&format!(" if `{}`", conds.join(", ")));
        }
        if let Some(p) = &v.operand {
            s.push_str(&format!(" with operand `{}`", place(p, base)));
        }
        out.push(s);
    }
    for w in &f.word_of {
        let test = w.condition.as_ref().map_or(String::new(), |b| format!(" if `{}`", rust_line(b)));
        out.push(format!("word form of {}{test}", name(&w.base)));
    }
    if let Some(x) = f.fuses {
        let oparg = x.second_oparg.map_or(String::new(), |o| format!("({o})"));
        out.push(format!("fuses {} + {}{oparg}", name(&x.first), name(&x.second)));
    }
    if let Some(s) = &f.stays {
        out.push(format!("falling through: {}", if s.is_empty() { "nothing".to_string() } else { list(s) }));
    }
    if let Some(j) = &f.jumps {
        out.push(format!("jumping: {}", if j.is_empty() { "nothing".to_string() } else { list(j) }));
    }
    if !f.proven_if.is_empty() {
        let alts: Vec<String> = f.proven_if.iter().map(|alt| format!("`{}`", alt.iter().map(|c| condition(c, u, u)).collect::<Vec<_>>().join(", "))).collect();
        out.push(format!("redundant if {}", alts.join(" or ")));
    }
    if let Some(p) = f.proves {
        let kinds = if f.protects.is_empty() { String::new() } else { format!(" for {}", f.protects.join(", ")) };
        let of = f.proves_of.map(|k| format!(" of `{}`", u.inputs[k].name)).unwrap_or_default();
        out.push(format!("proves `{}`{of}{kinds}", a.proofs[p]));
    }
    if !f.forgets.is_empty() {
        let names: Vec<String> = f
            .forgets
            .iter()
            .map(|g| match g {
                Forget::Proof(p) => format!("`{}`", a.proofs[*p]),
                Forget::Globals => "globals' types".to_string(),
                Forget::Locals => "locals' types".to_string(),
            })
            .collect();
        out.push(format!("forgets {}", names.join(", ")));
    }
    if let Some(c) = &f.calls {
        out.push(format!("calls the function of `{}` with `{}`", c.version_cache, u.inputs[c.args].name));
    }
    if let Some(r) = f.returns {
        out.push(format!("returns `{}`", u.inputs[r].name));
    }
    if let Some(c) = &f.checks {
        let after = c.after.map_or(String::new(), |p| format!(" after `{}`", a.proofs[p]));
        out.push(format!("entry guard on `{}`{after}", place(&c.place, u)));
    }
    out.join("; ")
}
