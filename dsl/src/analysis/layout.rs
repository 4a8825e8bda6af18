//! Types of layouts and helpers, and C layout of `layout` definitions (`#[repr(C)]`).

use super::Ctx;
use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::model::{Layout, LayoutField, Type};
use std::collections::HashMap;

/// Scalars a layout or helper may name, with their size (= alignment).
pub const SCALARS: &[(&str, u64)] = &[
    ("u8", 1),
    ("i8", 1),
    ("bool", 1),
    ("u16", 2),
    ("i16", 2),
    ("u32", 4),
    ("i32", 4),
    ("u64", 8),
    ("i64", 8),
    ("usize", 8),
    ("isize", 8),
    ("f64", 8),
    // The tagged 64-bit word of the shared `value` module.
    ("Value", 8),
];

pub fn scalar_size(name: &str) -> Option<u64> {
    SCALARS.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// Resolves a type as written. `layouts` are the names of all layouts.
pub fn resolve(ctx: &mut Ctx, ty: &ast::TypeRef, layouts: &HashMap<String, usize>) -> Option<Type> {
    match ty {
        ast::TypeRef::Named(id) => {
            if scalar_size(&id.name).is_some() {
                Some(Type::Scalar(id.name.clone()))
            } else if layouts.contains_key(&id.name) {
                Some(Type::Layout(id.name.clone()))
            } else {
                ctx.error(
                    Diagnostic::error(id.span, format!("unknown type `{}`", id.name))
                        .label("not a scalar or a layout")
                        .note("types are u8..u64, i8..i64, usize, isize, f64, bool, Value, pointers, arrays and layouts"),
                );
                None
            }
        }
        ast::TypeRef::Ptr { mutable, inner, .. } => {
            Some(Type::Ptr { mutable: *mutable, inner: Box::new(resolve(ctx, inner, layouts)?) })
        }
        ast::TypeRef::Array { elem, len, .. } => Some(Type::Array { elem: Box::new(resolve(ctx, elem, layouts)?), len: *len }),
    }
}

/// Lays out every layout, in dependency order, reporting cycles and size mismatches.
pub fn layouts(ctx: &mut Ctx, defs: &[&ast::LayoutDef]) -> Vec<Layout> {
    let names: HashMap<String, usize> = defs.iter().enumerate().map(|(i, d)| (d.name.name.clone(), i)).collect();
    let mut resolved: Vec<Option<Vec<(ast::Field, Type)>>> = Vec::new();
    for def in defs {
        let mut fields = Vec::new();
        let mut ok = true;
        for f in &def.fields {
            match resolve(ctx, &f.ty, &names) {
                Some(t) => fields.push((f.clone(), t)),
                None => ok = false,
            }
        }
        resolved.push(ok.then_some(fields));
    }
    let mut done: Vec<Option<(u64, u64)>> = vec![None; defs.len()];
    let mut out = Vec::new();
    for i in 0..defs.len() {
        let mut visiting = vec![false; defs.len()];
        let _ = size_of_layout(ctx, i, defs, &resolved, &names, &mut done, &mut visiting);
    }
    for (i, def) in defs.iter().enumerate() {
        let Some(fields) = &resolved[i] else { continue };
        let Some((size, align)) = done[i] else { continue };
        let mut offset = 0;
        let mut out_fields = Vec::new();
        for (n, (f, ty)) in fields.iter().enumerate() {
            let Some((fsize, falign)) = type_size(ty, &done, &names) else { continue };
            if matches!(ty, Type::Array { len: None, .. }) && n + 1 != fields.len() {
                ctx.error(Diagnostic::error(f.ty.span(), "an array without a length must be the last field").label("not last"));
            }
            offset = round_up(offset, falign);
            out_fields.push(LayoutField { name: f.name.name.clone(), docs: f.docs.clone(), ty: ty.clone(), offset, size: fsize });
            offset += fsize;
        }
        if let Some((declared, span)) = def.declared_size
            && declared != size
        {
            ctx.error(
                Diagnostic::error(span, format!("layout `{}` is {size} bytes, not {declared}", def.name.name))
                    .label(format!("declared {declared} bytes"))
                    .note(describe_fields(&out_fields, size)),
            );
        }
        let mut names_seen: HashMap<&str, ast::Ident> = HashMap::new();
        for (f, _) in fields {
            if let Some(first) = names_seen.insert(&f.name.name, f.name.clone()) {
                ctx.error(
                    Diagnostic::error(f.name.span, format!("field `{}` is defined twice", f.name.name))
                        .label("again here")
                        .secondary(first.span, "first here"),
                );
            }
        }
        out.push(Layout {
            name: def.name.name.clone(),
            docs: def.docs.clone(),
            origin: ctx.origin(def.span),
            opaque: def.fields.is_empty(),
            fields: out_fields,
            size,
            align,
        });
    }
    out
}

fn describe_fields(fields: &[LayoutField], size: u64) -> String {
    let parts: Vec<String> = fields.iter().map(|f| format!("{} at {} ({} bytes)", f.name, f.offset, f.size)).collect();
    format!("fields: {}; size with padding: {size}", parts.join(", "))
}

fn round_up(n: u64, align: u64) -> u64 {
    n.div_ceil(align.max(1)) * align.max(1)
}

fn type_size(ty: &Type, done: &[Option<(u64, u64)>], names: &HashMap<String, usize>) -> Option<(u64, u64)> {
    match ty {
        Type::Scalar(s) => scalar_size(s).map(|n| (n, n)),
        Type::Ptr { .. } => Some((8, 8)),
        Type::Layout(l) => done[names[l]],
        Type::Array { elem, len } => {
            let (s, a) = type_size(elem, done, names)?;
            Some((s * len.unwrap_or(0), a))
        }
    }
}

fn size_of_layout(
    ctx: &mut Ctx,
    i: usize,
    defs: &[&ast::LayoutDef],
    resolved: &[Option<Vec<(ast::Field, Type)>>],
    names: &HashMap<String, usize>,
    done: &mut Vec<Option<(u64, u64)>>,
    visiting: &mut Vec<bool>,
) -> Option<(u64, u64)> {
    if let Some(d) = done[i] {
        return Some(d);
    }
    if visiting[i] {
        let def = defs[i];
        ctx.error(
            Diagnostic::error(def.name.span, format!("layout `{}` contains itself", def.name.name))
                .label("infinite size")
                .note("use a pointer to refer to a layout from inside itself"),
        );
        return None;
    }
    visiting[i] = true;
    let fields = resolved[i].as_ref()?;
    let (mut size, mut align) = (0u64, 1u64);
    for (_, ty) in fields {
        let (s, a) = field_size(ctx, ty, defs, resolved, names, done, visiting)?;
        size = round_up(size, a) + s;
        align = align.max(a);
    }
    let result = (round_up(size, align), align);
    done[i] = Some(result);
    Some(result)
}

fn field_size(
    ctx: &mut Ctx,
    ty: &Type,
    defs: &[&ast::LayoutDef],
    resolved: &[Option<Vec<(ast::Field, Type)>>],
    names: &HashMap<String, usize>,
    done: &mut Vec<Option<(u64, u64)>>,
    visiting: &mut Vec<bool>,
) -> Option<(u64, u64)> {
    match ty {
        Type::Layout(l) => {
            let j = names[l];
            if defs[j].fields.is_empty() {
                ctx.error(
                    Diagnostic::error(defs[j].name.span, format!("opaque layout `{l}` is used by value"))
                        .label("has no fields")
                        .note("layouts without fields are opaque: use them behind pointers"),
                );
                return None;
            }
            size_of_layout(ctx, j, defs, resolved, names, done, visiting)
        }
        Type::Array { elem, len } => {
            let (s, a) = field_size(ctx, elem, defs, resolved, names, done, visiting)?;
            Some((s * len.unwrap_or(0), a))
        }
        other => type_size(other, done, names),
    }
}
