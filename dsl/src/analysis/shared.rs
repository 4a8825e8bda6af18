//! Shared modules: Rust files compiled into both the runtime and the stencils. The
//! analysis reads their functions and types (what bodies may call) and works out which
//! functions escape: those that reach a runtime helper not declared `noescape`. So no
//! list of non-escaping functions is kept by hand.

use super::Ctx;
use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::model::{Helper, SharedModule};
use std::collections::{BTreeMap, BTreeSet};
use syn::visit::Visit;

/// Reads a shared module's text through `load` and indexes it.
pub fn shared_module(ctx: &mut Ctx, def: &ast::SharedDef, load: &dyn Fn(&str) -> Result<String, String>) -> Option<SharedModule> {
    let text = match load(&def.path) {
        Ok(t) => t,
        Err(e) => {
            ctx.error(Diagnostic::error(def.span, format!("cannot read shared module `{}`: {e}", def.path)).label("here"));
            return None;
        }
    };
    let file = match syn::parse_file(&text) {
        Ok(f) => f,
        Err(e) => {
            let at = e.span().start();
            ctx.error(
                Diagnostic::error(def.span, format!("syntax error in shared module `{}`: {e}", def.path))
                    .label("in this module")
                    .note(format!("at {}:{}:{}", def.path, at.line, at.column + 1)),
            );
            return None;
        }
    };
    let mut index = Index::default();
    index.visit_file(&file);
    Some(SharedModule {
        name: def.name.name.clone(),
        docs: def.docs.clone(),
        origin: ctx.origin(def.span),
        path: def.path.clone(),
        text,
        functions: index.functions.keys().cloned().collect(),
        types: index.types.into_iter().collect(),
    })
}

/// Names of shared functions and methods that escape, given the helpers.
pub fn escaping_functions(modules: &[SharedModule], helpers: &[Helper]) -> BTreeSet<String> {
    let mut calls: BTreeMap<String, Calls> = BTreeMap::new();
    for m in modules {
        // Parsed before, so it parses now.
        let Ok(file) = syn::parse_file(&m.text) else { continue };
        let mut index = Index::default();
        index.visit_file(&file);
        for (name, c) in index.functions {
            let entry = calls.entry(name).or_default();
            entry.helpers.extend(c.helpers);
            entry.names.extend(c.names);
        }
    }
    let escaping_helper = |h: &String| helpers.iter().find(|x| &x.name == h).is_none_or(|x| !x.noescape);
    let mut escaping: BTreeSet<String> =
        calls.iter().filter(|(_, c)| c.helpers.iter().any(escaping_helper)).map(|(n, _)| n.clone()).collect();
    loop {
        let before = escaping.len();
        for (name, c) in &calls {
            if !escaping.contains(name) && c.names.iter().any(|n| escaping.contains(n)) {
                escaping.insert(name.clone());
            }
        }
        if escaping.len() == before {
            return escaping;
        }
    }
}

#[derive(Default)]
struct Calls {
    /// `helpers::name(...)` calls.
    helpers: BTreeSet<String>,
    /// Other calls, by last path segment or method name.
    names: BTreeSet<String>,
}

#[derive(Default)]
struct Index {
    functions: BTreeMap<String, Calls>,
    types: BTreeSet<String>,
    current: Option<String>,
}

impl<'ast> Visit<'ast> for Index {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.function(f.sig.ident.to_string(), |v| syn::visit::visit_item_fn(v, f));
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.function(f.sig.ident.to_string(), |v| syn::visit::visit_impl_item_fn(v, f));
    }

    fn visit_item_struct(&mut self, s: &'ast syn::ItemStruct) {
        self.types.insert(s.ident.to_string());
    }

    fn visit_item_enum(&mut self, e: &'ast syn::ItemEnum) {
        self.types.insert(e.ident.to_string());
    }

    fn visit_item_type(&mut self, t: &'ast syn::ItemType) {
        self.types.insert(t.ident.to_string());
    }

    fn visit_expr_call(&mut self, e: &'ast syn::ExprCall) {
        if let (Some(current), syn::Expr::Path(p)) = (&self.current, &*e.func) {
            let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            let calls = self.functions.get_mut(current).expect("current function is indexed");
            if segs.len() >= 2 && segs[segs.len() - 2] == "helpers" {
                calls.helpers.insert(segs.last().unwrap().clone());
            } else if let Some(last) = segs.last() {
                calls.names.insert(last.clone());
            }
        }
        syn::visit::visit_expr_call(self, e);
    }

    fn visit_expr_method_call(&mut self, e: &'ast syn::ExprMethodCall) {
        if let Some(current) = &self.current {
            self.functions.get_mut(current).expect("current function is indexed").names.insert(e.method.to_string());
        }
        syn::visit::visit_expr_method_call(self, e);
    }
}

impl Index {
    fn function(&mut self, name: String, walk: impl FnOnce(&mut Index)) {
        self.functions.entry(name.clone()).or_default();
        let outer = self.current.replace(name);
        walk(self);
        self.current = outer;
    }
}
