//! One uop: its annotations, stack effect, body facts, inferred flags and tier-2
//! viability.

use super::{Ctx, Env};
use crate::ast;
use crate::body::{self, BodyFacts, Form, SPECIAL_NAMES};
use crate::diagnostic::Diagnostic;
use crate::model::{Annotations, CacheVar, Flags, StackEffect, StackPlan, StackVar, Uop, Viability};
use crate::size::Size;

const UOP_ANNOTATIONS: &[&str] = &["pure", "tier1", "tier2", "specializing", "replaced"];

/// Primitive types whose associated functions bodies may call (`i64::from`, `u32::MAX`).
const PRIMITIVES: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f64", "f32", "bool", "char", "core",
];

/// Constructors from core's prelude.
const CORE_CONSTRUCTORS: &[&str] = &["Some", "Ok", "Err"];

pub fn annotations(ctx: &mut Ctx, list: &[ast::Ident], allowed: &[&str]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for a in list {
        if !allowed.contains(&a.name.as_str()) {
            let wanted: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
            ctx.error(
                Diagnostic::error(a.span, format!("unknown annotation `{}`", a.name))
                    .label("not an annotation here")
                    .note(format!("annotations here are {}", wanted.join(", "))),
            );
        } else if seen.contains(&a.name) {
            ctx.error(Diagnostic::error(a.span, format!("annotation `{}` given twice", a.name)).label("again"));
        } else {
            seen.push(a.name.clone());
        }
    }
    seen
}

pub fn uop(ctx: &mut Ctx, def: &ast::UopDef, id: u16, env: &Env) -> Option<Uop> {
    let errors_before = ctx.error_count();
    let names = annotations(ctx, &def.annotations, UOP_ANNOTATIONS);
    let has = |n: &str| names.iter().any(|a| a == n);
    let ann = Annotations {
        pure: has("pure"),
        tier1: has("tier1"),
        tier2: has("tier2"),
        specializing: has("specializing"),
        replaced: has("replaced"),
    };
    if ann.tier1 && ann.tier2 {
        ctx.error(Diagnostic::error(def.name.span, format!("`{}` is declared both `tier1` and `tier2`", def.name.name)).label("here"));
    }

    let (inputs, caches) = inputs(ctx, def);
    let outputs = outputs(ctx, def, &inputs);
    if ann.tier2 && caches.iter().any(|c| !c.is_unused()) {
        ctx.error(
            Diagnostic::error(def.effect_span, format!("tier-2 uop `{}` declares cache entries", def.name.name))
                .label("no tier-1 instruction holds them")
                .note("tier-2 uops read their 64-bit operand as `operand`"),
        );
    }

    let mut body_errors = Vec::new();
    let parsed = body::parse_body(ctx.file, &def.body.text, def.body.span, &mut body_errors);
    for e in body_errors {
        ctx.error(e);
    }
    let (block, facts) = parsed?;
    let tier1_only = ann.tier1 || ann.specializing;
    check_names_and_forms(ctx, def, &ann, &facts, &inputs, &outputs);
    check_prefix(ctx, def, &facts, &inputs, &outputs, &caches);
    let escapes_at = check_calls(ctx, def, &facts, env);
    let invalidates = facts.calls.iter().any(|c| match c.path.as_slice() {
        [h, name] if h == "helpers" => env.helpers.iter().any(|x| &x.name == name && x.invalidates),
        _ => false,
    });
    let mut flags = flags(&ann, tier1_only, &facts, &inputs, &outputs, &caches, escapes_at.is_some());
    if invalidates {
        flags.insert(Flags::INVALIDATES);
    }
    check_guards_and_purity(ctx, def, &ann, &facts, escapes_at, &flags);

    let tier2 = viability(&ann, &facts, &caches);
    // A uop already in error would only repeat itself here.
    if ctx.error_count() == errors_before {
        super::jit::check_stencil_forms(ctx, &def.name.name, &facts, &tier2, &env.layouts);
    }
    let body_line = ctx.file.line_col(def.body.span.lo).line;
    let mut uop = Uop {
        id,
        name: def.name.name.clone(),
        docs: def.docs.clone(),
        origin: ctx.origin(def.span),
        name_span: def.name.span,
        is_inst: def.kind == ast::UopKind::Inst,
        annotations: ann,
        inputs,
        outputs,
        caches,
        body: block,
        body_line,
        flags,
        effect: StackEffect::default(),
        plan: StackPlan::default(),
        tier2,
        facts: Default::default(),
    };
    if ctx.error_count() > errors_before {
        return None;
    }
    let mut plan = super::stack::plan(ctx, std::slice::from_ref(&uop), &[0], &uop.name.clone(), def.effect_span)?;
    // Planned alone, the uop was step 0 of a one-uop list: point the step at its id.
    plan.steps[0].uop = id as usize;
    uop.effect = plan.effect;
    uop.plan = plan;
    Some(uop)
}

fn inputs(ctx: &mut Ctx, def: &ast::UopDef) -> (Vec<StackVar>, Vec<CacheVar>) {
    let mut stack = Vec::new();
    let mut caches: Vec<CacheVar> = Vec::new();
    let mut seen: Vec<&ast::Ident> = Vec::new();
    for input in &def.inputs {
        match input {
            ast::Input::Cache(c) => {
                check_cache_size(ctx, c);
                if !c.is_unused() {
                    check_unique(ctx, &mut seen, &c.name, def);
                }
                caches.push(CacheVar { name: c.name.name.clone(), units: c.units });
            }
            ast::Input::Stack(s) => {
                if !s.is_unused() {
                    check_unique(ctx, &mut seen, &s.name, def);
                }
                stack.push(stack_var(ctx, s));
            }
        }
    }
    (stack, caches)
}

fn outputs(ctx: &mut Ctx, def: &ast::UopDef, inputs: &[StackVar]) -> Vec<StackVar> {
    let mut seen: Vec<&ast::Ident> = Vec::new();
    let mut out = Vec::new();
    for (j, item) in def.outputs.iter().enumerate() {
        let mut var = stack_var(ctx, item);
        if !item.is_unused() {
            check_unique(ctx, &mut seen, &item.name, def);
        }
        match inputs.get(j) {
            Some(input) if input.name == var.name => {
                if input.size != var.size {
                    ctx.error(
                        Diagnostic::error(item.span, format!("peek `{}` changes size", var.name))
                            .label("a value that stays on the stack keeps its size"),
                    );
                }
                var.peek = true;
            }
            _ => {
                if let Some(k) = inputs.iter().position(|i| i.name == var.name && !i.is_unused()) {
                    ctx.error(
                        Diagnostic::error(item.span, format!("inconsistent peek: `{}` is input {} but output {}", var.name, k + 1, j + 1))
                            .label("a value that stays on the stack keeps its position")
                            .note("rename the output if it is a new value"),
                    );
                } else if var.is_unused() {
                    ctx.error(
                        Diagnostic::error(item.span, "`unused` output that is not a peek")
                            .label("this slot would hold garbage")
                            .note("`unused` outputs must stand at the same position as an `unused` input"),
                    );
                }
            }
        }
        out.push(var);
    }
    out
}

fn check_unique<'a>(ctx: &mut Ctx, seen: &mut Vec<&'a ast::Ident>, name: &'a ast::Ident, def: &ast::UopDef) {
    if let Some(first) = seen.iter().find(|s| s.name == name.name) {
        ctx.error(
            Diagnostic::error(name.span, format!("`{}` appears twice on one side of `{}`", name.name, def.name.name))
                .label("again here")
                .secondary(first.span, "first here"),
        );
    } else {
        if SPECIAL_NAMES.iter().any(|(n, _)| *n == name.name) {
            ctx.error(
                Diagnostic::error(name.span, format!("`{}` is a special name and cannot name a stack item or cache entry", name.name))
                    .label("reserved"),
            );
        }
        seen.push(name);
    }
}

pub fn check_cache_size(ctx: &mut Ctx, c: &ast::CacheItem) {
    let named_ok = matches!(c.units, 1 | 2 | 4);
    let skip_ok = c.is_unused() && (1..64).contains(&c.units);
    if !named_ok && !skip_ok {
        ctx.error(
            Diagnostic::error(c.span, format!("bad cache size: `{}/{}`", c.name.name, c.units))
                .label("not 1, 2 or 4")
                .note("a named cache entry is 1, 2 or 4 code units of 16 bits (u16, u32, u64); `unused/N` skips N units"),
        );
    }
}

fn stack_var(ctx: &mut Ctx, item: &ast::StackItem) -> StackVar {
    let size = item.size.as_ref().and_then(|e| size(ctx, e));
    if let (Some(ty), Some(_)) = (&item.ty, &item.size) {
        ctx.error(Diagnostic::error(ty.span, "an array cannot have a type fact").label("the items of an array are not tracked"));
    }
    StackVar { name: item.name.name.clone(), ty: item.ty.as_ref().map(|t| t.name.clone()), size, peek: false }
}

/// An array size as an affine function of oparg.
fn size(ctx: &mut Ctx, e: &ast::SizeExpr) -> Option<Size> {
    match e {
        ast::SizeExpr::Int(n, _) => Some(Size::constant(*n)),
        ast::SizeExpr::Name(id) if id.name == "oparg" => Some(Size::oparg(1)),
        ast::SizeExpr::Name(id) => {
            ctx.error(
                Diagnostic::error(id.span, format!("unknown name `{}` in an array size", id.name))
                    .label("sizes use integers and `oparg`"),
            );
            None
        }
        ast::SizeExpr::Add(a, b) => Some(size(ctx, a)? + size(ctx, b)?),
        ast::SizeExpr::Sub(a, b) => Some(size(ctx, a)? - size(ctx, b)?),
        ast::SizeExpr::Mul(a, b) => {
            let (x, y) = (size(ctx, a)?, size(ctx, b)?);
            if x.uses_oparg() && y.uses_oparg() {
                ctx.error(Diagnostic::error(e.span(), "array size is not linear in `oparg`").label("oparg times oparg"));
                return None;
            }
            let (k, s) = if x.is_constant() { (x.constant, y) } else { (y.constant, x) };
            Some(Size { oparg: s.oparg * k, constant: s.constant * k })
        }
    }
}

const TIER1_FORMS: &[Form] = &[Form::JumpBy, Form::Redispatch, Form::ExitInterpreter, Form::Specialize, Form::ExtendOparg];
const TIER2_FORMS: &[Form] = &[Form::GotoTier1, Form::ErrorExit, Form::JumpToTop];
const TIER1_NAMES: &[&str] = &["this_instr"];
const TIER2_NAMES: &[&str] = &["operand", "target", "executor"];
/// Forms that leave the instruction with the stack exactly as they found it.
const STACK_PRESERVING_FORMS: &[Form] = &[Form::GotoExecutor, Form::GotoTier1, Form::ErrorExit, Form::JumpToTop, Form::Redispatch, Form::ExtendOparg];

fn check_names_and_forms(
    ctx: &mut Ctx,
    def: &ast::UopDef,
    ann: &Annotations,
    facts: &BodyFacts,
    inputs: &[StackVar],
    outputs: &[StackVar],
) {
    let name = &def.name.name;
    for (form, span) in &facts.forms {
        if *form == Form::Specialize && !ann.specializing {
            ctx.error(
                Diagnostic::error(*span, format!("`specialize!` in `{name}`, which is not declared `specializing`"))
                    .label("only a family head's specializing uop picks a member")
                    .note("declare the uop `specializing`"),
            );
        }
        if TIER1_FORMS.contains(form) && ann.tier2 {
            ctx.error(Diagnostic::error(*span, format!("`{}!` in tier-2 uop `{name}`", form.name())).label("only tier 1 can do this"));
        }
        if TIER2_FORMS.contains(form) && !ann.tier2 {
            ctx.error(
                Diagnostic::error(*span, format!("`{}!` in `{name}`, which is not declared `tier2`", form.name()))
                    .label("only tier 2 can do this")
                    .note("declare the uop `tier2`"),
            );
        }
        if STACK_PRESERVING_FORMS.contains(form) && (inputs.iter().any(|i| !outputs.iter().any(|o| o.peek && o.name == i.name)) || outputs.iter().any(|o| !o.peek)) {
            ctx.error(
                Diagnostic::error(*span, format!("`{}!` in `{name}`, which changes the stack", form.name()))
                    .label("control leaves here with the stack as the uop found it")
                    .note("a uop using this form may only peek at stack items"),
            );
        }
    }
    for (n, span) in &facts.names {
        if TIER1_NAMES.contains(&n.as_str()) && ann.tier2 {
            ctx.error(Diagnostic::error(*span, format!("`{n}` in tier-2 uop `{name}`")).label("only tier 1 has it"));
        }
        if TIER2_NAMES.contains(&n.as_str()) && !ann.tier2 {
            ctx.error(
                Diagnostic::error(*span, format!("`{n}` in `{name}`, which is not declared `tier2`"))
                    .label("only tier 2 has it")
                    .note("declare the uop `tier2`"),
            );
        }
    }
    // With `switch_frame!`, the callee pushes the outputs when it returns.
    let callee_pushes = facts.has(Form::SwitchFrame);
    for out in outputs {
        // A misplaced peek was reported above.
        let misplaced_peek = inputs.iter().any(|i| i.name == out.name);
        if out.peek || out.is_unused() || out.size.is_some() || callee_pushes || misplaced_peek {
            continue;
        }
        if !facts.assigned.contains(&out.name) {
            ctx.error(
                Diagnostic::error(def.body.span, format!("output `{}` of `{name}` is never assigned", out.name))
                    .label("in this body")
                    .note(format!("assign it: `{} = ...;`", out.name)),
            );
        }
    }
}

/// A prefix (`extend_oparg!`) is a whole instruction of two code units, opcode and
/// oparg, that touches no stack: tier 1 and the projector step over it to the
/// instruction it extends.
fn check_prefix(ctx: &mut Ctx, def: &ast::UopDef, facts: &BodyFacts, inputs: &[StackVar], outputs: &[StackVar], caches: &[CacheVar]) {
    let Some((_, span)) = facts.forms.iter().find(|(f, _)| *f == Form::ExtendOparg) else { return };
    let name = &def.name.name;
    let why = if def.kind != ast::UopKind::Inst {
        Some("it is not an `inst`")
    } else if !caches.is_empty() {
        Some("it has an inline cache")
    } else if !inputs.is_empty() || !outputs.is_empty() {
        Some("it has a stack effect")
    } else {
        None
    };
    if let Some(why) = why {
        ctx.error(
            Diagnostic::error(*span, format!("`extend_oparg!` in `{name}`: {why}"))
                .label("a prefix is two code units, its opcode and its oparg, and touches no stack")
                .note(format!("declare it `tier1 inst {name} (--) {{ extend_oparg!(); }}`")),
        );
    }
}

/// Checks every call in the body; returns where the first escaping call is.
fn check_calls(ctx: &mut Ctx, def: &ast::UopDef, facts: &BodyFacts, env: &Env) -> Option<crate::source::Span> {
    let mut first_escape: Option<crate::source::Span> = None;
    let mut escape = |span: crate::source::Span| {
        if first_escape.is_none_or(|f| span.lo < f.lo) {
            first_escape = Some(span);
        }
    };
    for call in &facts.calls {
        let path: Vec<&str> = call.path.iter().map(String::as_str).collect();
        match path.as_slice() {
            ["helpers", h] => match env.helpers.iter().find(|x| x.name == *h) {
                Some(helper) => {
                    if helper.params.len() != call.args {
                        ctx.error(
                            Diagnostic::error(call.span, format!("helper `{h}` takes {} arguments, not {}", helper.params.len(), call.args))
                                .label("wrong number of arguments")
                                .secondary(helper.origin.span, "declared here"),
                        );
                    }
                    if !helper.noescape {
                        escape(call.span);
                    }
                }
                None => ctx.error(
                    Diagnostic::error(call.span, format!("unknown helper `{h}`"))
                        .label("not declared")
                        .note("declare runtime helpers in the .uops file: `helper NAME(params) -> type;`"),
                ),
            },
            [f] => {
                if env.escaping.contains(*f) {
                    escape(call.span);
                } else if !env.shared_functions.contains(*f) && !CORE_CONSTRUCTORS.contains(f) && !env.types.contains(*f) {
                    ctx.error(
                        Diagnostic::error(call.span, format!("unknown function `{f}` in `{}`", def.name.name))
                            .label("not a shared function, helper or core item")
                            .note("bodies call `helpers::NAME` and the functions of shared modules"),
                    );
                }
            }
            [ty, .., f] => {
                let known_type = PRIMITIVES.contains(ty) || env.types.contains(*ty);
                if !known_type {
                    ctx.error(
                        Diagnostic::error(call.span, format!("unknown path `{}` in `{}`", call.path.join("::"), def.name.name))
                            .label("not a layout, a shared type, a primitive or core")
                            .note("bodies call `helpers::NAME`, shared functions, and associated functions of known types"),
                    );
                } else if env.escaping.contains(*f) && !PRIMITIVES.contains(ty) {
                    escape(call.span);
                }
            }
            [] => {}
        }
    }
    for (method, span) in &facts.methods {
        if env.escaping.contains(method) {
            escape(*span);
        }
    }
    first_escape
}

fn flags(
    ann: &Annotations,
    tier1_only: bool,
    facts: &BodyFacts,
    inputs: &[StackVar],
    outputs: &[StackVar],
    caches: &[CacheVar],
    escapes: bool,
) -> Flags {
    let mut f = Flags::NONE;
    let sized_by_oparg = inputs.iter().chain(outputs).any(|v| v.size.is_some_and(|s| s.uses_oparg()));
    let pairs: &[(bool, Flags)] = &[
        (facts.uses("oparg") || sized_by_oparg || facts.has(Form::ExtendOparg), Flags::HAS_ARG),
        (facts.has(Form::ExitIf), Flags::HAS_EXIT),
        (facts.has(Form::DeoptIf), Flags::HAS_DEOPT),
        (facts.has(Form::ErrorIf), Flags::HAS_ERROR),
        (escapes, Flags::ESCAPES),
        (ann.pure, Flags::PURE),
        (facts.has(Form::JumpBy), Flags::JUMPS),
        (facts.has(Form::SwitchFrame), Flags::SWITCHES_FRAME),
        (facts.has(Form::GotoExecutor), Flags::ENTERS_EXECUTOR),
        (facts.has(Form::GotoTier1) || facts.has(Form::ErrorExit), Flags::LEAVES_TIER2),
        (facts.has(Form::JumpToTop), Flags::JUMPS_TO_TOP),
        (facts.has(Form::ExitInterpreter), Flags::EXITS_INTERPRETER),
        (facts.has(Form::Redispatch), Flags::REDISPATCHES),
        (facts.has(Form::ExtendOparg), Flags::EXTENDS_OPARG),
        (facts.uses("this_instr"), Flags::USES_THIS_INSTR),
        (facts.uses("operand") || (!tier1_only && caches.iter().any(|c| !c.is_unused())), Flags::USES_OPERAND),
        (facts.uses("target"), Flags::USES_TARGET),
        (facts.uses("executor"), Flags::USES_EXECUTOR),
        (ann.specializing, Flags::SPECIALIZING),
        (tier1_only || facts.uses("this_instr") || facts.has(Form::JumpBy) || facts.has(Form::Redispatch) || facts.has(Form::ExtendOparg), Flags::TIER1_ONLY),
        (ann.tier2, Flags::TIER2_ONLY),
        (ann.replaced, Flags::REPLACED),
        (caches.iter().any(|c| !c.is_unused()), Flags::HAS_CACHE),
        (is_type_guard(facts, inputs, outputs, escapes), Flags::TYPE_GUARD),
        (facts.always_raises, Flags::RAISES),
    ];
    for (cond, flag) in pairs {
        if *cond {
            f.insert(*flag);
        }
    }
    f
}

/// A uop that only guards the types of values it leaves on the stack: all outputs are
/// peeks, at least one states a type, and the body does nothing but guard.
fn is_type_guard(facts: &BodyFacts, inputs: &[StackVar], outputs: &[StackVar], escapes: bool) -> bool {
    let only_guards = facts.forms.iter().all(|(f, _)| matches!(f, Form::ExitIf | Form::DeoptIf)) && !facts.forms.is_empty();
    let peeks_only = outputs.len() == inputs.len() && outputs.iter().all(|o| o.peek);
    only_guards && peeks_only && !escapes && outputs.iter().any(|o| o.ty.is_some()) && facts.assigned.is_empty()
}

fn check_guards_and_purity(
    ctx: &mut Ctx,
    def: &ast::UopDef,
    ann: &Annotations,
    facts: &BodyFacts,
    escapes_at: Option<crate::source::Span>,
    flags: &Flags,
) {
    if let Some(escape) = escapes_at {
        for (form, span) in &facts.forms {
            if matches!(form, Form::ExitIf | Form::DeoptIf) && span.lo > escape.lo {
                ctx.error(
                    Diagnostic::error(*span, format!("guard after an escaping call in `{}`", def.name.name))
                        .label("tier 1 would run the call again after this guard fails")
                        .secondary(escape, "escaping call"),
                );
            }
        }
    }
    if ann.pure {
        let impure = [
            (Flags::ESCAPES, "calls an escaping helper"),
            (Flags::HAS_ERROR, "can raise (`error_if!`)"),
            (Flags::SWITCHES_FRAME, "switches frames"),
            (Flags::ENTERS_EXECUTOR, "enters an executor"),
            (Flags::LEAVES_TIER2, "leaves tier 2"),
            (Flags::EXITS_INTERPRETER, "leaves the interpreter"),
            (Flags::JUMPS, "jumps"),
        ];
        for (flag, why) in impure {
            if flags.contains(flag) {
                let span = def.annotations.iter().find(|a| a.name == "pure").map_or(def.name.span, |a| a.span);
                ctx.error(
                    Diagnostic::error(span, format!("`{}` is declared `pure` but {why}", def.name.name))
                        .label("declared here")
                        .secondary(def.body.span, "in this body"),
                );
            }
        }
    }
}

fn viability(ann: &Annotations, facts: &BodyFacts, caches: &[CacheVar]) -> Viability {
    if ann.specializing {
        return Viability::Skipped;
    }
    if ann.replaced {
        return Viability::Replaced;
    }
    let named_caches = caches.iter().filter(|c| !c.is_unused()).count();
    let reason = if ann.tier1 {
        Some("declared `tier1`".to_string())
    } else if facts.uses("this_instr") {
        Some("reads `this_instr`".to_string())
    } else if facts.has(Form::JumpBy) {
        Some("jumps within tier-1 code".to_string())
    } else if facts.has(Form::Redispatch) {
        Some("re-dispatches tier-1 code".to_string())
    } else if facts.has(Form::ExtendOparg) {
        Some("extends the next instruction's oparg (the projector reads it with that instruction)".to_string())
    } else if facts.has(Form::ExitInterpreter) {
        Some("returns from the interpreter".to_string())
    } else if named_caches > 1 {
        Some(format!("reads {named_caches} cache entries; a tier-2 uop has one operand"))
    } else {
        None
    };
    match reason {
        Some(r) => Viability::NotViable(r),
        None => Viability::Viable,
    }
}
