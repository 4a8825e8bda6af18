//! Uop bodies: Rust blocks parsed with syn, and the facts the analysis reads off their
//! syntax tree (special forms, special names, calls, assignments). Nothing here looks at
//! the text; everything walks the tree.

use crate::diagnostic::Diagnostic;
use crate::source::{SourceFile, Span};
use proc_macro2::{LineColumn, TokenStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::Visit;

/// The special forms a body may use. Each generator lowers them for its tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// `exit_if!(cond)`: a guard; tier 2 leaves through a side exit.
    ExitIf,
    /// `deopt_if!(cond)`: a guard; tier 2 returns to tier 1.
    DeoptIf,
    /// `error_if!(cond)`: the inputs are consumed and an exception is set: unwind.
    ErrorIf,
    /// `jump_by!(delta)`: tier 1 continues `delta` code units after the next instruction.
    JumpBy,
    /// `redispatch!()`: tier 1 executes the (rewritten) current instruction again.
    Redispatch,
    /// `switch_frame!(frame)`: continue in another frame; a callee pushes our outputs.
    SwitchFrame,
    /// `goto_executor!(executor)`: continue in an executor.
    GotoExecutor,
    /// `goto_tier1!(target)`: leave tier 2 at a tier-1 offset.
    GotoTier1,
    /// `error_exit!(target)`: leave tier 2 at a tier-1 offset with an exception set.
    ErrorExit,
    /// `jump_to_top!()`: start the trace again.
    JumpToTop,
    /// `exit_interpreter!(value)`: return a value from the interpreter.
    ExitInterpreter,
    /// `specialize!()`: pick a member of the instruction's family by the predicates the
    /// family declares, and rewrite the instruction into it.
    Specialize,
    /// `extend_oparg!()`: tier 1 executes the next instruction with this instruction's
    /// oparg above the bits of its own (a prefix, as CPython's EXTENDED_ARG).
    ExtendOparg,
}

impl Form {
    pub const ALL: &'static [Form] = &[
        Form::ExitIf,
        Form::DeoptIf,
        Form::ErrorIf,
        Form::JumpBy,
        Form::Redispatch,
        Form::SwitchFrame,
        Form::GotoExecutor,
        Form::GotoTier1,
        Form::ErrorExit,
        Form::JumpToTop,
        Form::ExitInterpreter,
        Form::Specialize,
        Form::ExtendOparg,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Form::ExitIf => "exit_if",
            Form::DeoptIf => "deopt_if",
            Form::ErrorIf => "error_if",
            Form::JumpBy => "jump_by",
            Form::Redispatch => "redispatch",
            Form::SwitchFrame => "switch_frame",
            Form::GotoExecutor => "goto_executor",
            Form::GotoTier1 => "goto_tier1",
            Form::ErrorExit => "error_exit",
            Form::JumpToTop => "jump_to_top",
            Form::ExitInterpreter => "exit_interpreter",
            Form::Specialize => "specialize",
            Form::ExtendOparg => "extend_oparg",
        }
    }

    pub fn from_name(name: &str) -> Option<Form> {
        Form::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// How many expressions the form takes.
    pub fn arity(self) -> usize {
        match self {
            Form::Redispatch | Form::JumpToTop | Form::Specialize | Form::ExtendOparg => 0,
            _ => 1,
        }
    }

    /// Forms that never fall through: control goes elsewhere.
    pub fn diverges(self) -> bool {
        !matches!(self, Form::ExitIf | Form::DeoptIf | Form::ErrorIf | Form::Specialize)
    }
}

/// Names a body may use that the generators bind, and in which tier.
pub const SPECIAL_NAMES: &[(&str, &str)] = &[
    ("oparg", "the instruction's argument (u32)"),
    ("frame", "the current frame (*mut Frame)"),
    ("ts", "the thread state (*mut Thread)"),
    ("this_instr", "tier 1 only: the instruction's first code unit (*mut u16)"),
    ("operand", "tier 2 only: the uop's 64-bit operand (u64)"),
    ("target", "tier 2 only: the tier-1 offset the uop came from (u32)"),
    ("executor", "tier 2 only: the running executor (*mut Executor)"),
];

/// Macros a body may use besides the special forms (pure expression macros from core).
const ALLOWED_MACROS: &[&str] = &["matches"];

#[derive(Clone, Debug, Default)]
pub struct BodyFacts {
    /// Special forms in source order.
    pub forms: Vec<(Form, Span)>,
    /// Special names read, with their first use.
    pub names: Vec<(String, Span)>,
    /// Free-function calls in source order.
    pub calls: Vec<Call>,
    /// Method calls, by method name, in source order.
    pub methods: Vec<(String, Span)>,
    /// Names assigned with `name = ...`.
    pub assigned: Vec<String>,
    /// Whether the body's last statement is a diverging special form.
    pub ends_in_divergence: bool,
    /// Whether the body's last statement is `error_if!(true)`: it always raises.
    pub always_raises: bool,
}

impl BodyFacts {
    pub fn uses(&self, name: &str) -> bool {
        self.names.iter().any(|(n, _)| n == name)
    }

    pub fn has(&self, form: Form) -> bool {
        self.forms.iter().any(|(f, _)| *f == form)
    }
}

/// A call of a path: `helpers::add(a, b)`, `Value::from_int(n)`.
#[derive(Clone, Debug)]
pub struct Call {
    pub path: Vec<String>,
    pub args: usize,
    pub span: Span,
}

/// Parses a body and reads its facts. Errors point into the `.uops` file.
pub fn parse_body(file: &SourceFile, text: &str, span: Span, errors: &mut Vec<Diagnostic>) -> Option<(syn::Block, BodyFacts)> {
    let map = SpanMap::new(file, span);
    let wrapped = format!("{{{text}}}");
    let block: syn::Block = match syn::parse_str(&wrapped) {
        Ok(b) => b,
        Err(e) => {
            // proc-macro2 refuses unbalanced text before syn sees it; find the culprit.
            if let Some((at, c)) = unbalanced(text) {
                let lo = span.lo + at as u32;
                let close = match c {
                    '(' => ')',
                    '[' => ']',
                    '{' => '}',
                    other => other,
                };
                let msg = if matches!(c, ')' | ']' | '}') {
                    format!("syntax error in body: unexpected closing delimiter `{c}`")
                } else {
                    format!("syntax error in body: `{c}` is never closed")
                };
                errors.push(Diagnostic::error(Span { lo, hi: lo + 1 }, msg).label(format!("expected a matching `{close}`")));
                return None;
            }
            for err in e {
                let at = map.span(err.span());
                errors.push(Diagnostic::error(at, format!("syntax error in body: {err}")).label("here"));
            }
            return None;
        }
    };
    let mut walker = Walker { map: &map, facts: BodyFacts::default(), errors, closures: 0, loops: 0 };
    walker.visit_block(&block);
    let mut facts = walker.facts;
    let last_form = block.stmts.last().and_then(|s| match s {
        syn::Stmt::Macro(m) => Some(&m.mac),
        syn::Stmt::Expr(syn::Expr::Macro(m), _) => Some(&m.mac),
        _ => None,
    });
    facts.ends_in_divergence = last_form.is_some_and(|m| form_of(m).is_some_and(Form::diverges));
    facts.always_raises = last_form.is_some_and(|m| {
        form_of(m) == Some(Form::ErrorIf) && m.parse_body::<syn::LitBool>().is_ok_and(|b| b.value)
    });
    Some((block, facts))
}

/// The first delimiter that is not matched, with its byte offset, skipping strings,
/// characters and comments.
fn unbalanced(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' if bytes.get(i + 2) == Some(&b'\'') || bytes.get(i + 1) == Some(&b'\\') => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'\'' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            c @ (b'(' | b'[' | b'{') => stack.push((i, c as char)),
            c @ (b')' | b']' | b'}') => {
                let open = match c {
                    b')' => '(',
                    b']' => '[',
                    _ => '{',
                };
                match stack.pop() {
                    Some((_, o)) if o == open => {}
                    Some(top) => return Some(top),
                    None => return Some((i, c as char)),
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack.pop()
}

fn form_of(mac: &syn::Macro) -> Option<Form> {
    mac.path.get_ident().and_then(|i| Form::from_name(&i.to_string()))
}

/// Maps spans of the wrapped body text back into the `.uops` file.
struct SpanMap<'a> {
    file: &'a SourceFile,
    line: usize,
    col: usize,
}

impl<'a> SpanMap<'a> {
    fn new(file: &'a SourceFile, body: Span) -> SpanMap<'a> {
        let lc = file.line_col(body.lo);
        SpanMap { file, line: lc.line as usize, col: lc.col as usize - 1 }
    }

    fn offset(&self, lc: LineColumn) -> u32 {
        // The text was wrapped in `{ }`: on the first line, columns are one too far.
        if lc.line <= 1 {
            self.file.offset_of(self.line, self.col + lc.column.saturating_sub(1))
        } else {
            self.file.offset_of(self.line + lc.line - 1, lc.column)
        }
    }

    fn span(&self, s: proc_macro2::Span) -> Span {
        let lo = self.offset(s.start());
        let hi = self.offset(s.end()).max(lo);
        Span { lo, hi }
    }
}

struct Walker<'a, 'e> {
    map: &'a SpanMap<'a>,
    facts: BodyFacts,
    errors: &'e mut Vec<Diagnostic>,
    closures: usize,
    loops: usize,
}

impl Walker<'_, '_> {
    fn error(&mut self, span: proc_macro2::Span, message: impl Into<String>, label: &str) {
        let at = self.map.span(span);
        self.errors.push(Diagnostic::error(at, message).label(label));
    }

    fn special_form(&mut self, form: Form, mac: &syn::Macro) {
        let span = self.map.span(mac.span());
        if self.closures > 0 {
            self.error(mac.span(), format!("`{}!` inside a closure", form.name()), "control cannot leave the uop from here");
        }
        self.facts.forms.push((form, span));
        let args = mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated);
        match args {
            Ok(args) if args.len() == form.arity() => {
                for a in &args {
                    self.visit_expr(a);
                }
            }
            Ok(args) => {
                let wanted = form.arity();
                self.error(
                    mac.span(),
                    format!("`{}!` takes {wanted} argument{}, found {}", form.name(), if wanted == 1 { "" } else { "s" }, args.len()),
                    "wrong number of arguments",
                );
            }
            Err(e) => self.error(e.span(), format!("syntax error in `{}!`: {e}", form.name()), "here"),
        }
    }

    fn mac(&mut self, mac: &syn::Macro) {
        if let Some(form) = form_of(mac) {
            return self.special_form(form, mac);
        }
        let name = mac.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
        if !ALLOWED_MACROS.contains(&name.as_str()) {
            let forms: Vec<String> = Form::ALL.iter().map(|f| format!("{}!", f.name())).collect();
            let at = self.map.span(mac.span());
            self.errors.push(
                Diagnostic::error(at, format!("unknown macro `{name}!` in a uop body"))
                    .label("not a special form")
                    .note(format!("bodies may use the special forms {} and `matches!`", forms.join(", "))),
            );
            return;
        }
        if let Ok(args) = mac.parse_body_with(Punctuated::<TokenStream, syn::Token![,]>::parse_terminated) {
            for tokens in args {
                if let Ok(e) = syn::parse2::<syn::Expr>(tokens) {
                    self.visit_expr(&e);
                }
            }
        }
    }

    fn note_name(&mut self, ident: &syn::Ident) {
        let name = ident.to_string();
        if SPECIAL_NAMES.iter().any(|(n, _)| *n == name) && !self.facts.uses(&name) {
            let span = self.map.span(ident.span());
            self.facts.names.push((name, span));
        }
    }
}

impl<'ast> Visit<'ast> for Walker<'_, '_> {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.mac(mac);
    }

    fn visit_expr_path(&mut self, e: &'ast syn::ExprPath) {
        if let Some(ident) = e.path.get_ident() {
            self.note_name(ident);
        }
        syn::visit::visit_expr_path(self, e);
    }

    fn visit_expr_call(&mut self, e: &'ast syn::ExprCall) {
        if let syn::Expr::Path(p) = &*e.func {
            let path = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            self.facts.calls.push(Call { path, args: e.args.len(), span: self.map.span(p.span()) });
        }
        for arg in &e.args {
            self.visit_expr(arg);
        }
        if !matches!(&*e.func, syn::Expr::Path(_)) {
            self.visit_expr(&e.func);
        }
    }

    fn visit_expr_method_call(&mut self, e: &'ast syn::ExprMethodCall) {
        self.facts.methods.push((e.method.to_string(), self.map.span(e.method.span())));
        syn::visit::visit_expr_method_call(self, e);
    }

    fn visit_expr_assign(&mut self, e: &'ast syn::ExprAssign) {
        if let syn::Expr::Path(p) = &*e.left
            && let Some(ident) = p.path.get_ident()
        {
            self.facts.assigned.push(ident.to_string());
        }
        syn::visit::visit_expr_assign(self, e);
    }

    fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
        if SPECIAL_NAMES.iter().any(|(n, _)| p.ident == n) {
            self.error(
                p.ident.span(),
                format!("`{}` is a special name and cannot name a local", p.ident),
                "pick another name",
            );
        }
        syn::visit::visit_pat_ident(self, p);
    }

    fn visit_expr_closure(&mut self, e: &'ast syn::ExprClosure) {
        self.closures += 1;
        let loops = std::mem::take(&mut self.loops);
        syn::visit::visit_expr_closure(self, e);
        self.loops = loops;
        self.closures -= 1;
    }

    fn visit_expr_return(&mut self, e: &'ast syn::ExprReturn) {
        if self.closures == 0 {
            self.error(e.span(), "`return` in a uop body", "bodies end by falling through or with a special form");
        }
        syn::visit::visit_expr_return(self, e);
    }

    fn visit_expr_while(&mut self, e: &'ast syn::ExprWhile) {
        self.loops += 1;
        syn::visit::visit_expr_while(self, e);
        self.loops -= 1;
    }

    fn visit_expr_loop(&mut self, e: &'ast syn::ExprLoop) {
        self.loops += 1;
        syn::visit::visit_expr_loop(self, e);
        self.loops -= 1;
    }

    fn visit_expr_for_loop(&mut self, e: &'ast syn::ExprForLoop) {
        self.loops += 1;
        syn::visit::visit_expr_for_loop(self, e);
        self.loops -= 1;
    }

    fn visit_expr_break(&mut self, e: &'ast syn::ExprBreak) {
        if self.loops == 0 && e.label.is_none() && self.closures == 0 {
            self.error(e.span(), "`break` outside a loop of the body", "this would leave the interpreter's loop");
        }
        syn::visit::visit_expr_break(self, e);
    }

    fn visit_expr_continue(&mut self, e: &'ast syn::ExprContinue) {
        if self.loops == 0 && self.closures == 0 {
            self.error(e.span(), "`continue` outside a loop of the body", "this would restart the interpreter's loop");
        }
        syn::visit::visit_expr_continue(self, e);
    }

    fn visit_expr_async(&mut self, e: &'ast syn::ExprAsync) {
        self.error(e.span(), "`async` in a uop body", "not supported");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> (Option<BodyFacts>, Vec<Diagnostic>, SourceFile) {
        let source = format!("op _X (--) {{{text}}}\n");
        let file = SourceFile::new("t.uops", source);
        let mut errors = Vec::new();
        let lo = file.text.find('{').unwrap() + 1;
        let span = Span::new(lo, lo + text.len());
        let out = parse_body(&file, text, span, &mut errors).map(|(_, f)| f);
        (out, errors, file)
    }

    #[test]
    fn finds_forms_names_calls_and_assignments() {
        let (f, errors, _) = facts(" exit_if!(oparg > 2); res = helpers::add(ts, left); goto_tier1!(target) ");
        assert!(errors.is_empty());
        let f = f.unwrap();
        assert_eq!(f.forms.iter().map(|(f, _)| *f).collect::<Vec<_>>(), vec![Form::ExitIf, Form::GotoTier1]);
        let names: Vec<&str> = f.names.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["oparg", "ts", "target"]);
        assert_eq!(f.calls[0].path, vec!["helpers".to_string(), "add".to_string()]);
        assert_eq!(f.calls[0].args, 2);
        assert_eq!(f.assigned, vec!["res".to_string()]);
        assert!(f.ends_in_divergence);
    }

    #[test]
    fn reports_syntax_errors_at_their_uops_position() {
        let (f, errors, file) = facts("\n    let x = ;\n");
        assert!(f.is_none());
        let at = file.line_col(errors[0].primary.span.lo);
        assert_eq!((at.line, at.col), (2, 13));
    }

    #[test]
    fn rejects_forms_in_closures_unknown_macros_and_stray_control_flow() {
        let (_, errors, _) = facts(" let f = || { exit_if!(true); }; println!(\"x\"); break; return; ");
        let messages: Vec<&str> = errors.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].contains("inside a closure"));
        assert!(messages[1].contains("unknown macro `println!`"));
        assert!(messages[2].contains("`break` outside a loop"));
        assert!(messages[3].contains("`return`"));
    }
}
