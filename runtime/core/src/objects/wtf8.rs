//! Generalized UTF-8: UTF-8 that may also hold lone surrogates (U+D800..U+DFFF), each
//! as its own 3-byte sequence ED A0 80..ED BF BF. A Python str holds any code point;
//! stitch keeps the bytes of the strs that hold a surrogate in this form. Two
//! surrogates in a row stay two code points (never joined into one 4-byte sequence, as
//! WTF-8 would), because Python's `"\ud83d" + "\ude00"` is a 2-character str unequal to
//! `"\U0001F600"`: so equal strs have equal bytes, and byte order is code point order.

/// Whether `b` holds a surrogate: its lead byte ED is followed by A0..BF (a scalar
/// value's ED is followed by 80..9F).
pub fn has_surrogate(b: &[u8]) -> bool {
    b.windows(2).any(|w| w[0] == 0xED && w[1] >= 0xA0)
}

/// Appends code point `cp` (any value below 0x110000, surrogates included).
pub fn push(out: &mut Vec<u8>, cp: u32) {
    match char::from_u32(cp) {
        Some(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        None => out.extend_from_slice(&[0xE0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3F) as u8, 0x80 | (cp & 0x3F) as u8]),
    }
}

/// The number of code points in well-formed `b` (every byte but continuation bytes
/// starts one).
pub fn count(b: &[u8]) -> usize {
    b.iter().filter(|&&x| x & 0xC0 != 0x80).count()
}

/// The code points of well-formed `b`, each with its byte offset.
pub fn code_points(b: &[u8]) -> impl Iterator<Item = (usize, u32)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let lead = *b.get(i)?;
        let (len, init) = match lead {
            0..=0x7F => (1, lead as u32),
            0xC0..=0xDF => (2, (lead & 0x1F) as u32),
            0xE0..=0xEF => (3, (lead & 0x0F) as u32),
            _ => (4, (lead & 0x07) as u32),
        };
        let cp = b[i + 1..(i + len).min(b.len())].iter().fold(init, |acc, &c| (acc << 6) | (c & 0x3F) as u32);
        let at = i;
        i += len;
        Some((at, cp))
    })
}

/// `b` as text for a message, each surrogate written as `\udXXX` (as CPython writes
/// strs to stderr, with errors="backslashreplace").
pub fn escaped(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len());
    for (_, cp) in code_points(b) {
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => out.push_str(&format!("\\u{cp:04x}")),
        }
    }
    out
}

/// The message of the UnicodeEncodeError of encoding `b` (which holds a surrogate) to
/// UTF-8 strictly: the first run of surrogates, by code point position.
pub fn encode_error_message(b: &[u8]) -> String {
    let points: Vec<u32> = code_points(b).map(|(_, cp)| cp).collect();
    let is_surrogate = |cp: u32| (0xD800..0xE000).contains(&cp);
    let start = points.iter().position(|&cp| is_surrogate(cp)).unwrap_or(0);
    let end = start + points[start..].iter().take_while(|&&cp| is_surrogate(cp)).count();
    let what = if end - start == 1 {
        format!("character '\\u{:04x}' in position {start}", points[start])
    } else {
        format!("characters in position {start}-{}", end - 1)
    };
    format!("'utf-8' codec can't encode {what}: surrogates not allowed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogates_round_trip_and_stay_apart() {
        let mut b = Vec::new();
        for cp in [0x61, 0xD83D, 0xDE00, 0xE9, 0x1F600, 0xDFFF] {
            push(&mut b, cp);
        }
        assert!(has_surrogate(&b));
        assert_eq!(count(&b), 6);
        let cps: Vec<u32> = code_points(&b).map(|(_, c)| c).collect();
        assert_eq!(cps, [0x61, 0xD83D, 0xDE00, 0xE9, 0x1F600, 0xDFFF]);
        assert_eq!(escaped(&b), "a\\ud83d\\ude00é😀\\udfff");
        // U+D7FF and U+E000 are scalar values next to the surrogates.
        assert!(!has_surrogate("\u{D7FF}\u{E000}".as_bytes()));
        let (mut lo, mut hi) = (Vec::new(), Vec::new());
        push(&mut lo, 0xD7FF);
        push(&mut hi, 0xD800);
        assert!(lo < hi && hi < "\u{E000}".as_bytes().to_vec());
    }

    #[test]
    fn encode_errors_name_the_first_run_of_surrogates() {
        let mut b = "ab".as_bytes().to_vec();
        push(&mut b, 0xD800);
        assert_eq!(encode_error_message(&b), "'utf-8' codec can't encode character '\\ud800' in position 2: surrogates not allowed");
        push(&mut b, 0xDC00);
        push(&mut b, 0x63);
        push(&mut b, 0xDC01);
        assert_eq!(encode_error_message(&b), "'utf-8' codec can't encode characters in position 2-3: surrogates not allowed");
    }
}
