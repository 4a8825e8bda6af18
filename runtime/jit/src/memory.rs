//! Executable memory, W^X: a region is either writable or executable, never both.
//!
//! `Arena` holds the code of all executors in one reserved range, handed out in
//! 16-byte blocks (first fit, freed blocks coalesce), so executors pack tightly instead
//! of taking a page each. Writing flips the touched pages to read-write and back to
//! read-execute. That is safe because no JIT frame of an executor is ever on the
//! stack while we write: executors tail-call each other, and we write only from tier 1
//! or from a cold exit, whose code lives in a region of its own.

use std::ptr::null_mut;

pub const PAGE: usize = 4096;
/// Alignment of each block: the start of every executor's code.
pub const ALIGN: usize = 16;

/// A mapping of `len` bytes, reserved and not yet accessible.
///
/// # Safety
/// The caller owns the returned range.
unsafe fn reserve(len: usize) -> *mut u8 {
    // SAFETY: an anonymous private mapping with no access; the kernel picks the address.
    let p = unsafe {
        libc::mmap(null_mut(), len, libc::PROT_NONE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE, -1, 0)
    };
    if p == libc::MAP_FAILED { null_mut() } else { p as *mut u8 }
}

/// Sets the protection of whole pages.
///
/// # Safety
/// `start..start+len` is inside a mapping we own, page aligned.
unsafe fn protect(start: *mut u8, len: usize, prot: libc::c_int) {
    // SAFETY: forwarded.
    let r = unsafe { libc::mprotect(start as *mut libc::c_void, len, prot) };
    assert_eq!(r, 0, "mprotect failed: {}", std::io::Error::last_os_error());
}

const RX: libc::c_int = libc::PROT_READ | libc::PROT_EXEC;
const RW: libc::c_int = libc::PROT_READ | libc::PROT_WRITE;

/// Copies `bytes` to `dst` inside a read-execute mapping: the pages go read-write for
/// the copy and back to read-execute.
///
/// # Safety
/// `dst..dst+len` is inside a mapping we own; no code in the touched pages runs until
/// this returns.
unsafe fn write_executable(dst: *mut u8, bytes: &[u8]) {
    let first = dst as usize & !(PAGE - 1);
    let last = (dst as usize + bytes.len()).div_ceil(PAGE) * PAGE;
    // SAFETY: the page range covers the destination and lies in our mapping.
    unsafe {
        protect(first as *mut u8, last - first, RW);
        dst.copy_from_nonoverlapping(bytes.as_ptr(), bytes.len());
        protect(first as *mut u8, last - first, RX);
    }
}

pub struct Arena {
    base: *mut u8,
    reserved: usize,
    /// Bytes at the start made accessible (read-execute) so far.
    committed: usize,
    /// Bytes handed out at the top (blocks below may be free).
    top: usize,
    /// Free blocks below `top`: (offset, length), sorted by offset.
    free: Vec<(usize, usize)>,
    /// Bytes in live blocks, and the part of them that is code or data (not padding).
    pub allocated: usize,
    pub used: usize,
}

impl Arena {
    pub fn new(reserved: usize) -> Option<Arena> {
        // SAFETY: we own the new reservation.
        let base = unsafe { reserve(reserved) };
        (!base.is_null()).then_some(Arena { base, reserved, committed: 0, top: 0, free: Vec::new(), allocated: 0, used: 0 })
    }

    /// Room for `len` bytes; returns the address.
    pub fn alloc(&mut self, len: usize) -> Option<*mut u8> {
        let size = len.div_ceil(ALIGN) * ALIGN;
        let offset = match self.free.iter().position(|&(_, l)| l >= size) {
            Some(i) => {
                let (at, l) = self.free[i];
                if l == size {
                    self.free.remove(i);
                } else {
                    self.free[i] = (at + size, l - size);
                }
                at
            }
            None => {
                if self.top + size > self.reserved {
                    return None;
                }
                let at = self.top;
                self.top += size;
                if self.top > self.committed {
                    let new = self.top.div_ceil(PAGE) * PAGE;
                    // SAFETY: the pages are inside our reservation.
                    unsafe { protect(self.base.add(self.committed), new - self.committed, RX) };
                    self.committed = new;
                }
                at
            }
        };
        self.allocated += size;
        self.used += len;
        // SAFETY: within the reservation.
        Some(unsafe { self.base.add(offset) })
    }

    /// Writes code into a block from `alloc`.
    ///
    /// # Safety
    /// `dst` came from `alloc` with room for `bytes`; see the module's note on running
    /// code.
    pub unsafe fn write(&mut self, dst: *mut u8, bytes: &[u8]) {
        // SAFETY: forwarded.
        unsafe { write_executable(dst, bytes) }
    }

    /// Returns a block.
    pub fn free(&mut self, at: *mut u8, len: usize) {
        let size = len.div_ceil(ALIGN) * ALIGN;
        let offset = at as usize - self.base as usize;
        self.allocated -= size;
        self.used -= len;
        let i = self.free.partition_point(|&(o, _)| o < offset);
        self.free.insert(i, (offset, size));
        // Coalesce with the neighbours, and give the top back.
        if i + 1 < self.free.len() && self.free[i].0 + self.free[i].1 == self.free[i + 1].0 {
            self.free[i].1 += self.free[i + 1].1;
            self.free.remove(i + 1);
        }
        if i > 0 && self.free[i - 1].0 + self.free[i - 1].1 == self.free[i].0 {
            self.free[i - 1].1 += self.free[i].1;
            self.free.remove(i);
        }
        if let Some(&(o, l)) = self.free.last()
            && o + l == self.top
        {
            self.top = o;
            self.free.pop();
        }
    }

    /// Bytes of the reservation made accessible.
    pub fn committed(&self) -> usize {
        self.committed
    }
}

/// A small read-execute region written once (the cold exits' code).
pub struct Region {
    pub base: *mut u8,
    pub len: usize,
}

impl Region {
    /// Maps `len` bytes of code made by `make`, which is given the address they will
    /// have (absolute holes need it). The region is read-write only while it is filled.
    pub fn new(len: usize, make: impl FnOnce(usize) -> Vec<u8>) -> Option<Region> {
        let mapped = len.div_ceil(PAGE) * PAGE;
        // SAFETY: a fresh reservation we own, written while read-write only.
        unsafe {
            let base = reserve(mapped);
            if base.is_null() {
                return None;
            }
            let bytes = make(base as usize);
            assert!(bytes.len() <= mapped);
            protect(base, mapped, RW);
            base.copy_from_nonoverlapping(bytes.as_ptr(), bytes.len());
            protect(base, mapped, RX);
            Some(Region { base, len: mapped })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_reused_and_coalesced() {
        let mut a = Arena::new(1 << 20).unwrap();
        let x = a.alloc(100).unwrap();
        let y = a.alloc(40).unwrap();
        let z = a.alloc(10).unwrap();
        assert_eq!(y as usize - x as usize, 112);
        a.free(y, 40);
        let w = a.alloc(30).unwrap();
        assert_eq!(w, y, "first fit reuses the hole");
        a.free(w, 30);
        a.free(x, 100);
        a.free(z, 10);
        assert_eq!((a.allocated, a.used, a.top), (0, 0, 0));
    }

    #[test]
    fn written_code_runs() {
        let mut a = Arena::new(1 << 20).unwrap();
        // mov eax, 42; ret
        let code = [0xb8, 42, 0, 0, 0, 0xc3];
        let p = a.alloc(code.len()).unwrap();
        // SAFETY: fresh block; nothing runs in it.
        unsafe { a.write(p, &code) };
        // SAFETY: the block holds a complete function returning an int.
        let f: extern "C" fn() -> i32 = unsafe { std::mem::transmute(p) };
        assert_eq!(f(), 42);
    }
}
