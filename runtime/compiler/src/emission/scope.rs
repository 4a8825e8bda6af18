//! The symbol table: for every function, lambda and comprehension of the module, which
//! of its names are fast locals, cells, free variables or globals, and its qualified
//! name, resolved as CPython 3.11's symtable does.
//!
//! A function's locals are its parameters and every name it binds (assignment and
//! `for` targets, augmented assignments, nested `def`s), minus the names it declares
//! `global` or `nonlocal`. A name it uses without binding is free: it belongs to the
//! nearest enclosing function that binds it (or declares it `nonlocal`), and otherwise
//! it is a global (or a builtin). A name declared `global` in an enclosing function
//! is a global below it too.
//!
//! A variable that belongs to one code object and is used by another (a nested
//! function or lambda) is a *cell* of its owner and a *free variable* of the other and
//! of every code object in between, which passes it on. Comprehensions are compiled
//! inline (see comprehension.rs) but are scopes of their own: their targets are theirs,
//! kept in hidden slots of the code object around them, which are cells when a lambda
//! in the comprehension captures them.
//!
//! A class body is a code object of its own whose locals become the class's namespace.
//! As in CPython, its names are invisible to the functions inside it, except
//! `__class__`: a method that names `super` captures the class body's implicit
//! `__class__` cell, which the class fills once it is made (zero-argument `super()`).

use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::TextRange;
use std::collections::{BTreeSet, HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    /// A `def` or a lambda: a code object of its own.
    Function,
    /// A comprehension: compiled into the code object around it.
    Comprehension,
    /// A class body: a code object of its own, whose names nested scopes do not see.
    Class,
}

/// What the code generator needs to know of one scope.
#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// CPython's `__qualname__` (`outer.<locals>.inner`, `<listcomp>.<lambda>`).
    pub qualname: String,
    /// The names the scope binds, in slot order: the parameters first (positional-only,
    /// positional, keyword-only, `*args`, `**kwargs`, as CPython lays them out), then
    /// the others in the order they are first bound. Empty for the module, whose names
    /// are globals.
    pub locals: Vec<String>,
    /// The same names, for lookups (a function may have tens of thousands).
    local_set: HashSet<String>,
    /// The names declared `global` here.
    pub globals: HashSet<String>,
    /// The bound names that code objects nested in this one use: they live in cells.
    pub cells: HashSet<String>,
    /// The names this code object gets from the code objects around it, sorted (the
    /// order of its closure).
    pub frees: Vec<String>,
    /// A generator function (it has a `yield`) or a generator expression.
    pub generator: bool,
    /// An `async def`: a generator whose calls make coroutines (`generator` is set too).
    pub coroutine: bool,
    /// An `async def` with a `yield` (an async generator, outside the subset).
    pub async_generator: bool,
}

impl Scope {
    pub fn is_local(&self, name: &str) -> bool {
        self.local_set.contains(name)
    }

    pub fn is_cell(&self, name: &str) -> bool {
        self.cells.contains(name)
    }

    /// The position of a free variable in the closure.
    pub fn free_index(&self, name: &str) -> Option<usize> {
        self.frees.iter().position(|f| f == name)
    }

    pub fn is_global(&self, name: &str) -> bool {
        self.globals.contains(name)
    }
}

/// A scope's key: the range of the `def`, lambda or comprehension that opens it.
pub type ScopeKey = (u32, u32);

pub fn key(range: TextRange) -> ScopeKey {
    (range.start().to_u32(), range.end().to_u32())
}

/// Every scope of a module, by key; the module's own under `MODULE`.
#[derive(Debug, Default)]
pub struct SymbolTable {
    scopes: HashMap<ScopeKey, Scope>,
}

/// The module's key (no node has an empty range at 0 but an empty module).
pub const MODULE: ScopeKey = (u32::MAX, u32::MAX);

impl SymbolTable {
    pub fn build(module: &ast::ModModule) -> SymbolTable {
        let mut b = Builder { scopes: Vec::new(), stack: Vec::new() };
        b.open(ScopeKind::Module, MODULE, String::new(), None);
        for s in &module.body {
            b.stmt(s);
        }
        b.close();
        b.resolve()
    }

    /// The scope opened at `key`. Every `def`, lambda and comprehension the builder
    /// saw has one.
    pub fn get(&self, key: ScopeKey) -> Option<&Scope> {
        self.scopes.get(&key)
    }
}

/// A scope while the tree is built.
struct Raw {
    kind: ScopeKind,
    key: ScopeKey,
    qualname: String,
    parent: Option<usize>,
    params: Vec<String>,
    /// In order of first binding.
    bound: Vec<String>,
    /// The same names, for lookups.
    bound_set: HashSet<String>,
    globals: HashSet<String>,
    nonlocals: HashSet<String>,
    /// Every name used or bound here.
    used: Vec<String>,
    cells: HashSet<String>,
    frees: BTreeSet<String>,
    generator: bool,
    coroutine: bool,
    async_generator: bool,
}

impl Raw {
    fn binds(&self, name: &str) -> bool {
        !self.globals.contains(name) && !self.nonlocals.contains(name) && (self.params.iter().any(|p| p == name) || self.bound_set.contains(name))
    }
}

struct Builder {
    scopes: Vec<Raw>,
    /// Open scopes, innermost last.
    stack: Vec<usize>,
}

impl Builder {
    fn current(&mut self) -> &mut Raw {
        let i = *self.stack.last().expect("a scope is open");
        &mut self.scopes[i]
    }

    fn open(&mut self, kind: ScopeKind, key: ScopeKey, qualname: String, parent: Option<usize>) {
        self.scopes.push(Raw {
            kind,
            key,
            qualname,
            parent,
            params: Vec::new(),
            bound: Vec::new(),
            bound_set: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            used: Vec::new(),
            cells: HashSet::new(),
            frees: BTreeSet::new(),
            generator: false,
            coroutine: false,
            async_generator: false,
        });
        self.stack.push(self.scopes.len() - 1);
    }

    fn close(&mut self) {
        self.stack.pop();
    }

    /// The qualified name of a function named `name` opened in the current scope.
    fn qualname(&mut self, name: &str, is_def: bool) -> String {
        let cur = self.current();
        match cur.kind {
            ScopeKind::Module => name.to_string(),
            // A function declared global in its parent is named as a global one.
            ScopeKind::Function if is_def && cur.globals.contains(name) => name.to_string(),
            ScopeKind::Function => format!("{}.<locals>.{name}", cur.qualname),
            ScopeKind::Comprehension | ScopeKind::Class => format!("{}.{name}", cur.qualname),
        }
    }

    fn bind(&mut self, name: &str) {
        let cur = self.current();
        if cur.bound_set.insert(name.to_string()) {
            cur.bound.push(name.to_string());
        }
        cur.used.push(name.to_string());
    }

    fn use_name(&mut self, name: &str) {
        let cur = self.current();
        cur.used.push(name.to_string());
        // `super()` reads the `__class__` cell of the class around (CPython does the
        // same for any function naming `super`).
        if name == "super" && cur.kind == ScopeKind::Function {
            cur.used.push("__class__".to_string());
        }
    }

    fn body(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    /// Parameters bind in the new scope, in CPython's slot order.
    fn parameters(&mut self, parameters: &ast::Parameters) {
        let order = parameters
            .posonlyargs
            .iter()
            .chain(&parameters.args)
            .chain(&parameters.kwonlyargs)
            .map(|p| &p.parameter)
            .chain(parameters.vararg.as_deref())
            .chain(parameters.kwarg.as_deref());
        for p in order {
            let name = p.name.as_str().to_string();
            let cur = self.current();
            if !cur.params.contains(&name) {
                cur.params.push(name.clone());
            }
            cur.used.push(name);
        }
    }

    /// Defaults and annotations run in the scope around the function.
    fn parameter_expressions(&mut self, parameters: &ast::Parameters) {
        for p in parameters.iter_non_variadic_params() {
            if let Some(d) = &p.default {
                self.expr(d);
            }
            if let Some(a) = &p.parameter.annotation {
                self.expr(a);
            }
        }
        for p in parameters.vararg.iter().chain(&parameters.kwarg) {
            if let Some(a) = &p.annotation {
                self.expr(a);
            }
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                for d in &def.decorator_list {
                    self.expr(&d.expression);
                }
                self.parameter_expressions(&def.parameters);
                if let Some(r) = &def.returns {
                    self.expr(r);
                }
                let qualname = self.qualname(def.name.as_str(), true);
                self.bind(def.name.as_str());
                let parent = self.stack.last().copied();
                self.open(ScopeKind::Function, key(def.range), qualname, parent);
                self.parameters(&def.parameters);
                self.body(&def.body);
                if def.is_async {
                    let cur = self.current();
                    cur.async_generator = cur.generator;
                    cur.generator = true;
                    cur.coroutine = true;
                }
                self.close();
            }
            Stmt::ClassDef(class) => {
                for d in &class.decorator_list {
                    self.expr(&d.expression);
                }
                if let Some(arguments) = &class.arguments {
                    for a in arguments.args.iter() {
                        self.expr(a);
                    }
                    for k in arguments.keywords.iter() {
                        self.expr(&k.value);
                    }
                }
                let qualname = self.qualname(class.name.as_str(), true);
                self.bind(class.name.as_str());
                let parent = self.stack.last().copied();
                self.open(ScopeKind::Class, key(class.range), qualname, parent);
                // The cell zero-argument `super()` reads (a local of the body).
                let cur = self.current();
                cur.bound.push("__class__".to_string());
                cur.bound_set.insert("__class__".to_string());
                // A body with variable annotations makes its `__annotations__` first.
                if super::annotated_bodies::has_annotations(&class.body) {
                    self.bind("__annotations__");
                }
                self.body(&class.body);
                self.close();
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.current().globals.insert(n.as_str().to_string());
                }
            }
            Stmt::Nonlocal(n) => {
                for name in &n.names {
                    let cur = self.current();
                    cur.nonlocals.insert(name.as_str().to_string());
                    cur.used.push(name.as_str().to_string());
                }
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.bind(bound.as_str().split('.').next().unwrap_or(""));
                }
            }
            Stmt::ImportFrom(import) => {
                for alias in &import.names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    if bound.as_str() != "*" {
                        self.bind(bound.as_str());
                    }
                }
            }
            Stmt::Try(t) => {
                self.body(&t.body);
                for handler in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(name) = &h.name {
                        self.bind(name.as_str());
                    }
                    self.body(&h.body);
                }
                self.body(&t.orelse);
                self.body(&t.finalbody);
            }
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for case in &m.cases {
                    self.pattern(&case.pattern);
                    if let Some(guard) = &case.guard {
                        self.expr(guard);
                    }
                    self.body(&case.body);
                }
            }
            _ => walk_stmt(self, stmt),
        }
    }

    /// A `case` pattern: the names it captures are bound; values, keys and classes
    /// are read.
    fn pattern(&mut self, pattern: &ast::Pattern) {
        use ast::Pattern;
        match pattern {
            Pattern::MatchValue(v) => self.expr(&v.value),
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => s.patterns.iter().for_each(|p| self.pattern(p)),
            Pattern::MatchMapping(m) => {
                m.keys.iter().for_each(|k| self.expr(k));
                m.patterns.iter().for_each(|p| self.pattern(p));
                if let Some(rest) = &m.rest {
                    self.bind(rest.as_str());
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls);
                c.arguments.patterns.iter().for_each(|p| self.pattern(p));
                c.arguments.keywords.iter().for_each(|k| self.pattern(&k.pattern));
            }
            Pattern::MatchStar(s) => {
                if let Some(name) = &s.name {
                    self.bind(name.as_str());
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p);
                }
                if let Some(name) = &a.name {
                    self.bind(name.as_str());
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().for_each(|p| self.pattern(p)),
        }
    }

    fn expr(&mut self, expr: &Expr) {
        match expr {
            Expr::Name(name) => match name.ctx {
                ExprContext::Load => self.use_name(name.id.as_str()),
                _ => self.bind(name.id.as_str()),
            },
            Expr::Named(named) => {
                // A walrus in a comprehension binds in the function around it.
                let target = match named.target.as_ref() {
                    Expr::Name(n) => Some(n.id.as_str().to_string()),
                    _ => None,
                };
                if let Some(t) = target {
                    let saved = self.stack.clone();
                    while self.stack.len() > 1 && self.current().kind == ScopeKind::Comprehension {
                        self.stack.pop();
                    }
                    self.bind(&t);
                    self.stack = saved;
                    self.use_name(&t);
                }
                self.expr(&named.value);
            }
            Expr::Lambda(lambda) => {
                if let Some(p) = &lambda.parameters {
                    self.parameter_expressions(p);
                }
                let qualname = self.qualname("<lambda>", false);
                let parent = self.stack.last().copied();
                self.open(ScopeKind::Function, key(lambda.range), qualname, parent);
                if let Some(p) = &lambda.parameters {
                    self.parameters(p);
                }
                self.expr(&lambda.body);
                self.close();
            }
            Expr::ListComp(c) => self.comprehension("<listcomp>", c.range, &c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension("<setcomp>", c.range, &c.generators, &[&c.elt]),
            Expr::Generator(c) => self.generator_expression(c),
            Expr::Yield(_) | Expr::YieldFrom(_) => {
                self.current().generator = true;
                walk_expr(self, expr);
            }
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension("<dictcomp>", c.range, &c.generators, &[k, &c.value]),
                None => self.comprehension("<dictcomp>", c.range, &c.generators, &[&c.value]),
            },
            _ => walk_expr(self, expr),
        }
    }

    fn comprehension(&mut self, name: &str, range: TextRange, generators: &[ast::Comprehension], elements: &[&Expr]) {
        let Some(first) = generators.first() else { return };
        // The first iterable runs in the scope around.
        self.expr(&first.iter);
        let qualname = self.qualname(name, false);
        let parent = self.stack.last().copied();
        self.open(ScopeKind::Comprehension, key(range), qualname, parent);
        for (i, g) in generators.iter().enumerate() {
            self.expr(&g.target);
            if i > 0 {
                self.expr(&g.iter);
            }
            for c in &g.ifs {
                self.expr(c);
            }
        }
        for e in elements {
            self.expr(e);
        }
        self.close();
    }

    /// A generator expression is a generator function of its own, called with the
    /// iterator of its first iterable (which runs in the scope around) as `.0`.
    fn generator_expression(&mut self, c: &ast::ExprGenerator) {
        let Some(first) = c.generators.first() else { return };
        self.expr(&first.iter);
        let qualname = self.qualname("<genexpr>", false);
        let parent = self.stack.last().copied();
        self.open(ScopeKind::Function, key(c.range), qualname, parent);
        let cur = self.current();
        cur.generator = true;
        cur.params.push(".0".to_string());
        cur.used.push(".0".to_string());
        for (i, g) in c.generators.iter().enumerate() {
            self.expr(&g.target);
            if i > 0 {
                self.expr(&g.iter);
            }
            for cond in &g.ifs {
                self.expr(cond);
            }
        }
        self.expr(&c.elt);
        self.close();
    }

    /// The code object a scope's variables live in: its own for a function, the one
    /// around for a comprehension.
    fn code_of(&self, mut i: usize) -> usize {
        while self.scopes[i].kind == ScopeKind::Comprehension {
            match self.scopes[i].parent {
                Some(p) => i = p,
                None => break,
            }
        }
        i
    }

    /// Decides what each used name is, marking cells and free variables.
    fn resolve(mut self) -> SymbolTable {
        for s in 0..self.scopes.len() {
            let used = std::mem::take(&mut self.scopes[s].used);
            let mut seen = HashSet::new();
            for name in &used {
                if seen.insert(name.as_str()) {
                    self.resolve_name(s, name);
                }
            }
            self.scopes[s].used = used;
        }
        let mut table = SymbolTable::default();
        for raw in self.scopes {
            let mut locals = Vec::new();
            let mut local_set = HashSet::new();
            if raw.kind != ScopeKind::Module {
                for name in raw.params.iter().chain(&raw.bound) {
                    if !local_set.contains(name) && !raw.globals.contains(name) && !raw.nonlocals.contains(name) {
                        local_set.insert(name.clone());
                        locals.push(name.clone());
                    }
                }
            }
            table.scopes.insert(
                raw.key,
                Scope {
                    kind: raw.kind,
                    qualname: raw.qualname,
                    locals,
                    local_set,
                    globals: raw.globals,
                    cells: raw.cells,
                    frees: raw.frees.into_iter().collect(),
                    generator: raw.generator,
                    coroutine: raw.coroutine,
                    async_generator: raw.async_generator,
                },
            );
        }
        table
    }

    /// Finds the scope that owns `name` as used in scope `s`; when it lives in another
    /// code object, it is a cell there and free in every code object from `s`'s out.
    fn resolve_name(&mut self, s: usize, name: &str) {
        let mut at = Some(s);
        while let Some(i) = at {
            let scope = &self.scopes[i];
            if scope.kind == ScopeKind::Module {
                return;
            }
            if scope.globals.contains(name) {
                return;
            }
            // A class body's names are not visible to the scopes inside it.
            let hidden = scope.kind == ScopeKind::Class && i != s && name != "__class__";
            if !hidden && scope.binds(name) {
                let owner = i;
                let (from, to) = (self.code_of(s), self.code_of(owner));
                if from != to {
                    self.scopes[owner].cells.insert(name.to_string());
                    // Every code object from `s`'s to the owner's (excluded) passes it on.
                    let mut c = Some(s);
                    while let Some(k) = c {
                        if self.code_of(k) == to {
                            break;
                        }
                        if matches!(self.scopes[k].kind, ScopeKind::Function | ScopeKind::Class) {
                            self.scopes[k].frees.insert(name.to_string());
                        }
                        c = self.scopes[k].parent;
                    }
                }
                return;
            }
            at = scope.parent;
        }
    }
}

/// Visits the children of a statement (nested scopes are handled by the builder).
fn walk_stmt(b: &mut Builder, stmt: &Stmt) {
    use ruff_python_ast::visitor::{self, Visitor};
    struct Children<'b>(&'b mut Builder);
    impl<'a> Visitor<'a> for Children<'_> {
        fn visit_stmt(&mut self, s: &'a Stmt) {
            self.0.stmt(s);
        }
        fn visit_expr(&mut self, e: &'a Expr) {
            self.0.expr(e);
        }
    }
    visitor::walk_stmt(&mut Children(b), stmt);
}

fn walk_expr(b: &mut Builder, expr: &Expr) {
    use ruff_python_ast::visitor::{self, Visitor};
    struct Children<'b>(&'b mut Builder);
    impl<'a> Visitor<'a> for Children<'_> {
        fn visit_stmt(&mut self, s: &'a Stmt) {
            self.0.stmt(s);
        }
        fn visit_expr(&mut self, e: &'a Expr) {
            self.0.expr(e);
        }
    }
    visitor::walk_expr(&mut Children(b), expr);
}
