//! `helper_table.rs`: the runtime helpers named in the `.uops` file. The runtime includes
//! it beside its helpers, so the compiler checks every signature against the
//! declaration, and the JIT gets each helper's address by index.

use crate::format::{self, trace};
use quote::{format_ident, quote};
use stitch_dsl::model::{Analysis, Helper};

pub fn generate(a: &Analysis) -> String {
    let n = a.helpers.len();
    let checks = a.helpers.iter().map(|h| {
        let name = format_ident!("{}", h.name);
        let ty = fn_type(h);
        let t = trace(format!("{} at {}:{}", h.name, a.source_name, h.origin.line));
        quote! { #t const _: #ty = helpers::#name; }
    });
    let names = a.helpers.iter().map(|h| &h.name);
    let addresses = a.helpers.iter().map(|h| {
        let name = format_ident!("{}", h.name);
        quote! { helpers::#name as *const () as usize }
    });
    let tokens = quote! {
        #(#checks)*

        /// Helper names, in declaration order: the JIT's hole symbols are `_JIT_HELPER_<name>`.
        pub const HELPER_NAMES: [&str; #n] = [#(#names),*];

        /// Helper addresses, in the order of `HELPER_NAMES`.
        pub fn helper_addresses() -> [usize; #n] {
            [#(#addresses),*]
        }
    };
    let mut out = format::header(&a.source_name, "Runtime helper signatures and addresses; runtime/interp/src/lib.rs includes them.");
    out.push_str("// In scope at the include site: `helpers`, `Value` and the layouts.\n");
    out.push_str(&format::items(tokens));
    out
}

/// `unsafe extern "C" fn(params) -> ret` for a helper.
pub fn fn_type(h: &Helper) -> proc_macro2::TokenStream {
    let params = h.params.iter().map(|(_, t)| syn::parse_str::<syn::Type>(&t.to_rust()).expect("types print as Rust"));
    let ret = h.ret.as_ref().map(|t| {
        let t: syn::Type = syn::parse_str(&t.to_rust()).expect("types print as Rust");
        quote! { -> #t }
    });
    quote! { unsafe extern "C" fn(#(#params),*) #ret }
}
