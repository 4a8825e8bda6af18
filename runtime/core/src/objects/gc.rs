//! The cycle collector: frees containers that only reference each other.
//!
//! Reference counting frees everything but cycles. Every container (list, tuple, dict,
//! function, cell, bound method, iterator) is allocated with a `GcHead` in front of its
//! header, which links it into one of three generations (intrusive doubly-linked
//! circular lists, as CPython's `Modules/gcmodule.c`): linking a new container and
//! unlinking a freed one are a few stores, and the value layouts do not change (a
//! value still points at the `Object` header). `TRACKED_FLAG` in the header says the
//! object has a `GcHead`.
//!
//! Allocating a container counts; when the youngest generation's count passes 700 the
//! collector runs before the new container is made (CPython 3.11's thresholds 700/10/10,
//! and a full collection only once the survivors pending exceed a quarter of the
//! long-lived ones). A collection of generation `g` (the younger ones merged into it):
//!
//! 1. copies each object's reference count into `refs`,
//! 2. subtracts the references the objects being collected hold to each other (each
//!    kind's `traverse`): what is left is held from outside (frames, the runtime,
//!    executors, Rust temporaries, older generations),
//! 3. marks what those objects reach,
//! 4. moves the reachable ones to the next generation and frees the rest: each is
//!    held once more, its references dropped (each kind's `clear`), then released,
//!    so they are freed by reference counting (iteratively, see `objects::free`).
//!
//! `traverse` must visit only references the object owns (a missed one only keeps
//! garbage alive; a visited borrowed one would free a live object). A collection only
//! runs inside the allocation of a container, so the containers are consistent then:
//! nothing allocates a container while a list's or dict's storage is half changed.
//! Immortal objects are never allocated here (their counts keep them reachable anyway).

use super::{Owned, builtin, dict, function, iter, list, tuple};
use stitch_abi::{Cell as CellObject, Object, Value};
use std::alloc::{Layout, alloc, dealloc};
use std::cell::Cell;
use std::ptr::null_mut;

/// Header flag: the object was allocated with a `GcHead` and is linked into a list.
pub const TRACKED_FLAG: u8 = 0x40;
/// Header flag: the object is in the generation being collected (its head's `prev`
/// holds its index while it is).
const COLLECTING_FLAG: u8 = 0x80;

/// The links in front of every container.
#[repr(C)]
struct GcHead {
    next: *mut GcHead,
    prev: *mut GcHead,
}

const HEAD: usize = size_of::<GcHead>();
const GENERATIONS: usize = 3;
const THRESHOLDS: [usize; GENERATIONS] = [700, 10, 10];

struct State {
    /// The generations' list heads (sentinels), null until first used.
    heads: Cell<*mut GcHead>,
    /// Generation 0: containers allocated minus freed since its last collection;
    /// older ones: collections of the next younger generation since theirs.
    counts: [Cell<usize>; GENERATIONS],
    /// Objects in the oldest generation after its last collection, and survivors moved
    /// there since.
    long_lived_total: Cell<usize>,
    long_lived_pending: Cell<usize>,
    collecting: Cell<bool>,
    /// The youngest generation's threshold (`set_threshold`).
    threshold: Cell<usize>,
    /// Containers freed by collections (for tests and statistics).
    collected: Cell<usize>,
    /// Automatic collection (`gc.disable()` turns it off; `collect()` still runs).
    enabled: Cell<bool>,
}

thread_local! {
    // No destructor: frees at thread exit still find it.
    static STATE: State = const {
        State {
            heads: Cell::new(null_mut()),
            counts: [const { Cell::new(0) }; GENERATIONS],
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            collecting: Cell::new(false),
            threshold: Cell::new(THRESHOLDS[0]),
            collected: Cell::new(0),
            enabled: Cell::new(true),
        }
    };
}

/// The head of generation `g`.
fn head(s: &State, g: usize) -> *mut GcHead {
    let mut heads = s.heads.get();
    if heads.is_null() {
        // One allocation for the thread's life (never freed: objects may be freed at
        // thread exit and unlink themselves from these lists).
        heads = Box::into_raw(Box::new([const { GcHead { next: null_mut(), prev: null_mut() } }; GENERATIONS]))
            as *mut GcHead;
        for i in 0..GENERATIONS {
            // SAFETY: `heads` holds GENERATIONS sentinels; each starts as an empty list.
            unsafe { init(heads.add(i)) };
        }
        s.heads.set(heads);
    }
    // SAFETY: g < GENERATIONS.
    unsafe { heads.add(g) }
}

/// Makes `h` an empty list.
///
/// # Safety
/// `h` is a valid `GcHead`.
unsafe fn init(h: *mut GcHead) {
    // SAFETY: forwarded.
    unsafe {
        (*h).next = h;
        (*h).prev = h;
    }
}

/// Appends `node` to the list `list`.
///
/// # Safety
/// Both are valid heads; `node` is in no list (or its links are about to be rewritten).
unsafe fn append(node: *mut GcHead, list: *mut GcHead) {
    // SAFETY: the list's links are valid.
    unsafe {
        let last = (*list).prev;
        (*node).prev = last;
        (*node).next = list;
        (*last).next = node;
        (*list).prev = node;
    }
}

/// Unlinks `node` from its list.
///
/// # Safety
/// `node` is linked into a list whose links are valid.
unsafe fn unlink(node: *mut GcHead) {
    // SAFETY: forwarded.
    unsafe {
        let prev = (*node).prev;
        let next = (*node).next;
        (*prev).next = next;
        (*next).prev = prev;
    }
}

/// Moves every node of `from` to the end of `to`, leaving `from` empty.
///
/// # Safety
/// Both are valid list heads.
unsafe fn splice(from: *mut GcHead, to: *mut GcHead) {
    // SAFETY: the lists' links are valid.
    unsafe {
        if (*from).next == from {
            return;
        }
        let first = (*from).next;
        let last = (*from).prev;
        let tail = (*to).prev;
        (*tail).next = first;
        (*first).prev = tail;
        (*last).next = to;
        (*to).prev = last;
        init(from);
    }
}

/// The head in front of a tracked object.
fn head_of(o: *mut Object) -> *mut GcHead {
    // Pointer arithmetic only (wrapping): dereferencing the result is the caller's,
    // with the object's `TRACKED_FLAG` as the proof that the head is there.
    (o as *mut u8).wrapping_sub(HEAD) as *mut GcHead
}

/// The object behind a head.
fn object_of(h: *mut GcHead) -> *mut Object {
    (h as *mut u8).wrapping_add(HEAD) as *mut Object
}

/// The allocation of a container of `layout` with its head: the whole layout, and
/// where the object starts in it (always `HEAD`: objects are at most 8-aligned).
fn with_head(layout: Layout) -> Option<Layout> {
    let (full, offset) = Layout::new::<GcHead>().extend(layout).ok()?;
    (offset == HEAD).then_some(full)
}

/// Memory for a container of `layout`, behind a head (null when there is none). The
/// caller writes the object, then calls `track`. May run a collection first.
pub fn alloc_object(layout: Layout) -> *mut u8 {
    maybe_collect();
    let Some(full) = with_head(layout) else { return null_mut() };
    // SAFETY: the layout is non-zero (it holds a head).
    let p = unsafe { alloc(full) };
    if p.is_null() { p } else { p.wrapping_add(HEAD) }
}

/// Links a container just written into memory from `alloc_object` into the youngest
/// generation.
///
/// # Safety
/// `o` came from `alloc_object` and holds a fully initialized object.
pub unsafe fn track(o: *mut Object) {
    STATE.with(|s| {
        let young = head(s, 0);
        // SAFETY: `o` has a head in front of it (it came from `alloc_object`).
        unsafe {
            (*o).flags |= TRACKED_FLAG;
            append(head_of(o), young);
        }
        s.counts[0].set(s.counts[0].get() + 1);
    });
}

/// Frees the memory of a container of `layout` (from `alloc_object`), unlinking it.
///
/// # Safety
/// `o` came from `alloc_object` with this layout, was tracked, and is not used again.
pub unsafe fn dealloc_object(o: *mut Object, layout: Layout) {
    // SAFETY: a tracked object is linked and has its head in front of it.
    unsafe {
        let h = head_of(o);
        unlink(h);
        let full = with_head(layout).unwrap_or(layout);
        dealloc(h as *mut u8, full);
    }
    let _ = STATE.try_with(|s| s.counts[0].set(s.counts[0].get().saturating_sub(1)));
}

/// A new tracked container holding `object` (as `Box::new` would, behind a head).
pub fn new_tracked<T>(object: T) -> *mut T {
    let layout = Layout::new::<T>();
    let p = alloc_object(layout) as *mut T;
    if p.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    // SAFETY: `p` is fresh memory for a T; T starts with an `Object` header.
    unsafe {
        p.write(object);
        track(p as *mut Object);
    }
    p
}

/// Takes a container made by `new_tracked` (or, untracked, by `Box::new`) apart: its
/// memory is freed and its contents returned.
///
/// # Safety
/// `p` has no references left and is not used again.
pub unsafe fn take<T>(p: *mut T) -> T {
    // SAFETY: a live object starts with a header; the flag says how it was allocated.
    unsafe {
        if (*(p as *mut Object)).flags & TRACKED_FLAG != 0 {
            let object = p.read();
            dealloc_object(p as *mut Object, Layout::new::<T>());
            object
        } else {
            *Box::from_raw(p)
        }
    }
}

/// Calls `visit` with each reference `o` owns that may lead to a container.
///
/// # Safety
/// `o` is a live, consistent object.
unsafe fn traverse(o: *mut Object, visit: &mut dyn FnMut(Value)) {
    use stitch_abi::*;
    let v = Value::from_object(o);
    // SAFETY: the kind says which struct the object is.
    unsafe {
        match (*o).kind {
            KIND_LIST => {
                list::items(v.cast::<List>()).iter().for_each(|&i| visit(i));
                if let Some(s) = super::subclass::subclass_of(v) {
                    visit(s);
                }
            }
            KIND_TUPLE => {
                tuple::items(v.cast::<Tuple>()).iter().for_each(|&i| visit(i));
                if let Some(s) = super::subclass::subclass_of(v) {
                    visit(s);
                }
            }
            KIND_DICT => {
                dict::entries(v.cast::<Dict>()).for_each(|e| {
                    visit(e.key);
                    visit(e.value)
                });
                if let Some(s) = super::subclass::subclass_of(v) {
                    visit(s);
                }
            }
            KIND_SET | KIND_FROZENSET => super::set::entries(v.cast()).iter().for_each(|e| visit(e.key)),
            KIND_FUNCTION => function::traverse(v.cast::<Function>(), visit),
            KIND_CELL => visit((*v.cast::<CellObject>()).value),
            KIND_BOUND_METHOD => {
                let m = v.cast::<builtin::BoundMethod>();
                visit((*m).func);
                visit((*m).receiver);
            }
            KIND_LIST_ITER => visit(Value::from_object((*v.cast::<ListIter>()).list)),
            // An instance's or class's own cycles run through its dict, which `clear`
            // empties.
            KIND_INSTANCE => {
                let i = v.cast::<super::class::Instance>();
                visit((*i).class);
                visit((*i).dict);
            }
            KIND_CLASS => {
                let c = &*v.cast::<super::class::ClassObject>();
                c.bases.iter().chain(&c.mro).for_each(|&b| visit(b));
                visit(c.dict);
                if !c.meta.get().is_null() {
                    visit(c.meta.get());
                }
            }
            KIND_TUPLE_ITER | KIND_STR_ITER | KIND_DICT_ITER | KIND_ENUMERATE | KIND_ZIP | KIND_REVERSED
            | KIND_LONG_RANGE_ITER | KIND_MAP | KIND_FILTER | KIND_SET_ITER | stitch_abi::KIND_BYTES_ITER => iter::traverse(&(*v.cast::<iter::Iter>()).state, visit),
            KIND_NATIVE => super::native::traverse(v, visit),
            KIND_GENERATOR => super::generator::traverse(super::generator::as_generator(v), visit),
            _ => {}
        }
    }
}

/// Drops the references of `o` that can close a cycle (CPython's `tp_clear`): every
/// cycle goes through a mutable container, so lists, dicts, cells and functions are
/// enough; the rest are freed when those release them.
///
/// # Safety
/// `o` is a live object the collector holds a reference to.
unsafe fn clear(o: *mut Object) {
    use stitch_abi::*;
    let v = Value::from_object(o);
    // SAFETY: the kind says which struct the object is; the dropped references were
    // owned by it.
    unsafe {
        match (*o).kind {
            KIND_LIST => {
                if super::subclass::flagged(v.cast::<List>()) {
                    super::subclass::detach(v);
                }
                list::with_vec(v.cast::<List>(), std::mem::take).into_iter().for_each(Value::decref)
            }
            KIND_DICT => {
                if super::subclass::flagged(v.cast::<Dict>()) {
                    super::subclass::detach(v);
                }
                dict::clear(v.cast::<Dict>())
            }
            KIND_SET => super::set::clear(v.cast()),
            KIND_CELL => std::mem::replace(&mut (*v.cast::<CellObject>()).value, Value::NULL).decref(),
            KIND_FUNCTION => function::clear(v.cast::<Function>()),
            KIND_NATIVE => super::native::clear(v),
            KIND_GENERATOR => super::generator::clear(super::generator::as_generator(v)),
            _ => {}
        }
    }
}

/// Counts an allocation and collects when a generation is due (CPython's
/// `collect_generations`).
fn maybe_collect() {
    STATE.with(|s| {
        if s.counts[0].get() <= s.threshold.get() || s.collecting.get() || !s.enabled.get() {
            return;
        }
        for g in (0..GENERATIONS).rev() {
            let threshold = if g == 0 { s.threshold.get() } else { THRESHOLDS[g] };
            if s.counts[g].get() > threshold {
                if g == GENERATIONS - 1 && s.long_lived_pending.get() < s.long_lived_total.get() / 4 {
                    continue;
                }
                collect_generation(s, g);
                break;
            }
        }
    })
}

/// Sets the youngest generation's threshold (CPython's `gc.set_threshold(n)`): 0
/// collects at every container allocated, which tests use to shake out containers
/// left inconsistent while something allocates.
pub fn set_threshold(n: usize) {
    STATE.with(|s| s.threshold.set(n));
}

/// `gc.enable()`/`gc.disable()`.
pub fn set_enabled(on: bool) {
    STATE.with(|s| s.enabled.set(on));
}

/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    STATE.with(|s| s.enabled.get())
}

/// The youngest generation's threshold and the older ones' (`gc.get_threshold()`).
pub fn thresholds() -> [usize; GENERATIONS] {
    STATE.with(|s| [s.threshold.get(), THRESHOLDS[1], THRESHOLDS[2]])
}

/// The generations' counts (`gc.get_count()`).
pub fn counts() -> [usize; GENERATIONS] {
    STATE.with(|s| [s.counts[0].get(), s.counts[1].get(), s.counts[2].get()])
}

/// Collects every generation (what `gc.collect()` does); returns how many containers
/// were freed.
pub fn collect() -> usize {
    STATE.with(|s| if s.collecting.get() { 0 } else { collect_generation(s, GENERATIONS - 1) })
}

/// Containers freed by collections on this thread so far.
pub fn collected() -> usize {
    STATE.with(|s| s.collected.get())
}

/// Collects generation `g` and the younger ones; returns how many containers were freed.
fn collect_generation(s: &State, g: usize) -> usize {
    s.collecting.set(true);
    let young = head(s, g);
    let older = head(s, (g + 1).min(GENERATIONS - 1));
    for y in 0..g {
        // SAFETY: the heads are valid lists.
        unsafe { splice(head(s, y), young) };
        s.counts[y].set(0);
    }
    s.counts[g].set(0);
    if g + 1 < GENERATIONS {
        s.counts[g + 1].set(s.counts[g + 1].get() + 1);
    }

    // 1. Number the objects (their heads' `prev` holds the number meanwhile) and copy
    // their counts.
    let mut objects: Vec<*mut Object> = Vec::new();
    let mut refs: Vec<i64> = Vec::new();
    // SAFETY: the list's nodes are heads of live tracked objects.
    unsafe {
        let mut h = (*young).next;
        while h != young {
            let next = (*h).next;
            let o = object_of(h);
            (*h).prev = objects.len() as *mut GcHead;
            (*o).flags |= COLLECTING_FLAG;
            objects.push(o);
            refs.push(i64::from((*o).refcnt));
            h = next;
        }
    }
    // The number of an object being collected, if it is one.
    let number = |v: Value| -> Option<usize> {
        if !v.is_object() {
            return None;
        }
        let o = v.object();
        // SAFETY: an object value points at a live header; one being collected has a
        // head whose `prev` holds its number.
        unsafe { ((*o).flags & COLLECTING_FLAG != 0).then(|| (*head_of(o)).prev as usize) }
    };
    // 2. Subtract the references they hold to each other.
    for &o in &objects {
        // SAFETY: a live object, consistent (see the module doc).
        unsafe {
            traverse(o, &mut |v| {
                if let Some(i) = number(v) {
                    refs[i] -= 1;
                }
            })
        };
    }
    // 3. What is held from outside, and what it reaches, is reachable.
    let mut reachable: Vec<bool> = refs.iter().map(|&r| r > 0).collect();
    let mut work: Vec<usize> = (0..objects.len()).filter(|&i| reachable[i]).collect();
    while let Some(i) = work.pop() {
        // SAFETY: as above.
        unsafe {
            traverse(objects[i], &mut |v| {
                if let Some(j) = number(v)
                    && !reachable[j]
                {
                    reachable[j] = true;
                    work.push(j);
                }
            })
        };
    }
    // 4. Relink: the reachable to the next generation, the rest to the garbage list.
    let garbage_head = Box::into_raw(Box::new(GcHead { next: null_mut(), prev: null_mut() }));
    let mut garbage: Vec<Value> = Vec::new();
    // SAFETY: every object's head is relinked into exactly one valid list.
    unsafe {
        init(young);
        init(garbage_head);
        for (i, &o) in objects.iter().enumerate() {
            (*o).flags &= !COLLECTING_FLAG;
            if reachable[i] {
                append(head_of(o), older);
            } else {
                append(head_of(o), garbage_head);
                garbage.push(Value::from_object(o));
            }
        }
    }
    let survivors = objects.len() - garbage.len();
    if g == GENERATIONS - 2 {
        s.long_lived_pending.set(s.long_lived_pending.get() + survivors);
    } else if g == GENERATIONS - 1 {
        s.long_lived_pending.set(0);
        s.long_lived_total.set(survivors);
    }
    drop((objects, refs, reachable, work));

    // 5. Free the garbage: hold each, clear each, release each (a release may free
    // others of them, which unlink themselves from the garbage list).
    let freed = garbage.len();
    let garbage: Vec<Owned> = garbage.into_iter().map(Owned::new_ref).collect();
    for o in &garbage {
        // SAFETY: held by `garbage`.
        unsafe { clear(o.get().object()) };
    }
    drop(garbage);
    // Whatever the clears did not free (nothing, when every cycle goes through a kind
    // `clear` breaks) lives on in the oldest generation.
    // SAFETY: both are valid lists; the garbage head is freed once empty.
    unsafe {
        splice(garbage_head, head(s, GENERATIONS - 1));
        drop(Box::from_raw(garbage_head));
    }
    s.collected.set(s.collected.get() + freed);
    s.collecting.set(false);
    freed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::{dict, function, list, tuple};

    fn alive_after(make: impl FnOnce() -> Value) -> usize {
        let before = collected();
        let v = make();
        v.decref();
        collect();
        collected() - before
    }

    #[test]
    fn a_list_that_holds_itself_is_freed() {
        let freed = alive_after(|| {
            let l = list::from_vec(vec![]);
            l.incref();
            // SAFETY: a live list.
            unsafe { list::push(l.cast(), l) };
            l
        });
        assert_eq!(freed, 1);
    }

    #[test]
    fn a_cycle_through_a_dict_a_tuple_and_a_cell_is_freed() {
        let freed = alive_after(|| {
            let d = dict::new_dict();
            let cell = function::new_cell(d);
            let t = tuple::from_vec(vec![cell, Value::int(3)]);
            let l = list::from_vec(vec![t]);
            d.incref();
            // SAFETY: a live dict; the key is a small int.
            unsafe { dict::set(d.cast(), Value::int(1), crate::ops::hash::hash(Value::int(1)).unwrap_or(1), l) };
            d
        });
        assert_eq!(freed, 4);
    }

    #[test]
    fn what_is_held_from_outside_is_kept() {
        let before = collected();
        let a = list::from_vec(vec![]);
        a.incref();
        let b = list::from_vec(vec![a]);
        // SAFETY: a live list (takes our reference to `b`).
        unsafe { list::push(a.cast(), b) };
        // `a` is still held here: neither goes.
        collect();
        assert_eq!(collected() - before, 0);
        // SAFETY: a live list.
        assert_eq!(unsafe { list::items(a.cast()) }.len(), 1);
        a.decref();
        collect();
        assert_eq!(collected() - before, 2);
    }

    #[test]
    fn collections_start_by_themselves() {
        let before = collected();
        for _ in 0..2000 {
            let l = list::from_vec(vec![]);
            l.incref();
            // SAFETY: a live list.
            unsafe { list::push(l.cast(), l) };
            l.decref();
        }
        assert!(collected() - before >= 1000, "{}", collected() - before);
    }

    #[test]
    fn a_long_garbage_ring_is_freed() {
        let freed = alive_after(|| {
            let first = list::from_vec(vec![]);
            let mut last = first;
            last.incref();
            for _ in 0..200 {
                let next = list::from_vec(vec![]);
                // SAFETY: live lists.
                unsafe { list::push(last.cast(), next) };
                last = next;
            }
            // SAFETY: a live list; the chain closes into a cycle.
            unsafe { list::push(last.cast(), first) };
            first
        });
        assert_eq!(freed, 201);
    }
}
