//! `helper_shims.rs`: the `extern "C"` shims of helpers declared `= path`, which only
//! forward to a runtime function. The runtime includes them among its helpers.

use crate::format::{self, trace};
use quote::{format_ident, quote};
use stitch_dsl::model::Analysis;

pub fn generate(a: &Analysis) -> String {
    let shims = a.helpers.iter().filter_map(|h| {
        let target: syn::Path = syn::parse_str(h.forwards_to.as_ref()?).expect("the grammar admits paths only");
        let name = format_ident!("{}", h.name);
        let params = h.params.iter().map(|(p, t)| {
            let p = format_ident!("{p}");
            let t: syn::Type = syn::parse_str(&t.to_rust()).expect("types print as Rust");
            quote! { #p: #t }
        });
        let args = h.params.iter().map(|(p, _)| format_ident!("{p}"));
        let ret = h.ret.as_ref().map(|t| {
            let t: syn::Type = syn::parse_str(&t.to_rust()).expect("types print as Rust");
            quote! { -> #t }
        });
        let doc = format::doc(&h.docs);
        let t = trace(format!("{} at {}:{}", h.name, a.source_name, h.origin.line));
        Some(quote! {
            #t
            #doc
            #[allow(unused_unsafe)]
            pub unsafe extern "C" fn #name(#(#params),*) #ret {
                // SAFETY: the helper's contract is the function's.
                unsafe { #target(#(#args),*) }
            }
        })
    });
    let tokens = quote! { #(#shims)* };
    let mut out = format::header(&a.source_name, "Helper shims that only forward; runtime/interp/src/helpers.rs includes them.");
    out.push_str("// In scope at the include site: `Value`, the layouts and the paths the shims name.\n");
    out.push_str(&format::items(tokens));
    out
}
