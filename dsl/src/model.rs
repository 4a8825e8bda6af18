//! The analysed model of a `.uops` file: the only thing the generators see.
//!
//! Everything a generator needs is computed here, once: ids, flags, stack effects, the
//! stack plan of every instruction and uop (where each input comes from and where each
//! output goes), cache offsets, tier-2 expansions, families and layouts. Generators
//! only turn this into text.

use crate::size::Size;
use crate::source::Span;
use std::fmt;

#[derive(Clone, Debug)]
pub struct Analysis {
    /// The `.uops` file as the user names it (for headers and traces).
    pub source_name: String,
    /// Every type named in a type fact, sorted.
    pub types: Vec<String>,
    /// Indexed by uop id.
    pub uops: Vec<Uop>,
    /// Indexed by opcode.
    pub instructions: Vec<Instruction>,
    pub families: Vec<Family>,
    pub layouts: Vec<Layout>,
    pub helpers: Vec<Helper>,
    pub consts: Vec<Const>,
    pub shared: Vec<SharedModule>,
    /// The names of the facts guards prove (`proves NAME`), indexed by fact id.
    pub proofs: Vec<String>,
    /// `typeset` definitions: a name and its types.
    pub typesets: Vec<(String, Vec<String>)>,
}

impl Analysis {
    pub fn uop(&self, name: &str) -> Option<&Uop> {
        self.uops.iter().find(|u| u.name == name)
    }

    pub fn instruction(&self, name: &str) -> Option<&Instruction> {
        self.instructions.iter().find(|i| i.name == name)
    }

    pub fn layout(&self, name: &str) -> Option<&Layout> {
        self.layouts.iter().find(|l| l.name == name)
    }

    pub fn constant(&self, name: &str) -> Option<u64> {
        self.consts.iter().find(|c| c.name == name).map(|c| c.value)
    }
}

/// Where a definition is: its line in the `.uops` file, for `// X at file:line` traces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    pub line: u32,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Uop {
    pub id: u16,
    pub name: String,
    pub docs: String,
    pub origin: Origin,
    /// The uop's name where it is defined: where errors about the uop as a whole (its
    /// JIT stencil) point.
    pub name_span: Span,
    /// `inst` definitions are an instruction and a uop at once.
    pub is_inst: bool,
    pub annotations: Annotations,
    pub inputs: Vec<StackVar>,
    pub outputs: Vec<StackVar>,
    /// The cache entries the uop declares, in order.
    pub caches: Vec<CacheVar>,
    /// The body as written (special forms not yet lowered).
    pub body: syn::Block,
    /// The body's first line in the `.uops` file.
    pub body_line: u32,
    pub flags: Flags,
    pub effect: StackEffect,
    /// The plan of this uop alone: what tier 2 and the stencils emit.
    pub plan: StackPlan,
    pub tier2: Viability,
    /// What the tier-2 projector and optimizer know about the uop.
    pub facts: Facts,
}

/// A uop's tier-2 facts (docs/dsl.md, "Tier-2 facts"), resolved: uops by id, stack items
/// by position, proof names by id.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// `moves`: where values come from and go.
    pub moves: Vec<Move>,
    /// `variant of`: this uop may stand for another when conditions hold.
    pub variant_of: Vec<VariantOf>,
    /// `word of`: this uop is the machine-word form of others.
    pub word_of: Vec<WordOf>,
    /// `fuses A + B`.
    pub fuses: Option<Fusion>,
    /// `stays (...)` / `jumps (...)`: the stand-ins of a replaced uop, by path.
    pub stays: Option<Vec<usize>>,
    pub jumps: Option<Vec<usize>>,
    /// `proven if`: alternatives of conditions, any of which makes the guard redundant.
    pub proven_if: Vec<Vec<Condition>>,
    /// `proves NAME`: the fact id this guard proves, keyed by its operand.
    pub proves: Option<usize>,
    /// `proves NAME of ITEM`: the input whose value the proof is about. The proof then
    /// holds for that value (wherever it is moved) and is lost when the value's place
    /// is rebound, or at a uop that forgets it; every uop that may run Python code
    /// (an `invalidates` helper) forgets such proofs.
    pub proves_of: Option<usize>,
    /// `proves NAME for KIND, ...`: the kinds of places (`global`, `builtin`, `local`)
    /// whose use in a trace needs the proof; a trace that uses none drops the guard.
    pub protects: Vec<String>,
    /// `forgets`: what the uop makes unknown again.
    pub forgets: Vec<Forget>,
    /// `calls CACHE(ARGS)`: pushes the frame of the function whose version is the
    /// instruction's cache entry `CACHE`; the input `ARGS` becomes its first locals.
    pub calls: Option<CallFact>,
    /// `returns VALUE`: pops the frame; the input `VALUE` goes to the caller's stack.
    pub returns: Option<usize>,
    /// `checks PLACE after PROOF`: an entry guard on the type of a place.
    pub checks: Option<CheckFact>,
}

impl Facts {
    pub fn is_empty(&self) -> bool {
        self.moves.is_empty()
            && self.variant_of.is_empty()
            && self.word_of.is_empty()
            && self.fuses.is_none()
            && self.stays.is_none()
            && self.jumps.is_none()
            && self.proven_if.is_empty()
            && self.proves.is_none()
            && self.forgets.is_empty()
            && self.calls.is_none()
            && self.returns.is_none()
            && self.checks.is_none()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub dst: Place,
    pub src: Place,
}

/// Where a value is, as tier 2 models it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A stack input of the uop, by position (the value before the uop).
    Input(usize),
    /// A stack output, by position (the value after).
    Output(usize),
    /// A local of the frame.
    Local(Arg),
    /// An entry of the frame's globals dict.
    Global(Arg),
    /// An entry of the builtins dict.
    Builtin(Arg),
    /// A constant: of the code object when indexed by `oparg`, the value word itself
    /// when it is the `operand`.
    Const(Arg),
}

/// An index: `oparg` or `operand`, shifted right, then masked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arg {
    pub from_operand: bool,
    pub shift: u32,
    pub mask: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    pub place: Place,
    pub kind: ConditionKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConditionKind {
    /// The value has one of these types.
    Types(Vec<String>),
    /// The place's dict key is one executors depend on.
    Watched,
}

#[derive(Clone, Debug)]
pub struct VariantOf {
    pub base: usize,
    pub conditions: Vec<Condition>,
    /// The operand the variant takes, read from a place at projection time.
    pub operand: Option<Place>,
    pub line: u32,
}

#[derive(Clone, Debug)]
pub struct WordOf {
    pub base: usize,
    /// A test of `oparg` that must hold as well.
    pub condition: Option<syn::Block>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fusion {
    pub first: usize,
    pub second: usize,
    /// The oparg the second must have.
    pub second_oparg: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Forget {
    /// A proof (`proves NAME`).
    Proof(usize),
    /// What is known of every global.
    Globals,
    /// What is known of every local.
    Locals,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallFact {
    /// The cache entry holding the callee's function version.
    pub version_cache: String,
    /// The input whose values become the callee's first locals.
    pub args: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckFact {
    pub place: Place,
    /// The proof that must come before this guard (`after NAME`).
    pub after: Option<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotations {
    pub pure: bool,
    pub tier1: bool,
    pub tier2: bool,
    pub specializing: bool,
    pub replaced: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StackVar {
    pub name: String,
    /// The type fact written after the name: an output's type, or the type a guard
    /// proves a peeked value has.
    pub ty: Option<String>,
    /// `Some` for arrays: `args[oparg]`.
    pub size: Option<Size>,
    /// The same name at the same position on both sides: the value stays on the stack.
    pub peek: bool,
}

impl StackVar {
    pub fn is_unused(&self) -> bool {
        self.name == "unused"
    }

    /// How many stack slots the item takes.
    pub fn slots(&self) -> Size {
        self.size.unwrap_or(Size::ONE)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheVar {
    pub name: String,
    /// 16-bit code units: 1, 2 or 4.
    pub units: u32,
}

impl CacheVar {
    pub fn is_unused(&self) -> bool {
        self.name == "unused"
    }

    /// The Rust integer type a cache entry of this size reads as.
    pub fn rust_type(&self) -> &'static str {
        match self.units {
            1 => "u16",
            2 => "u32",
            _ => "u64",
        }
    }
}

/// Items popped from below the starting stack pointer and items left above it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StackEffect {
    pub popped: Size,
    pub pushed: Size,
}

impl StackEffect {
    pub fn net(&self) -> Size {
        self.pushed - self.popped
    }
}

/// What tier 2 does with a uop or an instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Viability {
    /// Copied into traces as it is.
    Viable,
    /// The trace projector puts something else in its place (branches become guards).
    Replaced,
    /// Left out of traces (specialization counters).
    Skipped,
    /// Ends a trace; the reason says why.
    NotViable(String),
}

impl Viability {
    pub fn is_viable(&self) -> bool {
        !matches!(self, Viability::NotViable(_))
    }
}

impl fmt::Display for Viability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Viability::Viable => write!(f, "viable"),
            Viability::Replaced => write!(f, "replaced by the projector"),
            Viability::Skipped => write!(f, "skipped in traces"),
            Viability::NotViable(why) => write!(f, "not viable: {why}"),
        }
    }
}

macro_rules! flags {
    ($($(#[doc = $doc:literal])* $name:ident = $bit:expr;)*) => {
        /// Properties inferred from bodies and annotations.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct Flags(pub u32);

        impl Flags {
            $($(#[doc = $doc])* pub const $name: Flags = Flags(1 << $bit);)*

            /// Every flag: its name and what it means.
            pub const ALL: &'static [(&'static str, Flags, &'static str)] = &[
                $((stringify!($name), Flags::$name, concat!($($doc),*)),)*
            ];
        }
    };
}

flags! {
    /// Reads `oparg`, in its body or in an array size (or holds a part of the next
    /// instruction's, `extend_oparg!`).
    HAS_ARG = 0;
    /// Has a guard that leaves through a side exit (`exit_if!`).
    HAS_EXIT = 1;
    /// Has a guard that deoptimizes to tier 1 (`deopt_if!`).
    HAS_DEOPT = 2;
    /// Can raise (`error_if!`).
    HAS_ERROR = 3;
    /// Calls a runtime helper that is not `noescape`.
    ESCAPES = 4;
    /// Declared `pure`: no escaping calls, no errors, no control transfer.
    PURE = 5;
    /// Jumps within the tier-1 code (`jump_by!`).
    JUMPS = 6;
    /// Continues in another frame (`switch_frame!`): calls and returns.
    SWITCHES_FRAME = 7;
    /// Transfers control to an executor (`goto_executor!`).
    ENTERS_EXECUTOR = 8;
    /// Leaves tier 2 for tier 1 (`goto_tier1!`).
    LEAVES_TIER2 = 9;
    /// Jumps back to the start of its trace (`jump_to_top!`).
    JUMPS_TO_TOP = 10;
    /// Returns from the interpreter (`exit_interpreter!`).
    EXITS_INTERPRETER = 11;
    /// Re-executes the current instruction after rewriting it (`redispatch!`).
    REDISPATCHES = 12;
    /// Reads or writes the tier-1 instruction itself (`this_instr`).
    USES_THIS_INSTR = 13;
    /// Reads the 64-bit tier-2 operand (`operand`, or a cache entry in tier 2).
    USES_OPERAND = 14;
    /// Reads the tier-1 offset the uop was projected from (`target`).
    USES_TARGET = 15;
    /// Reads the running executor (`executor`).
    USES_EXECUTOR = 16;
    /// Declared `specializing`: counts down and rewrites its instruction.
    SPECIALIZING = 17;
    /// Runs only in tier 1.
    TIER1_ONLY = 18;
    /// Runs only in tier 2.
    TIER2_ONLY = 19;
    /// Declared `replaced`: the projector substitutes it.
    REPLACED = 20;
    /// Reads an inline cache entry.
    HAS_CACHE = 21;
    /// Only checks that peeked values have the types its outputs state: the tier-2
    /// optimizer removes it where those types are already known.
    TYPE_GUARD = 22;
    /// Calls a helper declared `invalidates`: executors may be invalid after it.
    INVALIDATES = 23;
    /// A prefix: the next instruction runs with this one's oparg above the bits of its
    /// own (`extend_oparg!`). Traces resume at the prefix, never after it.
    EXTENDS_OPARG = 24;
    /// Always raises: its body ends in `error_if!(true)` (`raise`). A trace ends after
    /// it.
    RAISES = 25;
}

impl Flags {
    pub const NONE: Flags = Flags(0);

    pub fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn insert(&mut self, other: Flags) {
        self.0 |= other.0;
    }

    pub fn names(self) -> Vec<&'static str> {
        Flags::ALL.iter().filter(|(_, f, _)| self.contains(*f)).map(|(n, _, _)| *n).collect()
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, o: Flags) -> Flags {
        Flags(self.0 | o.0)
    }
}

#[derive(Clone, Debug)]
pub struct Instruction {
    pub opcode: u16,
    pub name: String,
    pub docs: String,
    pub origin: Origin,
    pub parts: Vec<InstPart>,
    /// Inline cache size in 16-bit code units (after the two-unit instruction word).
    pub cache_units: u32,
    pub effect: StackEffect,
    /// The union of its uops' flags.
    pub flags: Flags,
    /// The family it heads or belongs to.
    pub family: Option<usize>,
    /// The opcode a failed guard rewrites it to: its family's head, or itself.
    pub deopt_target: u16,
    pub plan: StackPlan,
    pub tier2: Viability,
    /// How the trace projector expands it into uops.
    pub expansion: Vec<Expansion>,
    /// Where its `history/1` cache entry is (branch directions taken), in code units.
    pub history: Option<u32>,
    /// Where the callee's function version is, for a uop that `calls`: (offset, units).
    pub callee: Option<(u32, u32)>,
    /// For a superinstruction (`fuses A + B` on an `inst`): the two instructions.
    pub fuses: Option<(usize, usize)>,
}

impl Instruction {
    /// Is it a specialized form (a family member other than the head)?
    pub fn is_specialized(&self) -> bool {
        self.deopt_target != self.opcode
    }

    pub fn uops(&self) -> impl Iterator<Item = usize> + '_ {
        self.parts.iter().filter_map(|p| match p {
            InstPart::Uop { uop, .. } => Some(*uop),
            InstPart::Cache { .. } => None,
        })
    }
}

#[derive(Clone, Debug)]
pub enum InstPart {
    /// A uop, and where each cache entry it reads sits in the instruction's cache.
    Uop { uop: usize, caches: Vec<CacheBinding> },
    /// A cache entry named in the macro itself (`counter/1`, `unused/2`).
    Cache { name: String, units: u32, offset: u32 },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheBinding {
    pub name: String,
    pub units: u32,
    /// In code units from the first cache unit.
    pub offset: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expansion {
    pub uop: usize,
    pub operand: OperandSource,
}

/// Where a uop's 64-bit tier-2 operand comes from when it is projected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OperandSource {
    None,
    /// Read from the tier-1 inline cache.
    Cache { offset: u32, units: u32 },
    /// The projector decides (branches, frame pushes).
    Replaced,
}

#[derive(Clone, Debug)]
pub struct Family {
    pub docs: String,
    pub origin: Origin,
    /// Opcode of the head: the generic form and the deopt target.
    pub head: usize,
    /// Opcodes of the specialized forms.
    pub members: Vec<usize>,
    /// How the specializer picks a member, in the order they are tried.
    pub selection: Vec<Selection>,
}

/// A member and its predicate: a Rust block over the specializing uop's inputs,
/// `oparg`, `frame`, `ts` and `this_instr` that returns true to pick the member, and
/// may assign the member's named cache entries.
#[derive(Clone, Debug)]
pub struct Selection {
    pub member: usize,
    pub predicate: Option<syn::Block>,
    /// The predicate's first line in the `.uops` file.
    pub line: u32,
    /// The member's named cache entries the predicate may fill.
    pub caches: Vec<CacheBinding>,
}

/// How the code for an instruction (or a lone uop) moves values between the stack in
/// memory and local variables.
///
/// Offsets are in stack slots relative to the stack pointer when the instruction starts:
/// the top item is at offset -1.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StackPlan {
    pub steps: Vec<PlanStep>,
    pub effect: StackEffect,
    /// Values still in locals at the end, stored before the stack pointer moves.
    pub stores: Vec<Store>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanStep {
    pub uop: usize,
    /// Values read from memory before the step, into new locals.
    pub loads: Vec<Load>,
    /// One per declared input (unused ones included), in declaration order.
    pub inputs: Vec<InputBinding>,
    /// One per declared output, in declaration order.
    pub outputs: Vec<OutputBinding>,
    /// If the step leaves its instruction early (error, frame switch) after its inputs
    /// are popped: the locals to store, and the stack pointer offset.
    pub unwind_stores: Vec<Store>,
    pub unwind_sp: Size,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Load {
    pub var: String,
    pub offset: Size,
    /// Arrays are not copied: the local is a pointer to their first slot.
    pub array: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputBinding {
    /// The name the body uses.
    pub name: String,
    /// The local holding the value, or `None` for `unused`.
    pub var: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputBinding {
    /// The name the body uses.
    pub name: String,
    /// The local holding the value afterwards.
    pub var: String,
    /// Peeks keep the input's local; the body does not assign them.
    pub peek: bool,
    /// Array outputs are written by the body straight into memory at this offset.
    pub array_at: Option<Size>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    pub var: String,
    pub offset: Size,
}

#[derive(Clone, Debug)]
pub struct Layout {
    pub name: String,
    pub docs: String,
    pub origin: Origin,
    /// Empty for opaque types, which are only used behind pointers.
    pub fields: Vec<LayoutField>,
    pub size: u64,
    pub align: u64,
    pub opaque: bool,
}

#[derive(Clone, Debug)]
pub struct LayoutField {
    pub name: String,
    pub docs: String,
    pub ty: Type,
    pub offset: u64,
    pub size: u64,
}

/// A type in a layout or a helper signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Type {
    /// `u8` ... `u64`, `i8` ... `i64`, `usize`, `isize`, `f64`, `bool`, or `Value`.
    Scalar(String),
    /// A layout.
    Layout(String),
    Ptr { mutable: bool, inner: Box<Type> },
    /// `[T; N]`, or `[T]` as the last field: a trailing array of unknown length.
    Array { elem: Box<Type>, len: Option<u64> },
}

impl Type {
    /// The type as Rust source.
    pub fn to_rust(&self) -> String {
        match self {
            Type::Scalar(s) | Type::Layout(s) => s.clone(),
            Type::Ptr { mutable, inner } => format!("*{} {}", if *mutable { "mut" } else { "const" }, inner.to_rust()),
            Type::Array { elem, len: Some(n) } => format!("[{}; {n}]", elem.to_rust()),
            Type::Array { elem, len: None } => format!("[{}; 0]", elem.to_rust()),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Helper {
    pub name: String,
    pub docs: String,
    pub origin: Origin,
    pub params: Vec<(String, Type)>,
    pub ret: Option<Type>,
    /// Declared `noescape`: calling it does not make a uop escape.
    pub noescape: bool,
    /// Declared `invalidates`: it may invalidate executors (the uop calling it is
    /// followed by a validity check in traces).
    pub invalidates: bool,
    /// `= path`: the runtime function it only forwards to; its shim is generated.
    pub forwards_to: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Const {
    pub name: String,
    pub docs: String,
    pub origin: Origin,
    pub ty: String,
    pub value: u64,
}

/// A Rust module compiled both into the runtime and into the stencils.
#[derive(Clone, Debug)]
pub struct SharedModule {
    pub name: String,
    pub docs: String,
    pub origin: Origin,
    /// As written, relative to the `.uops` file.
    pub path: String,
    pub text: String,
    /// Public functions and types it defines: what bodies may call without escaping.
    pub functions: Vec<String>,
    pub types: Vec<String>,
}
