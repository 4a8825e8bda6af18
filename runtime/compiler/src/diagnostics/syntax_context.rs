//! What the syntax-error wording looks at besides the error itself: the source,
//! ruff's tokens and its error-recovered tree. `syntax_messages`, `syntax_guesses`
//! and `syntax_targets` all read it.

use super::errors::SourceMap;
use ruff_python_ast::ModModule;
use ruff_python_ast::token::Token;

/// What the mapping looks at besides the error itself.
pub struct ErrorContext<'a> {
    pub map: &'a SourceMap<'a>,
    pub tokens: &'a [Token],
    pub module: &'a ModModule,
}
