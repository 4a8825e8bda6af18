//! Leaving blocks early: `break`, `continue` and `return` undo the blocks they leave
//! (see `blocks`), innermost first.

use super::blocks::{Block, Loop, LoopKind};
use super::codegen::CodeGen;
use crate::diagnostics::errors::CompileResult;
use ruff_text_size::TextRange;
use stitch_abi::op;

impl CodeGen<'_> {
    /// Values on the stack under a statement here.
    pub fn stmt_depth(&self) -> u32 {
        self.blocks.iter().map(Block::depth).sum()
    }

    /// The innermost loop (the syntax checks guarantee there is one around `break`
    /// and `continue`) and its index in `blocks`.
    fn innermost_loop(&self, range: TextRange) -> CompileResult<(usize, Loop)> {
        self.blocks
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, b)| match b {
                Block::Loop(l) => Some((i, *l)),
                _ => None,
            })
            .ok_or_else(|| self.map.unsupported("internal compiler error: no loop", range))
    }

    pub fn break_stmt(&mut self, range: TextRange) -> CompileResult<()> {
        let (i, l) = self.innermost_loop(range)?;
        self.leaving(i + 1, false, |g| {
            if l.kind == LoopKind::For {
                g.emit(op::POP_TOP, 0);
            }
            g.emit_jump(op::JUMP_FORWARD, l.break_to);
            Ok(())
        })
    }

    pub fn continue_stmt(&mut self, range: TextRange) -> CompileResult<()> {
        let (i, l) = self.innermost_loop(range)?;
        self.leaving(i + 1, false, |g| {
            g.emit_jump(op::JUMP_BACKWARD, l.continue_to);
            Ok(())
        })
    }

    /// Unwinds every block for `return` (the value on top of the stack when
    /// `value_on_top`), then `then` emits the rest.
    pub fn returning(&mut self, value_on_top: bool, then: impl FnOnce(&mut Self) -> CompileResult<()>) -> CompileResult<()> {
        self.leaving(0, value_on_top, then)
    }

    /// Unwinds the blocks from the innermost down to `keep` (which stay), then emits
    /// `then` there; afterwards the blocks and handlers are as before (the code that
    /// follows is unreachable, but is still compiled inside them).
    fn leaving(&mut self, keep: usize, value_on_top: bool, then: impl FnOnce(&mut Self) -> CompileResult<()>) -> CompileResult<()> {
        let saved_blocks = self.blocks.clone();
        let saved_handlers = self.handlers.clone();
        let result = (|| {
            while self.blocks.len() > keep {
                let Some(block) = self.blocks.pop() else { break };
                self.unwind_block(block, value_on_top)?;
            }
            then(self)
        })();
        self.blocks = saved_blocks;
        self.truncate_handlers(0);
        self.restore_handlers(saved_handlers);
        result
    }

    /// Emits what leaving `block` early takes (it is already popped off `blocks`).
    fn unwind_block(&mut self, block: Block, value_on_top: bool) -> CompileResult<()> {
        let pop_under = |g: &mut Self| {
            if value_on_top {
                g.emit(op::SWAP, 2);
            }
            g.emit(op::POP_TOP, 0);
        };
        match block {
            Block::Loop(l) => {
                if l.kind == LoopKind::For {
                    pop_under(self);
                }
            }
            Block::TryExcept { handlers } => {
                self.truncate_handlers(handlers);
            }
            Block::TryFinally { handlers, body } => {
                self.truncate_handlers(handlers);
                if value_on_top {
                    self.blocks.push(Block::Pending);
                }
                let line = self.line;
                self.body(&body)?;
                self.line = line;
                if value_on_top {
                    self.blocks.pop();
                }
            }
            Block::Handler { handlers, name, raised } => {
                self.truncate_handlers(handlers);
                if raised {
                    pop_under(self);
                }
                if value_on_top {
                    self.emit(op::SWAP, 2);
                }
                self.emit(op::POP_EXCEPT, 0);
                if let Some((name, range)) = name {
                    self.unbind(&name, range)?;
                }
            }
            Block::Pending => pop_under(self),
            Block::With { handlers, is_async } => {
                self.truncate_handlers(handlers);
                if value_on_top {
                    self.emit(op::SWAP, 2);
                }
                self.call_exit(is_async)?;
            }
        }
        Ok(())
    }
}
