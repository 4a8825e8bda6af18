//! Diagnostics: every error the compiler reports, worded and placed as CPython 3.11
//! would (tokenizer, parser, symbol-table and code-generator errors, nesting too
//! deep), and how an error is rendered, plus the SyntaxWarnings CPython prints for code
//! that runs. Runs before any code is emitted.

pub(crate) mod checks;
pub(crate) mod depth;
pub(crate) mod errors;
pub(crate) mod parse;
pub(crate) mod warnings;

mod codegen_checks;
mod future_checks;
mod lexical_checks;
mod symtable_checks;
mod syntax_context;
mod syntax_guesses;
mod syntax_messages;
mod syntax_targets;
mod syntax_tokens;
