//! Running code: the tier-1 interpreter (`tier1`), frames on the data stack
//! (`frames`), calls (`call`), calls into Python from the builtins below
//! (`reenter`), adaptive specialization (`specialize`), unwinding (`unwind`), and the
//! runtime helpers uop bodies call, in both interpreters and in JIT code (`helpers`,
//! checked against their `.uops` declarations by `helper_table`). Tier 2 is above this
//! layer: the interpreters reach it through `hooks`.

pub mod call;
pub mod classes;
pub mod frames;
pub mod generators;
pub mod helpers;
pub mod hooks;
pub mod managers;
pub mod raising;
pub mod reenter;
pub mod specialize;
pub mod tier1;
pub mod unwind;

/// Helper signatures checked against their declarations, and their addresses.
pub mod helper_table {
    use super::helpers;
    use stitch_abi::Value;
    use stitch_abi::layouts::*;
    include!("../../../generated/src/helper_table.rs");
}
