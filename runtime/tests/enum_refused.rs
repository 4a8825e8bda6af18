//! What of `enum` stitch does not provide is refused (exit code 2, the line named),
//! never answered with a made-up error: operators on `auto()` values in a class body,
//! data-type mixins other than `int` and `str` (and members of those made from another type's value), the
//! functional API, `_ignore_`, `auto(value)`, members named `name` or `value`, and `auto()` after values CPython's
//! sort would order by rules stitch does not model.

use std::process::Command;

#[test]
fn what_enum_does_not_model_is_refused() {
    let dir = std::env::temp_dir().join(format!("stitch-enum-refused-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let programs = [
        ("tuple_mixin.py", "from enum import Enum\nprint(1)\nclass C(tuple, Enum):\n    ONE = (1, 2)\n", "an enum with the data type tuple mixed in at tuple_mixin.py:3"),
        (
            "flag_auto_operator.py",
            "from enum import Flag, auto\nprint(1)\nclass C(Flag):\n    R = auto()\n    G = auto()\n    W = R | G\n",
            "an operator on auto() values in an enum's class body at flag_auto_operator.py:6",
        ),
        (
            "int_mixin_str_value.py",
            "from enum import Enum\nprint(1)\nclass C(int, Enum):\n    ONE = '1'\n",
            "an enum with the data type int mixed in whose member's value is a str at int_mixin_str_value.py:3",
        ),
        ("functional.py", "from enum import Enum\nprint(1)\nColor = Enum('Color', 'RED GREEN')\n", "the functional API of Enum at functional.py:3"),
        ("ignore.py", "from enum import Enum\nprint(1)\nclass C(Enum):\n    _ignore_ = ['x']\n    A = 1\n", "an enum's _ignore_ at ignore.py:3"),
        ("auto_value.py", "from enum import Enum, auto\nprint(1)\nclass C(Enum):\n    A = auto(5)\n", "auto() with a value at auto_value.py:4"),
        ("member_named_value.py", "from enum import Enum\nprint(1)\nclass C(Enum):\n    value = 1\n", "an enum member named value at member_named_value.py:3"),
        (
            "auto_mixed.py",
            "from enum import Enum, auto\nprint(1)\nclass C(Enum):\n    A = 'a'\n    B = 2\n    C = auto()\n",
            "auto() after values that are not all numbers or all strs at auto_mixed.py:3",
        ),
    ];
    for (name, source, refusal) in programs {
        std::fs::write(dir.join(name), source).unwrap();
        for tier in ["1", "jit"] {
            let out = Command::new(env!("CARGO_BIN_EXE_stitch")).args(["run", "--tier", tier, name]).current_dir(&dir).output().unwrap();
            let what = format!("{name} --tier {tier}");
            assert_eq!(out.status.code(), Some(2), "{what}: {}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n", "{what}");
            assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), format!("stitch: unsupported: {refusal}"), "{what}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
