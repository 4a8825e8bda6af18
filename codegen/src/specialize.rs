//! `specialize.rs`: how the specializer picks a family member. One function per family
//! whose head calls `specialize!()`: it tries the members' predicates in the order the
//! family lists them, writes the cache entries the chosen predicate filled, and
//! rewrites the instruction (or backs its counter off when none fits).

use crate::format::{self, trace};
use quote::{format_ident, quote};
use stitch_dsl::model::{Analysis, Family, Flags};

/// The generated function's name for a family: its head's name in lower case.
pub fn function_name(a: &Analysis, f: &Family) -> syn::Ident {
    format_ident!("{}", a.instructions[f.head].name.to_lowercase())
}

/// The stack inputs of the head's specializing uop: what predicates see.
pub fn inputs(a: &Analysis, f: &Family) -> Vec<(String, bool)> {
    let head = &a.instructions[f.head];
    head.uops()
        .find(|&u| a.uops[u].flags.contains(Flags::SPECIALIZING))
        .map(|u| a.uops[u].inputs.iter().filter(|v| !v.is_unused()).map(|v| (v.name.clone(), v.size.is_some())).collect())
        .unwrap_or_default()
}

pub fn generate(a: &Analysis) -> String {
    let functions = a.families.iter().filter(|f| f.selection.iter().any(|s| s.predicate.is_some())).map(|f| {
        let name = function_name(a, f);
        let head = &a.instructions[f.head];
        let params = inputs(a, f).into_iter().map(|(n, array)| {
            let n = format_ident!("{n}");
            if array { quote! { #n: *mut Value } } else { quote! { #n: Value } }
        });
        let tries = f.selection.iter().filter_map(|s| {
            let predicate = s.predicate.as_ref()?;
            let member = &a.instructions[s.member];
            let op = format_ident!("{}", member.name);
            let t = trace(format!("{} at {}:{}", member.name, a.source_name, s.line));
            let lets = s.caches.iter().map(|c| {
                let n = format_ident!("{}", c.name);
                let ty = format_ident!("{}", crate::emit::rust_type(c.units));
                quote! { let mut #n: #ty = 0; }
            });
            let writes = s.caches.iter().map(|c| {
                let n = format_ident!("{}", c.name);
                let at = proc_macro2::Literal::usize_unsuffixed(c.offset as usize);
                quote! { write_cache(this_instr, #at, #n); }
            });
            Some(quote! {
                #t
                {
                    #(#lets)*
                    let fits: bool = #predicate;
                    if fits {
                        #(#writes)*
                        return specialized(this_instr, op::#op);
                    }
                }
            })
        });
        let doc = format!(" Picks the member of the `{}` family that fits the operands.", head.name);
        let t = trace(format!("family {} at {}:{}", head.name, a.source_name, f.origin.line));
        quote! {
            #t
            #[doc = #doc]
            #[allow(unused_variables, unused_mut, unused_unsafe, clippy::all)]
            pub unsafe fn #name(ts: *mut Thread, frame: *mut Frame, this_instr: *mut u16, oparg: u32, #(#params),*) {
                unsafe {
                    #(#tries)*
                    not_specialized(this_instr)
                }
            }
        }
    });
    let tokens = quote! { #(#functions)* };
    let mut out = format::header(&a.source_name, "Family member selection; runtime/interp/src/specialize.rs includes it.");
    out.push_str(
        "// In scope at the include site: `specialized(instr, opcode)`, `not_specialized(instr)`,\n\
         // `write_cache(instr, offset, value)`, `op`, `Value`, the layouts, and whatever the\n\
         // predicates call.\n",
    );
    out.push_str(&format::items(tokens));
    out
}
