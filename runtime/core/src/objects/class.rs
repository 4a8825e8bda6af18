//! The objects of user classes: the class a `class` statement makes, its instances,
//! what `super()` returns, and the wrappers `staticmethod`, `classmethod` and
//! `property` put around functions. What they do is in `crate::classes`.

use super::{header, new_object};
use stitch_abi::{KIND_CLASS, KIND_DESCRIPTOR, KIND_INSTANCE, KIND_SUPER, Object, Value};

/// A class made by a `class` statement.
#[repr(C)]
pub struct ClassObject {
    pub header: Object,
    /// The type version tag the attribute families guard on (`layout ClassHead` in the
    /// `.uops` file reads it): renumbered whenever this class's namespace, or that of a
    /// class in its MRO, changes (`crate::classes::modified`); 0: never specialize.
    pub version: u32,
    /// Set once an instance stored an attribute that hides a class attribute of the
    /// same name (or a program took an instance's `__dict__`): methods are then not
    /// specialized on the type version alone, which cannot see instance dicts.
    pub shadowed: bool,
    /// The classes that name this one among their bases: weak (each removes itself
    /// when freed), so that a change reaches every class whose MRO has this one.
    pub subclasses: std::cell::RefCell<Vec<*const ClassObject>>,
    /// What instance stores must ask of the MRO, for the version it was computed at
    /// (`crate::classes::store_flags`): (version, flags).
    pub store_flags: std::cell::Cell<(u32, u8)>,
    /// `__name__`: leaked once per class (classes are few, and the runtime's error
    /// messages take type names as `&'static str`).
    pub name: &'static str,
    /// `__qualname__` (`Outer.Inner`, `f.<locals>.C`).
    pub qualname: String,
    /// The direct bases (owned classes), in order; empty for a class of `object`.
    pub bases: Vec<Value>,
    /// The method resolution order after the class itself (owned classes; C3).
    pub mro: Vec<Value>,
    /// The namespace: an owned dict of str keys.
    pub dict: Value,
    /// For a subclass of a builtin exception class: that class. Its instances are
    /// exception objects of this kind that know their class.
    pub exc_base: Option<crate::errors::ExcKind>,
    /// For a subclass of `list` or `dict`: that type. Its instances are lists or dicts
    /// that know their class (`crate::builtin_subclasses`).
    pub builtin_base: Option<BuiltinBase>,
    /// A subclass of `enum.Enum` (`crate::enums`): calling, iterating, subscripting and
    /// assigning to the class are the enum's, as CPython's EnumType metaclass does.
    pub enum_class: std::cell::Cell<bool>,
    /// Made with `typing.Protocol` among its bases (its `_is_protocol` is True): set
    /// once by the class statement, so `isinstance` need not search the class dict.
    pub protocol: std::cell::Cell<bool>,
    /// The class or its MRO defines `__getattribute__`: every attribute load of its
    /// instances calls it (the class is never specialized: its version is 0).
    pub getattribute: std::cell::Cell<bool>,
    /// Derives from `type` (`class Meta(type)`): its instances are classes
    /// (`crate::metaclass`).
    pub is_meta: std::cell::Cell<bool>,
    /// The class's metaclass when it is a program's (owned), else NULL: `type`, or the
    /// `ABCMeta` and `EnumType` that stitch models without metaclasses.
    pub meta: std::cell::Cell<Value>,
}

/// The builtin type (`list` or `dict`) a class derives from: its immortal type object,
/// whose constructor makes the instances' contents.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct BuiltinBase(pub Value);

impl BuiltinBase {
    /// The type's name, which is also the key of its methods.
    pub fn type_name(self) -> &'static str {
        // SAFETY: built from a live (immortal) type object.
        unsafe { (*self.0.cast::<super::builtin::TypeObject>()).name }
    }

    pub fn is_dict(self) -> bool {
        self.type_name() == "dict"
    }
}

impl Drop for ClassObject {
    fn drop(&mut self) {
        let me = self as *const ClassObject;
        for &b in &self.bases {
            if b.is_kind(KIND_CLASS) {
                // SAFETY: this class holds its bases until the decref below.
                unsafe { as_class(b) }.subclasses.borrow_mut().retain(|&c| c != me);
            }
        }
        self.bases.iter().chain(&self.mro).for_each(|b| b.decref());
        self.dict.decref();
        if !self.meta.get().is_null() {
            self.meta.get().decref();
        }
    }
}

/// An instance of a user class: its class and its attributes.
#[repr(C)]
pub struct Instance {
    pub header: Object,
    /// Owned class.
    pub class: Value,
    /// Owned dict of the instance's attributes (`__dict__`).
    pub dict: Value,
}

impl Drop for Instance {
    fn drop(&mut self) {
        if crate::float_subclass::is_float_class(self.class) {
            // Its float value sits in a side table keyed by the address.
            crate::float_subclass::forget(Value::from_object(self as *mut Instance).0);
        }
        self.dict.decref();
        self.class.decref();
    }
}

/// `super(class, obj)`: attribute lookup that starts after `class` in the MRO of
/// `obj`'s class.
#[repr(C)]
pub struct SuperObject {
    pub header: Object,
    /// Owned.
    pub class: Value,
    /// Owned: an instance, or a class (in a classmethod).
    pub obj: Value,
}

impl Drop for SuperObject {
    fn drop(&mut self) {
        self.class.decref();
        self.obj.decref();
    }
}

/// Which wrapper a descriptor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DescriptorKind {
    StaticMethod,
    ClassMethod,
    Property,
}

/// `staticmethod(f)`, `classmethod(f)`, `property(fget, fset)`.
#[repr(C)]
pub struct Descriptor {
    pub header: Object,
    pub which: DescriptorKind,
    /// Owned: the function (the getter of a property).
    pub func: Value,
    /// Owned: a property's setter, or NONE.
    pub setter: Value,
    /// Owned: a property's deleter (`del obj.attr`), or NONE.
    pub deleter: Value,
    /// Owned: the name a class statement gave a property (CPython's `prop_name`, set
    /// by `__set_name__`; copied by `setter` and the like), or NONE: a property put on
    /// a class later is nameless in CPython's AttributeErrors.
    pub name: Value,
}

impl Drop for Descriptor {
    fn drop(&mut self) {
        self.func.decref();
        self.setter.decref();
        self.deleter.decref();
        self.name.decref();
    }
}

/// A new class; takes ownership of the bases, the MRO and the dict.
pub fn new_class(
    name: &str,
    qualname: String,
    bases: Vec<Value>,
    mro: Vec<Value>,
    dict: Value,
    exc_base: Option<crate::errors::ExcKind>,
    builtin_base: Option<BuiltinBase>,
) -> Value {
    let name: &'static str = Box::leak(name.to_string().into_boxed_str());
    // Tracked by the cycle collector: a class's methods hold the globals that hold it.
    let c = super::gc::new_tracked(ClassObject {
        header: header(KIND_CLASS),
        version: next_version(),
        shadowed: false,
        subclasses: Default::default(),
        store_flags: std::cell::Cell::new((0, 0)),
        name,
        qualname,
        bases,
        mro,
        dict,
        exc_base,
        builtin_base,
        enum_class: std::cell::Cell::new(false),
        protocol: std::cell::Cell::new(false),
        getattribute: std::cell::Cell::new(false),
        is_meta: std::cell::Cell::new(false),
        meta: std::cell::Cell::new(Value::NULL),
    });
    // SAFETY: a new class, whose bases are live classes (or builtin types).
    unsafe {
        for &b in &(*c).bases {
            if b.is_kind(KIND_CLASS) {
                as_class(b).subclasses.borrow_mut().push(c);
            }
        }
    }
    Value::from_object(c as *mut Object)
}

/// A fresh type version tag; 0 once the 32 bits are used up (such classes stay
/// unspecialized, as CPython's do when its counter runs out).
pub fn next_version() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |v| Some(if v == 0 { 0 } else { v.wrapping_add(1) })).unwrap_or(0)
}

// The attribute families read the class version and an instance's class and dict
// through the `.uops` file's layouts: the fields must sit where those say.
const _: () = {
    assert!(std::mem::offset_of!(ClassObject, version) == std::mem::offset_of!(stitch_abi::ClassHead, version));
    assert!(std::mem::offset_of!(Instance, class) == std::mem::offset_of!(stitch_abi::InstanceHead, class));
    assert!(std::mem::offset_of!(Instance, dict) == std::mem::offset_of!(stitch_abi::InstanceHead, dict));
};

/// A new instance of `class` (borrowed) with an empty dict.
pub fn new_instance(class: Value) -> Value {
    class.incref();
    // Tracked by the cycle collector: linked structures (a tree's parent pointers)
    // make cycles through the instances' dicts.
    let i = super::gc::new_tracked(Instance { header: header(KIND_INSTANCE), class, dict: super::dict::new_dict() });
    Value::from_object(i as *mut Object)
}

/// `super(class, obj)` (both borrowed).
pub fn new_super(class: Value, obj: Value) -> Value {
    class.incref();
    obj.incref();
    new_object(SuperObject { header: header(KIND_SUPER), class, obj })
}

/// A new descriptor around `func` (borrowed).
pub fn new_descriptor(which: DescriptorKind, func: Value) -> Value {
    func.incref();
    new_object(Descriptor { header: header(KIND_DESCRIPTOR), which, func, setter: Value::NONE, deleter: Value::NONE, name: Value::NONE })
}

/// The class behind `v`.
///
/// # Safety
/// `v` is a live KIND_CLASS object that outlives the borrow.
pub unsafe fn as_class<'a>(v: Value) -> &'a ClassObject {
    // SAFETY: as the caller promises.
    unsafe { &*v.cast::<ClassObject>() }
}

/// The instance behind `v`.
///
/// # Safety
/// `v` is a live KIND_INSTANCE object that outlives the borrow.
pub unsafe fn as_instance<'a>(v: Value) -> &'a Instance {
    // SAFETY: as the caller promises.
    unsafe { &*v.cast::<Instance>() }
}
