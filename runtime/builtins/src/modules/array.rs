//! `array.array` with the numeric typecodes (`b B h H i I l L q Q f d`; the
//! platform's C sizes of x86-64 Linux). Items are kept as i128 or f64 and checked
//! against the typecode's C range when stored, with the OverflowError each of
//! CPython's conversions gives (`b` converts through a C short first, `H` through a C
//! int, so their messages name those types for values outside them); `f` rounds
//! through a C float. The `u` typecode, bytes and buffers are outside the subset.

use crate::args::{bind, no_keywords, takes};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::native::{Native, downcast, new_native};
use stitch_core::objects::slice::Slice;
use stitch_core::objects::{Owned, bigint, list};
use stitch_core::ops::num::{Int, as_int};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;
use std::any::Any;
use std::cell::RefCell;

pub fn namespace() -> Value {
    super::namespace_of(&[], vec![("array", super::native_type("array.array")), ("typecodes", stitch_core::objects::str::new_str("bBuhHiIlLqQfd"))])
}

#[derive(Clone, Copy, PartialEq)]
enum Item {
    I(i128),
    F(f64),
}

pub struct Array {
    code: char,
    items: RefCell<Vec<Item>>,
}

fn item_value(i: Item) -> Value {
    match i {
        Item::I(n) => bigint::from_i128(n),
        Item::F(f) => Value::float(f),
    }
}

fn overflow(m: &str) -> PyErr {
    PyErr::overflow(m)
}

/// `v` converted for an array of typecode `code`, with CPython's errors.
fn convert(code: char, v: Value) -> PyResult<Item> {
    if matches!(code, 'f' | 'd') {
        let f = if v.is_float() {
            v.as_float()
        } else if let Some(i) = as_int(v) {
            i.to_f64()?
        } else {
            return Err(PyErr::type_error(format!("must be real number, not {}", type_name(v))));
        };
        return Ok(Item::F(if code == 'f' { f as f32 as f64 } else { f }));
    }
    let Some(i) = as_int(v) else {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))));
    };
    let wide = i.to_i128().filter(|&n| n >= -(1i128 << 64) && n < (1i128 << 64));
    let neg = i.is_negative();
    let range = |n: i128, lo: i128, hi: i128, name: &str| -> PyResult<()> {
        if n < lo {
            Err(overflow(&format!("{name} is less than minimum")))
        } else if n > hi {
            Err(overflow(&format!("{name} is greater than maximum")))
        } else {
            Ok(())
        }
    };
    let c_long = |w: Option<i128>| -> PyResult<i128> {
        w.filter(|&n| n >= i64::MIN as i128 && n <= i64::MAX as i128)
            .ok_or_else(|| overflow("Python int too large to convert to C long"))
    };
    let n = match code {
        'b' => {
            let n = c_long(wide)?;
            range(n, i16::MIN as i128, i16::MAX as i128, "signed short integer")?;
            range(n, -128, 127, "signed char")?;
            n
        }
        'B' => {
            let n = c_long(wide)?;
            range(n, 0, 255, "unsigned byte integer")?;
            n
        }
        'h' => {
            let n = c_long(wide)?;
            range(n, i16::MIN as i128, i16::MAX as i128, "signed short integer")?;
            n
        }
        'H' => {
            let n = c_long(wide)?;
            range(n, i32::MIN as i128, i32::MAX as i128, "signed integer")?;
            range(n, 0, u16::MAX as i128, "unsigned short")?;
            n
        }
        'i' => {
            let n = c_long(wide)?;
            range(n, i32::MIN as i128, i32::MAX as i128, "signed integer")?;
            n
        }
        'l' => c_long(wide)?,
        'I' | 'L' => {
            if neg {
                return Err(overflow("can't convert negative value to unsigned int"));
            }
            let n = wide.filter(|&n| n <= u64::MAX as i128).ok_or_else(|| overflow("Python int too large to convert to C unsigned long"))?;
            if code == 'I' && n > u32::MAX as i128 {
                return Err(overflow("unsigned int is greater than maximum"));
            }
            n
        }
        'q' => wide.filter(|&n| n >= i64::MIN as i128 && n <= i64::MAX as i128).ok_or_else(|| overflow("int too big to convert"))?,
        _ => {
            if neg {
                return Err(overflow("can't convert negative int to unsigned"));
            }
            wide.filter(|&n| n <= u64::MAX as i128).ok_or_else(|| overflow("int too big to convert"))?
        }
    };
    Ok(Item::I(n))
}

fn itemsize(code: char) -> i64 {
    match code {
        'b' | 'B' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' => 4,
        _ => 8,
    }
}

fn new_array(code: char, items: Vec<Item>) -> Value {
    new_native(Box::new(Array { code, items: RefCell::new(items) }))
}

/// The items of an iterable converted for `code` (another array's are taken as they are
/// when it has the same typecode).
fn collect(code: char, iterable: Value) -> PyResult<Vec<Item>> {
    if let Some(other) = downcast::<Array>(iterable) {
        if other.code == code {
            return Ok(other.items.borrow().clone());
        }
        return Err(PyErr::type_error("can only extend with array of same kind"));
    }
    let it = Owned(stitch_core::ops::get_iter(iterable)?);
    let mut out = Vec::new();
    while let Some(v) = stitch_core::ops::iter_next(it.get())? {
        let v = Owned(v);
        out.push(convert(code, v.get())?);
    }
    Ok(out)
}

/// `array.array(typecode[, initializer])`.
pub fn array(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("array.array", args)?;
    let p = bind("array", args, 0, &["typecode", "initializer"], 2, 1)?;
    let tc = p[0].unwrap_or(Value::NONE);
    // SAFETY: the kind is checked first.
    let code = if tc.is_kind(KIND_STR) { unsafe { stitch_core::objects::str::text(tc) }? } else { "" };
    let mut chars = code.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if "bBhHiIlLqQfd".contains(c) => c,
        (Some('u'), None) => return Err(PyErr::unsupported("array typecode 'u'")),
        (Some(_), None) => return Err(PyErr::value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")),
        _ if tc.is_kind(KIND_STR) => {
            return Err(PyErr::type_error(format!("array() argument 1 must be a unicode character, not str")));
        }
        _ => return Err(PyErr::type_error(format!("array() argument 1 must be a unicode character, not {}", type_name(tc)))),
    };
    let items = match p[1] {
        None => Vec::new(),
        Some(v) if v.is_kind(KIND_STR) => {
            return Err(PyErr::type_error(format!("cannot use a str to initialize an array with typecode '{code}'")));
        }
        Some(v) => match downcast::<Array>(v) {
            // Another typecode's array gives its items converted.
            Some(other) if other.code != code => {
                let values: Vec<Owned> = other.items.borrow().iter().map(|&i| Owned(item_value(i))).collect();
                values.iter().map(|v| convert(code, v.get())).collect::<PyResult<_>>()?
            }
            _ => collect(code, v)?,
        },
    };
    Ok(new_array(code, items))
}

fn normalize(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

fn index_arg(v: Value) -> PyResult<i64> {
    match as_int(v) {
        Some(Int::Small(i)) => Ok(i),
        Some(i) => Ok(i.to_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX })),
        None => Err(PyErr::type_error("array indices must be integers")),
    }
}

impl Native for Array {
    fn type_name(&self) -> &'static str {
        "array"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn iter(&self) -> Option<PyResult<Value>> {
        // Iterates a snapshot, as a list's items.
        let l = Owned(self.tolist());
        Some(Ok(stitch_core::objects::iter::new_list_iter(l.get())))
    }
    fn len(&self) -> Option<usize> {
        Some(self.items.borrow().len())
    }
    fn repr(&self) -> Option<PyResult<String>> {
        Some((|| {
            if self.items.borrow().is_empty() {
                return Ok(format!("array('{}')", self.code));
            }
            let l = Owned(self.tolist());
            Ok(format!("array('{}', {})", self.code, stitch_core::ops::repr(l.get())?))
        })())
    }
    fn getitem(&self, sub: Value) -> Option<PyResult<Value>> {
        Some((|| {
            let items = self.items.borrow();
            if sub.is_kind(KIND_SLICE) {
                // SAFETY: the kind was checked.
                let ix = stitch_core::ops::slice::indices(unsafe { &*sub.cast::<Slice>() }, items.len())?;
                return Ok(new_array(self.code, ix.positions().map(|k| items[k]).collect()));
            }
            let i = normalize(index_arg(sub)?, items.len()).ok_or_else(|| PyErr::index_error("array index out of range"))?;
            Ok(item_value(items[i]))
        })())
    }
    fn setitem(&self, sub: Value, value: Value) -> Option<PyResult<()>> {
        Some((|| {
            if sub.is_kind(KIND_SLICE) {
                return Err(PyErr::unsupported("slice assignment to an array"));
            }
            let i = index_arg(sub)?;
            let item = convert(self.code, value)?;
            let mut items = self.items.borrow_mut();
            let i = normalize(i, items.len()).ok_or_else(|| PyErr::index_error("array assignment index out of range"))?;
            items[i] = item;
            Ok(())
        })())
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        match name {
            "typecode" => Some(Ok(stitch_core::objects::str::new_str(&self.code.to_string()))),
            "itemsize" => Some(Ok(Value::int(itemsize(self.code)))),
            _ => None,
        }
    }
    fn eq(&self, other: &dyn Native) -> Option<PyResult<bool>> {
        let other = other.as_any().downcast_ref::<Array>()?;
        let (a, b) = (self.items.borrow(), other.items.borrow());
        Some(Ok(a.len() == b.len()
            && a.iter().zip(b.iter()).all(|(x, y)| match (*x, *y) {
                (Item::I(p), Item::I(q)) => p == q,
                (Item::F(p), Item::F(q)) => p == q,
                (Item::I(p), Item::F(q)) | (Item::F(q), Item::I(p)) => p as f64 == q && (q as i128) == p,
            })))
    }
    fn binary(&self, a: Value, b: Value, op: u32) -> Option<PyResult<Value>> {
        let me = downcast::<Array>(a).filter(|x| std::ptr::eq(*x, self))?;
        match op {
            o if o == NB_ADD || o == NB_ADD | NB_INPLACE => {
                let Some(other) = downcast::<Array>(b) else {
                    return Some(Err(PyErr::type_error(format!(
                        "can only append array (not \"{}\") to array",
                        type_name(b)
                    ))));
                };
                if other.code != me.code {
                    return Some(Err(PyErr::type_error("bad argument type for built-in operation")));
                }
                let extra = other.items.borrow().clone();
                if o & NB_INPLACE != 0 {
                    me.items.borrow_mut().extend(extra);
                    a.incref();
                    return Some(Ok(a));
                }
                let mut items = me.items.borrow().clone();
                items.extend(extra);
                Some(Ok(new_array(me.code, items)))
            }
            NB_MULTIPLY => {
                let n = as_int(b)?.to_i64().unwrap_or(0).max(0) as usize;
                let items = me.items.borrow();
                let mut out = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    out.extend_from_slice(&items);
                }
                Some(Ok(new_array(me.code, out)))
            }
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Array {
    fn tolist(&self) -> Value {
        list::from_vec(self.items.borrow().iter().map(|&i| item_value(i)).collect())
    }
}

pub const ARRAY_METHODS: &[(&str, BuiltinFn)] = &[
    ("append", append),
    ("extend", extend),
    ("pop", pop),
    ("insert", insert),
    ("remove", remove),
    ("index", index),
    ("count", count),
    ("reverse", reverse),
    ("tolist", tolist),
];

fn this<'a>(args: &Args<'a>, method: &str, min: usize, max: usize) -> PyResult<(&'a Array, &'a [Value])> {
    no_keywords(method, args)?;
    let a = args.positional.first().and_then(|&v| downcast::<Array>(v)).ok_or_else(|| {
        PyErr::type_error(format!("descriptor '{method}' for 'array.array' objects doesn't apply to this object"))
    })?;
    Ok((a, takes(method, args, 1, min, max)?))
}

fn append(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, x) = this(args, "append", 1, 1)?;
    let item = convert(a.code, x[0])?;
    a.items.borrow_mut().push(item);
    Ok(Value::NONE)
}

fn extend(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, x) = this(args, "extend", 1, 1)?;
    let items = collect(a.code, x[0])?;
    a.items.borrow_mut().extend(items);
    Ok(Value::NONE)
}

fn pop(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, x) = this(args, "pop", 0, 1)?;
    let i = match x.first() {
        Some(&v) => index_arg(v)?,
        None => -1,
    };
    let mut items = a.items.borrow_mut();
    if items.is_empty() {
        return Err(PyErr::index_error("pop from empty array"));
    }
    let i = normalize(i, items.len()).ok_or_else(|| PyErr::index_error("pop index out of range"))?;
    Ok(item_value(items.remove(i)))
}

fn insert(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, x) = this(args, "insert", 2, 2)?;
    let i = index_arg(x[0])?;
    let item = convert(a.code, x[1])?;
    let mut items = a.items.borrow_mut();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, item);
    Ok(Value::NONE)
}

/// The position of the first item equal to `x`.
fn find(a: &Array, x: Value) -> PyResult<Option<usize>> {
    let items: Vec<Owned> = a.items.borrow().iter().map(|&i| Owned(item_value(i))).collect();
    for (k, v) in items.iter().enumerate() {
        if stitch_core::ops::eq(v.get(), x)? {
            return Ok(Some(k));
        }
    }
    Ok(None)
}

fn remove(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, x) = this(args, "remove", 1, 1)?;
    let k = find(a, x[0])?.ok_or_else(|| PyErr::value_error("array.remove(x): x not in array"))?;
    a.items.borrow_mut().remove(k);
    Ok(Value::NONE)
}

fn index(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, x) = this(args, "index", 1, 1)?;
    let k = find(a, x[0])?.ok_or_else(|| PyErr::value_error("array.index(x): x not in array"))?;
    Ok(Value::int(k as i64))
}

fn count(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, x) = this(args, "count", 1, 1)?;
    let items: Vec<Owned> = a.items.borrow().iter().map(|&i| Owned(item_value(i))).collect();
    let mut n = 0;
    for v in &items {
        if stitch_core::ops::eq(v.get(), x[0])? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn reverse(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, _) = this(args, "reverse", 0, 0)?;
    a.items.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn tolist(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (a, _) = this(args, "tolist", 0, 0)?;
    Ok(a.tolist())
}
