//! Inspection: code object values read back into plain data (the compiler's only
//! unsafe code), and their listing for `stitch dis` and the tests.

pub(crate) mod dis;
pub(crate) mod values;
