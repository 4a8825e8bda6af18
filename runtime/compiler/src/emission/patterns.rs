//! `match` statements, compiled as CPython 3.11 compiles them.
//!
//! Each case but the last matches a copy of the subject (COPY 1). A pattern consumes
//! the value it matches; what it captures stays on the stack, rotated under whatever
//! it still works on (`on_top`), and is stored only once the whole pattern matched,
//! so a failed case binds nothing. A failed check jumps to a chain of POP_TOPs
//! (`fail_pop[n]` pops `n` values: the captures so far and the items on top) laid out
//! after the case's body; the next case follows it.
//!
//! ```text
//!         <subject>
//!         COPY 1; <pattern> ; <stores> ; [guard] ; POP_TOP ; <body> ; JUMP end
//! fail_n: POP_TOP ... fail_0:
//!         COPY 1; <next pattern> ...
//! end:
//! ```

use crate::assembly::assembler::Label;
use crate::diagnostics::errors::CompileResult;
use super::codegen::CodeGen;
use super::literal;
use super::unit::Const;
use stitch_abi::{NB_SUBTRACT, op};
use ruff_python_ast::{self as ast, CmpOp, Expr, Pattern};
use ruff_text_size::{Ranged, TextSize};

/// The state of one case's pattern, as CPython's `pattern_context`.
struct Context {
    /// The names captured so far, their values on the stack (the first on top).
    stores: Vec<String>,
    /// Whether an irrefutable pattern may come here (the last case, or a guarded one).
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` values and goes on to the next case.
    fail_pop: Vec<Label>,
    /// Values above the captures that a failure must pop too.
    on_top: u32,
    /// Where errors in this pattern are reported (the case's pattern, or the
    /// alternative of an `|` being compiled).
    at: TextSize,
}

/// `_`: matches anything, binds nothing.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(ast::PatternMatchAs { pattern: None, name: None, .. }))
}

/// `*_`.
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(ast::PatternMatchStar { name: None, .. }))
}

impl CodeGen<'_> {
    pub fn match_stmt(&mut self, s: &ast::StmtMatch) -> CompileResult<()> {
        let line = self.line;
        self.expr(&s.subject)?;
        let end = self.new_label();
        let cases = s.cases.len();
        // A trailing `case _:` needs no copy of the subject for the cases before it.
        let has_default = cases > 1 && s.cases.last().is_some_and(|c| is_wildcard(&c.pattern));
        for (i, case) in s.cases[..cases - has_default as usize].iter().enumerate() {
            self.line = self.map.line(case.pattern.start());
            let last = i == cases - has_default as usize - 1;
            if !last {
                self.emit(op::COPY, 1);
            }
            let mut pc = Context {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i == cases - 1,
                fail_pop: Vec::new(),
                on_top: 0,
                at: case.pattern.start(),
            };
            self.pattern(&case.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.store_name(&name, case.pattern.range())?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let fail = pc.fail_pop[0];
                self.jump_if(guard, false, fail)?;
            }
            if !last {
                self.emit(op::POP_TOP, 0);
            }
            self.body(&case.body)?;
            self.emit_jump(op::JUMP_FORWARD, end);
            // A failed pattern's clean-up is on the pattern's line, not the body's.
            self.line = self.map.line(case.pattern.start());
            self.emit_fail_pops(&mut pc);
        }
        if has_default {
            let case = &s.cases[cases - 1];
            self.line = self.map.line(case.pattern.start());
            self.emit(op::NOP, 0);
            if let Some(guard) = &case.guard {
                self.jump_if(guard, false, end)?;
            }
            self.body(&case.body)?;
        }
        self.bind(end);
        self.line = line;
        Ok(())
    }

    fn pattern_error<T>(&self, message: String, pc: &Context) -> CompileResult<T> {
        Err(self.map.syntax(message, pc.at))
    }

    /// A sub-pattern of a sequence, mapping, class or `as` pattern: it may be
    /// irrefutable whatever the case is.
    fn subpattern(&mut self, p: &Pattern, pc: &mut Context) -> CompileResult<()> {
        let saved = std::mem::replace(&mut pc.allow_irrefutable, true);
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn pattern(&mut self, p: &Pattern, pc: &mut Context) -> CompileResult<()> {
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit_compare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, op::POP_JUMP_IF_FALSE);
                Ok(())
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Const::None,
                    ast::Singleton::True => Const::Bool(true),
                    ast::Singleton::False => Const::Bool(false),
                });
                self.emit(op::IS_OP, 0);
                self.jump_to_fail_pop(pc, op::POP_JUMP_IF_FALSE);
                Ok(())
            }
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return match &a.name {
                            Some(name) => self.pattern_error(format!("name capture '{}' makes remaining patterns unreachable", name.as_str()), pc),
                            None => self.pattern_error("wildcard makes remaining patterns unreachable".to_string(), pc),
                        };
                    }
                    self.capture(a.name.as_ref(), pc)
                }
                Some(inner) => {
                    // Keep the value for storing it if the inner pattern matches.
                    pc.on_top += 1;
                    self.emit(op::COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.capture(a.name.as_ref(), pc)
                }
            },
            Pattern::MatchStar(s) => self.capture(s.name.as_ref(), pc),
            Pattern::MatchSequence(s) => self.sequence_pattern(&s.patterns, pc),
            Pattern::MatchMapping(m) => self.mapping_pattern(m, pc),
            Pattern::MatchClass(c) => self.class_pattern(c, pc),
            Pattern::MatchOr(o) => self.or_pattern(o, pc),
        }
    }

    /// Binds the value on top to `name` once the case matches (pops it for `_`).
    fn capture(&mut self, name: Option<&ast::Identifier>, pc: &mut Context) -> CompileResult<()> {
        let Some(name) = name else {
            self.emit(op::POP_TOP, 0);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == name.as_str()) {
            return self.pattern_error(format!("multiple assignments to name '{}' in pattern", name.as_str()), pc);
        }
        // Under the values still worked on and the captures before it.
        self.rotate(pc.on_top + pc.stores.len() as u32 + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    /// Moves the top of the stack `count` deep.
    fn rotate(&mut self, count: u32) {
        for n in (2..=count).rev() {
            self.emit(op::SWAP, n);
        }
    }

    fn ensure_fail_pop(&mut self, pc: &mut Context, n: usize) {
        while pc.fail_pop.len() <= n {
            let label = self.new_label();
            pc.fail_pop.push(label);
        }
    }

    /// A failed check: pops what is on top and the captures, then tries the next case.
    fn jump_to_fail_pop(&mut self, pc: &mut Context, opcode: u16) {
        let pops = (pc.on_top + pc.stores.len() as u32) as usize;
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(opcode, pc.fail_pop[pops]);
    }

    /// The chain of POP_TOPs failures jump into, the deepest first.
    fn emit_fail_pops(&mut self, pc: &mut Context) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (n, &label) in labels.iter().enumerate().rev() {
            self.bind(label);
            if n > 0 {
                self.emit(op::POP_TOP, 0);
            }
        }
    }

    fn sequence_pattern(&mut self, patterns: &[Pattern], pc: &mut Context) -> CompileResult<()> {
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return self.pattern_error("multiple starred names in sequence pattern".to_string(), pc);
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // The subject stays on top through the checks.
        pc.on_top += 1;
        self.emit(op::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, op::POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.emit(op::GET_LEN, 0);
                self.load_const(Const::Int(size.into()));
                self.emit_compare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, op::POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.emit(op::GET_LEN, 0);
                self.load_const(Const::Int((size - 1).into()));
                self.emit_compare(CmpOp::GtE);
                self.jump_to_fail_pop(pc, op::POP_JUMP_IF_FALSE);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(op::POP_TOP, 0);
            Ok(())
        } else if star_wildcard {
            self.sequence_subscripts(patterns, star.unwrap_or(size), pc)
        } else {
            self.sequence_unpack(patterns, star, pc)
        }
    }

    /// `[a, *rest, b]`: the items unpacked (UNPACK_SEQUENCE, or UNPACK_EX with the
    /// count before the star pushed as a constant), each matched in turn.
    fn sequence_unpack(&mut self, patterns: &[Pattern], star: Option<usize>, pc: &mut Context) -> CompileResult<()> {
        let size = patterns.len() as u32;
        match star {
            None => self.emit(op::UNPACK_SEQUENCE, size),
            Some(before) => {
                self.load_const(Const::Int(before.into()));
                self.emit(op::UNPACK_EX, size);
            }
        }
        pc.on_top += size;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `[a, *_, b]`: no list is made for `*_`; the items are read by index (from the
    /// end through the length: the subject may not take negative indices).
    fn sequence_subscripts(&mut self, patterns: &[Pattern], star: usize, pc: &mut Context) -> CompileResult<()> {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(op::COPY, 1);
            if i < star {
                self.load_const(Const::Int(i.into()));
            } else {
                self.emit(op::GET_LEN, 0);
                self.load_const(Const::Int((size - i).into()));
                self.emit(op::BINARY_OP, NB_SUBTRACT);
            }
            self.emit(op::BINARY_SUBSCR, 0);
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(op::POP_TOP, 0);
        Ok(())
    }

    fn mapping_pattern(&mut self, m: &ast::PatternMatchMapping, pc: &mut Context) -> CompileResult<()> {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(op::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, op::POP_JUMP_IF_FALSE);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(op::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(op::GET_LEN, 0);
            self.load_const(Const::Int(size.into()));
            self.emit_compare(CmpOp::GtE);
            self.jump_to_fail_pop(pc, op::POP_JUMP_IF_FALSE);
        }
        let mut seen: Vec<Const> = Vec::new();
        for key in &m.keys {
            if let Some(c) = literal::constant(key) {
                if seen.iter().any(|s| same_key(s, &c)) {
                    return Err(self.map.syntax(format!("mapping pattern checks duplicate key ({})", const_repr(&c)), m.start()));
                }
                seen.push(c);
            } else if !matches!(key, Expr::Attribute(_)) {
                return self.pattern_error("mapping pattern keys may only match literals and attribute lookups".to_string(), pc);
            }
            self.expr(key)?;
        }
        self.emit(op::BUILD_TUPLE, size as u32);
        self.emit(op::MATCH_KEYS, 0);
        // The tuple of keys and the tuple of values (or None) are above the subject.
        pc.on_top += 2;
        self.emit(op::COPY, 1);
        self.load_const(Const::None);
        self.emit(op::IS_OP, 1);
        self.jump_to_fail_pop(pc, op::POP_JUMP_IF_FALSE);
        self.emit(op::UNPACK_SEQUENCE, size as u32);
        pc.on_top = pc.on_top + size as u32 - 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject), then del rest[key] for each key.
                self.emit(op::BUILD_MAP, 0);
                self.emit(op::SWAP, 3);
                self.emit(op::DICT_UPDATE, 2);
                self.emit(op::UNPACK_SEQUENCE, size as u32);
                for left in (1..=size as u32).rev() {
                    self.emit(op::COPY, 1 + left);
                    self.emit(op::SWAP, 2);
                    self.emit(op::DELETE_SUBSCR, 0);
                }
                self.capture(Some(rest), pc)
            }
            None => {
                self.emit(op::POP_TOP, 0);
                self.emit(op::POP_TOP, 0);
                Ok(())
            }
        }
    }

    fn class_pattern(&mut self, c: &ast::PatternMatchClass, pc: &mut Context) -> CompileResult<()> {
        let positional = &c.arguments.patterns;
        let keywords = &c.arguments.keywords;
        for (i, k) in keywords.iter().enumerate() {
            if keywords[..i].iter().any(|o| o.attr.as_str() == k.attr.as_str()) {
                return Err(self.map.syntax(format!("attribute name repeated in class pattern: {}", k.attr.as_str()), k.attr.start()));
            }
        }
        self.expr(&c.cls)?;
        let names = keywords.iter().map(|k| Const::Str(k.attr.to_string())).collect();
        self.load_const(Const::Tuple(names));
        let nargs = positional.len() as u32;
        self.emit(op::MATCH_CLASS, nargs);
        self.emit(op::COPY, 1);
        self.load_const(Const::None);
        self.emit(op::IS_OP, 1);
        // A tuple of the attributes (or None) is on top.
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, op::POP_JUMP_IF_FALSE);
        let total = nargs + keywords.len() as u32;
        self.emit(op::UNPACK_SEQUENCE, total);
        pc.on_top = pc.on_top + total - 1;
        for p in positional.iter().chain(keywords.iter().map(|k| &k.pattern)) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(op::POP_TOP, 0);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `p1 | p2 | ...`: each alternative matches a copy of the subject; the names they
    /// capture are put in the first alternative's order, so one series of stores fits.
    fn or_pattern(&mut self, o: &ast::PatternMatchOr, pc: &mut Context) -> CompileResult<()> {
        let end = self.new_label();
        let size = o.patterns.len();
        let outer_stores = std::mem::take(&mut pc.stores);
        let outer_fail_pop = std::mem::take(&mut pc.fail_pop);
        let (outer_on_top, outer_allow, outer_at) = (pc.on_top, pc.allow_irrefutable, pc.at);
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && outer_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            pc.at = alt.start();
            self.emit(op::COPY, 1);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(names) if names.len() != pc.stores.len() => {
                    return self.pattern_error("alternative patterns bind different names".to_string(), pc);
                }
                Some(names) => {
                    let names = names.clone();
                    for icontrol in (0..names.len()).rev() {
                        let Some(istores) = pc.stores.iter().position(|s| *s == names[icontrol]) else {
                            return self.pattern_error("alternative patterns bind different names".to_string(), pc);
                        };
                        if icontrol != istores {
                            // Move the captures into the control's order, on the
                            // stack and in the list alike.
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.rotate(icontrol as u32 + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(op::JUMP_FORWARD, end);
            self.emit_fail_pops(pc);
        }
        let control = control.unwrap_or_default();
        pc.stores = outer_stores;
        pc.fail_pop = outer_fail_pop;
        pc.on_top = outer_on_top;
        pc.allow_irrefutable = outer_allow;
        pc.at = outer_at;
        // No alternative matched: pop the subject's copy and fail.
        self.emit(op::POP_TOP, 0);
        self.jump_to_fail_pop(pc, op::JUMP_FORWARD);
        self.bind(end);
        // Between the new captures and their place: the other new captures, the
        // subject's copy, what is on top, and the captures from before.
        let nrots = control.len() as u32 + 1 + pc.on_top + pc.stores.len() as u32;
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return self.pattern_error(format!("multiple assignments to name '{name}' in pattern"), pc);
            }
            pc.stores.push(name);
        }
        self.emit(op::POP_TOP, 0);
        Ok(())
    }
}

/// Whether two constant keys of a mapping pattern are the same key (`1`, `1.0` and
/// `True` are).
fn same_key(a: &Const, b: &Const) -> bool {
    fn number(c: &Const) -> Option<f64> {
        match c {
            Const::Bool(b) => Some(*b as i64 as f64),
            Const::Int(i) => i.to_string().parse().ok(),
            Const::Float(f) => Some(*f),
            _ => None,
        }
    }
    match (a, b) {
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
        (Const::Wtf8(x), Const::Wtf8(y)) | (Const::Bytes(x), Const::Bytes(y)) => x == y,
        (Const::Int(x), Const::Int(y)) => x == y,
        _ => matches!((number(a), number(b)), (Some(x), Some(y)) if x == y),
    }
}

/// A constant key as CPython's `repr` writes it, for the duplicate-key error.
fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".to_string(),
        Const::Ellipsis => "Ellipsis".to_string(),
        Const::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Const::Int(i) => i.to_string(),
        Const::Float(f) => stitch_core::ops::repr(stitch_abi::value::Value::float(*f)).unwrap_or_default(),
        Const::Complex(re, im) => stitch_core::format::complex_repr(*re, *im),
        Const::Str(s) => stitch_core::ops::repr::str_repr(s),
        Const::Wtf8(b) => {
            let v = stitch_core::objects::str::from_wtf8(b.clone());
            let r = stitch_core::ops::repr(v).unwrap_or_default();
            v.decref();
            r
        }
        Const::Bytes(b) => stitch_core::objects::bytes::repr(b),
        Const::Tuple(_) | Const::Code(_) => String::new(),
    }
}
