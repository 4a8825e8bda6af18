//! From `ast::File` to `model::Analysis`, collecting every error on the way.
//!
//! Stages, one file each: `layout` (types and C layouts), `shared` (shared Rust modules
//! and escape analysis), `uops` (one uop), `stack` (stack plans), `facts` (tier-2
//! facts), `instructions` (instructions, caches, expansions, families and how the
//! specializer picks their members), `jit` (what the stencils need).

mod facts;
mod instructions;
mod jit;
mod layout;
mod shared;
mod stack;
mod uops;

use crate::ast::{self, Item};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Analysis, Const, Helper, Layout, Origin};
use crate::source::{SourceFile, Span};
use instructions::InstDef;
use std::collections::{BTreeSet, HashMap, HashSet};

pub(crate) struct Ctx<'a> {
    pub file: &'a SourceFile,
    pub diags: Diagnostics,
}

impl Ctx<'_> {
    pub fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    pub fn error_count(&self) -> usize {
        self.diags.len()
    }

    pub fn origin(&self, span: Span) -> Origin {
        Origin { line: self.file.line_col(span.lo).line, span }
    }
}

/// What bodies may refer to, gathered before any uop is analysed.
pub(crate) struct Env {
    pub helpers: Vec<Helper>,
    /// The layouts that analysed without errors.
    pub layouts: Vec<Layout>,
    pub shared_functions: HashSet<String>,
    /// Layouts, shared types and `Value`.
    pub types: HashSet<String>,
    /// Shared functions and methods that reach an escaping helper.
    pub escaping: BTreeSet<String>,
}

/// Analyses a parsed file. `load` reads a shared module by its path as written.
pub fn analyse(file: &SourceFile, ast: &ast::File, load: &dyn Fn(&str) -> Result<String, String>) -> Result<Analysis, Diagnostics> {
    let mut ctx = Ctx { file, diags: Diagnostics::default() };
    check_duplicates(&mut ctx, ast);
    jit::check_convention(&mut ctx, ast);

    let mut layout_defs = Vec::new();
    let mut helper_defs = Vec::new();
    let mut const_defs = Vec::new();
    let mut shared_defs = Vec::new();
    let mut uop_defs = Vec::new();
    let mut macro_defs = Vec::new();
    let mut family_defs = Vec::new();
    let mut typeset_defs = Vec::new();
    for item in &ast.items {
        match item {
            Item::Typeset(d) => typeset_defs.push(d),
            Item::Layout(d) => layout_defs.push(d),
            Item::Helper(d) => helper_defs.push(d),
            Item::Const(d) => const_defs.push(d),
            Item::Shared(d) => shared_defs.push(d),
            Item::Uop(d) => uop_defs.push(d),
            Item::Macro(d) => macro_defs.push(d),
            Item::Family(d) => family_defs.push(d),
        }
    }

    let consts = consts(&mut ctx, &const_defs);
    let layouts = layout::layouts(&mut ctx, &layout_defs);
    let layout_names: HashMap<String, usize> = layout_defs.iter().enumerate().map(|(i, d)| (d.name.name.clone(), i)).collect();
    let helpers: Vec<Helper> = helper_defs.iter().filter_map(|d| helper(&mut ctx, d, &layout_names)).collect();
    let shared: Vec<_> = shared_defs.iter().filter_map(|d| shared::shared_module(&mut ctx, d, load)).collect();

    let mut types: HashSet<String> = layouts.iter().map(|l| l.name.clone()).collect();
    types.insert("Value".to_string());
    let mut shared_functions = HashSet::new();
    for m in &shared {
        types.extend(m.types.iter().cloned());
        shared_functions.extend(m.functions.iter().cloned());
    }
    let escaping = shared::escaping_functions(&shared, &helpers);
    let env = Env { helpers, layouts, shared_functions, types, escaping };

    // Ids follow names, so that they do not depend on the order of definitions.
    uop_defs.sort_by(|a, b| a.name.name.cmp(&b.name.name));
    uop_defs.dedup_by(|a, b| a.name.name == b.name.name);
    let uop_ids: HashMap<String, usize> = uop_defs.iter().enumerate().map(|(i, d)| (d.name.name.clone(), i)).collect();
    let uop_by_name: HashMap<String, &ast::UopDef> = uop_defs.iter().map(|d| (d.name.name.clone(), *d)).collect();
    let mut uop_list = Vec::new();
    let mut ok = Vec::new();
    for (i, def) in uop_defs.iter().enumerate() {
        match uops::uop(&mut ctx, def, i as u16, &env) {
            Some(u) => {
                uop_list.push(u);
                ok.push(true);
            }
            None => {
                uop_list.push(instructions::placeholder());
                ok.push(false);
            }
        }
    }

    let mut fact_types: std::collections::BTreeSet<String> =
        uop_list.iter().flat_map(|u| u.inputs.iter().chain(&u.outputs)).filter_map(|v| v.ty.clone()).collect();
    let mut typesets: Vec<(String, Vec<String>)> = Vec::new();
    for d in &typeset_defs {
        let types: Vec<String> = d.types.iter().map(|t| t.name.clone()).collect();
        fact_types.extend(types.iter().cloned());
        typesets.push((d.name.name.clone(), types));
    }
    let names = facts::Names { uop_ids: &uop_ids, types: fact_types.clone(), typesets: typesets.iter().cloned().collect() };
    let proofs = facts::resolve(&mut ctx, &uop_defs, &mut uop_list, &ok, &names);

    let mut inst_defs: Vec<InstDef> = uop_defs
        .iter()
        .filter(|d| d.kind == ast::UopKind::Inst)
        .map(|d| InstDef::Inst(d))
        .chain(macro_defs.iter().map(|d| InstDef::Macro(d)))
        .collect();
    inst_defs.sort_by(|a, b| a.name().name.cmp(&b.name().name));
    inst_defs.dedup_by(|a, b| a.name().name == b.name().name);
    let inst_ids: HashMap<String, usize> = inst_defs.iter().enumerate().map(|(i, d)| (d.name().name.clone(), i)).collect();
    if inst_defs.len() > u16::MAX as usize || uop_defs.len() > u16::MAX as usize {
        ctx.error(Diagnostic::error(Span::default(), "more than 65535 instructions or uops").label("here"));
        return Err(ctx.diags);
    }
    let mut insts: Vec<_> = inst_defs
        .iter()
        .enumerate()
        .map(|(i, d)| instructions::instruction(&mut ctx, d, i as u16, &uop_list, &ok, &uop_ids, &uop_by_name))
        .collect();
    let families = instructions::families(&mut ctx, &family_defs, &mut insts, &inst_ids, &uop_list);
    instructions::check_guards_have_families(&mut ctx, &insts, &uop_list);
    instructions::tier2_links(&mut ctx, &mut insts, &uop_list, &inst_ids);

    if !ctx.diags.is_empty() {
        return Err(ctx.diags);
    }
    let types: Vec<String> = fact_types.into_iter().collect();
    Ok(Analysis {
        source_name: file.name.clone(),
        types,
        uops: uop_list,
        instructions: insts.into_iter().map(|i| i.expect("no errors, so every instruction analysed")).collect(),
        families,
        layouts: env.layouts,
        helpers: env.helpers,
        consts,
        shared,
        proofs,
        typesets,
    })
}

/// Names defined twice: instructions and uops share one namespace; layouts, helpers,
/// constants and shared modules have one each.
fn check_duplicates(ctx: &mut Ctx, ast: &ast::File) {
    let mut spaces: HashMap<&str, HashMap<&str, Span>> = HashMap::new();
    for item in &ast.items {
        let (space, name) = match item {
            Item::Uop(d) => ("instruction or uop", &d.name),
            Item::Macro(d) => ("instruction or uop", &d.name),
            Item::Layout(d) => ("layout", &d.name),
            Item::Helper(d) => ("helper", &d.name),
            Item::Const(d) => ("constant", &d.name),
            Item::Shared(d) => ("shared module", &d.name),
            Item::Typeset(d) => ("typeset", &d.name),
            Item::Family(_) => continue,
        };
        let seen = spaces.entry(space).or_default();
        if let Some(first) = seen.get(name.name.as_str()) {
            ctx.error(
                Diagnostic::error(name.span, format!("{space} `{}` is defined twice", name.name))
                    .label("defined again here")
                    .secondary(*first, "first defined here"),
            );
        } else {
            seen.insert(&name.name, name.span);
        }
    }
}

fn consts(ctx: &mut Ctx, defs: &[&ast::ConstDef]) -> Vec<Const> {
    let mut out = Vec::new();
    for d in defs {
        let ty = match &d.ty {
            ast::TypeRef::Named(id) if ["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize"].contains(&id.name.as_str()) => {
                id.name.clone()
            }
            other => {
                ctx.error(Diagnostic::error(other.span(), "constants are integers").label("not an integer type"));
                continue;
            }
        };
        let max: u64 = match ty.as_str() {
            "u8" => u8::MAX as u64,
            "i8" => i8::MAX as u64,
            "u16" => u16::MAX as u64,
            "i16" => i16::MAX as u64,
            "u32" => u32::MAX as u64,
            "i32" => i32::MAX as u64,
            "i64" | "isize" => i64::MAX as u64,
            _ => u64::MAX,
        };
        if d.value > max {
            ctx.error(Diagnostic::error(d.span, format!("{} does not fit in {ty}", d.value)).label("out of range"));
            continue;
        }
        out.push(Const { name: d.name.name.clone(), docs: d.docs.clone(), origin: ctx.origin(d.span), ty, value: d.value });
    }
    out
}

fn helper(ctx: &mut Ctx, d: &ast::HelperDef, layouts: &HashMap<String, usize>) -> Option<Helper> {
    let annotations = uops::annotations(ctx, &d.annotations, &["noescape", "invalidates"]);
    let mut params = Vec::new();
    let mut names: HashSet<&str> = HashSet::new();
    for p in &d.params {
        if !names.insert(&p.name.name) {
            ctx.error(Diagnostic::error(p.name.span, format!("parameter `{}` appears twice", p.name.name)).label("again"));
        }
        params.push((p.name.name.clone(), layout::resolve(ctx, &p.ty, layouts)?));
    }
    let ret = match &d.ret {
        Some(t) => Some(layout::resolve(ctx, t, layouts)?),
        None => None,
    };
    Some(Helper {
        name: d.name.name.clone(),
        docs: d.docs.clone(),
        origin: ctx.origin(d.span),
        params,
        ret,
        noescape: annotations.iter().any(|a| a == "noescape"),
        invalidates: annotations.iter().any(|a| a == "invalidates"),
        forwards_to: d.forwards_to.as_ref().map(|(p, _)| p.clone()),
    })
}
