//! `metadata.rs`: opcode and uop ids, names, flags, stack effects, caches, tier-2
//! expansions, families and the deopt map, and the constants of the `.uops` file.

use crate::format::{self, trace};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use stitch_dsl::model::{Analysis, Arg, Condition, ConditionKind, Flags, Forget, OperandSource, Place, StackEffect, Viability};
use stitch_dsl::size::Size;

pub fn generate(a: &Analysis) -> String {
    let src = &a.source_name;
    let n_inst = a.instructions.len();
    let n_uop = a.uops.len();

    let opcodes = a.instructions.iter().map(|i| {
        let name = format_ident!("{}", i.name);
        let id = i.opcode;
        let t = trace(format!("at {src}:{}", i.origin.line));
        quote! { #t pub const #name: u16 = #id; }
    });
    let uop_ids = a.uops.iter().map(|u| {
        let name = format_ident!("{}", u.name);
        let id = u.id;
        let t = trace(format!("at {src}:{}", u.origin.line));
        quote! { #t pub const #name: u16 = #id; }
    });
    let flag_consts = Flags::ALL.iter().map(|(name, f, doc)| {
        let name = format_ident!("{}", name);
        let bits = f.0;
        quote! { #[doc = #doc] pub const #name: u32 = #bits; }
    });
    let flag_names = Flags::ALL.iter().map(|(name, f, _)| {
        let bits = f.0;
        quote! { (#name, #bits) }
    });
    let n_flags = Flags::ALL.len();

    let instructions = a.instructions.iter().map(|i| {
        let name = &i.name;
        let cache = i.cache_units as u8;
        let flags = i.flags.0;
        let (popped, pushed) = effect(&i.effect);
        let deopt = i.deopt_target;
        let family_head = i.family.map(|f| a.families[f].head as u16 == i.opcode).unwrap_or(false);
        let tier2 = tier2(&i.tier2);
        let line = i.origin.line;
        let expansion = i.expansion.iter().map(|e| {
            let uop = e.uop as u16;
            let operand = match &e.operand {
                OperandSource::None => quote! { Operand::None },
                OperandSource::Cache { offset, units } => {
                    let (o, u) = (*offset as u8, *units as u8);
                    quote! { Operand::Cache { offset: #o, units: #u } }
                }
                OperandSource::Replaced => quote! { Operand::Replaced },
            };
            quote! { Expansion { uop: #uop, operand: #operand } }
        });
        let history = option(i.history.map(|h| {
            let h = h as u8;
            quote! { #h }
        }));
        let callee = option(i.callee.map(|(o, u)| {
            let (o, u) = (o as u8, u as u8);
            quote! { (#o, #u) }
        }));
        quote! {
            InstructionInfo {
                name: #name,
                cache_units: #cache,
                flags: #flags,
                popped: #popped,
                pushed: #pushed,
                deopt: #deopt,
                family_head: #family_head,
                tier2: #tier2,
                expansion: &[#(#expansion),*],
                history: #history,
                callee: #callee,
                line: #line,
            },
        }
    });
    let slot = |v: &stitch_dsl::model::StackVar| {
        let size = count(v.slots());
        let ty = match &v.ty {
            Some(t) => {
                let t = format_ident!("{}", camel(t));
                quote! { Some(Ty::#t) }
            }
            None => quote! { None },
        };
        let peek = v.peek;
        quote! { Slot { size: #size, ty: #ty, peek: #peek } }
    };
    let uops = a.uops.iter().map(|u| {
        let name = &u.name;
        let flags = u.flags.0;
        let (popped, pushed) = effect(&u.effect);
        let tier2 = tier2(&u.tier2);
        let line = u.origin.line;
        let inputs = u.inputs.iter().map(slot);
        let outputs = u.outputs.iter().map(slot);
        let facts = facts(a, u.id as usize);
        quote! {
            UopInfo {
                name: #name,
                flags: #flags,
                popped: #popped,
                pushed: #pushed,
                inputs: &[#(#inputs),*],
                outputs: &[#(#outputs),*],
                tier2: #tier2,
                facts: #facts,
                line: #line,
            },
        }
    });
    let fusions: Vec<TokenStream> = a
        .uops
        .iter()
        .filter(|u| !u.is_inst)
        .filter_map(|u| {
            let f = u.facts.fuses?;
            let (first, second, fused) = (uop_path(a, f.first), uop_path(a, f.second), uop_path(a, u.id as usize));
            let oparg = option(f.second_oparg.map(|n| {
                let n = n as u16;
                quote! { #n }
            }));
            let line = u.origin.line;
            Some(quote! { Fusion { first: #first, second: #second, second_oparg: #oparg, fused: #fused, line: #line }, })
        })
        .collect();
    let n_fusions = fusions.len();
    let supers: Vec<TokenStream> = a
        .instructions
        .iter()
        .filter_map(|i| {
            let (x, y) = i.fuses?;
            let name = |k: usize| {
                let n = format_ident!("{}", a.instructions[k].name);
                quote! { op::#n }
            };
            let (x, y, f) = (name(x), name(y), name(i.opcode as usize));
            Some(quote! { (#x, #y, #f), })
        })
        .collect();
    let n_supers = supers.len();
    let word_arms = a.uops.iter().flat_map(|u| {
        u.facts.word_of.iter().map(move |w| {
            let (base, word) = (uop_path(a, w.base), uop_path(a, u.id as usize));
            let test = match &w.condition {
                Some(block) => quote! { if #block },
                None => quote! {},
            };
            quote! { #base #test => Some(#word), }
        })
    });
    let proof_names = a.proofs.iter().map(|p| quote! { #p, });
    let n_proofs = a.proofs.len();
    let types = a.types.iter().map(|t| {
        let v = format_ident!("{}", camel(t));
        let doc = format!("`{t}`");
        quote! { #[doc = #doc] #v, }
    });
    let families = a.families.iter().map(|f| {
        let head = f.head as u16;
        let members = f.members.iter().map(|m| *m as u16);
        let line = f.origin.line;
        quote! { FamilyInfo { head: #head, members: &[#(#members),*], line: #line }, }
    });
    let n_families = a.families.len();
    let consts = a.consts.iter().map(|c| {
        let name = format_ident!("{}", c.name);
        let ty = format_ident!("{}", c.ty);
        let value: TokenStream = c.value.to_string().parse().expect("an integer literal");
        let doc = format::doc(&c.docs);
        let t = trace(format!("at {src}:{}", c.origin.line));
        quote! { #t #doc pub const #name: #ty = #value; }
    });

    let tokens = quote! {
        #(#consts)*

        /// Tier-1 opcodes, in name order.
        pub mod op {
            #(#opcodes)*
        }

        /// Uop ids, in name order.
        pub mod uop {
            #(#uop_ids)*
        }

        /// Flags inferred from bodies and annotations.
        pub mod flags {
            #(#flag_consts)*
            /// Each flag's name and bit.
            pub const NAMES: [(&str, u32); #n_flags] = [#(#flag_names),*];
        }

        pub const INSTRUCTION_COUNT: usize = #n_inst;
        pub const UOP_COUNT: usize = #n_uop;

        /// A stack count `oparg * per_oparg + constant`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Count {
            pub per_oparg: i16,
            pub constant: i16,
        }

        impl Count {
            pub const fn eval(self, oparg: u32) -> i64 {
                self.per_oparg as i64 * oparg as i64 + self.constant as i64
            }
        }

        /// What tier 2 does with an instruction or uop.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Tier2 {
            /// Copied into traces.
            Viable,
            /// The trace projector substitutes it.
            Replaced,
            /// Left out of traces.
            Skipped,
            /// Ends a trace, for this reason.
            NotViable(&'static str),
        }

        /// Where a projected uop's operand comes from.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Operand {
            None,
            /// The tier-1 inline cache: offset and size in code units.
            Cache { offset: u8, units: u8 },
            /// Chosen by the projector.
            Replaced,
        }

        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Expansion {
            pub uop: u16,
            pub operand: Operand,
        }

        #[derive(Clone, Copy, Debug)]
        pub struct InstructionInfo {
            pub name: &'static str,
            /// Inline cache size in 16-bit code units, after the two-unit instruction.
            pub cache_units: u8,
            pub flags: u32,
            pub popped: Count,
            pub pushed: Count,
            /// The opcode a failed guard rewrites it to (itself when not specialized).
            pub deopt: u16,
            pub family_head: bool,
            pub tier2: Tier2,
            pub expansion: &'static [Expansion],
            /// Where its `history/1` cache entry (branch directions, bit 0 the last, 1:
            /// jumped) is, in cache units.
            pub history: Option<u8>,
            /// Where the version of the function it calls is: cache offset and units.
            pub callee: Option<(u8, u8)>,
            /// Its line in the `.uops` file.
            pub line: u32,
        }

        impl InstructionInfo {
            /// Code units from the start of this instruction to the next one.
            pub const fn size(&self) -> usize {
                2 + self.cache_units as usize
            }
        }

        /// The types named in type facts (`name: type` stack items).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Ty {
            #(#types)*
        }

        /// A stack item of a uop: its size, its type fact, whether it is a peek.
        #[derive(Clone, Copy, Debug)]
        pub struct Slot {
            pub size: Count,
            pub ty: Option<Ty>,
            pub peek: bool,
        }

        #[derive(Clone, Copy, Debug)]
        pub struct UopInfo {
            pub name: &'static str,
            pub flags: u32,
            pub popped: Count,
            pub pushed: Count,
            /// Inputs and outputs, bottom to top.
            pub inputs: &'static [Slot],
            pub outputs: &'static [Slot],
            pub tier2: Tier2,
            pub facts: Facts,
            pub line: u32,
        }

        #[derive(Clone, Copy, Debug)]
        pub struct FamilyInfo {
            pub head: u16,
            pub members: &'static [u16],
            /// Its line in the `.uops` file.
            pub line: u32,
        }

        /// Indexed by opcode; `line` is where the `.uops` file defines each.
        pub static INSTRUCTIONS: [InstructionInfo; #n_inst] = [#(#instructions)*];

        /// Indexed by uop id; `line` is where the `.uops` file defines each.
        pub static UOPS: [UopInfo; #n_uop] = [#(#uops)*];

        pub static FAMILIES: [FamilyInfo; #n_families] = [#(#families)*];

        /// Uops that do what two adjacent ones do (`fuses A + B`).
        pub static FUSIONS: [Fusion; #n_fusions] = [#(#fusions)*];

        /// Superinstructions: (first, second, fused) opcodes; the fused instruction's
        /// oparg is `first << 8 | second`.
        pub static SUPERINSTRUCTIONS: [(u16, u16, u16); #n_supers] = [#(#supers)*];

        /// `Facts::protects` bits.
        pub const PROTECTS_LOCAL: u8 = 1;
        pub const PROTECTS_GLOBAL: u8 = 2;
        pub const PROTECTS_BUILTIN: u8 = 4;

        /// The names of the facts guards prove, by proof id.
        pub static PROOFS: [&str; #n_proofs] = [#(#proof_names)*];

        /// The machine-word form of a uop with this oparg (`word of`), if it has one.
        #[allow(unused_variables, unused_braces, clippy::all)]
        pub fn word_variant(uop: u16, oparg: u32) -> Option<u16> {
            match uop {
                #(#word_arms)*
                _ => None,
            }
        }

        /// An index into a place: `oparg` or `operand`, shifted right, then masked.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Arg {
            pub from_operand: bool,
            pub shift: u8,
            pub mask: u64,
        }

        impl Arg {
            pub const fn eval(self, oparg: u32, operand: u64) -> u64 {
                let v = if self.from_operand { operand } else { oparg as u64 };
                (v >> self.shift) & self.mask
            }
        }

        /// Where a value is, as tier 2 models it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Place {
            /// A stack input of the uop (the value before it), by position.
            Input(u8),
            /// A stack output (the value after it), by position.
            Output(u8),
            /// A local of the frame.
            Local(Arg),
            /// An entry of the frame's globals dict.
            Global(Arg),
            /// An entry of the builtins dict.
            Builtin(Arg),
            /// A constant: of the code object by `oparg`, the operand's value word itself.
            Const(Arg),
        }

        /// `dst = src`: where a value comes from or goes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Move {
            pub dst: Place,
            pub src: Place,
        }

        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum CondKind {
            /// The value has one of these types.
            Types(&'static [Ty]),
            /// The place's dict key is one executors depend on.
            Watched,
        }

        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Cond {
            pub place: Place,
            pub kind: CondKind,
        }

        /// A uop that may stand for another (the one whose facts list it).
        #[derive(Clone, Copy, Debug)]
        pub struct Variant {
            pub uop: u16,
            /// All must hold.
            pub conditions: &'static [Cond],
            /// Taken from this place when the trace is projected.
            pub operand: Option<Place>,
        }

        /// What a uop makes unknown again.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Forgets {
            /// Bit `p` for proof id `p`.
            pub proofs: u32,
            pub globals: bool,
            pub locals: bool,
        }

        /// An entry guard on the type of a place (the type tag is its operand).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Check {
            pub place: Place,
            /// The proof that must come before it.
            pub after: Option<u8>,
        }

        /// A uop's tier-2 facts, as the `.uops` file declares them beside it.
        #[derive(Clone, Copy, Debug)]
        pub struct Facts {
            pub moves: &'static [Move],
            /// The variants that may stand for this uop, in the order they are tried.
            pub variants: &'static [Variant],
            /// A replaced uop's stand-ins when it falls through and when it jumps.
            pub stays: Option<&'static [u16]>,
            pub jumps: Option<&'static [u16]>,
            /// Alternatives of conditions, any of which makes this guard redundant.
            pub proven_if: &'static [&'static [Cond]],
            /// The proof id this guard establishes for its operand.
            pub proves: Option<u8>,
            /// For a proof of a value (`proves NAME of ITEM`): the input it is about; the
            /// proof is keyed by that value as well as the operand.
            pub proves_of: Option<u8>,
            /// The kinds of places whose use needs the proof (`PROTECTS_*` bits): a trace
            /// using none drops the guard.
            pub protects: u8,
            pub forgets: Forgets,
            /// Pushes the frame of the function the instruction's callee cache names; the
            /// input at this position holds the arguments.
            pub calls: Option<u8>,
            /// Pops the frame; the input at this position goes to the caller.
            pub returns: Option<u8>,
            pub checks: Option<Check>,
            /// For a fused uop: the two it does the work of.
            pub fused_from: Option<(u16, u16)>,
        }

        #[derive(Clone, Copy, Debug)]
        pub struct Fusion {
            pub first: u16,
            pub second: u16,
            pub second_oparg: Option<u16>,
            pub fused: u16,
            /// The fused uop's line in the `.uops` file.
            pub line: u32,
        }
    };
    let mut out = format::header(src, "Metadata of every instruction and uop.");
    out.push_str(&format::items(tokens));
    out
}

/// `uop::NAME`: generated tables name uops, so they read as the `.uops` file does.
fn uop_path(a: &Analysis, id: usize) -> TokenStream {
    let n = format_ident!("{}", a.uops[id].name);
    quote! { uop::#n }
}

fn option(v: Option<TokenStream>) -> TokenStream {
    match v {
        Some(t) => quote! { Some(#t) },
        None => quote! { None },
    }
}

fn arg(a: &Arg) -> TokenStream {
    let (from_operand, shift) = (a.from_operand, a.shift as u8);
    let mask = a.mask.unwrap_or(u64::MAX);
    quote! { Arg { from_operand: #from_operand, shift: #shift, mask: #mask } }
}

fn place(p: &Place) -> TokenStream {
    match p {
        Place::Input(i) => {
            let i = *i as u8;
            quote! { Place::Input(#i) }
        }
        Place::Output(i) => {
            let i = *i as u8;
            quote! { Place::Output(#i) }
        }
        Place::Local(a) => {
            let a = arg(a);
            quote! { Place::Local(#a) }
        }
        Place::Global(a) => {
            let a = arg(a);
            quote! { Place::Global(#a) }
        }
        Place::Builtin(a) => {
            let a = arg(a);
            quote! { Place::Builtin(#a) }
        }
        Place::Const(a) => {
            let a = arg(a);
            quote! { Place::Const(#a) }
        }
    }
}

fn condition(c: &Condition) -> TokenStream {
    let p = place(&c.place);
    let kind = match &c.kind {
        ConditionKind::Types(types) => {
            let types = types.iter().map(|t| format_ident!("{}", camel(t)));
            quote! { CondKind::Types(&[#(Ty::#types),*]) }
        }
        ConditionKind::Watched => quote! { CondKind::Watched },
    };
    quote! { Cond { place: #p, kind: #kind } }
}

/// The facts of uop `id`, with the variants that stand for it gathered from theirs.
fn facts(a: &Analysis, id: usize) -> TokenStream {
    let f = &a.uops[id].facts;
    let moves = f.moves.iter().map(|m| {
        let (d, s) = (place(&m.dst), place(&m.src));
        quote! { Move { dst: #d, src: #s } }
    });
    // Variants in the order of their definitions in the file.
    let mut variants: Vec<(u32, TokenStream)> = Vec::new();
    for u in &a.uops {
        for v in u.facts.variant_of.iter().filter(|v| v.base == id) {
            let uop = uop_path(a, u.id as usize);
            let conds = v.conditions.iter().map(condition);
            let operand = option(v.operand.as_ref().map(place));
            variants.push((v.line, quote! { Variant { uop: #uop, conditions: &[#(#conds),*], operand: #operand } }));
        }
    }
    variants.sort_by_key(|(line, _)| *line);
    let variants = variants.into_iter().map(|(_, t)| t);
    let ids = |l: &Option<Vec<usize>>| {
        option(l.as_ref().map(|l| {
            let l = l.iter().map(|&u| uop_path(a, u));
            quote! { &[#(#l),*] }
        }))
    };
    let (stays, jumps) = (ids(&f.stays), ids(&f.jumps));
    let proven = f.proven_if.iter().map(|alt| {
        let conds = alt.iter().map(condition);
        quote! { &[#(#conds),*] }
    });
    let byte = |v: Option<usize>| {
        option(v.map(|v| {
            let v = v as u8;
            quote! { #v }
        }))
    };
    let proves = byte(f.proves);
    let proves_of = byte(f.proves_of);
    let protects = f.protects.iter().fold(0u8, |m, k| m | match k.as_str() {
        "local" => 1,
        "global" => 2,
        _ => 4,
    });
    let mut proofs = 0u32;
    let (mut globals, mut locals) = (false, false);
    for g in &f.forgets {
        match g {
            Forget::Proof(p) => proofs |= 1 << p,
            Forget::Globals => globals = true,
            Forget::Locals => locals = true,
        }
    }
    let calls = byte(f.calls.as_ref().map(|c| c.args));
    let returns = byte(f.returns);
    let checks = option(f.checks.map(|c| {
        let p = place(&c.place);
        let after = byte(c.after);
        quote! { Check { place: #p, after: #after } }
    }));
    let fused_from = option(f.fuses.filter(|_| !a.uops[id].is_inst).map(|x| {
        let (p, q) = (uop_path(a, x.first), uop_path(a, x.second));
        quote! { (#p, #q) }
    }));
    quote! {
        Facts {
            moves: &[#(#moves),*],
            variants: &[#(#variants),*],
            stays: #stays,
            jumps: #jumps,
            proven_if: &[#(#proven),*],
            proves: #proves,
            proves_of: #proves_of,
            protects: #protects,
            forgets: Forgets { proofs: #proofs, globals: #globals, locals: #locals },
            calls: #calls,
            returns: #returns,
            checks: #checks,
            fused_from: #fused_from,
        }
    }
}

fn count(s: Size) -> TokenStream {
    let (a, b) = (s.oparg as i16, s.constant as i16);
    quote! { Count { per_oparg: #a, constant: #b } }
}

fn effect(e: &StackEffect) -> (TokenStream, TokenStream) {
    (count(e.popped), count(e.pushed))
}

fn tier2(v: &Viability) -> TokenStream {
    match v {
        Viability::Viable => quote! { Tier2::Viable },
        Viability::Replaced => quote! { Tier2::Replaced },
        Viability::Skipped => quote! { Tier2::Skipped },
        Viability::NotViable(why) => quote! { Tier2::NotViable(#why) },
    }
}

/// `range_iter` -> `RangeIter`.
fn camel(name: &str) -> String {
    name.split('_').map(|w| {
        let mut c = w.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    }).collect()
}
