//! `tier2_cases.rs`: the tier-2 interpreter's `match` over uop ids, one arm per uop that
//! can appear in a trace.

use crate::emit::{self, Tier};
use crate::format::{self, trace};
use quote::{format_ident, quote};
use stitch_dsl::model::{Analysis, Flags, Viability};

pub fn generate(a: &Analysis) -> String {
    let arms = a.uops.iter().filter(|u| u.tier2 == Viability::Viable).map(|uop| {
        let name = format_ident!("{}", uop.name);
        let body = emit::plan(a, &uop.plan, &[], Tier::Two);
        let t = trace(format!("{} at {}:{}", uop.name, a.source_name, uop.origin.line));
        // Each arm reads only the fields of its instruction it uses.
        let mut reads = quote! {};
        if uop.flags.contains(Flags::HAS_ARG) {
            reads.extend(quote! { let oparg = (*inst).oparg as u32; });
        }
        if uop.flags.contains(Flags::USES_OPERAND) {
            reads.extend(quote! { let operand = (*inst).operand; });
        }
        if uop.flags.contains(Flags::USES_TARGET) {
            reads.extend(quote! { let target = (*inst).target; });
        }
        quote! {
            uop::#name => {
                #t
                #reads
                #body
            }
        }
    });
    let tokens = quote! {
        match opcode {
            #(#arms)*
            _ => invalid_uop(),
        }
    };
    let mut out = format::header(&a.source_name, "Tier-2 uop arms; runtime/tier2/src/interpreter.rs includes them.");
    out.push_str(CONTRACT_TIER2);
    out.push_str(&format::expression(tokens));
    out
}

const CONTRACT_TIER2: &str = "\
// In scope at the include site: `opcode: u16`, `inst` (this uop), `uip` (the next
// uop), `trace` and `executor` (the running trace), `sp`, `frame`, `ts`; the label
// 'dispatch (execute the uop at `uip`); `invalid_uop() -> !`; and `uop`, `Value`,
// `helpers` and the layouts. Leaving tier 2 returns `false` (`true` with an error).
";
