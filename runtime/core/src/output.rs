//! Standard output: one process-wide buffer that is never lost. `print` appends to it;
//! it is written out when full, at exit, before a traceback, and from the handlers of
//! the signals that end the program (SIGINT, SIGTERM, and SIGABRT, which an allocation
//! the runtime cannot turn into a MemoryError ends with): what a program printed
//! reaches stdout however it ends.
//!
//! The buffer is a fixed array behind a spin lock, so a signal handler can write it out
//! with `write(2)` alone. A signal that arrives while the lock is held (the program is
//! in the middle of a `print`) is left pending, and the `print` handles it when it
//! releases the lock.
//!
//! SIGINT is also the interpreters' business: once they poll for it (at loop back
//! edges), the handler only sets a flag and the running program raises
//! KeyboardInterrupt where it is, with its traceback, and may catch it.

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

/// CPython's buffer for a pipe or a file is 8 KiB; a larger one writes less often.
const CAPACITY: usize = 1 << 16;

struct Buffer {
    bytes: UnsafeCell<[u8; CAPACITY]>,
    len: UnsafeCell<usize>,
}

// SAFETY: `bytes` and `len` are only touched with `LOCK` held.
unsafe impl Sync for Buffer {}

static BUFFER: Buffer = Buffer { bytes: UnsafeCell::new([0; CAPACITY]), len: UnsafeCell::new(0) };
static LOCK: AtomicBool = AtomicBool::new(false);
/// A signal that arrived while `LOCK` was held (0: none).
static PENDING: AtomicI32 = AtomicI32::new(0);

/// Why writing to stdout failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The reader of the pipe has gone (EPIPE): CPython's BrokenPipeError.
    BrokenPipe,
}

fn lock() {
    while LOCK.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
        std::hint::spin_loop();
    }
}

fn unlock() {
    let signal = PENDING.swap(0, Ordering::AcqRel);
    if signal != 0 {
        // The signal came during this write: handle it now that the buffer is whole.
        // SAFETY: the lock is held; `handle` only writes and re-raises.
        unsafe { handle(signal) };
    }
    LOCK.store(false, Ordering::Release);
    if PENDING.load(Ordering::Acquire) != 0 {
        // It came between the check and the release.
        lock();
        unlock();
    }
}

/// Writes all of `bytes` to fd 1 with `write(2)` (async-signal-safe). Other errors
/// than EPIPE (stdout closed) drop the output, as before.
fn write_fd(fd: i32, mut bytes: &[u8]) -> Result<(), WriteError> {
    while !bytes.is_empty() {
        // SAFETY: a valid buffer of `bytes.len()` bytes.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n < 0 {
            let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            if errno == libc::EINTR {
                // A signal came (and is pending): finish writing first, so nothing
                // printed is lost; it is handled when the lock is released.
                continue;
            }
            if errno == libc::EPIPE {
                return Err(WriteError::BrokenPipe);
            }
            return Ok(());
        }
        bytes = &bytes[n as usize..];
    }
    Ok(())
}

/// Writes the buffer out and empties it (also when the write failed: what a closed
/// pipe refused cannot be delivered later).
///
/// # Safety
/// `LOCK` is held.
unsafe fn flush_locked() -> Result<(), WriteError> {
    // SAFETY: the lock is held.
    unsafe {
        let len = *BUFFER.len.get();
        *BUFFER.len.get() = 0;
        write_fd(1, &(&*BUFFER.bytes.get())[..len])
    }
}

/// Appends to standard output.
pub fn write(text: &[u8]) -> Result<(), WriteError> {
    lock();
    // SAFETY: the lock is held.
    let result = unsafe {
        let len = *BUFFER.len.get();
        if len + text.len() <= CAPACITY {
            (&mut (*BUFFER.bytes.get()))[len..len + text.len()].copy_from_slice(text);
            *BUFFER.len.get() = len + text.len();
            Ok(())
        } else {
            match flush_locked() {
                Ok(()) if text.len() <= CAPACITY => {
                    (&mut (*BUFFER.bytes.get()))[..text.len()].copy_from_slice(text);
                    *BUFFER.len.get() = text.len();
                    Ok(())
                }
                Ok(()) => write_fd(1, text),
                Err(e) => Err(e),
            }
        }
    };
    unlock();
    result
}

/// Writes the buffer out.
pub fn flush() -> Result<(), WriteError> {
    lock();
    // SAFETY: the lock is held.
    let result = unsafe { flush_locked() };
    unlock();
    result
}

/// Ends the process as `signal` does by default, after writing the buffer out (the
/// lock is held or the process is single-threaded at this point). SIGINT first
/// reports CPython's KeyboardInterrupt on stderr.
///
/// # Safety
/// Async-signal-safe: only `write(2)`, `signal(2)` and `raise(3)`.
unsafe fn handle(signal: i32) -> ! {
    // SAFETY: the caller holds the lock or has it taken for good.
    let _ = unsafe { flush_locked() };
    if signal == libc::SIGINT {
        // The handler cannot know which line the program was at, so the report has
        // CPython's last line without its frames.
        let _ = write_fd(2, b"Traceback (most recent call last):\nKeyboardInterrupt\n");
    }
    // SAFETY: restoring the default action and re-raising ends the process with the
    // signal's own status (130 / -2 for SIGINT, as CPython exits).
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        // The signal is blocked while its handler runs: unblock it, or it would only
        // be delivered after `_exit`.
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, signal);
        libc::sigprocmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(signal);
        libc::_exit(128 + signal)
    }
}

/// A SIGINT the interpreter has yet to raise as KeyboardInterrupt.
static INTERRUPT: AtomicBool = AtomicBool::new(false);
/// Whether an interpreter polls `INTERRUPT` (at loop back edges, in tier 1 and in
/// executors): until one does, and while a second SIGINT finds the first one still
/// pending, SIGINT ends the process from its handler.
static POLLED: AtomicBool = AtomicBool::new(false);
/// Calls that block in the kernel (reading stdin) without polling: a SIGINT during one
/// ends the process from its handler, as the read would not return to a poll.
static BLOCKING: AtomicI32 = AtomicI32::new(0);

/// The interpreter's word the handler sets besides `INTERRUPT` (the thread state's
/// `interrupt`, which compiled loops test without calling out).
static WORD: std::sync::atomic::AtomicPtr<u64> = std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());

/// From now on SIGINT is raised as KeyboardInterrupt where the interpreter polls: the
/// handler sets `word` (the thread state's `interrupt`, which must stay valid until
/// `stop_polling`).
pub fn poll_interrupts(word: *mut u64) {
    WORD.store(word, Ordering::Release);
    POLLED.store(true, Ordering::Release);
}

/// SIGINT ends the process from its handler again (the thread state goes away).
pub fn stop_polling() {
    POLLED.store(false, Ordering::Release);
    WORD.store(std::ptr::null_mut(), Ordering::Release);
}

/// Whether a SIGINT waits to be raised (one relaxed load: the interpreters test it at
/// every loop back edge).
#[inline(always)]
pub fn interrupt_pending() -> bool {
    INTERRUPT.load(Ordering::Relaxed)
}

/// Takes the waiting SIGINT, if any: the caller raises KeyboardInterrupt.
pub fn take_interrupt() -> bool {
    INTERRUPT.swap(false, Ordering::AcqRel)
}

/// Runs `f`, which blocks in the kernel without polling for interrupts.
pub fn blocking<T>(f: impl FnOnce() -> T) -> T {
    BLOCKING.fetch_add(1, Ordering::AcqRel);
    let r = f();
    BLOCKING.fetch_sub(1, Ordering::AcqRel);
    r
}

/// Ends the process by SIGINT, as CPython does after reporting an uncaught
/// KeyboardInterrupt (the shell sees status 130). Output is written out first.
pub fn exit_by_sigint() -> ! {
    let _ = flush();
    // SAFETY: restoring the default action and raising the signal ends the process;
    // `_exit` is the fallback should it not.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
        libc::_exit(128 + libc::SIGINT)
    }
}

extern "C" fn on_signal(signal: i32) {
    // A first SIGINT while an interpreter polls becomes a KeyboardInterrupt there.
    if signal == libc::SIGINT
        && POLLED.load(Ordering::Acquire)
        && BLOCKING.load(Ordering::Acquire) == 0
        && !INTERRUPT.swap(true, Ordering::AcqRel)
    {
        let word = WORD.load(Ordering::Acquire);
        if !word.is_null() {
            // SAFETY: `poll_interrupts` promised the word lives while polled; the
            // interpreter reads it with volatile loads on this same thread.
            unsafe { std::ptr::write_volatile(word, 1) };
        }
        return;
    }
    if LOCK.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_ok() {
        // SAFETY: the lock is taken for good; the process ends.
        unsafe { handle(signal) }
    }
    // A write is under way on this thread (or another): it handles the signal when it
    // releases the lock.
    PENDING.store(signal, Ordering::Release);
}

/// Installs the handlers of SIGINT, SIGTERM and SIGABRT (see the module doc). SIGINT
/// keeps its ignored state when the program was started with it ignored (as CPython
/// does, e.g. in a background job of a shell).
pub fn install_signal_handlers() {
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGABRT] {
        // SAFETY: installing a handler that only does async-signal-safe things; the
        // action structs are fully initialized.
        unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(signal, std::ptr::null(), &mut old);
            if signal == libc::SIGINT && old.sa_sigaction == libc::SIG_IGN {
                continue;
            }
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_signal as extern "C" fn(i32) as usize;
            libc::sigemptyset(&mut action.sa_mask);
            action.sa_flags = libc::SA_RESTART;
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}
