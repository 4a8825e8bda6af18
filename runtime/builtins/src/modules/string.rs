//! `string`: its constants (the `Template` and `Formatter` classes are not provided).

use stitch_abi::Value;
use stitch_core::objects::str::new_str;

const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

pub fn namespace() -> Value {
    let letters = format!("{LOWER}{UPPER}");
    let printable = format!("{DIGITS}{letters}{PUNCTUATION}{WHITESPACE}");
    super::namespace_of(
        &[],
        vec![
            ("ascii_lowercase", new_str(LOWER)),
            ("ascii_uppercase", new_str(UPPER)),
            ("ascii_letters", new_str(&letters)),
            ("digits", new_str(DIGITS)),
            ("hexdigits", new_str("0123456789abcdefABCDEF")),
            ("octdigits", new_str("01234567")),
            ("punctuation", new_str(PUNCTUATION)),
            ("whitespace", new_str(WHITESPACE)),
            ("printable", new_str(&printable)),
        ],
    )
}
