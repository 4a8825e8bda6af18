//! The lowest layer of the runtime, shared with everything generated from the `.uops`
//! file: the value word, the `#[repr(C)]` layouts, the inline accessors uop bodies
//! use, and the generated metadata (opcodes, uop ids, flags, expansions).
//!
//! `value.rs` and `access.rs` are the `.uops` file's shared modules: the JIT's stencil
//! crate compiles the same text, so they use `core` only and never panic.
#![no_std]

/// The `#[repr(C)]` layouts declared in the `.uops` file.
#[allow(dead_code)]
pub mod layouts {
    use super::value::Value;
    include!("../../../generated/src/layouts.rs");
}

pub mod access;
pub mod code_units;
pub mod value;

/// The one runtime function the value word itself calls: freeing an object whose last
/// reference went (`Value::decref`).
///
/// Freeing needs every object's layout, which the object layer above owns; it provides
/// the function under the symbol named here, as `#[global_allocator]` provides an
/// allocator to `alloc`. Stencils reach it through the `dealloc` helper's hole instead.
pub mod helpers {
    use super::value::Value;

    unsafe extern "Rust" {
        /// Defined by `stitch-core` (`objects::free`).
        fn stitch_free_object(value: Value);
    }

    /// Frees an object whose last reference went.
    ///
    /// # Safety
    /// `value` is an object value with no references left.
    #[inline(always)]
    pub unsafe fn dealloc(value: Value) {
        // SAFETY: forwarded; the object layer is linked into every program that makes
        // objects.
        unsafe { stitch_free_object(value) }
    }
}

pub use layouts::*;
pub use stitch_generated::metadata::*;
pub use value::{OVERRIDES_FLAG, SUBCLASS_FLAG, Value};
