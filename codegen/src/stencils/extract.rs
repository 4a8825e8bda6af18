//! Reading stencils out of the compiled object: each stencil function's bytes, the
//! read-only data it uses, and its holes. Generation fails, with a message naming the
//! uop, when a stencil references an unknown symbol, uses a relocation the JIT cannot
//! patch, or calls its continuation instead of jumping to it.

use super::source::{SHARED_SUFFIX, STENCIL_PREFIX};
use iced_x86::{Code, Decoder, DecoderOptions, FlowControl, Formatter, Instruction, InstructionInfoFactory, IntelFormatter, OpAccess, OpKind, Register};
use object::{Object, ObjectSection, ObjectSymbol, RelocationFlags, RelocationTarget, SymbolKind};
use std::collections::BTreeMap;

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

pub fn extract(object_bytes: &[u8], helpers: &[String]) -> Result<Vec<Stencil>, String> {
    let file = object::File::parse(object_bytes).map_err(|e| format!("cannot read the stencil object: {e}"))?;
    let mut stencils = Vec::new();
    let mut errors = Vec::new();
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
        match one(&file, &sym, &uop, shared_oparg, helpers) {
            Ok(s) => stencils.push(s),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        errors.sort();
        return Err(errors.join("\n"));
    }
    stencils.sort_by(|a, b| (&a.uop, a.shared_oparg).cmp(&(&b.uop, b.shared_oparg)));
    Ok(stencils)
}

fn one(file: &object::File, sym: &object::Symbol, uop: &str, shared_oparg: bool, helpers: &[String]) -> Result<Stencil, String> {
    let section_index = sym.section_index().ok_or_else(|| format!("stencil {uop}: no section"))?;
    let section = file.section_by_index(section_index).map_err(|e| format!("stencil {uop}: {e}"))?;
    let bytes = section.data().map_err(|e| format!("stencil {uop}: {e}"))?;
    let start = sym.address() as usize;
    let end = start + sym.size() as usize;
    if end > bytes.len() || sym.size() == 0 {
        return Err(format!("stencil {uop}: symbol outside its section"));
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
                return Err(format!(
                    "error: stencil for {uop} references unknown external symbol `{name}` (bodies reach the runtime only through declared helpers; panics and libm calls have no place in a stencil)"
                ));
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
            other => return Err(format!("stencil {uop}: unexpected relocation {other:?}")),
        };
        if r_type != R_X86_64_64 {
            return Err(format!("error: stencil for {uop} uses relocation type {} at +{:#x}, which the JIT cannot patch (only R_X86_64_64)", r_type.0, offset - start));
        }
        let RelocationTarget::Symbol(target) = reloc.target() else {
            return Err(format!("stencil {uop}: relocation without a symbol"));
        };
        let target = file.symbol_by_index(target).map_err(|e| format!("stencil {uop}: {e}"))?;
        let kind = if target.kind() == SymbolKind::Section {
            let sec_index = target.section_index().ok_or_else(|| format!("stencil {uop}: section symbol without a section"))?;
            let at = match data_sections.get(&sec_index.0) {
                Some(&at) => at,
                None => {
                    let sec = file.section_by_index(sec_index).map_err(|e| format!("stencil {uop}: {e}"))?;
                    if sec.relocations().next().is_some() {
                        return Err(format!("error: stencil for {uop} uses data with relocations ({})", sec.name().unwrap_or("?")));
                    }
                    let align = sec.align().max(1) as usize;
                    let at = data.len().div_ceil(align) * align;
                    data.resize(at, 0);
                    data.extend_from_slice(sec.data().map_err(|e| format!("stencil {uop}: {e}"))?);
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
                        return Err(format!(
                            "error: stencil for {uop} references unknown external symbol `{other}` (bodies reach the runtime only through declared helpers; panics and libm calls have no place in a stencil)"
                        ));
                    }
                },
            }
        };
        holes.push(Hole { offset: (offset - start) as u32, kind, addend: reloc.addend(), jump: false });
    }
    holes.sort_by_key(|h| h.offset);
    let (disassembly, tail) = check_code(uop, &code, &mut holes)?;
    Ok(Stencil { uop: uop.to_string(), shared_oparg, code, data, holes, tail, disassembly })
}

/// Disassembles, checks that code holes are only jumped to (never called, stored or
/// compared), and finds a trailing jump to the continuation that can be dropped.
fn check_code(uop: &str, code: &[u8], holes: &mut [Hole]) -> Result<(Vec<String>, u32), String> {
    let mut decoder = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::new();
    let mut instructions: Vec<Instruction> = Vec::new();
    let mut lines = Vec::new();
    for instr in &mut decoder {
        if instr.is_invalid() {
            return Err(format!("stencil {uop}: undecodable bytes at +{:#x}", instr.ip()));
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
                        return Err(format!(
                            "error: stencil for {uop} calls {:?} at +{:#x} instead of jumping to it: the continuation must be a tail call",
                            hole.kind,
                            user.ip()
                        ));
                    }
                    _ => return Err(format!("error: stencil for {uop} uses its {:?} hole as data (`{user}`)", hole.kind)),
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
        let (lines, tail) = check_code("T", &code, &mut holes).unwrap();
        assert_eq!(tail, 12);
        assert!(holes[0].jump, "the pair can become a direct jmp rel32");
        assert_eq!(lines.len(), 2);
        assert!(lines[1].contains("jmp rax"), "{lines:?}");
    }

    #[test]
    fn calling_the_continuation_is_refused() {
        let code = [&MOVABS_RAX[..], &CALL_RAX, &RET].concat();
        let err = check_code("T", &code, &mut continue_hole()).unwrap_err();
        assert!(err.contains("stencil for T calls Continue") && err.contains("tail call"), "{err}");
    }

    #[test]
    fn using_a_code_hole_as_data_is_refused() {
        // mov [rdi], rax; jmp rax
        let code = [&MOVABS_RAX[..], &[0x48, 0x89, 0x07], &JMP_RAX].concat();
        let err = check_code("T", &code, &mut continue_hole()).unwrap_err();
        assert!(err.contains("uses its Continue hole as data"), "{err}");
    }

    /// With the small code model rustc makes PC-relative relocations, which the JIT's
    /// copy and patch does not write: extraction names the uop and the relocation.
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
        let err = extract(&object, &[]).unwrap_err();
        assert!(err.contains("stencil for T uses relocation type") && err.contains("cannot patch"), "{err}");
    }
}
