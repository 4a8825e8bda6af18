//! Reading stencils out of the compiled object: each stencil function's bytes, the
//! read-only data it uses, and its holes. Generation fails, with an error at the uop's
//! definition, when a stencil references an unknown symbol, uses a relocation the JIT
//! cannot patch, or calls its continuation instead of jumping to it.

use super::error::{Error, at_uop};
use super::source::{SHARED_SUFFIX, STENCIL_PREFIX};
use iced_x86::{Code, Decoder, DecoderOptions, FlowControl, Formatter, Instruction, InstructionInfoFactory, IntelFormatter, OpAccess, OpKind, Register};
use object::{Object, ObjectSection, ObjectSymbol, RelocationFlags, RelocationTarget, SymbolKind};
use std::collections::BTreeMap;
use stitch_dsl::model::Analysis;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HoleKind {
    Oparg,
    Operand,
    Target,
    Executor,
    Continue,
    JumpTarget,
    ErrorTarget,
    Top,
    /// A runtime helper, by name.
    Helper(String),
    /// The stencil's own read-only data (addend: offset in it).
    Data,
}

impl HoleKind {
    /// Holes that are jumps to code.
    fn is_code(&self) -> bool {
        matches!(self, HoleKind::Continue | HoleKind::JumpTarget | HoleKind::ErrorTarget | HoleKind::Top)
    }
}

#[derive(Clone, Debug)]
pub struct Hole {
    /// Where the 64-bit value goes in the code.
    pub offset: u32,
    pub kind: HoleKind,
    pub addend: i64,
    /// The value is loaded (`movabs reg, imm64`, 2 bytes before `offset`) only to be
    /// jumped to by the next instruction (`jmp reg`): the JIT may write a direct
    /// `jmp rel32` over the pair instead.
    pub jump: bool,
}

#[derive(Clone, Debug)]
pub struct Stencil {
    /// The uop's name.
    pub uop: String,
    /// Compiled with the oparg in a register (the shared cold-exit body).
    pub shared_oparg: bool,
    pub code: Vec<u8>,
    pub data: Vec<u8>,
    pub holes: Vec<Hole>,
    /// Bytes at the end of `code` that only jump to the next uop: dropped when the next
    /// uop's code follows.
    pub tail: u32,
    /// One line per instruction: offset, bytes, text.
    pub disassembly: Vec<String>,
}

const R_X86_64_64: object::elf::RelocationType = object::elf::R_X86_64_64;

/// Why a stencil is refused: what completes "the JIT stencil of `UOP` ...", and why that
/// matters when the message alone does not say.
#[derive(Debug)]
struct Refusal {
    what: String,
    note: Option<&'static str>,
}

fn refuse(what: impl Into<String>) -> Refusal {
    Refusal { what: what.into(), note: None }
}

const UNKNOWN_SYMBOL: &str = "bodies reach the runtime only through declared helpers; panics and libm calls have no place in a stencil";

/// Every stencil of the object, by uop. Errors about one stencil point at its uop.
pub fn extract(object_bytes: &[u8], a: &Analysis) -> Result<Vec<Stencil>, Error> {
    let file = object::File::parse(object_bytes).map_err(|e| Error::build(format!("cannot read the stencil object: {e}")))?;
    let helpers: Vec<String> = a.helpers.iter().map(|h| h.name.clone()).collect();
    let mut stencils = Vec::new();
    let mut errors = Error::default();
    for sym in file.symbols() {
        let Ok(name) = sym.name() else { continue };
        let Some(rest) = name.strip_prefix(STENCIL_PREFIX) else { continue };
        if sym.kind() != SymbolKind::Text {
            continue;
        }
        let (uop, shared_oparg) = match rest.strip_suffix(SHARED_SUFFIX) {
            Some(u) => (u.to_string(), true),
            None => (rest.to_string(), false),
        };
        let Some(u) = a.uop(&uop) else {
            errors.build.push(format!("the stencil object has a function `{name}` of no uop"));
            continue;
        };
        match one(&file, &sym, &uop, shared_oparg, &helpers) {
            Ok(s) => stencils.push(s),
            Err(r) => {
                let d = at_uop(u, shared_oparg, &r.what);
                errors.uops.push(match r.note {
                    Some(n) => d.note(n),
                    None => d,
                });
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    stencils.sort_by(|a, b| (&a.uop, a.shared_oparg).cmp(&(&b.uop, b.shared_oparg)));
    Ok(stencils)
}

fn one(file: &object::File, sym: &object::Symbol, uop: &str, shared_oparg: bool, helpers: &[String]) -> Result<Stencil, Refusal> {
    let unreadable = |e: object::Error| refuse(format!("cannot be read from the object: {e}"));
    let section_index = sym.section_index().ok_or_else(|| refuse("has no section in the object"))?;
    let section = file.section_by_index(section_index).map_err(unreadable)?;
    let bytes = section.data().map_err(unreadable)?;
    let start = sym.address() as usize;
    let end = start + sym.size() as usize;
    if end > bytes.len() || sym.size() == 0 {
        return Err(refuse("has a symbol outside its section"));
    }
    let code = bytes[start..end].to_vec();
    // Unknown symbols first: they explain the rest (a panic path also drags in its
    // location data).
    for (offset, reloc) in section.relocations() {
        if (offset as usize) < start || offset as usize >= end {
            continue;
        }
        if let RelocationTarget::Symbol(target) = reloc.target()
            && let Ok(target) = file.symbol_by_index(target)
            && target.kind() != SymbolKind::Section
        {
            let name = target.name().unwrap_or("");
            let known = name.starts_with("_JIT_")
                && (!name.starts_with("_JIT_HELPER_") || helpers.iter().any(|h| name == format!("_JIT_HELPER_{h}")));
            if !known {
                return Err(Refusal { what: format!("references unknown external symbol `{name}`"), note: Some(UNKNOWN_SYMBOL) });
            }
        }
    }
    let mut data: Vec<u8> = Vec::new();
    let mut data_sections: BTreeMap<usize, usize> = BTreeMap::new();
    let mut holes = Vec::new();
    for (offset, reloc) in section.relocations() {
        let offset = offset as usize;
        if offset < start || offset >= end {
            continue;
        }
        let r_type = match reloc.flags() {
            RelocationFlags::Elf { r_type } => r_type,
            other => return Err(refuse(format!("has a relocation of an unexpected format ({other:?})"))),
        };
        if r_type != R_X86_64_64 {
            return Err(Refusal {
                what: format!("uses relocation type {} at +{:#x}, which the JIT cannot patch", r_type.0, offset - start),
                note: Some("copy and patch writes 64-bit absolute addresses only (R_X86_64_64): stencils are compiled with `-C code-model=large`"),
            });
        }
        let RelocationTarget::Symbol(target) = reloc.target() else {
            return Err(refuse(format!("has a relocation without a symbol at +{:#x}", offset - start)));
        };
        let target = file.symbol_by_index(target).map_err(unreadable)?;
        let kind = if target.kind() == SymbolKind::Section {
            let sec_index = target.section_index().ok_or_else(|| refuse("refers to a section symbol without a section"))?;
            let at = match data_sections.get(&sec_index.0) {
                Some(&at) => at,
                None => {
                    let sec = file.section_by_index(sec_index).map_err(unreadable)?;
                    if sec.relocations().next().is_some() {
                        return Err(Refusal {
                            what: format!("uses data with relocations ({})", sec.name().unwrap_or("?")),
                            note: Some("a stencil's data is copied beside its code as it is: it cannot hold addresses"),
                        });
                    }
                    let align = sec.align().max(1) as usize;
                    let at = data.len().div_ceil(align) * align;
                    data.resize(at, 0);
                    data.extend_from_slice(sec.data().map_err(unreadable)?);
                    data_sections.insert(sec_index.0, at);
                    at
                }
            };
            holes.push(Hole { offset: (offset - start) as u32, kind: HoleKind::Data, addend: at as i64 + reloc.addend(), jump: false });
            continue;
        } else {
            let name = target.name().unwrap_or("");
            match name {
                "_JIT_OPARG" => HoleKind::Oparg,
                "_JIT_OPERAND" => HoleKind::Operand,
                "_JIT_TARGET" => HoleKind::Target,
                "_JIT_EXECUTOR" => HoleKind::Executor,
                "_JIT_CONTINUE" => HoleKind::Continue,
                "_JIT_JUMP_TARGET" => HoleKind::JumpTarget,
                "_JIT_ERROR_TARGET" => HoleKind::ErrorTarget,
                "_JIT_TOP" => HoleKind::Top,
                other => match other.strip_prefix("_JIT_HELPER_") {
                    Some(h) if helpers.iter().any(|x| x == h) => HoleKind::Helper(h.to_string()),
                    _ => {
                        return Err(Refusal { what: format!("references unknown external symbol `{other}`"), note: Some(UNKNOWN_SYMBOL) });
                    }
                },
            }
        };
        holes.push(Hole { offset: (offset - start) as u32, kind, addend: reloc.addend(), jump: false });
    }
    holes.sort_by_key(|h| h.offset);
    let (disassembly, tail) = check_code(&code, &mut holes)?;
    Ok(Stencil { uop: uop.to_string(), shared_oparg, code, data, holes, tail, disassembly })
}

/// Disassembles, checks that code holes are only jumped to (never called, stored or
/// compared), and finds a trailing jump to the continuation that can be dropped.
fn check_code(code: &[u8], holes: &mut [Hole]) -> Result<(Vec<String>, u32), Refusal> {
    let mut decoder = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::new();
    let mut instructions: Vec<Instruction> = Vec::new();
    let mut lines = Vec::new();
    for instr in &mut decoder {
        if instr.is_invalid() {
            return Err(refuse(format!("has undecodable bytes at +{:#x}", instr.ip())));
        }
        let mut text = String::new();
        formatter.format(&instr, &mut text);
        let at = instr.ip() as usize;
        let bytes: Vec<String> = code[at..at + instr.len()].iter().map(|b| format!("{b:02x}")).collect();
        lines.push(format!("{at:04x}: {:<32} {text}", bytes.join(" ")));
        instructions.push(instr);
    }
    let index_of = |ip: u64| instructions.iter().position(|i| i.ip() == ip);
    for (i, instr) in instructions.iter().enumerate() {
        if instr.code() != Code::Mov_r64_imm64 {
            continue;
        }
        let imm_at = instr.ip() as u32 + instr.len() as u32 - 8;
        let Some(hole) = holes.iter_mut().find(|h| h.offset == imm_at) else { continue };
        if !hole.kind.is_code() {
            continue;
        }
        let reg = instr.op0_register();
        if let Some(next) = instructions.get(i + 1)
            && next.code() == Code::Jmp_rm64
            && next.op0_kind() == OpKind::Register
            && next.op0_register() == reg
            && instr.len() == 10
            && next.len() == 2
        {
            hole.jump = true;
        }
        let hole = hole.clone();
        // Follow every path from the load to the first read of the register.
        let mut stack = vec![i + 1];
        let mut seen = vec![false; instructions.len()];
        while let Some(k) = stack.pop() {
            if k >= instructions.len() || seen[k] {
                continue;
            }
            seen[k] = true;
            let user = &instructions[k];
            if reads_register(user, reg) {
                match user.code() {
                    Code::Jmp_rm64 if user.op0_kind() == OpKind::Register => continue,
                    Code::Call_rm64 => {
                        return Err(Refusal {
                            what: format!("calls {:?} at +{:#x} instead of jumping to it", hole.kind, user.ip()),
                            note: Some("the continuation must be a tail call: a call would leave a return address on the machine stack for every uop"),
                        });
                    }
                    _ => {
                        return Err(Refusal {
                            what: format!("uses its {:?} hole as data (`{user}`)", hole.kind),
                            note: Some("a code hole is only jumped to: the JIT may patch it to a direct jump"),
                        });
                    }
                }
            }
            if writes_register(user, reg) {
                continue;
            }
            match user.flow_control() {
                FlowControl::UnconditionalBranch => stack.extend(index_of(user.near_branch_target())),
                FlowControl::ConditionalBranch => {
                    stack.extend(index_of(user.near_branch_target()));
                    stack.push(k + 1);
                }
                FlowControl::Return | FlowControl::IndirectBranch | FlowControl::Exception | FlowControl::Interrupt => {}
                _ => stack.push(k + 1),
            }
        }
    }
    // The jump to the next uop can go when it is the last thing the stencil does, on
    // the only path that reaches it.
    let mut tail = 0;
    if let [.., load, jump] = instructions.as_slice() {
        let imm_at = load.ip() as u32 + load.len() as u32 - 8;
        let is_continue = load.code() == Code::Mov_r64_imm64
            && holes.iter().any(|h| h.offset == imm_at && h.kind == HoleKind::Continue);
        let jumps_there = jump.code() == Code::Jmp_rm64 && jump.op0_kind() == OpKind::Register && jump.op0_register() == load.op0_register();
        let targeted = instructions.iter().any(|i| {
            matches!(i.flow_control(), FlowControl::UnconditionalBranch | FlowControl::ConditionalBranch)
                && (i.near_branch_target() == jump.ip() || i.near_branch_target() == load.ip())
        });
        if is_continue && jumps_there && !targeted {
            tail = (load.len() + jump.len()) as u32;
        }
    }
    Ok((lines, tail))
}

/// Whether the instruction overwrites `reg` (so a hole value in it is dead).
fn writes_register(instr: &Instruction, reg: Register) -> bool {
    let mut factory = InstructionInfoFactory::new();
    let info = factory.info(instr);
    info.used_registers()
        .iter()
        .any(|u| u.register().full_register() == reg.full_register() && matches!(u.access(), OpAccess::Write))
}

/// Whether the instruction reads `reg` (directly or to address memory).
fn reads_register(instr: &Instruction, reg: Register) -> bool {
    let mut factory = InstructionInfoFactory::new();
    let info = factory.info(instr);
    info.used_registers().iter().any(|u| {
        u.register().full_register() == reg.full_register()
            && matches!(u.access(), OpAccess::Read | OpAccess::ReadWrite | OpAccess::CondRead | OpAccess::ReadCondWrite)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `movabs rax, <hole>` at offset 0: the hole's value is at offset 2.
    const MOVABS_RAX: [u8; 10] = [0x48, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0];
    const JMP_RAX: [u8; 2] = [0xff, 0xe0];
    const CALL_RAX: [u8; 2] = [0xff, 0xd0];
    const RET: [u8; 1] = [0xc3];

    fn continue_hole() -> Vec<Hole> {
        vec![Hole { offset: 2, kind: HoleKind::Continue, addend: 0, jump: false }]
    }

    #[test]
    fn a_trailing_jump_to_the_continuation_is_a_droppable_tail() {
        let code = [&MOVABS_RAX[..], &JMP_RAX].concat();
        let mut holes = continue_hole();
        let (lines, tail) = check_code(&code, &mut holes).unwrap();
        assert_eq!(tail, 12);
        assert!(holes[0].jump, "the pair can become a direct jmp rel32");
        assert_eq!(lines.len(), 2);
        assert!(lines[1].contains("jmp rax"), "{lines:?}");
    }

    #[test]
    fn calling_the_continuation_is_refused() {
        let code = [&MOVABS_RAX[..], &CALL_RAX, &RET].concat();
        let err = check_code(&code, &mut continue_hole()).unwrap_err();
        assert!(err.what.starts_with("calls Continue at +0xa") && err.note.is_some_and(|n| n.contains("tail call")), "{err:?}");
    }

    #[test]
    fn using_a_code_hole_as_data_is_refused() {
        // mov [rdi], rax; jmp rax
        let code = [&MOVABS_RAX[..], &[0x48, 0x89, 0x07], &JMP_RAX].concat();
        let err = check_code(&code, &mut continue_hole()).unwrap_err();
        assert!(err.what.contains("uses its Continue hole as data"), "{err:?}");
    }

    /// With the small code model rustc makes PC-relative relocations, which the JIT's
    /// copy and patch does not write: extraction names the relocation, at the uop's
    /// definition in the `.uops` file.
    #[test]
    fn relocations_the_jit_cannot_patch_are_refused() {
        let dir = std::env::temp_dir().join(format!("stitch-reloc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let source = "#![no_std]\nunsafe extern \"C\" { fn _JIT_CONTINUE(x: u64) -> u64; }\n#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn _JIT_STENCIL_T(x: u64) -> u64 { unsafe { _JIT_CONTINUE(x + 1) } }\n#[panic_handler]\nfn panic(_: &core::panic::PanicInfo) -> ! { loop {} }\n";
        std::fs::write(dir.join("small.rs"), source).unwrap();
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
        let out = std::process::Command::new(rustc)
            .current_dir(&dir)
            .args(["--edition", "2024", "--crate-type", "lib", "--emit", "obj", "-C", "opt-level=3", "-C", "panic=abort"])
            .args(["-C", "relocation-model=static", "-C", "code-model=small", "small.rs", "-o", "small.o"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let object = std::fs::read(dir.join("small.o")).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let file = stitch_dsl::SourceFile::new("t.uops", "layout Frame {}\nlayout Thread {}\n/// Compiled above by hand.\nop T (--) {}\n");
        let analysis = stitch_dsl::compile(&file, &|_| Err("none".into())).unwrap_or_else(|d| panic!("{}", d.render(&file)));
        let err = extract(&object, &analysis).unwrap_err().render(&file);
        assert!(err.starts_with("error: the JIT stencil of `T` uses relocation type 4 at +0x"), "{err}");
        assert!(err.contains(" --> t.uops:4:4\n  |\n4 | op T (--) {}\n  |    ^ compiled to this stencil\n"), "{err}");
        assert!(err.contains("= note: copy and patch writes 64-bit absolute addresses only"), "{err}");
    }
}
