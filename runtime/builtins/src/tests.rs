//! Unit tests of the builtins and methods, called as the interpreter calls them.
//! Every expected string was printed by python3 (CPython 3.11) for the call in the
//! comment beside it.

use super::builtins_dict;
use stitch_abi::Value;
use stitch_core::errors::PyResult;
use stitch_core::objects::builtin::Args;
use stitch_core::objects::{bigint, dict, list, str as strs, tuple};
use stitch_core::ops;
use stitch_core::vm::Runtime;

fn s(text: &str) -> Value {
    strs::new_str(text)
}
fn i(x: i64) -> Value {
    bigint::from_i64(x)
}
fn f(x: f64) -> Value {
    Value::float(x)
}
fn l(items: Vec<Value>) -> Value {
    list::from_vec(items)
}
fn t(items: Vec<Value>) -> Value {
    tuple::from_vec(items)
}

fn show(v: PyResult<Value>) -> String {
    match v {
        Ok(v) => ops::repr(v).unwrap_or_else(|e| e.to_string()),
        Err(e) => e.to_string(),
    }
}

/// Calls the builtin `name` with positional and keyword arguments.
fn call_kw(name: &str, positional: Vec<Value>, keywords: Vec<(&str, Value)>) -> String {
    let d = builtins_dict();
    let key = s(name);
    // SAFETY: `d` is a live dict.
    let func = unsafe { dict::get(d.cast(), key, ops::hash(key).unwrap()) }.expect("a builtin name");
    let mut rt = Runtime::new(d);
    show(ops::call(&mut rt, func, &Args { positional: &positional, keywords: &keywords }))
}

fn call(name: &str, positional: Vec<Value>) -> String {
    call_kw(name, positional, vec![])
}

/// Calls `receiver.name(*positional)` through LOAD_ATTR's bound method.
fn method(receiver: Value, name: &str, positional: Vec<Value>) -> String {
    let m = match crate::attr::load_attr(receiver, name) {
        Ok(m) => m,
        Err(e) => return e.to_string(),
    };
    let mut rt = Runtime::new(Value::NONE);
    show(ops::call(&mut rt, m, &Args { positional: &positional, keywords: &[] }))
}

#[test]
fn conversions() {
    assert_eq!(call("int", vec![s(" -17 ")]), "-17");
    assert_eq!(call("int", vec![s("ff"), i(16)]), "255");
    assert_eq!(call("int", vec![f(-3.9)]), "-3");
    assert_eq!(call("int", vec![f(1e20)]), "100000000000000000000");
    assert_eq!(call("int", vec![s("abc")]), "ValueError: invalid literal for int() with base 10: 'abc'");
    assert_eq!(call("int", vec![s("1"), i(1)]), "ValueError: int() base must be >= 2 and <= 36, or 0");
    assert_eq!(call("int", vec![f(f64::NAN)]), "ValueError: cannot convert float NaN to integer");
    assert_eq!(call("int", vec![f(f64::INFINITY)]), "OverflowError: cannot convert float infinity to integer");
    assert_eq!(call("int", vec![l(vec![])]), "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'");
    assert_eq!(call("float", vec![s("1e-5")]), "1e-05");
    assert_eq!(call("float", vec![s("abc")]), "ValueError: could not convert string to float: 'abc'");
    assert_eq!(call("str", vec![l(vec![i(1), s("a")])]), "\"[1, 'a']\"");
    assert_eq!(call("bool", vec![s("")]), "False");
    assert_eq!(call("repr", vec![s("it's")]), "'\"it\\'s\"'");
    assert_eq!(call("chr", vec![i(0x1F600)]), "'😀'");
    assert_eq!(call("chr", vec![i(-1)]), "ValueError: chr() arg not in range(0x110000)");
    assert_eq!(call("ord", vec![s("日")]), "26085");
    assert_eq!(call("ord", vec![s("ab")]), "TypeError: ord() expected a character, but string of length 2 found");
    assert_eq!(call("list", vec![s("ab")]), "['a', 'b']");
    assert_eq!(call("tuple", vec![l(vec![i(1)])]), "(1,)");
    assert_eq!(call("dict", vec![l(vec![t(vec![s("a"), i(1)]), l(vec![i(2), i(3)])])]), "{'a': 1, 2: 3}");
    assert_eq!(call("dict", vec![l(vec![s("abc")])]), "ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    assert_eq!(call_kw("dict", vec![], vec![("x", i(1))]), "{'x': 1}");
}

#[test]
fn numeric() {
    assert_eq!(call("abs", vec![i(-5)]), "5");
    assert_eq!(call("abs", vec![s("a")]), "TypeError: bad operand type for abs(): 'str'");
    assert_eq!(call("divmod", vec![i(-7), i(2)]), "(-4, 1)");
    assert_eq!(call("divmod", vec![f(-7.5), i(2)]), "(-4.0, 0.5)");
    assert_eq!(call("pow", vec![i(3), i(-2), i(-7)]), "-3"); // pow(3, -2, -7)
    assert_eq!(call("pow", vec![i(2), i(3), i(0)]), "ValueError: pow() 3rd argument cannot be 0");
    assert_eq!(call("pow", vec![i(2), i(-1), i(4)]), "ValueError: base is not invertible for the given modulus");
    assert_eq!(call("round", vec![f(2.5)]), "2");
    assert_eq!(call("round", vec![f(2.675), i(2)]), "2.67");
    assert_eq!(call("round", vec![i(1250), i(-2)]), "1200");
    assert_eq!(call("round", vec![i(1350), i(-2)]), "1400");
    assert_eq!(call("round", vec![s("a")]), "TypeError: type str doesn't define __round__ method");
    assert_eq!(call("sum", vec![l(vec![i(1), f(2.5)]), i(10)]), "13.5");
    assert_eq!(call("sum", vec![l(vec![s("a")]), s("")]), "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
    assert_eq!(call("min", vec![i(3), f(1.0), i(2)]), "1.0");
    assert_eq!(call("max", vec![l(vec![])]), "ValueError: max() arg is an empty sequence");
    assert_eq!(call("max", vec![s("a"), i(1)]), "TypeError: '>' not supported between instances of 'int' and 'str'");
    assert_eq!(call("min", vec![]), "TypeError: min expected at least 1 argument, got 0");
    assert_eq!(call("len", vec![i(1), i(2)]), "TypeError: len() takes exactly one argument (2 given)");
    assert_eq!(call("len", vec![i(1)]), "TypeError: object of type 'int' has no len()");
}

#[test]
fn iteration() {
    assert_eq!(call("sorted", vec![l(vec![i(3), i(1), f(2.0)])]), "[1, 2.0, 3]");
    assert_eq!(call_kw("sorted", vec![s("bca")], vec![("reverse", Value::TRUE)]), "['c', 'b', 'a']");
    assert_eq!(call("sorted", vec![l(vec![i(1), s("a")])]), "TypeError: '<' not supported between instances of 'str' and 'int'");
    assert_eq!(call("list", vec![call_enumerate()]), "[(5, 'x'), (6, 'y')]");
    assert_eq!(call("any", vec![l(vec![i(0), s("")])]), "False");
    assert_eq!(call("all", vec![s("")]), "True");
    assert_eq!(call("reversed", vec![i(1)]), "TypeError: 'int' object is not reversible");
    assert_eq!(call("isinstance", vec![Value::TRUE, builtin("int")]), "True");
    assert_eq!(call("isinstance", vec![i(1), t(vec![builtin("str"), builtin("float")])]), "False");
    assert_eq!(call("isinstance", vec![i(1), i(1)]), "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    assert_eq!(call("range", vec![i(1), i(2), i(0)]), "ValueError: range() arg 3 must not be zero");
    assert_eq!(call("type", vec![Value::NONE]), "<class 'NoneType'>");
}

fn builtin(name: &str) -> Value {
    let d = builtins_dict();
    let key = s(name);
    // SAFETY: `d` is a live dict.
    unsafe { dict::get(d.cast(), key, ops::hash(key).unwrap()) }.expect("a builtin name")
}

/// enumerate("xy", start=5)
fn call_enumerate() -> Value {
    let mut rt = Runtime::new(Value::NONE);
    let positional = [s("xy")];
    let keywords = [("start", i(5))];
    ops::call(&mut rt, builtin("enumerate"), &Args { positional: &positional, keywords: &keywords }).unwrap()
}

#[test]
fn list_methods() {
    let a = l(vec![i(3), i(1), i(4)]);
    assert_eq!(method(a, "append", vec![i(1)]), "None");
    assert_eq!(method(a, "index", vec![i(1)]), "1");
    assert_eq!(method(a, "index", vec![i(1), i(2)]), "3");
    assert_eq!(method(a, "count", vec![i(1)]), "2");
    assert_eq!(method(a, "insert", vec![i(-100), i(0)]), "None");
    assert_eq!(method(a, "pop", vec![]), "1");
    assert_eq!(method(a, "pop", vec![i(0)]), "0");
    assert_eq!(ops::repr(a).unwrap(), "[3, 1, 4]");
    assert_eq!(method(a, "pop", vec![i(5)]), "IndexError: pop index out of range");
    assert_eq!(method(a, "index", vec![i(9)]), "ValueError: 9 is not in list");
    assert_eq!(method(a, "append", vec![]), "TypeError: list.append() takes exactly one argument (0 given)");
    assert_eq!(method(a, "insert", vec![i(1)]), "TypeError: insert expected 2 arguments, got 1");
    assert_eq!(method(a, "reverse", vec![i(1)]), "TypeError: list.reverse() takes no arguments (1 given)");
    assert_eq!(method(a, "sort", vec![i(1)]), "TypeError: sort() takes no positional arguments");
    assert_eq!(method(a, "remove", vec![i(7)]), "ValueError: list.remove(x): x not in list");
    assert_eq!(method(a, "foo", vec![]), "AttributeError: 'list' object has no attribute 'foo'");
    assert_eq!(method(l(vec![]), "pop", vec![]), "IndexError: pop from empty list");
    assert_eq!(method(a, "extend", vec![s("xy")]), "None");
    assert_eq!(method(a, "copy", vec![]), "[3, 1, 4, 'x', 'y']");
}

#[test]
fn str_methods() {
    assert_eq!(method(s("a,b,,c"), "split", vec![s(",")]), "['a', 'b', '', 'c']");
    assert_eq!(method(s(" a  b c "), "split", vec![Value::NONE, i(1)]), "['a', 'b c ']");
    assert_eq!(method(s("k=v=w"), "rsplit", vec![s("="), i(1)]), "['k=v', 'w']");
    assert_eq!(method(s("a"), "split", vec![s("")]), "ValueError: empty separator");
    assert_eq!(method(s("a"), "split", vec![i(1)]), "TypeError: must be str or None, not int");
    assert_eq!(method(s("-"), "join", vec![s("abc")]), "'a-b-c'");
    assert_eq!(method(s("-"), "join", vec![l(vec![i(1)])]), "TypeError: sequence item 0: expected str instance, int found");
    assert_eq!(method(s("\t x \x1c"), "strip", vec![]), "'x'");
    assert_eq!(method(s("xxhix"), "lstrip", vec![s("x")]), "'hix'");
    assert_eq!(method(s("Straße"), "upper", vec![]), "'STRASSE'");
    assert_eq!(method(s("héllo"), "find", vec![s("l")]), "2");
    assert_eq!(method(s("héllo"), "rfind", vec![s("l")]), "3");
    assert_eq!(method(s("hello"), "find", vec![s(""), i(6)]), "-1");
    assert_eq!(method(s("hello"), "count", vec![s("")]), "6");
    assert_eq!(method(s("aaaa"), "count", vec![s("aa")]), "2");
    assert_eq!(method(s("abc"), "replace", vec![s(""), s("-")]), "'-a-b-c-'");
    assert_eq!(method(s("a"), "replace", vec![i(1), i(2)]), "TypeError: replace() argument 1 must be str, not int");
    assert_eq!(method(s("hello"), "startswith", vec![t(vec![s("x"), s("he")])]), "True");
    assert_eq!(method(s("a"), "startswith", vec![i(1)]), "TypeError: startswith first arg must be str or a tuple of str, not int");
    assert_eq!(method(s("abc"), "index", vec![s("z")]), "ValueError: substring not found");
    assert_eq!(method(s("٣²"), "isdigit", vec![]), "True");
    assert_eq!(method(s("²"), "isdecimal", vec![]), "False");
}

#[test]
fn dict_methods() {
    let d = dict::new_dict();
    ops::setitem(d, s("a"), i(1)).unwrap();
    ops::setitem(d, s("b"), i(2)).unwrap();
    assert_eq!(method(d, "get", vec![s("z"), i(0)]), "0");
    assert_eq!(method(d, "keys", vec![]), "dict_keys(['a', 'b'])");
    assert_eq!(method(d, "items", vec![]), "dict_items([('a', 1), ('b', 2)])");
    assert_eq!(method(d, "values", vec![]), "dict_values([1, 2])");
    assert_eq!(method(d, "pop", vec![s("a")]), "1");
    assert_eq!(method(d, "pop", vec![s("a")]), "KeyError: 'a'");
    assert_eq!(method(d, "pop", vec![s("a"), Value::NONE]), "None");
    assert_eq!(method(d, "setdefault", vec![s("c"), i(3)]), "3");
    assert_eq!(method(d, "popitem", vec![]), "('c', 3)");
    assert_eq!(method(d, "keys", vec![i(1)]), "TypeError: dict.keys() takes no arguments (1 given)");
    assert_eq!(method(d, "get", vec![l(vec![])]), "TypeError: unhashable type: 'list'");
    assert_eq!(ops::repr(d).unwrap(), "{'b': 2}");
}

/// The README's coverage table is what `coverage::report` computes now
/// (`STITCH_BLESS=1` rewrites it).
#[test]
fn readme_coverage_table_is_current() {
    const START: &str = "<!-- coverage: `cargo test -p stitch-builtins readme_coverage` keeps this table current -->\n";
    const END: &str = "<!-- /coverage -->";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme.find(START).expect("the README has the coverage marker") + START.len();
    let end = start + readme[start..].find(END).expect("the README has the end marker");
    let report = super::coverage::report();
    if readme[start..end] != report {
        if std::env::var_os("STITCH_BLESS").is_some() {
            std::fs::write(path, format!("{}{report}{}", &readme[..start], &readme[end..])).unwrap();
            return;
        }
        panic!("README coverage table is stale; run with STITCH_BLESS=1. Expected:\n{report}");
    }
}
