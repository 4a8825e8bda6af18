//! Stack plans: simulate a sequence of uops on a symbolic stack and decide, for each
//! value, whether it is loaded from memory, passed in a local to the next uop, or stored.
//! Values move between memory and locals once per instruction, not once per uop.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{InputBinding, Load, OutputBinding, PlanStep, StackEffect, StackPlan, Store, Uop};
use crate::size::Size;
use crate::source::Span;
use std::collections::HashSet;

#[derive(Clone, Debug)]
struct Item {
    /// The local holding the value (`None` for an `unused` item never read).
    var: Option<String>,
    /// The name it was pushed or loaded under, for messages.
    name: String,
    size: Size,
    array: bool,
    /// Where in memory the value already is, if it is there.
    home: Option<Size>,
    /// Which uop pushed it (`None`: it was on the stack before the instruction).
    pushed_by: Option<usize>,
}

/// Plans `steps` (uop indices, in execution order). `span` is where errors point.
pub fn plan(ctx: &mut Ctx, uops: &[Uop], steps: &[usize], owner: &str, span: Span) -> Option<StackPlan> {
    let mut sim: Vec<Item> = Vec::new();
    let mut popped = Size::ZERO;
    let mut names: HashSet<String> = HashSet::new();
    let mut out_steps = Vec::new();
    let mut ok = true;

    for &u in steps {
        let uop = &uops[u];
        let mut loads = Vec::new();
        let mut bound: Vec<Option<Item>> = vec![None; uop.inputs.len()];
        for (j, input) in uop.inputs.iter().enumerate().rev() {
            let size = input.slots();
            let array = input.size.is_some();
            if let Some(item) = sim.pop() {
                if item.size != size || item.array != array {
                    let pushed_by = item.pushed_by.map_or("the stack".to_string(), |p| format!("`{}`", uops[p].name));
                    ctx.error(
                        Diagnostic::error(span, format!("stack item mismatch in `{owner}`"))
                            .label(format!(
                                "`{}` takes `{}` ({}) where {pushed_by} left `{}` ({})",
                                uop.name,
                                input.name,
                                describe(size, array),
                                item.name,
                                describe(item.size, item.array)
                            ))
                            .secondary(uop.origin.span, format!("`{}` is defined here", uop.name)),
                    );
                    ok = false;
                }
                let mut item = item;
                // An `unused` item a previous uop only peeked at is still in memory:
                // load it now that this uop names it.
                if item.var.is_none()
                    && !input.is_unused()
                    && let Some(offset) = item.home
                {
                    let var = fresh(&mut names, &input.name);
                    loads.push(Load { var: var.clone(), offset, array });
                    item.var = Some(var);
                }
                bound[j] = Some(item);
            } else {
                popped = popped + size;
                let offset = -popped;
                let var = (!input.is_unused()).then(|| fresh(&mut names, &input.name));
                if let Some(var) = &var {
                    loads.push(Load { var: var.clone(), offset, array });
                }
                bound[j] = Some(Item { var, name: input.name.clone(), size, array, home: Some(offset), pushed_by: None });
            }
        }

        let (unwind_stores, unwind_sp) = match settle(&sim, popped) {
            Some(s) => s,
            None => {
                ctx.error(Diagnostic::error(span, format!("`{owner}` would have to move an array (or an `unused` item) on the stack")).label("here"));
                ok = false;
                (Vec::new(), Size::ZERO)
            }
        };

        let inputs = uop
            .inputs
            .iter()
            .zip(&bound)
            .map(|(input, item)| InputBinding {
                name: input.name.clone(),
                var: if input.is_unused() { None } else { item.as_ref().and_then(|i| i.var.clone()) },
            })
            .collect();

        let mut outputs = Vec::new();
        for (j, output) in uop.outputs.iter().enumerate() {
            if output.peek {
                let item = bound[j].clone().expect("a peek has an input at the same position");
                outputs.push(OutputBinding {
                    name: output.name.clone(),
                    var: item.var.clone().unwrap_or_default(),
                    peek: true,
                    array_at: None,
                });
                sim.push(item);
                continue;
            }
            let var = fresh(&mut names, &output.name);
            let array = output.size.is_some();
            let at = top(&sim, popped);
            let home = array.then_some(at);
            outputs.push(OutputBinding { name: output.name.clone(), var: var.clone(), peek: false, array_at: home });
            sim.push(Item { var: Some(var), name: output.name.clone(), size: output.slots(), array, home, pushed_by: Some(u) });
        }

        out_steps.push(PlanStep { uop: u, loads, inputs, outputs, unwind_stores, unwind_sp });
    }

    let Some((stores, _)) = settle(&sim, popped) else {
        ctx.error(Diagnostic::error(span, format!("`{owner}` would have to move an array (or an `unused` item) on the stack")).label("here"));
        return None;
    };
    let pushed = sim.iter().fold(Size::ZERO, |acc, i| acc + i.size);
    ok.then_some(StackPlan { steps: out_steps, effect: StackEffect { popped, pushed }, stores })
}

fn describe(size: Size, array: bool) -> String {
    if array { format!("an array of {size}") } else { "one value".to_string() }
}

/// The offset just above the simulated stack.
fn top(sim: &[Item], popped: Size) -> Size {
    sim.iter().fold(-popped, |acc, i| acc + i.size)
}

/// The stores that put every simulated item in its slot, and the resulting stack
/// pointer offset. `None` if an array (which lives in memory) would have to move.
fn settle(sim: &[Item], popped: Size) -> Option<(Vec<Store>, Size)> {
    let mut stores = Vec::new();
    let mut slot = -popped;
    for item in sim {
        if item.home != Some(slot) {
            if item.array {
                return None;
            }
            // An `unused` item never loaded has no local; it can only stay where it is.
            let var = item.var.clone()?;
            stores.push(Store { var, offset: slot });
        }
        slot = slot + item.size;
    }
    Some((stores, slot))
}

/// A local name not used before in this plan.
fn fresh(names: &mut HashSet<String>, base: &str) -> String {
    let mut name = base.to_string();
    let mut n = 1;
    while !names.insert(name.clone()) {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}
