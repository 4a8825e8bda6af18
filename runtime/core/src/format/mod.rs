//! Python 3.11's number and string formatting, and the number parsing behind `int()` and
//! `float()`, matching CPython byte for byte.
//!
//! * `repr(float)`: [`float_repr`].
//! * `format(x, spec)` with the format-spec mini-language ([`parse_spec`]):
//!   [`format_int`], [`format_float`], [`format_str`].
//! * `round(x, ndigits)`: [`round_float`].
//! * `float(str)`, `int(str, base)`: [`parse_float`], [`parse_int`].
//!
//! Errors from the `format_*`/`round_float` functions are the complete Python error line
//! without traceback (`"ValueError: ..."`, `"OverflowError: ..."`, `"MemoryError"`).

mod complex_fmt;
mod digits;
mod float_fmt;
mod float_repr;
mod float_text;
mod int_float;
mod int_fmt;
mod number_fill;
mod padding;
mod parse_float;
mod parse_int;
mod round;
mod spec;
mod str_fmt;
mod unicode;

pub use complex_fmt::{complex_repr, format_complex};
pub use float_fmt::format_float;
pub use float_repr::float_repr;
pub use int_fmt::format_int;
pub use parse_float::parse_float;
pub use parse_int::parse_int;
pub use round::round_float;
pub use spec::{FormatSpec, Grouping, parse_spec, parse_spec_for};
pub use str_fmt::format_str;
