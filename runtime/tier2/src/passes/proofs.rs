//! Proofs nothing needs: a guard that `proves` something `for` kinds of places (a
//! dict's keys version, for its entries by index) goes when no uop of the trace uses a
//! place of those kinds. A global the trace embedded as a constant is watched by name
//! instead, so its load needs no version.

use super::{Edits, apply};
use crate::facts;
use crate::projector::Projection;
use stitch_abi::{PROTECTS_BUILTIN, PROTECTS_GLOBAL, PROTECTS_LOCAL, Place};

pub fn run(p: &mut Projection) {
    let mut used = 0u8;
    for u in &p.body {
        for (place, _) in facts::places(u) {
            used |= match place {
                Place::Local(_) => PROTECTS_LOCAL,
                Place::Global(_) => PROTECTS_GLOBAL,
                Place::Builtin(_) => PROTECTS_BUILTIN,
                _ => 0,
            };
        }
    }
    let mut edits = Edits::new(p.body.len());
    for (i, u) in p.body.iter().enumerate() {
        let f = facts::of(u.opcode);
        if f.proves.is_some() && f.protects != 0 && f.protects & used == 0 {
            edits.keep[i] = false;
        }
    }
    apply(p, edits);
}
