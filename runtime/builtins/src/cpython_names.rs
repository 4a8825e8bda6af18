//! The public names CPython 3.11.7 has: `dir(T)` of the builtin types without the
//! `_`-prefixed ones, and `dir(builtins)`. A name CPython has that stitch lacks is
//! refused as unsupported, not reported as an AttributeError or NameError; the
//! coverage test counts stitch's names against these (README, "N of M").
//! Written from `python3 -c 'dir(...)'`; update with the CPython version.

pub const BYTES: &[&str] = &[
    "capitalize", "center", "count", "decode", "endswith", "expandtabs", "find", "fromhex", "hex",
    "index", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper",
    "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix",
    "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
    "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill"
];

pub const BYTEARRAY: &[&str] = &[
    "append", "capitalize", "center", "clear", "copy", "count", "decode", "endswith", "expandtabs",
    "extend", "find", "fromhex", "hex", "index", "insert", "isalnum", "isalpha", "isascii",
    "isdigit", "islower", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip",
    "maketrans", "partition", "pop", "remove", "removeprefix", "removesuffix", "replace", "reverse",
    "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
    "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill"
];

pub const STR: &[&str] = &[
    "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find",
    "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit",
    "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join",
    "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace",
    "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
    "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill",
];

pub const LIST: &[&str] = &[
    "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse",
    "sort",
];

pub const DICT: &[&str] = &[
    "clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update",
    "values",
];

pub const SET: &[&str] = &[
    "add", "clear", "copy", "difference", "difference_update", "discard", "intersection",
    "intersection_update", "isdisjoint", "issubset", "issuperset", "pop", "remove",
    "symmetric_difference", "symmetric_difference_update", "union", "update",
];

pub const FROZENSET: &[&str] = &[
    "copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset",
    "symmetric_difference", "union",
];

pub const TUPLE: &[&str] = &[
    "count", "index",
];

pub const INT: &[&str] = &[
    "as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes", "imag",
    "numerator", "real", "to_bytes",
];

pub const FLOAT: &[&str] = &[
    "as_integer_ratio", "conjugate", "fromhex", "hex", "imag", "is_integer", "real",
];

pub const COMPLEX: &[&str] = &["conjugate", "imag", "real"];

pub const BUILTINS: &[&str] = &[
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError",
    "Exception", "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError",
    "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError",
    "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError",
    "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError",
    "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
    "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
    "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
    "SystemExit", "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError",
    "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
    "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError", "abs", "aiter",
    "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable",
    "chr", "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict", "dir",
    "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset",
    "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
    "issubclass", "iter", "len", "license", "list", "locals", "map", "max", "memoryview", "min",
    "next", "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr",
    "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super",
    "tuple", "type", "vars", "zip",
];

/// CPython's public names of the type named `type_name`, if it is one of those here.
pub fn of_type(type_name: &str) -> Option<&'static [&'static str]> {
    Some(match type_name {
        "str" => STR,
        "bytes" => BYTES,
        "bytearray" => BYTEARRAY,
        "list" => LIST,
        "dict" => DICT,
        "set" => SET,
        "frozenset" => FROZENSET,
        "tuple" => TUPLE,
        "int" | "bool" => INT,
        "float" => FLOAT,
        "complex" => COMPLEX,
        _ => return None,
    })
}

/// Whether CPython's type named `type_name` has the public attribute `name`.
pub fn type_has(type_name: &str, name: &str) -> bool {
    of_type(type_name).is_some_and(|names| names.contains(&name))
}

/// Whether `name` is one of CPython's builtins.
pub fn is_builtin(name: &str) -> bool {
    // The dunder builtins are not public names (not in the coverage table) but are
    // CPython's all the same.
    BUILTINS.contains(&name) || ["__import__", "__build_class__", "__debug__", "__loader__", "__spec__"].contains(&name)
}
