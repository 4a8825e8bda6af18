//! The boundary between the runtime and everything generated from the `.uops` file:
//! the shared layouts, the value word, inline accessors, and the runtime helpers uop
//! bodies call (directly in the interpreters, through holes in JIT code).

/// The `#[repr(C)]` layouts declared in the `.uops` file.
#[allow(dead_code)]
pub mod layouts {
    use super::value::Value;
    include!("../../../generated/src/layouts.rs");
}

pub mod access;
pub mod helpers;
pub mod value;

/// Helper signatures checked against their declarations, and their addresses.
pub mod helper_table {
    use super::helpers;
    use super::layouts::*;
    use super::value::Value;
    include!("../../../generated/src/helper_table.rs");
}

pub use layouts::*;
pub use stitch_generated::metadata::*;
pub use value::Value;
