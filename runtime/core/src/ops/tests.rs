//! Unit tests of the generic operations. Every expected string was printed by
//! python3 (CPython 3.11) for the expression in the comment beside it.

use super::*;
use stitch_abi::*;
use crate::errors::PyResult;
use crate::objects::{bigint, list, str as strs, tuple};
use crate::vm::Runtime;

fn rt() -> Runtime {
    Runtime::new(Value::NONE)
}
fn s(text: &str) -> Value {
    strs::new_str(text)
}
fn i(x: i64) -> Value {
    bigint::from_i64(x)
}
fn f(x: f64) -> Value {
    Value::float(x)
}
fn big(digits: &str) -> Value {
    bigint::from_bigint(digits.parse().expect("decimal digits"))
}
fn l(items: Vec<Value>) -> Value {
    list::from_vec(items)
}
fn t(items: Vec<Value>) -> Value {
    tuple::from_vec(items)
}

/// The repr of a result, or the traceback's last line for an error.
/// The error line of a failed operation.
fn err<T>(r: PyResult<T>) -> String {
    match r {
        Ok(_) => "no error".to_string(),
        Err(e) => e.to_string(),
    }
}

fn show(v: PyResult<Value>) -> String {
    match v {
        Ok(v) => repr(v).unwrap_or_else(|e| e.to_string()),
        Err(e) => e.to_string(),
    }
}

fn bin(a: Value, b: Value, op: u32) -> String {
    show(binary_op(&mut rt(), a, b, op))
}

#[test]
fn int_arithmetic() {
    assert_eq!(bin(i(7), i(-2), NB_FLOOR_DIVIDE), "-4"); // 7 // -2
    assert_eq!(bin(i(-7), i(3), NB_REMAINDER), "2"); // -7 % 3
    assert_eq!(bin(i(7), i(-3), NB_REMAINDER), "-2"); // 7 % -3
    assert_eq!(bin(i(2), i(100), NB_POWER), "1267650600228229401496703205376"); // 2 ** 100
    assert_eq!(bin(i(2), i(-2), NB_POWER), "0.25"); // 2 ** -2
    assert_eq!(bin(i(0), i(0), NB_POWER), "1"); // 0 ** 0
    assert_eq!(bin(i(-3), i(41), NB_POWER), "-36472996377170786403"); // (-3) ** 41
    assert_eq!(bin(i(1 << 47), i(1 << 47), NB_MULTIPLY), "19807040628566084398385987584");
    assert_eq!(bin(i((1 << 47) - 1), i(1), NB_ADD), "140737488355328"); // 2**47 - 1 + 1
    assert_eq!(show(unary_op(i(-(1 << 47)), UNARY_NEGATIVE)), "140737488355328");
    assert_eq!(bin(big("100000000000000000000"), i(7), NB_FLOOR_DIVIDE), "14285714285714285714");
    assert_eq!(bin(big("-100000000000000000000"), i(7), NB_REMAINDER), "5"); // -(10**20) % 7
    assert_eq!(bin(i(1), i(100), NB_LSHIFT), "1267650600228229401496703205376");
    assert_eq!(bin(i(-5), i(1), NB_RSHIFT), "-3");
    assert_eq!(bin(big("-1267650600228229401496703205376"), i(90), NB_RSHIFT), "-1024");
    assert_eq!(bin(i(-5), i(3), NB_AND), "3");
    assert_eq!(bin(i(-5), i(3), NB_XOR), "-8");
    assert_eq!(show(unary_op(big("1208925819614629174706176"), UNARY_INVERT)), "-1208925819614629174706177");
    assert_eq!(bin(Value::TRUE, Value::TRUE, NB_ADD), "2");
    assert_eq!(bin(Value::TRUE, Value::FALSE, NB_OR), "True"); // True | False
    assert_eq!(bin(Value::TRUE, i(3), NB_AND), "1");
}

#[test]
fn true_division_rounds_correctly() {
    assert_eq!(bin(i(1), i(3), NB_TRUE_DIVIDE), "0.3333333333333333");
    assert_eq!(bin(big("123456789123456789123456789"), big("987654321987654321"), NB_TRUE_DIVIDE), "124999998.8609375");
    assert_eq!(bin(i(0), i(-5), NB_TRUE_DIVIDE), "-0.0"); // 0 / -5
    let two_1024 = bin(i(2), i(1024), NB_POWER);
    assert!(two_1024.starts_with("1797693134862315907729305190789"));
}

#[test]
fn float_arithmetic() {
    assert_eq!(bin(f(-7.5), i(2), NB_FLOOR_DIVIDE), "-4.0");
    assert_eq!(bin(f(-7.5), i(2), NB_REMAINDER), "0.5");
    assert_eq!(bin(f(7.5), i(-2), NB_REMAINDER), "-0.5");
    assert_eq!(bin(f(0.0), i(-5), NB_REMAINDER), "-0.0"); // 0.0 % -5
    assert_eq!(bin(f(5.0), f(-0.5), NB_FLOOR_DIVIDE), "-10.0");
    assert_eq!(bin(f(-8.0), i(3), NB_POWER), "-512.0");
    assert_eq!(bin(f(2.0), f(0.5), NB_POWER), "1.4142135623730951");
    assert_eq!(bin(f(0.1), f(0.2), NB_ADD), "0.30000000000000004");
    assert_eq!(bin(i(3), f(0.1), NB_MULTIPLY), "0.30000000000000004");
}

#[test]
fn arithmetic_errors() {
    assert_eq!(bin(i(1), i(0), NB_TRUE_DIVIDE), "ZeroDivisionError: division by zero");
    assert_eq!(bin(i(1), i(0), NB_FLOOR_DIVIDE), "ZeroDivisionError: integer division or modulo by zero");
    assert_eq!(bin(i(1), i(0), NB_REMAINDER), "ZeroDivisionError: integer modulo by zero");
    assert_eq!(bin(f(1.0), i(0), NB_TRUE_DIVIDE), "ZeroDivisionError: float division by zero");
    assert_eq!(bin(f(1.0), i(0), NB_FLOOR_DIVIDE), "ZeroDivisionError: float floor division by zero");
    assert_eq!(bin(f(1.0), i(0), NB_REMAINDER), "ZeroDivisionError: float modulo");
    assert_eq!(bin(i(0), i(-1), NB_POWER), "ZeroDivisionError: 0.0 cannot be raised to a negative power");
    assert_eq!(bin(f(10.0), i(400), NB_POWER), "OverflowError: (34, 'Numerical result out of range')");
    assert_eq!(bin(i(1), i(-1), NB_LSHIFT), "ValueError: negative shift count");
    let huge = bin(i(10), i(400), NB_POWER);
    assert_eq!(bin(big(&huge), f(1.0), NB_ADD), "OverflowError: int too large to convert to float");
    assert_eq!(bin(big(&huge), i(3), NB_TRUE_DIVIDE), "OverflowError: integer division result too large for a float");
    assert_eq!(bin(i(1), s("a"), NB_ADD), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    assert_eq!(bin(s("a"), i(1), NB_ADD), "TypeError: can only concatenate str (not \"int\") to str");
    assert_eq!(bin(l(vec![]), t(vec![]), NB_ADD), "TypeError: can only concatenate list (not \"tuple\") to list");
    assert_eq!(bin(s("a"), f(1.5), NB_MULTIPLY), "TypeError: can't multiply sequence by non-int of type 'float'");
    assert_eq!(bin(s("a"), i(2), NB_POWER), "TypeError: unsupported operand type(s) for ** or pow(): 'str' and 'int'");
    assert_eq!(bin(i(1), s("a"), NB_ADD | NB_INPLACE), "TypeError: unsupported operand type(s) for +=: 'int' and 'str'");
    assert_eq!(bin(f(1.5), i(1), NB_AND), "TypeError: unsupported operand type(s) for &: 'float' and 'int'");
    assert_eq!(show(unary_op(s("a"), UNARY_NEGATIVE)), "TypeError: bad operand type for unary -: 'str'");
    assert_eq!(show(unary_op(f(1.5), UNARY_INVERT)), "TypeError: bad operand type for unary ~: 'float'");
}

#[test]
fn sequences() {
    assert_eq!(bin(s("ab"), i(3), NB_MULTIPLY), "'ababab'");
    assert_eq!(bin(i(2), t(vec![i(1), i(2)]), NB_MULTIPLY), "(1, 2, 1, 2)");
    assert_eq!(bin(l(vec![i(1)]), i(-1), NB_MULTIPLY), "[]");
    assert_eq!(bin(t(vec![i(1)]), t(vec![i(2)]), NB_ADD), "(1, 2)");
    // x = [1]; y = x; x += "ab": the same list, extended.
    let x = l(vec![i(1)]);
    let y = binary_op(&mut rt(), x, s("ab"), NB_ADD | NB_INPLACE).unwrap();
    assert!(y == x);
    assert_eq!(repr(x).unwrap(), "[1, 'a', 'b']");
}

#[test]
fn comparisons() {
    let two53 = bin(i(2), i(53), NB_POWER);
    let cmp = |a: Value, b: Value, op: u32| show(compare(a, b, op));
    // 2**53 + 1 > 2.0**53, 2**53 + 1 == 2.0**53
    let above = bin(big(&two53), i(1), NB_ADD);
    assert_eq!(cmp(big(&above), f(9007199254740992.0), CMP_GT), "True");
    assert_eq!(cmp(big(&above), f(9007199254740992.0), CMP_EQ), "False");
    assert_eq!(cmp(f(f64::NAN), f(f64::NAN), CMP_NE), "True");
    assert_eq!(cmp(f(f64::NAN), i(1), CMP_LT), "False");
    assert_eq!(cmp(l(vec![i(1), i(2)]), l(vec![i(1), i(2), i(0)]), CMP_LT), "True");
    assert_eq!(cmp(t(vec![i(1), s("a")]), t(vec![i(1), s("b")]), CMP_LT), "True");
    assert_eq!(cmp(t(vec![i(1)]), l(vec![i(1)]), CMP_EQ), "False");
    assert_eq!(cmp(s("é"), s("z"), CMP_GT), "True");
    assert_eq!(cmp(Value::TRUE, f(1.0), CMP_EQ), "True");
    assert_eq!(cmp(i(1), s("a"), CMP_LT), "TypeError: '<' not supported between instances of 'int' and 'str'");
    assert_eq!(cmp(Value::NONE, Value::NONE, CMP_GE), "TypeError: '>=' not supported between instances of 'NoneType' and 'NoneType'");
    // The specialized str comparison: mask 0b0001 is "<".
    assert!(str_compare(s("abc"), s("abd"), 0b0001));
    assert!(!str_compare(s("abc"), s("abc"), 0b0101));
}

#[test]
fn hashes_match_cpython() {
    let h = |v: Value| hash(v).unwrap() as i64;
    assert_eq!(h(i(-1)), -2);
    assert_eq!(h(big("2305843009213693952")), 1); // hash(2**61)
    assert_eq!(h(big("-1000000000000000000000000000000")), -465258685558744706);
    assert_eq!(h(f(1.5)), 1152921504606846977);
    assert_eq!(h(f(0.1)), 230584300921369408);
    assert_eq!(h(f(1e300)), 1224995262755759164);
    assert_eq!(h(f(5e-324)), 16777216);
    assert_eq!(h(f(f64::INFINITY)), 314159);
    assert_eq!(h(f(2.0)), h(i(2)));
    assert_eq!(h(t(vec![i(1), i(2)])), -3550055125485641917);
    assert_eq!(h(t(vec![])), 5740354900026072187);
    assert_eq!(show(hash(l(vec![])).map(|_| Value::NONE)), "TypeError: unhashable type: 'list'");
}

#[test]
fn reprs() {
    assert_eq!(repr(s("it's")).unwrap(), "\"it's\"");
    assert_eq!(repr(s("both ' and \"")).unwrap(), "'both \\' and \"'");
    assert_eq!(repr(s("\n\t\\\r\x00\x7f\u{a0}\u{ad}")).unwrap(), "'\\n\\t\\\\\\r\\x00\\x7f\\xa0\\xad'");
    assert_eq!(repr(s("héllo 日本 😀\u{2028}\u{e0001}")).unwrap(), "'héllo 日本 😀\\u2028\\U000e0001'");
    assert_eq!(repr(t(vec![s("x")])).unwrap(), "('x',)");
    assert_eq!(repr(l(vec![f(-0.0), f(1e16), f(1e-5), f(f64::NAN), Value::NONE, Value::TRUE])).unwrap(), "[-0.0, 1e+16, 1e-05, nan, None, True]");
    assert_eq!(str(s("x")).unwrap(), "x");
    let cyclic = l(vec![i(1)]);
    cyclic.incref();
    // SAFETY: a live list; the new reference is moved in.
    unsafe { list::push(cyclic.cast(), cyclic) };
    assert_eq!(repr(cyclic).unwrap(), "[1, [...]]");
    assert_eq!(repr(crate::objects::range::new_range(0, 10, 2)).unwrap(), "range(0, 10, 2)");
}

#[test]
fn formatting() {
    assert_eq!(format(Value::TRUE, "").unwrap(), "True");
    assert_eq!(format(Value::TRUE, ">5").unwrap(), "    1"); // format(True, ">5")
    assert_eq!(format(i(1234567), ",").unwrap(), "1,234,567");
    assert_eq!(format(f(1.23456), ".2f").unwrap(), "1.23");
    assert_eq!(format(s("x"), "*^5").unwrap(), "**x**");
    assert_eq!(format(l(vec![]), "").unwrap(), "[]");
    assert_eq!(
        format(l(vec![]), "x").unwrap_err().to_string(),
        "TypeError: unsupported format string passed to list.__format__"
    );
    assert_eq!(format(i(1), "q").unwrap_err().to_string(), "ValueError: Unknown format code 'q' for object of type 'int'");
}

#[test]
fn subscripts_and_slices() {
    let slice = |a: Value, b: Value, c: Value| crate::objects::slice::new_slice(a, b, c);
    let text = s("héllo wörld");
    assert_eq!(show(getitem(text, i(-4))), "'ö'");
    assert_eq!(show(getitem(text, slice(i(1), i(8), Value::NONE))), "'éllo wö'");
    assert_eq!(show(getitem(text, slice(Value::NONE, Value::NONE, i(-3)))), "'döoé'");
    assert_eq!(show(getitem(text, i(20))), "IndexError: string index out of range");
    assert_eq!(show(getitem(text, f(1.5))), "TypeError: string indices must be integers, not 'float'");
    let lst = l((0..10).map(i).collect());
    assert_eq!(show(getitem(lst, slice(i(7), i(2), i(-2)))), "[7, 5, 3]");
    assert_eq!(show(getitem(lst, slice(i(-100), i(3), Value::NONE))), "[0, 1, 2]");
    assert_eq!(show(getitem(lst, slice(Value::NONE, Value::NONE, i(0)))), "ValueError: slice step cannot be zero");
    assert_eq!(show(getitem(lst, s("a"))), "TypeError: list indices must be integers or slices, not str");
    assert_eq!(show(getitem(i(1), i(0))), "TypeError: 'int' object is not subscriptable");
    // m = [1, 2, 3, 4, 5]; m[1:3] = ["a", "b", "c"]; m[::2] = [0, 0, 0]
    let m = l((1..=5).map(i).collect());
    setitem(m, slice(i(1), i(3), Value::NONE), l(vec![s("a"), s("b"), s("c")])).unwrap();
    assert_eq!(repr(m).unwrap(), "[1, 'a', 'b', 'c', 4, 5]");
    setitem(m, slice(Value::NONE, Value::NONE, i(2)), l(vec![i(0), i(0), i(0)])).unwrap();
    assert_eq!(repr(m).unwrap(), "[0, 'a', 0, 'c', 0, 5]");
    assert_eq!(
        setitem(m, slice(Value::NONE, Value::NONE, i(2)), l(vec![])).unwrap_err().to_string(),
        "ValueError: attempt to assign sequence of size 0 to extended slice of size 3"
    );
    delitem(m, slice(Value::NONE, Value::NONE, i(2))).unwrap();
    assert_eq!(repr(m).unwrap(), "['a', 'c', 5]");
    assert_eq!(delitem(t(vec![]), i(0)).unwrap_err().to_string(), "TypeError: 'tuple' object doesn't support item deletion");
    let r = crate::objects::range::new_range(3, 30, 4);
    assert_eq!(show(getitem(r, slice(Value::NONE, Value::NONE, i(-1)))), "range(27, -1, -4)");
}

#[test]
fn iteration_and_unpacking() {
    let it = get_iter(s("é")).unwrap();
    assert_eq!(type_name(it), "str_iterator");
    assert_eq!(type_name(get_iter(s("e")).unwrap()), "str_ascii_iterator");
    assert_eq!(show(iter_next(it).map(|v| v.unwrap_or(Value::NONE))), "'é'");
    assert!(iter_next(it).unwrap().is_none());
    assert_eq!(show(get_iter(i(1))), "TypeError: 'int' object is not iterable");
    let two = unpack(s("ab"), 2).unwrap();
    assert_eq!(repr(two[1]).unwrap(), "'b'");
    assert_eq!(err(unpack(l(vec![i(1)]), 2)), "ValueError: not enough values to unpack (expected 2, got 1)");
    assert_eq!(err(unpack(s("abc"), 2)), "ValueError: too many values to unpack (expected 2)");
    assert_eq!(err(unpack(i(1), 2)), "TypeError: cannot unpack non-iterable int object");
}

#[test]
fn containment() {
    assert!(contains(s("hello"), s("ell")).unwrap());
    assert!(contains(l(vec![i(1)]), f(1.0)).unwrap());
    assert!(contains(crate::objects::range::new_range(3, 30, 4), i(7)).unwrap());
    assert!(!contains(crate::objects::range::new_range(3, 30, 4), i(8)).unwrap());
    assert_eq!(
        contains(s("a"), i(1)).unwrap_err().to_string(),
        "TypeError: 'in <string>' requires string as left operand, not int"
    );
    assert_eq!(contains(i(1), i(1)).unwrap_err().to_string(), "TypeError: argument of type 'int' is not iterable");
}

#[test]
fn printf_formatting() {
    let fmt = |f: &str, args: Value| show(binary_op(&mut rt(), s(f), args, NB_REMAINDER));
    // "%5d|%-5d|%05d|%+d|% d" % (3, 3, -3, 3, 3)
    assert_eq!(fmt("%5d|%-5d|%05d|%+d|% d", t(vec![i(3), i(3), i(-3), i(3), i(3)])), "'    3|3    |-0003|+3| 3'");
    // "%#08x|%.3d|%8.3f|%-6s|%r" % (255, 5, 1.23456, "ab", "it's")
    assert_eq!(fmt("%#08x|%.3d|%8.3f|%-6s|%r", t(vec![i(255), i(5), f(1.23456), s("ab"), s("it's")])), "'0x0000ff|005|   1.235|ab    |\"it\\'s\"'");
    assert_eq!(fmt("%s", l(vec![i(1)])), "'[1]'");
    assert_eq!(fmt("%d %d", t(vec![i(1)])), "TypeError: not enough arguments for format string");
    assert_eq!(fmt("abc", i(1)), "TypeError: not all arguments converted during string formatting");
    assert_eq!(fmt("%q", i(1)), "ValueError: unsupported format character 'q' (0x71) at index 1");
    assert_eq!(fmt("%d", s("x")), "TypeError: %d format: a real number is required, not str");
}

#[test]
fn dict_iteration_detects_resizing() {
    let d = crate::objects::dict::new_dict();
    setitem(d, i(1), i(1)).unwrap();
    let it = get_iter(d).unwrap();
    assert_eq!(show(iter_next(it).map(|v| v.unwrap_or(Value::NONE))), "1");
    setitem(d, i(2), i(2)).unwrap();
    assert_eq!(err(iter_next(it)), "RuntimeError: dictionary changed size during iteration");
}
