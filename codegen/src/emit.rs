//! Code for a stack plan: loads, one block per uop with its body lowered for a tier,
//! stores and the stack pointer update. Tier 1, tier 2 and the stencils share this; the
//! `Tier` decides how special forms, special names and cache reads come out.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use stitch_dsl::body::Form;
use stitch_dsl::model::{Analysis, CacheBinding, PlanStep, StackPlan, Store, Uop};
use stitch_dsl::size::Size;
use syn::visit_mut::VisitMut;

use crate::format::trace;

/// Which interpreter (or stencil) the code is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    /// Tier-1 instruction arms. Names in scope: `frame`, `sp`, `ip` (set to the next
    /// instruction), `this_instr`, `oparg`, `extended` (the high bits of the next
    /// oparg), `ts`; labels `'dispatch` and `'error`.
    One { deopt_to: u16 },
    /// Tier-2 uop arms. Names in scope: `frame`, `sp`, `ts`, `executor`, `trace`, `uip`
    /// (the next uop), `inst` (this uop), `oparg`, `operand`, `target`; label `'dispatch`.
    Two,
    /// A stencil function. Names: `frame`, `sp`, `ts` (parameters); holes for the rest.
    Stencil,
}

/// `sp` moved by a symbolic offset.
pub fn sp_at(offset: Size) -> TokenStream {
    if offset.is_constant() {
        let c = offset.constant;
        let k = proc_macro2::Literal::u64_unsuffixed(c.unsigned_abs());
        return match c {
            0 => quote! { sp },
            c if c < 0 => quote! { sp.sub(#k) },
            _ => quote! { sp.add(#k) },
        };
    }
    let mut e: syn::Expr = syn::parse_str(&offset.to_rust_isize()).expect("sizes print as Rust");
    if let syn::Expr::Paren(p) = e {
        e = *p.expr;
    }
    quote! { sp.offset(#e) }
}

fn stores(stores: &[Store]) -> TokenStream {
    let out = stores.iter().map(|s| {
        let var = format_ident!("{}", s.var);
        let at = sp_at(s.offset);
        quote! { *#at = #var; }
    });
    quote! { #(#out)* }
}

/// The code for a whole plan. `caches` gives, per step, where its cache entries are
/// (tier 1); tiers 2 and stencils read the one cache entry from the operand.
pub fn plan(a: &Analysis, plan: &StackPlan, caches: &[Vec<CacheBinding>], tier: Tier) -> TokenStream {
    let mut out = TokenStream::new();
    for (k, step) in plan.steps.iter().enumerate() {
        let uop = &a.uops[step.uop];
        let step_caches = caches.get(k).map(Vec::as_slice).unwrap_or(&[]);
        out.extend(self::step(a, uop, step, step_caches, tier, plan.steps.len() > 1));
    }
    out.extend(stores(&plan.stores));
    let net = plan.effect.net();
    if net != Size::ZERO {
        let at = sp_at(net);
        out.extend(quote! { sp = #at; });
    }
    out
}

fn step(a: &Analysis, uop: &Uop, step: &PlanStep, caches: &[CacheBinding], tier: Tier, traced: bool) -> TokenStream {
    let mut out = TokenStream::new();
    if traced {
        out.extend(trace(format!("{} at {}:{}", uop.name, a.source_name, uop.origin.line)));
    }
    for load in &step.loads {
        let var = format_ident!("{}", load.var);
        let at = sp_at(load.offset);
        out.extend(if load.array { quote! { let #var: *mut Value = #at; } } else { quote! { let #var: Value = *#at; } });
    }

    let mut prologue = TokenStream::new();
    for input in &step.inputs {
        if let Some(var) = &input.var
            && var != &input.name
        {
            let (name, var) = (format_ident!("{}", input.name), format_ident!("{}", var));
            prologue.extend(quote! { let #name = #var; });
        }
    }
    let mut results = Vec::new();
    for output in &step.outputs {
        if output.peek {
            continue;
        }
        let name = format_ident!("{}", output.name);
        match output.array_at {
            Some(at) => {
                // Bound outside the uop's block: a later uop of the same instruction
                // may take the array as its input (a getter's argument).
                let at = sp_at(at);
                out.extend(quote! { let #name: *mut Value = #at; });
            }
            None => {
                prologue.extend(quote! { let #name: Value; });
                results.push((name, format_ident!("{}", output.var)));
            }
        }
    }
    prologue.extend(cache_reads(uop, caches, tier));

    let mut body = uop.body.clone();
    Lower { analysis: a, tier, step }.visit_block_mut(&mut body);
    let stmts = &body.stmts;
    let block = match results.as_slice() {
        [] if prologue.is_empty() => quote! { { #(#stmts)* } },
        [] => quote! { { #prologue { #(#stmts)* } } },
        [(name, var)] => quote! { let #var = { #prologue { #(#stmts)* } #name }; },
        many => {
            let names = many.iter().map(|(n, _)| n);
            let vars = many.iter().map(|(_, v)| v);
            quote! { let (#(#vars),*) = { #prologue { #(#stmts)* } (#(#names),*) }; }
        }
    };
    out.extend(block);
    out
}

fn cache_reads(uop: &Uop, caches: &[CacheBinding], tier: Tier) -> TokenStream {
    let mut out = TokenStream::new();
    match tier {
        Tier::One { .. } => {
            for c in caches.iter().filter(|c| c.name != "unused") {
                let name = format_ident!("{}", c.name);
                let ty = format_ident!("{}", rust_type(c.units));
                let at = proc_macro2::Literal::u32_unsuffixed(2 + c.offset);
                out.extend(quote! { let #name: #ty = core::ptr::read_unaligned(this_instr.add(#at) as *const #ty); });
            }
        }
        Tier::Two | Tier::Stencil => {
            if let Some(c) = uop.caches.iter().find(|c| !c.is_unused()) {
                let name = format_ident!("{}", c.name);
                let ty = format_ident!("{}", rust_type(c.units));
                out.extend(quote! { let #name: #ty = operand as #ty; });
            }
        }
    }
    out
}

/// The integer type a cache entry of `units` code units reads as.
pub(crate) fn rust_type(units: u32) -> &'static str {
    match units {
        1 => "u16",
        2 => "u32",
        _ => "u64",
    }
}

/// Rewrites special forms for a tier.
struct Lower<'a> {
    analysis: &'a Analysis,
    tier: Tier,
    step: &'a PlanStep,
}

impl Lower<'_> {
    fn form(&self, form: Form, args: &[syn::Expr]) -> TokenStream {
        let arg = args.first();
        let unwind = stores(&self.step.unwind_stores);
        let unwind_sp = sp_at(self.step.unwind_sp);
        // `sp = sp;` would only add noise: move the pointer only when it moves.
        let pop = if self.step.unwind_sp == Size::ZERO { quote! {} } else { quote! { sp = #unwind_sp; } };
        match (self.tier, form) {
            (Tier::One { deopt_to }, Form::ExitIf | Form::DeoptIf) => {
                let head = format_ident!("{}", self.analysis.instructions[deopt_to as usize].name);
                // The head runs with the same oparg (its prefix's bits included).
                quote! {
                if #arg {
                    deopt_instruction(this_instr, op::#head);
                    extended = oparg & !0xFFFF;
                    ip = this_instr;
                    continue 'dispatch;
                }
                }
            }
            (Tier::One { deopt_to }, Form::Specialize) => {
                // The instruction heads its family: its own opcode is the head.
                let family = self
                    .analysis
                    .families
                    .iter()
                    .find(|f| f.head == deopt_to as usize)
                    .expect("the analysis allows `specialize!` only in a family's head");
                let name = crate::specialize::function_name(self.analysis, family);
                let inputs = crate::specialize::inputs(self.analysis, family).into_iter().map(|(n, _)| format_ident!("{n}"));
                quote! { specialize::#name(ts, frame, this_instr, oparg, #(#inputs),*) }
            }
            (Tier::One { .. }, Form::ErrorIf) => quote! {
                if #arg {
                    #unwind
                    #pop
                    break 'error;
                }
            },
            (Tier::One { .. }, Form::JumpBy) => quote! {
                {
                    #unwind
                    #pop
                    ip = ip.offset((#arg) as isize);
                    continue 'dispatch;
                }
            },
            (Tier::One { .. }, Form::Redispatch) => quote! {
                {
                    extended = oparg & !0xFFFF;
                    ip = this_instr;
                    continue 'dispatch;
                }
            },
            // `ip` is the next instruction: it runs with this oparg above its own.
            (Tier::One { .. }, Form::ExtendOparg) => quote! {
                {
                    extended = oparg << 16;
                    continue 'dispatch;
                }
            },
            (Tier::One { .. }, Form::SwitchFrame) => quote! {
                {
                    #unwind
                    (*frame).sp = #unwind_sp;
                    (*frame).ip = ip;
                    frame = #arg;
                    ip = (*frame).ip;
                    sp = (*frame).sp;
                    continue 'dispatch;
                }
            },
            (Tier::One { .. }, Form::GotoExecutor) => quote! {
                {
                    (*frame).sp = sp;
                    (*frame).ip = this_instr;
                    let failed = run_executor(ts, frame, #arg);
                    frame = (*ts).frame;
                    ip = (*frame).ip;
                    sp = (*frame).sp;
                    if failed {
                        // Tier 2 left the frame that raised at the instruction that
                        // raised: unwind from there, not from the executor's entry.
                        this_instr = ip;
                        break 'error;
                    }
                    continue 'dispatch;
                }
            },
            (Tier::One { .. }, Form::ExitInterpreter) => quote! {
                {
                    #unwind
                    return #arg;
                }
            },
            (Tier::Two, Form::ExitIf | Form::DeoptIf) => quote! {
                if #arg {
                    uip = trace.add((*inst).jump_target as usize);
                    continue 'dispatch;
                }
            },
            (Tier::Two, Form::ErrorIf) => quote! {
                if #arg {
                    #unwind
                    #pop
                    uip = trace.add((*inst).error_target as usize);
                    continue 'dispatch;
                }
            },
            (Tier::Two, Form::SwitchFrame) => quote! {
                {
                    #unwind
                    (*frame).sp = #unwind_sp;
                    frame = #arg;
                    sp = (*frame).sp;
                    continue 'dispatch;
                }
            },
            (Tier::Two, Form::GotoExecutor) => quote! {
                {
                    executor = #arg;
                    trace = (*executor).trace;
                    uip = trace;
                    continue 'dispatch;
                }
            },
            (Tier::Two, Form::GotoTier1) => quote! {
                {
                    (*frame).sp = sp;
                    (*frame).ip = (*frame).instrs.add((#arg) as usize);
                    (*ts).frame = frame;
                    return false;
                }
            },
            (Tier::Two, Form::ErrorExit) => quote! {
                {
                    (*frame).sp = sp;
                    (*frame).ip = (*frame).instrs.add((#arg) as usize);
                    (*ts).frame = frame;
                    return true;
                }
            },
            (Tier::Two, Form::JumpToTop) => quote! {
                {
                    uip = trace.add((*inst).oparg as usize);
                    continue 'dispatch;
                }
            },
            (Tier::Stencil, Form::ExitIf | Form::DeoptIf) => quote! {
                if #arg {
                    return jit_jump_target(frame, sp, ts);
                }
            },
            (Tier::Stencil, Form::ErrorIf) => quote! {
                if #arg {
                    #unwind
                    return jit_error_target(frame, #unwind_sp, ts);
                }
            },
            (Tier::Stencil, Form::SwitchFrame) => quote! {
                {
                    #unwind
                    (*frame).sp = #unwind_sp;
                    let frame = #arg;
                    return jit_continue(frame, (*frame).sp, ts);
                }
            },
            (Tier::Stencil, Form::GotoExecutor) => quote! {
                {
                    let executor = #arg;
                    return enter_jit_code(executor, frame, sp, ts);
                }
            },
            (Tier::Stencil, Form::GotoTier1) => quote! {
                {
                    (*frame).sp = sp;
                    (*frame).ip = (*frame).instrs.add((#arg) as usize);
                    (*ts).frame = frame;
                    return 0;
                }
            },
            (Tier::Stencil, Form::ErrorExit) => quote! {
                {
                    (*frame).sp = sp;
                    (*frame).ip = (*frame).instrs.add((#arg) as usize);
                    (*ts).frame = frame;
                    return 1;
                }
            },
            (Tier::Stencil, Form::JumpToTop) => quote! {
                {
                    return jit_top(frame, sp, ts);
                }
            },
            (tier, form) => unreachable!("the analysis keeps `{}!` out of {tier:?}", form.name()),
        }
    }

    fn lower_macro(&self, mac: &syn::Macro) -> Option<syn::Expr> {
        let form = Form::from_name(&mac.path.get_ident()?.to_string())?;
        let args = mac
            .parse_body_with(syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
            .expect("the analysis parsed this form")
            .into_iter()
            .collect::<Vec<_>>();
        let tokens = self.form(form, &args);
        Some(syn::parse2(tokens).expect("lowered forms are expressions"))
    }
}

impl VisitMut for Lower<'_> {
    fn visit_stmt_mut(&mut self, stmt: &mut syn::Stmt) {
        if let syn::Stmt::Macro(m) = stmt
            && let Some(expr) = self.lower_macro(&m.mac)
        {
            // Forms lower to blocks, which need no semicolon, except `specialize!()`, a call.
            let semi = if m.mac.path.is_ident(Form::Specialize.name()) { m.semi_token } else { None };
            *stmt = syn::Stmt::Expr(expr, semi);
            return;
        }
        syn::visit_mut::visit_stmt_mut(self, stmt);
    }

    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if let syn::Expr::Macro(m) = expr
            && let Some(lowered) = self.lower_macro(&m.mac)
        {
            *expr = lowered;
            return;
        }
        syn::visit_mut::visit_expr_mut(self, expr);
    }
}
