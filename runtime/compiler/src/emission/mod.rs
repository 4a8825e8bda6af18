//! Emission: the checked syntax tree to instructions, one code object at a time;
//! constructs outside the subset are refused here. The result is a `unit::CodeUnit`,
//! plain data until it becomes a runtime value.

pub(crate) mod codegen;
pub(crate) mod unit;

mod annotated_bodies;
mod annotations;
mod assign;
pub(crate) mod blocks;
mod call;
mod comprehension;
mod condition;
mod consts;
mod exceptions;
mod expr;
mod fstring;
mod generators;
pub(crate) mod imports;
mod leaving;
mod literal;
mod patterns;
mod scope;
pub(crate) mod stdlib_names;
mod stmt;
pub(crate) mod surrogate_literals;
mod with;
