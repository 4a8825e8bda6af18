//! The builtin functions, grouped by what they do. Each is a `BuiltinFn`: it
//! borrows its arguments and returns a new reference.

pub mod abc_checks;
pub mod bytes_new;
pub mod classes;
pub mod containers;
pub mod convert;
pub mod files;
pub mod introspect;
pub mod io;
pub mod iteration;
pub mod numeric;
pub mod radix;
pub mod source;
