//! The stencil crate: a `#![no_std]` Rust file with one `extern "C"` function per uop
//! that can appear in a trace, its body lowered from the same `.uops` body as the
//! interpreters'. Everything it does not know is an external symbol — a hole:
//!
//! - values: `_JIT_OPARG`, `_JIT_OPERAND`, `_JIT_TARGET`, `_JIT_EXECUTOR` (the address
//!   of the symbol is the value);
//! - code: `_JIT_CONTINUE` (the next uop), `_JIT_JUMP_TARGET` (the exit or deopt stub),
//!   `_JIT_ERROR_TARGET` (the error stub), `_JIT_TOP` (the trace start);
//! - runtime helpers: `_JIT_HELPER_<name>`.

use crate::emit::{self, Tier};
use crate::format;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use stitch_dsl::model::{Analysis, Viability};

/// Prefix of stencil function symbols.
pub const STENCIL_PREFIX: &str = "_JIT_STENCIL_";
/// Suffix of the variant of a uop that takes its oparg in a register (cold exits).
pub const SHARED_SUFFIX: &str = "__oparg_in_register";
/// The uop whose stencil is compiled once and shared by all its opargs: the cold exits.
pub const SHARED_OPARG_UOP: &str = "_COLD_EXIT";

/// The uops that get a stencil: those that can appear in a trace.
pub fn stencil_uops(a: &Analysis) -> impl Iterator<Item = &stitch_dsl::model::Uop> {
    a.uops.iter().filter(|u| u.tier2 == Viability::Viable)
}

/// The whole stencil crate, formatted. The analysis has checked what it needs from the
/// file: layouts `Frame` and `Thread` for the calling convention, and the fields the
/// lowered forms read.
pub fn crate_source(a: &Analysis) -> String {
    // Jumping to another executor's code needs to find it.
    let can_enter = a.layout("Executor").is_some_and(|l| l.fields.iter().any(|f| f.name == "jit_code"));
    let enter = if can_enter {
        quote! {
            /// Continues in another executor's machine code (a tail call).
            #[inline(always)]
            unsafe fn enter_jit_code(executor: *mut Executor, frame: *mut Frame, sp: *mut Value, ts: *mut Thread) -> u64 {
                let code: unsafe extern "C" fn(*mut Frame, *mut Value, *mut Thread) -> u64 = core::mem::transmute((*executor).jit_code);
                code(frame, sp, ts)
            }
        }
    } else {
        quote! {}
    };
    let layouts = crate::layouts::tokens(a);
    let mut shared = TokenStream::new();
    for m in &a.shared {
        let name = format_ident!("{}", m.name);
        let file: syn::File = syn::parse_str(&m.text).expect("the analysis parsed every shared module");
        let items = &file.items;
        let attrs = &file.attrs;
        shared.extend(quote! {
            pub mod #name {
                #(#attrs)*
                #[allow(unused_imports)]
                use super::*;
                #(#items)*
            }
        });
    }
    let helpers = a.helpers.iter().map(|h| {
        let name = format_ident!("{}", h.name);
        let link = format!("_JIT_HELPER_{}", h.name);
        let params = h.params.iter().map(|(p, t)| {
            let p = format_ident!("{}", p);
            let t: syn::Type = syn::parse_str(&t.to_rust()).expect("types print as Rust");
            quote! { #p: #t }
        });
        let ret = h.ret.as_ref().map(|t| {
            let t: syn::Type = syn::parse_str(&t.to_rust()).expect("types print as Rust");
            quote! { -> #t }
        });
        quote! {
            #[link_name = #link]
            pub fn #name(#(#params),*) #ret;
        }
    });
    let consts = a.consts.iter().map(|c| {
        let name = format_ident!("{}", c.name);
        let ty = format_ident!("{}", c.ty);
        let value: TokenStream = c.value.to_string().parse().expect("an integer literal");
        quote! { pub const #name: #ty = #value; }
    });
    // `Value` is a type of the language: a shared module may define it; otherwise it is
    // the bare 64-bit word.
    let (value_path, value_def) = match a.shared.iter().find(|m| m.types.iter().any(|t| t == "Value")) {
        Some(m) => {
            let name = format_ident!("{}", m.name);
            (quote! { super::#name::Value }, quote! {})
        }
        None => (
            quote! { super::word::Value },
            quote! {
                pub mod word {
                    #[repr(transparent)]
                    #[derive(Clone, Copy, PartialEq, Eq)]
                    pub struct Value(pub u64);
                }
            },
        ),
    };
    let shared_uses = a.shared.iter().map(|m| {
        let name = format_ident!("{}", m.name);
        quote! { #[allow(unused_imports)] use abi::#name::*; }
    });
    let stencils = stencil_uops(a).map(|u| stencil(a, u, false));
    let shared_variant = stencil_uops(a).filter(|u| u.name == SHARED_OPARG_UOP).map(|u| stencil(a, u, true));

    let tokens = quote! {
        #![no_std]
        #![allow(unused, non_snake_case, clippy::all, unsafe_op_in_unsafe_fn, unreachable_code)]

        pub mod abi {
            pub use super::consts::*;
            pub use #value_path;
            #value_def
            pub mod layouts {
                use #value_path;
                #layouts
            }
            pub mod helpers {
                use super::layouts::*;
                use #value_path;
                unsafe extern "C" {
                    #(#helpers)*
                }
            }
            #shared
        }

        pub mod consts {
            #(#consts)*
        }

        use abi::*;
        use abi::helpers;
        use abi::layouts::*;
        use consts::*;
        #(#shared_uses)*

        unsafe extern "C" {
            static _JIT_OPARG: u8;
            static _JIT_OPERAND: u8;
            static _JIT_TARGET: u8;
            static _JIT_EXECUTOR: u8;
            #[link_name = "_JIT_CONTINUE"]
            fn jit_continue(frame: *mut Frame, sp: *mut Value, ts: *mut Thread) -> u64;
            #[link_name = "_JIT_JUMP_TARGET"]
            fn jit_jump_target(frame: *mut Frame, sp: *mut Value, ts: *mut Thread) -> u64;
            #[link_name = "_JIT_ERROR_TARGET"]
            fn jit_error_target(frame: *mut Frame, sp: *mut Value, ts: *mut Thread) -> u64;
            #[link_name = "_JIT_TOP"]
            fn jit_top(frame: *mut Frame, sp: *mut Value, ts: *mut Thread) -> u64;
        }

        /// The value of a value hole. Inline assembly keeps the compiler from assuming
        /// anything about it: the address of a symbol is never 0 to the compiler, but a
        /// hole's value may well be.
        macro_rules! hole {
            ($symbol:ident) => {{
                let value: u64;
                core::arch::asm!("movabs {0}, offset {1}", out(reg) value, sym $symbol, options(pure, nomem, nostack, preserves_flags));
                value
            }};
        }

        #enter

        #(#stencils)*
        #(#shared_variant)*
    };
    format::header(&a.source_name, "JIT stencil crate (intermediate; not committed).") + &format::items(tokens)
}

/// One uop's stencil function. With `oparg_in_register`, the oparg is a fourth argument
/// instead of a hole.
fn stencil(a: &Analysis, u: &stitch_dsl::model::Uop, oparg_in_register: bool) -> TokenStream {
    let suffix = if oparg_in_register { SHARED_SUFFIX } else { "" };
    let name = format_ident!("{}{}{}", STENCIL_PREFIX, u.name, suffix);
    let body = emit::plan(a, &u.plan, &[], Tier::Stencil);
    let (extra_param, oparg) = if oparg_in_register {
        (quote! { , oparg: u32 }, quote! {})
    } else {
        (quote! {}, quote! { let oparg = hole!(_JIT_OPARG) as u32; })
    };
    let doc = format!("{} at {}:{}", u.name, a.source_name, u.origin.line);
    let executor_ty = if a.layout("Executor").is_some() { quote! { Executor } } else { quote! { u8 } };
    quote! {
        #[doc = #doc]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn #name(frame: *mut Frame, sp: *mut Value, ts: *mut Thread #extra_param) -> u64 {
            let mut sp = sp;
            #oparg
            let operand = hole!(_JIT_OPERAND);
            let target = hole!(_JIT_TARGET) as u32;
            let executor = hole!(_JIT_EXECUTOR) as usize as *mut #executor_ty;
            #body
            jit_continue(frame, sp, ts)
        }
    }
}
