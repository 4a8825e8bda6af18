//! `heapq.merge(*iterables, key=None, reverse=False)`: a lazy iterator over sorted
//! inputs. Like CPython's generator it reads the first item of every input on the
//! first `next`, and the next item of an input only when the following `next` needs
//! it; of equal items, the earlier input's comes first. It picks the least head by
//! a scan with `<` where CPython keeps a heap, so the comparisons it makes (and how
//! often a key's `__lt__` runs) differ, not the order of the items.

use stitch_abi::Value;
use stitch_core::errors::PyResult;
use stitch_core::objects::Owned;
use stitch_core::objects::builtin::Args;
use stitch_core::objects::native::{Native, new_native};
use stitch_core::ops::call::call_any;
use stitch_core::ops::compare::lt;
use std::any::Any;
use std::cell::RefCell;

struct State {
    iters: Vec<Option<Owned>>,
    /// Each input's current item and its key, while it has one.
    heads: Vec<Option<(Owned, Owned)>>,
    started: bool,
    /// The input whose item was handed out last: it advances on the next `next`.
    taken: Option<usize>,
}

struct Merge {
    state: RefCell<State>,
    key: Option<Owned>,
    reverse: bool,
}

/// `heapq.merge`.
pub fn merge(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::check_keywords("merge", args, &["key", "reverse"])?;
    let key = crate::args::keyword(args, "key").filter(|&k| k != Value::NONE).map(Owned::new_ref);
    let reverse = crate::args::keyword(args, "reverse").is_some_and(stitch_core::ops::truthy);
    let mut iters = Vec::new();
    for &a in args.positional {
        iters.push(Some(Owned(stitch_core::ops::get_iter(a)?)));
    }
    let heads = iters.iter().map(|_| None).collect();
    Ok(new_native(Box::new(Merge { state: RefCell::new(State { iters, heads, started: false, taken: None }), key, reverse })))
}

use stitch_core::vm::Runtime;

impl Merge {
    /// Reads input `i`'s next item into its head (or drops the input at its end).
    fn advance(&self, i: usize) -> PyResult<()> {
        let it = self.state.borrow().iters[i].clone();
        let Some(it) = it else { return Ok(()) };
        // The state is not borrowed while Python code (the iterator, the key) runs.
        let item = stitch_core::ops::iter_next(it.get())?.map(Owned);
        let head = match item {
            Some(v) => {
                let k = match &self.key {
                    Some(f) => Owned(call_any(f.get(), &Args { positional: &[v.get()], keywords: &[] })?),
                    None => v.clone(),
                };
                Some((v, k))
            }
            None => {
                self.state.borrow_mut().iters[i] = None;
                None
            }
        };
        self.state.borrow_mut().heads[i] = head;
        Ok(())
    }

    fn step(&self) -> PyResult<Option<Value>> {
        let started = self.state.borrow().started;
        if !started {
            self.state.borrow_mut().started = true;
            let n = self.state.borrow().iters.len();
            for i in 0..n {
                self.advance(i)?;
            }
        } else {
            let taken = self.state.borrow_mut().taken.take();
            if let Some(i) = taken {
                self.advance(i)?;
            }
        }
        let keys: Vec<Option<Owned>> = self.state.borrow().heads.iter().map(|h| h.as_ref().map(|(_, k)| k.clone())).collect();
        let mut best: Option<usize> = None;
        for (i, k) in keys.iter().enumerate() {
            let Some(k) = k else { continue };
            let better = match best {
                None => true,
                Some(b) => {
                    let bk = keys[b].as_ref().map(Owned::get).unwrap_or(Value::NONE);
                    if self.reverse { lt(bk, k.get())? } else { lt(k.get(), bk)? }
                }
            };
            if better {
                best = Some(i);
            }
        }
        let Some(b) = best else { return Ok(None) };
        let mut st = self.state.borrow_mut();
        st.taken = Some(b);
        Ok(st.heads[b].take().map(|(v, _)| v.into_raw()))
    }
}

impl Native for Merge {
    fn type_name(&self) -> &'static str {
        "generator"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        if let Ok(st) = self.state.try_borrow() {
            st.iters.iter().flatten().for_each(|i| visit(i.get()));
            for (v, k) in st.heads.iter().flatten() {
                visit(v.get());
                visit(k.get());
            }
        }
        // The key function is not reported: `clear` cannot drop it, so the collector
        // must count it as held from outside.
    }
    fn clear(&self) {
        let old = std::mem::replace(
            &mut *self.state.borrow_mut(),
            State { iters: Vec::new(), heads: Vec::new(), started: true, taken: None },
        );
        drop(old);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, _me: Value) -> Option<PyResult<Option<Value>>> {
        Some(self.step())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
