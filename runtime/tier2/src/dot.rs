//! `--dump-executors DIR`: the executor graph as Graphviz DOT. Executors are nodes
//! (where they start, how long, how often they ran); exits are edges to the executor
//! stitched on, or to "tier 1" while cold, labelled with their count and source line.

use super::executor::{exit_counts, exits, vm};
use super::stats::exit_site;
use stitch_core::objects::code::Code;
use std::fmt::Write;

pub fn graph(rt: &super::Tier2State) -> String {
    let mut o = String::from("digraph executors {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n  tier1 [label=\"tier 1\", shape=ellipse];\n");
    for &e in &rt.live {
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
    for &e in &rt.live {
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

/// One executor's trace as text: each uop with its oparg, operand, and the source line
/// it came from; exits and stubs marked.
///
/// # Safety
/// `e` is a live executor.
pub unsafe fn listing(e: *mut stitch_abi::Executor) -> String {
    use stitch_abi::UOPS;
    let mut o = String::new();
    // SAFETY: live executors, their traces and code objects are live.
    unsafe {
        let data = vm(e);
        let code = &*(data.code as *mut Code);
        let _ = writeln!(o, "executor #{} ({} uops, {} exits), from {}:{} in {}", data.id, data.trace_len, (*e).exit_count, code.filename, code.line_at(data.start as usize), code.name);
        for (i, u) in super::executor::trace(e).iter().enumerate() {
            if i == data.body_len as usize {
                let _ = writeln!(o, "  -- stubs");
            }
            let name = UOPS.get(u.opcode as usize).map_or("?", |x| x.name);
            let _ = write!(o, "  {i:4} {name:<28} oparg {:<5} target {:<5}", u.oparg, u.target);
            if u.operand != 0 {
                let _ = write!(o, " operand {:#x}", u.operand);
            }
            if u.jump_target != 0 {
                let _ = write!(o, " exit->{}", u.jump_target);
            }
            if u.error_target != 0 {
                let _ = write!(o, " error->{}", u.error_target);
            }
            o.push('\n');
        }
    }
    o
}
