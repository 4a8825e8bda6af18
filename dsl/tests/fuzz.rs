//! Any input, however broken, gets diagnostics and never a panic.

use proptest::prelude::*;
use stitch_dsl::{SourceFile, compile};

fn no_shared(_: &str) -> Result<String, String> {
    Err("no shared modules in this test".to_string())
}

/// Compiles; returns whether it succeeded. Panics propagate (and fail the test).
fn compiles(text: String) -> bool {
    let file = SourceFile::new("fuzz.uops", text);
    let result = compile(&file, &no_shared);
    if let Err(d) = &result {
        // Rendering must not panic either, whatever the spans.
        let rendered = d.render(&file);
        assert!(rendered.contains("error"));
    }
    result.is_ok()
}

const SEED: &str = include_str!("../../runtime/bytecodes.uops");

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(s in ".{0,300}") {
        compiles(s);
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        compiles(String::from_utf8_lossy(&bytes).into_owned());
    }

    /// Bytes that are not UTF-8 are an error at a position, never a panic.
    #[test]
    fn random_bytes_decode_or_report_a_position(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        match stitch_dsl::source_file("fuzz.uops", bytes.clone()) {
            Ok(file) => prop_assert_eq!(file.text.as_bytes(), &bytes[..]),
            Err(e) => {
                let bad = stitch_dsl::decode::first_bad_byte(&bytes).expect("an error only for invalid UTF-8");
                let head = format!("error: fuzz.uops:{}: invalid UTF-8", bad.at);
                prop_assert!(e.starts_with(&head), "{}", e);
            }
        }
    }

}

// Each case compiles the whole instruction set: fewer cases.
proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn truncated_real_file_never_panics(cut in 0usize..SEED.len()) {
        let mut end = cut;
        while !SEED.is_char_boundary(end) {
            end -= 1;
        }
        compiles(SEED[..end].to_string());
    }

    #[test]
    fn mutated_real_file_never_panics(at in 0usize..SEED.len(), c in proptest::char::any()) {
        let mut s = SEED.to_string();
        let mut i = at;
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        s.insert(i, c);
        compiles(s);
    }
}

/// Fragments made of the language's own tokens reach deeper than random text.
#[test]
fn token_soup_never_panics() {
    let tokens = [
        "op", "inst", "macro", "family", "layout", "helper", "const", "shared", "pure", "tier2", "_A", "B", "(", ")", "[", "]", "{", "}",
        "--", ",", ";", "=", "+", "/", "1", "2", "oparg", "unused", "exit_if!(x)", "*mut", "u32", ":", "\"", "'", "//", "///",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(state % 40) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push_str(tokens[(state % tokens.len() as u64) as usize]);
            s.push(' ');
        }
        compiles(s);
    }
}
