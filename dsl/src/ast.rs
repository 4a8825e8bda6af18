//! The syntax tree of a `.uops` file, as written, with a span on everything.

use crate::source::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug, Default)]
pub struct File {
    pub items: Vec<Item>,
}

#[derive(Clone, Debug)]
pub enum Item {
    Uop(UopDef),
    Macro(MacroDef),
    Family(FamilyDef),
    Layout(LayoutDef),
    Helper(HelperDef),
    Const(ConstDef),
    Shared(SharedDef),
}

/// `op` defines a micro-op; `inst` defines an instruction that is also its only uop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UopKind {
    Op,
    Inst,
}

#[derive(Clone, Debug)]
pub struct UopDef {
    pub docs: String,
    pub annotations: Vec<Ident>,
    pub kind: UopKind,
    pub name: Ident,
    pub inputs: Vec<Input>,
    pub outputs: Vec<StackItem>,
    pub effect_span: Span,
    pub body: Body,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum Input {
    Cache(CacheItem),
    Stack(StackItem),
}

/// `name/N`: N 16-bit code units of inline cache.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheItem {
    pub name: Ident,
    pub units: u32,
    pub span: Span,
}

impl CacheItem {
    pub fn is_unused(&self) -> bool {
        self.name.name == "unused"
    }
}

/// `name`, `name: type` or `name[size]` on the value stack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StackItem {
    pub name: Ident,
    /// A type fact: what an output is, or what a guard proves a peeked input is.
    pub ty: Option<Ident>,
    pub size: Option<SizeExpr>,
    pub span: Span,
}

impl StackItem {
    pub fn is_unused(&self) -> bool {
        self.name.name == "unused"
    }
}

/// An array size as written: integers, `oparg`, `+ - *` and parentheses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SizeExpr {
    Int(i64, Span),
    Name(Ident),
    Add(Box<SizeExpr>, Box<SizeExpr>),
    Sub(Box<SizeExpr>, Box<SizeExpr>),
    Mul(Box<SizeExpr>, Box<SizeExpr>),
}

impl SizeExpr {
    pub fn span(&self) -> Span {
        match self {
            SizeExpr::Int(_, s) => *s,
            SizeExpr::Name(i) => i.span,
            SizeExpr::Add(a, b) | SizeExpr::Sub(a, b) | SizeExpr::Mul(a, b) => a.span().to(b.span()),
        }
    }
}

/// The Rust text between a definition's braces and where it starts in the file.
#[derive(Clone, Debug)]
pub struct Body {
    pub text: String,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct MacroDef {
    pub docs: String,
    pub annotations: Vec<Ident>,
    pub name: Ident,
    pub parts: Vec<MacroPart>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum MacroPart {
    Uop(Ident),
    Cache(CacheItem),
}

#[derive(Clone, Debug)]
pub struct FamilyDef {
    pub docs: String,
    pub head: Ident,
    pub members: Vec<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct LayoutDef {
    pub docs: String,
    pub name: Ident,
    /// `layout NAME: 16 { ... }` asserts the size.
    pub declared_size: Option<(u64, Span)>,
    pub fields: Vec<Field>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Field {
    pub docs: String,
    pub name: Ident,
    pub ty: TypeRef,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeRef {
    Named(Ident),
    Ptr { mutable: bool, inner: Box<TypeRef>, span: Span },
    /// `[T; N]`, or `[T]` for a trailing array whose length the layout does not know.
    Array { elem: Box<TypeRef>, len: Option<u64>, span: Span },
}

impl TypeRef {
    pub fn span(&self) -> Span {
        match self {
            TypeRef::Named(i) => i.span,
            TypeRef::Ptr { span, .. } | TypeRef::Array { span, .. } => *span,
        }
    }
}

#[derive(Clone, Debug)]
pub struct HelperDef {
    pub docs: String,
    pub annotations: Vec<Ident>,
    pub name: Ident,
    pub params: Vec<Param>,
    pub ret: Option<TypeRef>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Param {
    pub name: Ident,
    pub ty: TypeRef,
}

#[derive(Clone, Debug)]
pub struct ConstDef {
    pub docs: String,
    pub name: Ident,
    pub ty: TypeRef,
    pub value: u64,
    pub span: Span,
}

/// `shared NAME = "path";` a Rust module compiled into both the runtime and the stencils.
#[derive(Clone, Debug)]
pub struct SharedDef {
    pub docs: String,
    pub name: Ident,
    pub path: String,
    pub span: Span,
}
