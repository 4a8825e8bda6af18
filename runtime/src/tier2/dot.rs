//! `--dump-executors DIR`: the executor graph as Graphviz DOT. Executors are nodes
//! (where they start, how long, how often they ran); exits are edges to the executor
//! stitched on, or to "tier 1" while cold, labelled with their count and source line.

use super::executor::{exit_counts, exits, vm};
use super::stats::exit_site;
use crate::objects::code::Code;
use crate::vm::Runtime;
use std::fmt::Write;

pub fn graph(rt: &Runtime) -> String {
    let mut o = String::from("digraph executors {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n  tier1 [label=\"tier 1\", shape=ellipse];\n");
    for &e in &rt.tier2.live {
        // SAFETY: live executors and their code objects are live.
        unsafe {
            let data = vm(e);
            let code = &*(data.code as *mut Code);
            let kind = if data.stitched { "stitched" } else { "loop" };
            let _ = writeln!(
                o,
                "  e{} [label=\"#{} {kind}\\n{}:{} in {}\\n{} uops, ran {}\"];",
                data.id,
                data.id,
                code.filename,
                code.line_at(data.start as usize),
                escape(&code.name),
                data.body_len,
                (*e).runs
            );
        }
    }
    for &e in &rt.tier2.live {
        // SAFETY: as above.
        unsafe {
            let from = vm(e).id;
            for (k, exit) in exits(e).iter().enumerate() {
                let n = exit_counts(e)[k];
                let site = exit_site(e, k);
                let to = if (*exit.executor).cold != 0 { "tier1".to_string() } else { format!("e{}", vm(exit.executor).id) };
                let style = if (*exit.executor).cold != 0 { ", style=dashed" } else { "" };
                let _ = writeln!(o, "  e{from} -> {to} [label=\"{n}x line {} ({})\"{style}];", site.line, site.instruction);
            }
        }
    }
    o.push_str("}\n");
    o
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}
