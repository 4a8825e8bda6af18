//! `UOPS.md`: the instruction set as readable documentation, rendered with askama.

use askama::Template;
use stitch_dsl::model::{Analysis, Flags, InstPart, OperandSource, StackVar, Uop, Viability};

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
    line: u32,
}

struct FamilyView {
    head: String,
    members: String,
    line: u32,
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
                HelperView {
                    name: h.name.clone(),
                    signature: format!("fn({}){ret}", params.join(", ")),
                    escapes: if h.noescape { "no" } else { "yes" },
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
