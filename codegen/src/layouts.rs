//! `layouts.rs`: the `#[repr(C)]` structures the runtime and the JIT share, with
//! compile-time checks of every size and offset the analysis computed.

use crate::format::{self, trace};
use quote::{format_ident, quote};
use stitch_dsl::model::Analysis;

pub fn generate(a: &Analysis) -> String {
    let mut out = format::header(&a.source_name, "Shared layouts; `stitch_abi::layouts` includes them and the stencils carry a copy.");
    out.push_str("// In scope at the include site: `Value`.\n");
    out.push_str(&format::items(tokens(a)));
    out
}

/// The layouts as items, for the runtime and for the stencil crate.
pub fn tokens(a: &Analysis) -> proc_macro2::TokenStream {
    let items = a.layouts.iter().map(|l| {
        let name = format_ident!("{}", l.name);
        let doc = format::doc(&l.docs);
        let t = trace(format!("{} at {}:{}: {} bytes, aligned to {}", l.name, a.source_name, l.origin.line, l.size, l.align));
        if l.opaque {
            return quote! {
                #t
                #doc
                #[repr(C)]
                pub struct #name {
                    _opaque: [u8; 0],
                }
            };
        }
        let fields = l.fields.iter().map(|f| {
            let fname = format_ident!("{}", f.name);
            let ty: syn::Type = syn::parse_str(&f.ty.to_rust()).expect("types print as Rust");
            let doc = format::doc(&f.docs);
            quote! { #doc pub #fname: #ty, }
        });
        let size = l.size as usize;
        let checks = l.fields.iter().map(|f| {
            let fname = format_ident!("{}", f.name);
            let off = f.offset as usize;
            quote! { assert!(core::mem::offset_of!(#name, #fname) == #off); }
        });
        quote! {
            #t
            #doc
            #[repr(C)]
            #[derive(Clone, Copy)]
            pub struct #name {
                #(#fields)*
            }
            const _: () = {
                assert!(core::mem::size_of::<#name>() == #size);
                #(#checks)*
            };
        }
    });
    quote! { #(#items)* }
}
