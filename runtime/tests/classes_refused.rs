//! What the first cut of classes does not model is refused as outside the subset
//! (exit code 2, the line named), never run with CPython's semantics silently changed:
//! a special method `crate::special` does not run (`__del__`), a subclass of a builtin
//! type other than an exception, `list`, `dict`, `tuple`, `str` or `int`, a special
//! method of such a subclass that no operation asks it for (`__divmod__`), `__getattribute__` in such a subclass, copying such an instance
//! (a namedtuple's aside), `__new__` of an exception class or reaching `list.__new__`, and the special
//! attributes CPython's `object` has, metaclasses other than `type`, `ABCMeta` and the
//! program's classes deriving from `type` (and their `__prepare__`), and `type()` of a
//! class whose metaclass would be another.

use std::process::Command;

#[test]
fn what_classes_do_not_model_is_refused() {
    let dir = std::env::temp_dir().join(format!("stitch-classes-refused-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let programs = [
        (
            "del.py",
            "print(1)\nclass V:\n    def __init__(self, x):\n        self.x = x\n    def __del__(self):\n        print('gone')\nprint(V(1))\n",
            "the special method __del__ at del.py:2",
        ),
        (
            "meta_prepare.py",
            "print(1)\nclass Meta(type):\n    @classmethod\n    def __prepare__(mcls, name, bases):\n        return {}\n",
            "the special method __prepare__ at meta_prepare.py:2",
        ),
        (
            "meta_len.py",
            "print(1)\nclass Meta(type):\n    def __len__(cls):\n        return 1\n",
            "the special method __len__ in a metaclass at meta_len.py:2",
        ),
        (
            "meta_abc.py",
            "from abc import ABCMeta\nprint(1)\nclass Meta(ABCMeta):\n    pass\n",
            "a subclass of the builtin class ABCMeta at meta_abc.py:3",
        ),
        (
            "meta_function.py",
            "def meta(name, bases, ns):\n    return 1\nprint(1)\nclass A(metaclass=meta):\n    pass\n",
            "a metaclass other than type, abc.ABCMeta and classes deriving from type at meta_function.py:4",
        ),
        (
            "type_of_enum.py",
            "from enum import Enum\nclass A(Enum):\n    X = 1\nprint(1)\nprint(type(A))\n",
            "type() of an enum class (the metaclass EnumType) at type_of_enum.py:5",
        ),
        ("sub_complex.py", "print(1)\nclass F(complex):\n    pass\n", "a subclass of the builtin class complex at sub_complex.py:2"),
        (
            "sub_int_divmod.py",
            "print(1)\nclass V(int):\n    def __divmod__(self, o):\n        return 0\n",
            "the special method __divmod__ in a subclass of int at sub_int_divmod.py:2",
        ),
        (
            "sub_dict_getattribute.py",
            "print(1)\nclass V(dict):\n    def __getattribute__(self, name):\n        return 0\n",
            "the special method __getattribute__ in a subclass of dict at sub_dict_getattribute.py:2",
        ),
        (
            "sub_tuple_copy.py",
            "import copy\nprint(1)\nclass T(tuple):\n    pass\nt = copy.copy(T([1]))\n",
            "copy.copy of a 'T' object at sub_tuple_copy.py:5",
        ),
        (
            "list_new.py",
            "print(1)\nclass L(list):\n    def __new__(cls):\n        return super().__new__(cls)\nL()\n",
            "list.__new__ at list_new.py:4",
        ),
        (
            "exception_new.py",
            "print(1)\nclass E(Exception):\n    def __new__(cls):\n        return super().__new__(cls)\nE()\n",
            "__new__ in an exception class at exception_new.py:5",
        ),
        (
            "sub_dict_copy.py",
            "import copy\nprint(1)\nclass D(dict):\n    pass\nd = copy.copy(D(a=1))\n",
            "copy.copy of a 'D' object at sub_dict_copy.py:5",
        ),
        ("object_attr.py", "print(1)\nclass A:\n    pass\na = A()\nprint(a.__eq__)\n", "the attribute __eq__ of an instance at object_attr.py:5"),
        ("class_dict.py", "print(1)\nclass A:\n    pass\nprint(A.__dict__)\n", "the attribute __dict__ of a class at class_dict.py:4"),
    ];
    for (name, source, refusal) in programs {
        std::fs::write(dir.join(name), source).unwrap();
        for tier in ["1", "2", "jit"] {
            let out = Command::new(env!("CARGO_BIN_EXE_stitch")).args(["run", "--tier", tier, name]).current_dir(&dir).output().unwrap();
            let what = format!("{name} --tier {tier}");
            assert_eq!(out.status.code(), Some(2), "{what}");
            assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n", "{what}");
            assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), format!("stitch: unsupported: {refusal}"), "{what}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
