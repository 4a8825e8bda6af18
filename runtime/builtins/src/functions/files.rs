//! The builtin `open`: the file objects are written in Python
//! (`runtime/builtins/python/_stitch_files.py`, over the native `posix` module's
//! descriptors), so `open` imports that module on its first call and hands it the
//! arguments as given.

use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::{Owned, module};
use stitch_core::vm::Runtime;

/// The module holding the file objects.
const FILES_MODULE: &str = "_stitch_files";

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, ...)`.
pub fn open(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let m = Owned(crate::modules::import(rt, FILES_MODULE, true)?);
    // SAFETY: `import` returned a live module.
    let Some(open) = (unsafe { module::get(m.get(), "open") }) else {
        return Err(PyErr::unsupported("open() without its file module"));
    };
    stitch_core::ops::call::call(rt, open, args)
}
