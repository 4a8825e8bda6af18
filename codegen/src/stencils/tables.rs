//! `stencils.rs`: the extracted stencils as static tables, each with its disassembly
//! in its documentation and a trace back to its uop's `.uops` line, and the compiler
//! that made them in the header.

use super::extract::{HoleKind, Stencil};
use crate::format;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use stitch_dsl::model::Analysis;

fn bytes(b: &[u8]) -> TokenStream {
    let items = b.iter().map(|x| format!("0x{x:02x}").parse::<TokenStream>().expect("a byte literal"));
    quote! { &[#(#items),*] }
}

fn stencil_item(a: &Analysis, s: &Stencil, helpers: &[String]) -> (syn::Ident, TokenStream) {
    let ident = if s.shared_oparg { format_ident!("COLD_EXIT_SHARED") } else { format_ident!("STENCIL{}", s.uop) };
    let uop = a.uop(&s.uop).expect("stencils are of known uops");
    let mut docs = vec![format!(" {} at {}:{}{}", s.uop, a.source_name, uop.origin.line, if s.shared_oparg { ", oparg in a register" } else { "" }), String::new()];
    docs.extend(s.disassembly.iter().map(|l| format!(" {l}")));
    let docs = docs.iter().map(|d| quote! { #[doc = #d] });
    let code = bytes(&s.code);
    let data = bytes(&s.data);
    let holes = s.holes.iter().map(|h| {
        let offset = h.offset as u16;
        let addend = h.addend;
        let jump = h.jump;
        let kind = match &h.kind {
            HoleKind::Oparg => quote! { HoleKind::Oparg },
            HoleKind::Operand => quote! { HoleKind::Operand },
            HoleKind::Target => quote! { HoleKind::Target },
            HoleKind::Executor => quote! { HoleKind::Executor },
            HoleKind::Continue => quote! { HoleKind::Continue },
            HoleKind::JumpTarget => quote! { HoleKind::JumpTarget },
            HoleKind::ErrorTarget => quote! { HoleKind::ErrorTarget },
            HoleKind::Top => quote! { HoleKind::Top },
            HoleKind::Data => quote! { HoleKind::Data },
            HoleKind::Helper(name) => {
                let i = helpers.iter().position(|x| x == name).expect("checked in extraction") as u16;
                quote! { HoleKind::Helper(#i) }
            }
        };
        quote! { Hole { offset: #offset, kind: #kind, addend: #addend, jump: #jump } }
    });
    let tail = s.tail as u8;
    (
        ident.clone(),
        quote! {
            #(#docs)*
            pub static #ident: Stencil = Stencil {
                code: #code,
                data: #data,
                holes: &[#(#holes),*],
                tail: #tail,
            };
        },
    )
}

/// The file, recording in its header the compiler that made the stencils.
pub fn generate(a: &Analysis, stencils: &[Stencil], rustc_version: &str) -> String {
    let helpers: Vec<String> = a.helpers.iter().map(|h| h.name.clone()).collect();
    let mut items = Vec::new();
    let mut by_uop = vec![quote! { None }; a.uops.len()];
    for s in stencils {
        let (ident, item) = stencil_item(a, s, &helpers);
        if !s.shared_oparg {
            let id = a.uop(&s.uop).expect("known uop").id as usize;
            by_uop[id] = quote! { Some(&#ident) };
        }
        items.push(item);
    }
    let n = a.uops.len();
    let total: usize = stencils.iter().map(|s| s.code.len()).sum();
    let summary = format!(" {} stencils, {total} bytes of code in all.", stencils.len());
    let tokens = quote! {
        /// A hole: the 64-bit value `kind + addend` goes at `offset` in the code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Hole {
            pub offset: u16,
            pub kind: HoleKind,
            pub addend: i64,
            /// Loaded by `movabs reg` (2 bytes before `offset`) only for the next
            /// instruction, `jmp reg`: the 12 bytes may become a direct `jmp rel32`.
            pub jump: bool,
        }

        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum HoleKind {
            /// The uop's oparg.
            Oparg,
            /// The uop's 64-bit operand.
            Operand,
            /// The tier-1 offset the uop came from.
            Target,
            /// The executor.
            Executor,
            /// The next uop's code.
            Continue,
            /// The uop's exit or deopt stub.
            JumpTarget,
            /// The uop's error stub.
            ErrorTarget,
            /// The start of the trace.
            Top,
            /// A runtime helper, by index in `HELPER_NAMES` order.
            Helper(u16),
            /// The stencil's own data, copied beside the code.
            Data,
        }

        /// A uop's machine code with holes.
        #[derive(Debug)]
        pub struct Stencil {
            pub code: &'static [u8],
            /// Read-only data the code refers to (float constants).
            pub data: &'static [u8],
            pub holes: &'static [Hole],
            /// Bytes at the end of `code` that only jump to the next uop, dropped when the
            /// next uop follows.
            pub tail: u8,
        }

        #[doc = #summary]
        /// Indexed by uop id; `None` for uops that never appear in a trace.
        pub static STENCILS: [Option<&Stencil>; #n] = [#(#by_uop),*];

        #(#items)*
    };
    let mut out = format::header(&a.source_name, "JIT stencils, compiled by rustc from the uop bodies.");
    out.push_str(&super::compiler::header_line(rustc_version));
    out.push_str(&format::items(tokens));
    out
}
