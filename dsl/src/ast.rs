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
    Typeset(TypesetDef),
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
    /// What tier 2 knows about the uop (docs/dsl.md, "Tier-2 facts").
    pub facts: Vec<Fact>,
    pub body: Body,
    pub span: Span,
}

/// One tier-2 fact as written between a uop's stack effect and its body.
#[derive(Clone, Debug)]
pub struct Fact {
    pub kind: FactKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum FactKind {
    /// `moves a = local[oparg], global[index] = b`: where values come from and go.
    Moves(Vec<(Place, Place)>),
    /// `variant of BASE if conditions with operand = place`.
    Variant { base: Ident, conditions: Vec<Condition>, operand: Option<Place> },
    /// `word of BASE if { oparg test }, ...`.
    Word(Vec<(Ident, Option<Body>)>),
    /// `fuses A + B(oparg)`.
    Fuses(FusePart, FusePart),
    /// `stays (A, B)`: the stand-in uops when the replaced uop does not jump.
    Stays(Vec<Ident>),
    /// `jumps (C)`: the stand-ins when it jumps.
    Jumps(Vec<Ident>),
    /// `proven if (conditions) | (conditions)`.
    ProvenIf(Vec<Vec<Condition>>),
    /// `proves NAME of ITEM for KIND, ...`: what the guard proves, of which stack item's
    /// value (keyed by the value itself, not only the operand), and the kinds of places
    /// whose use needs it.
    Proves(Ident, Option<Ident>, Vec<Ident>),
    /// `forgets NAME, ...`.
    Forgets(Vec<Ident>),
    /// `calls CACHE(ARGS)`.
    Calls { version: Ident, args: Ident },
    /// `returns VALUE`.
    Returns(Ident),
    /// `checks PLACE after FACT`.
    Checks { place: Place, after: Option<Ident> },
}

#[derive(Clone, Debug)]
pub struct FusePart {
    pub uop: Ident,
    pub oparg: Option<(u64, Span)>,
}

/// A stack item by name, or a slot indexed by an argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Item(Ident),
    Indexed { kind: Ident, arg: ArgExpr, span: Span },
}

impl Place {
    pub fn span(&self) -> Span {
        match self {
            Place::Item(i) => i.span,
            Place::Indexed { span, .. } => *span,
        }
    }
}

/// `oparg`, `operand` or a cache entry's name, optionally `>> N` or `& N`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgExpr {
    pub name: Ident,
    pub op: Option<(String, u64)>,
}

#[derive(Clone, Debug)]
pub enum Condition {
    /// `place: int | float`.
    Types { place: Place, types: Vec<Ident>, span: Span },
    /// `watched(place)`.
    Watched { place: Place, span: Span },
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
    pub members: Vec<Member>,
    pub span: Span,
}

/// A family member and the predicate under which the specializer picks it.
#[derive(Clone, Debug)]
pub struct Member {
    pub name: Ident,
    pub predicate: Option<Body>,
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
    /// `= path::to::function`: the helper only forwards to it, and its shim is generated.
    pub forwards_to: Option<(String, Span)>,
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

/// `typeset NAME = a | b;`: a name for a union of types in tier-2 conditions.
#[derive(Clone, Debug)]
pub struct TypesetDef {
    pub docs: String,
    pub name: Ident,
    pub types: Vec<Ident>,
    pub span: Span,
}
