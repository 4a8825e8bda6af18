//! The object layer: heap objects (`objects`), Python's semantics of every operation
//! on them (`ops`), number and string formatting exactly as CPython (`format`), the
//! exceptions the runtime raises (`errors`), and the runtime state builtins and
//! operations need (`vm`). Every layer above builds on it; it names none of them.

pub mod abstract_methods;
pub mod base_specials;
pub mod builtin_subclasses;
pub mod class_new;
pub mod classes;
pub mod enum_flags;
pub mod enum_methods;
pub mod generic_alias;
pub mod lookup_cache;
pub mod enums;
pub mod errors;
pub mod float_subclass;
pub mod exceptions;
pub mod format;
pub mod input;
pub mod memory;
pub mod metaclass;
pub mod namedtuple_class;
pub mod objects;
pub mod os_errors;
pub mod ops;
pub mod output;
pub mod special;
pub mod suggest;
pub mod suggest_names;
pub mod typed_dict;
pub mod union_type;
pub mod vm;
