//! `tier1_cases.rs`: the tier-1 interpreter's `match` over opcodes, each instruction with
//! its uops inlined along its stack plan.

use crate::emit::{self, Tier};
use crate::format::{self, trace};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use stitch_dsl::model::{Analysis, InstPart};

pub fn generate(a: &Analysis) -> String {
    let arms = a.instructions.iter().map(|inst| {
        let name = format_ident!("{}", inst.name);
        let next = proc_macro2::Literal::u32_unsuffixed(2 + inst.cache_units);
        let caches: Vec<_> = inst
            .parts
            .iter()
            .filter_map(|p| match p {
                InstPart::Uop { caches, .. } => Some(caches.clone()),
                InstPart::Cache { .. } => None,
            })
            .collect();
        let body = emit::plan(a, &inst.plan, &caches, Tier::One { deopt_to: inst.deopt_target });
        let t = trace(format!("{} at {}:{}", inst.name, a.source_name, inst.origin.line));
        quote! {
            op::#name => {
                #t
                ip = this_instr.add(#next);
                #body
            }
        }
    });
    let tokens: TokenStream = quote! {
        match opcode {
            #(#arms)*
            _ => invalid_opcode(),
        }
    };
    let mut out = format::header(&a.source_name, "Tier-1 instruction arms; runtime/interp/src/tier1.rs includes them.");
    out.push_str(CONTRACT_TIER1);
    out.push_str(&format::expression(tokens));
    out
}

const CONTRACT_TIER1: &str = "\
// In scope at the include site: `opcode: u16`, `oparg: u32`, `this_instr: *mut u16`,
// `ip` (set here to the next instruction), `extended: u32` (the bits above 16 of the
// next instruction's oparg: a prefix's, or this oparg's when it runs again), `sp`,
// `frame`, `ts`; the labels 'dispatch (execute the instruction at `ip`) and 'error
// (unwind from `this_instr`); the functions `deopt_instruction`, `run_executor` and
// `invalid_opcode() -> !`; and `op`, `Value`, `helpers` and the layouts.
";
