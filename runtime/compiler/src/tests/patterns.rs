//! The bytecode of `match` statements: CPython 3.11's, before its peephole passes.

use super::{dis, error, ops};
use crate::CompileError;

#[test]
fn a_class_pattern_then_a_trailing_wildcard() {
    let source = "def f(p):\n    match p:\n        case Point(x, y=0):\n            return x\n        case _:\n            return None\n";
    let code = ops(source, 1);
    assert_eq!(
        code,
        [
            "LOAD_FAST 0 (p)",
            // The last case before a trailing `_` matches the subject itself: no copy.
            "LOAD_GLOBAL 0 (Point)",
            "LOAD_CONST 0 (('y',))",
            "MATCH_CLASS 1",
            "COPY 1",
            "LOAD_CONST 1 (None)",
            "IS_OP 1 (is not)",
            "POP_JUMP_IF_FALSE to #15",
            "UNPACK_SEQUENCE 2",
            // `x` is kept under the attribute still to match.
            "SWAP 2",
            "LOAD_CONST 2 (0)",
            "COMPARE_OP 34 (==)",
            "POP_JUMP_IF_FALSE to #15",
            "STORE_FAST_LOAD_FAST 257 (x, x)",
            "RETURN_VALUE",
            // A failure pops what the pattern left: the None, or the capture.
            "POP_TOP",
            "NOP",
            "LOAD_CONST 1 (None)",
            "RETURN_VALUE",
        ],
        "\n{}",
        dis(source)
    );
}

#[test]
fn sequence_patterns_check_the_length_then_unpack_or_index() {
    let unpack = ops("match s:\n    case [a, *rest]:\n        pass\n", 0);
    assert!(unpack.windows(3).any(|w| w == ["GET_LEN", "LOAD_CONST 0 (1)", "COMPARE_OP 86 (>=)"]), "{unpack:?}");
    assert!(unpack.windows(2).any(|w| w == ["LOAD_CONST 0 (1)", "UNPACK_EX 2"]), "{unpack:?}");
    // `*_` makes no list: the last item is read through the length.
    let index = ops("match s:\n    case [a, *_, z]:\n        pass\n", 0);
    assert!(!index.iter().any(|i| i.starts_with("UNPACK")), "{index:?}");
    assert!(index.windows(3).any(|w| w == ["GET_LEN", "LOAD_CONST 2 (1)", "BINARY_OP 9 (-)"]), "{index:?}");
}

#[test]
fn the_errors_of_cpythons_pattern_compiler() {
    let cases: &[(&str, &str, u32)] = &[
        ("match x:\n    case _:\n        pass\n    case 1:\n        pass\n", "wildcard makes remaining patterns unreachable", 2),
        ("match x:\n    case y:\n        pass\n    case 1:\n        pass\n", "name capture 'y' makes remaining patterns unreachable", 2),
        ("match x:\n    case [a, 1] | [b, 2]:\n        pass\n", "alternative patterns bind different names", 2),
        ("match x:\n    case [a, a]:\n        pass\n", "multiple assignments to name 'a' in pattern", 2),
        ("match x:\n    case {'k': 1, 'k': 2}:\n        pass\n", "mapping pattern checks duplicate key ('k')", 2),
        ("match x:\n    case {1: _, 1.0: _}:\n        pass\n", "mapping pattern checks duplicate key (1.0)", 2),
        ("match x:\n    case C(a=1, a=2):\n        pass\n", "attribute name repeated in class pattern: a", 2),
    ];
    for &(source, message, line) in cases {
        match error(source) {
            CompileError::Syntax { message: m, line: l, .. } => assert_eq!((m.as_str(), l), (message, line), "{source}"),
            other => panic!("{source}: {other:?}"),
        }
    }
}
