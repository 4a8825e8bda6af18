//! The interpreter's side of class statements: a class body's frame becomes the
//! class's namespace (LOAD_LOCALS); BUILD_CLASS then makes the class
//! (`stitch_core::classes`).

use crate::frames::code_of;
use stitch_abi::access::local;
use stitch_abi::{Cell, Frame, KIND_CELL, Value};
use stitch_core::errors::PyResult;
use stitch_core::objects::{dict, str as strs};

/// The bound locals of a class body's frame as a new dict, in slot order (the order
/// the body first bound them). A cell local holds its value in the cell; the
/// `__class__` cell itself goes in as `__classcell__`, for BUILD_CLASS to fill.
///
/// # Safety
/// `frame` is a live frame of a class body.
pub unsafe fn load_locals(frame: *mut Frame) -> PyResult<Value> {
    // SAFETY: the frame is live; its first `firstfree` slots are its own locals.
    unsafe {
        let code = code_of(frame);
        let d = dict::new_dict();
        for i in 0..code.firstfree {
            let mut v = *local(frame, i);
            if v.is_null() {
                continue;
            }
            let name = code.varnames[i as usize].as_str();
            let key_name = if v.is_kind(KIND_CELL) && name == "__class__" {
                "__classcell__"
            } else {
                if v.is_kind(KIND_CELL) {
                    v = (*v.cast::<Cell>()).value;
                    if v.is_null() {
                        continue;
                    }
                }
                name
            };
            let k = strs::new_str(key_name);
            let h = strs::as_str(k).hash();
            v.incref();
            dict::set(d.cast(), k, h, v);
        }
        Ok(d)
    }
}
