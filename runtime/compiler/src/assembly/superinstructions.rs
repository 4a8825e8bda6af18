//! Superinstructions: pairs of instructions that are common enough to be worth one
//! dispatch instead of two (a local load after a local load, a local load after a
//! local store). The pair's opargs must fit 8 bits each, and no jump may land on the
//! second instruction.

use super::resolved::Resolved;
use stitch_abi::op;

fn fuse(first: &Resolved, second: &Resolved) -> Option<u16> {
    if first.arg > 255 || second.arg > 255 || second.op != op::LOAD_FAST {
        return None;
    }
    match first.op {
        op::LOAD_FAST => Some(op::LOAD_FAST_LOAD_FAST),
        op::STORE_FAST => Some(op::STORE_FAST_LOAD_FAST),
        _ => None,
    }
}

/// Fuses pairs in place, keeping jump targets pointing at the same instructions.
pub fn combine(code: &mut Vec<Resolved>) {
    let mut targeted = vec![false; code.len() + 1];
    for i in code.iter() {
        if let Some(t) = i.target {
            targeted[t] = true;
        }
        if let Some((t, _)) = i.handler {
            targeted[t] = true;
        }
    }
    let mut out: Vec<Resolved> = Vec::with_capacity(code.len());
    // The new index of each old instruction (the second of a pair maps to the pair).
    let mut new_index = vec![0usize; code.len() + 1];
    let mut i = 0;
    while i < code.len() {
        new_index[i] = out.len();
        if i + 1 < code.len()
            && !targeted[i + 1]
            && code[i].handler == code[i + 1].handler
            && let Some(fused) = fuse(&code[i], &code[i + 1])
        {
            new_index[i + 1] = out.len();
            out.push(Resolved { op: fused, arg: (code[i].arg << 8) | code[i + 1].arg, target: None, line: code[i].line, handler: code[i].handler });
            i += 2;
            continue;
        }
        out.push(code[i]);
        i += 1;
    }
    new_index[code.len()] = out.len();
    for instr in &mut out {
        if let Some(t) = instr.target.as_mut() {
            *t = new_index[*t];
        }
        if let Some((t, _)) = instr.handler.as_mut() {
            *t = new_index[*t];
        }
    }
    *code = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(op: u16, arg: u32, target: Option<usize>) -> Resolved {
        Resolved { op, arg, target, line: 1, handler: None }
    }

    #[test]
    fn pairs_fuse_unless_a_jump_lands_between() {
        let mut code = vec![
            r(op::LOAD_FAST, 1, None),
            r(op::LOAD_FAST, 2, None),
            r(op::STORE_FAST, 3, None),
            r(op::LOAD_FAST, 3, None),
            r(op::LOAD_FAST, 4, None),
            r(op::LOAD_FAST, 5, None),
            r(op::JUMP_BACKWARD, 0, Some(5)),
        ];
        combine(&mut code);
        let ops: Vec<(u16, u32)> = code.iter().map(|i| (i.op, i.arg)).collect();
        assert_eq!(
            ops,
            vec![
                (op::LOAD_FAST_LOAD_FAST, (1 << 8) | 2),
                (op::STORE_FAST_LOAD_FAST, (3 << 8) | 3),
                (op::LOAD_FAST, 4),
                (op::LOAD_FAST, 5),
                (op::JUMP_BACKWARD, 0),
            ]
        );
        assert_eq!(code[4].target, Some(3), "the jump still lands on the second LOAD_FAST");
    }
}
