//! `metadata.rs`: opcode and uop ids, names, flags, stack effects, caches, tier-2
//! expansions, families and the deopt map, and the constants of the `.uops` file.

use crate::format::{self, trace};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use stitch_dsl::model::{Analysis, Flags, OperandSource, StackEffect, Viability};
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
        quote! {
            UopInfo {
                name: #name,
                flags: #flags,
                popped: #popped,
                pushed: #pushed,
                inputs: &[#(#inputs),*],
                outputs: &[#(#outputs),*],
                tier2: #tier2,
                line: #line,
            },
        }
    });
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
    };
    let mut out = format::header(src, "Metadata of every instruction and uop.");
    out.push_str(&format::items(tokens));
    out
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
