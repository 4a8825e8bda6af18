//! Python's regular-expression syntax translated to fancy-regex's. The translator is a
//! parser of CPython 3.11's syntax (`sre_parse`): it reports CPython's `re.error`
//! messages and positions for bad patterns, refuses what it cannot translate
//! faithfully, and writes a pattern whose every construct means in fancy-regex what it
//! means in CPython:
//!
//! - literals are written as `\x{..}` escapes (Python's and Rust's special characters
//!   differ: `{` alone, `[` inside a class, `&&`/`--`/`~~` in classes);
//! - `\d`, `\w`, `\s` and their negations become explicit classes with CPython's
//!   definitions (`\w` is `str.isalnum()` or `_`, which is `[\p{L}\p{N}_]`; `\s` is
//!   `str.isspace()`, which has `\x1c`-`\x1f` that Rust's `\s` lacks), ASCII ones
//!   under `re.ASCII`; `\b` and `\B` become lookarounds over that `\w`;
//! - `^`, `$`, `\A`, `\Z` and `.` are written for the flags in force (`$` is "at the
//!   end or before a final newline" without MULTILINE), so only IGNORECASE reaches
//!   the Rust pattern as a flag;
//! - every capturing group is a plain numbered group: names stay here
//!   (`Translated::names`), backreferences are written by number;
//! - VERBOSE's whitespace and comments are dropped here (Rust's `x` mode would also
//!   drop whitespace inside classes, which Python keeps).

/// CPython's flag values (`re.RegexFlag`).
pub const TEMPLATE: u32 = 1;
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const DEBUG: u32 = 128;
pub const ASCII: u32 = 256;

/// A pattern translated.
pub struct Translated {
    /// The pattern in fancy-regex's syntax.
    pub rust: String,
    /// When the pattern has `\b`: the pattern with Rust's own `\b` for it, which
    /// fancy-regex hands to its fast engine (the faithful `\b` is two lookarounds,
    /// which need the backtracking one). It means the same in a text without the
    /// characters where Rust's and Python's `\w` differ (`fast_ascii_only`: in an
    /// ASCII text only, when the pattern has an ASCII `\b`).
    pub fast: Option<String>,
    pub fast_ascii_only: bool,
    /// CPython's `Pattern.flags`: the flags given, the global inline ones, and UNICODE
    /// unless ASCII.
    pub flags: u32,
    /// The number of capturing groups.
    pub groups: usize,
    /// Group names and numbers, in the order they are defined.
    pub names: Vec<(String, usize)>,
    /// `parents[g]`: the innermost group around group `g` (0: none); index 0 unused.
    /// `Match.lastindex` is the group that closed last, which spans alone cannot tell.
    pub parents: Vec<usize>,
}

/// Why a pattern is not translated.
pub enum Fail {
    /// CPython's `re.error(msg, pattern, pos)`.
    Error { msg: String, pos: Option<usize> },
    /// A construct CPython accepts that has no faithful translation.
    Unsupported(String),
}

type R<T> = Result<T, Fail>;

fn error<T>(msg: impl Into<String>, pos: usize) -> R<T> {
    Err(Fail::Error { msg: msg.into(), pos: Some(pos) })
}

fn unsupported<T>(what: &str) -> R<T> {
    Err(Fail::Unsupported(format!("re: {what}")))
}

/// The flags in force inside a group.
#[derive(Clone, Copy)]
struct Scope {
    icase: bool,
    multiline: bool,
    dotall: bool,
    verbose: bool,
    ascii: bool,
}

/// Minimum and maximum width in characters (`None`: unbounded).
type Width = (u64, Option<u64>);

struct Parser {
    p: Vec<char>,
    i: usize,
    out: String,
    groups: usize,
    names: Vec<(String, usize)>,
    parents: Vec<usize>,
    /// The groups whose `)` has been read, and their widths.
    closed: Vec<Option<Width>>,
    /// The groups open around the current position, innermost last.
    open: Vec<usize>,
    /// Nothing but global flag groups has been read yet.
    at_start: bool,
    flags: u32,
}

/// Translates `pattern` with the flags given (`re.compile(pattern, flags)`).
pub fn translate(pattern: &str, flags: u32) -> R<Translated> {
    if flags & LOCALE != 0 {
        return error("cannot use LOCALE flag with a str pattern", 0);
    }
    if flags & ASCII != 0 && flags & UNICODE != 0 {
        return error("ASCII and UNICODE flags are incompatible", 0);
    }
    let mut ps = Parser {
        p: pattern.chars().collect(),
        i: 0,
        out: String::new(),
        groups: 0,
        names: Vec::new(),
        parents: vec![0],
        closed: vec![Some((0, Some(0)))],
        open: Vec::new(),
        at_start: true,
        flags,
    };
    let mut scope = Scope {
        icase: flags & IGNORECASE != 0,
        multiline: flags & MULTILINE != 0,
        dotall: flags & DOTALL != 0,
        verbose: flags & VERBOSE != 0,
        ascii: flags & ASCII != 0,
    };
    if scope.icase {
        ps.out.push_str("(?i)");
    }
    ps.alternation(&mut scope)?;
    if ps.i < ps.p.len() {
        // Only a `)` stops the top level early.
        return error("unbalanced parenthesis", ps.i);
    }
    let mut flags = ps.flags;
    if flags & ASCII == 0 {
        flags |= UNICODE;
    }
    if flags & ASCII != 0 && flags & IGNORECASE != 0 {
        // Python folds only ASCII letters then; Rust's folding is Unicode's.
        return unsupported("IGNORECASE together with ASCII");
    }
    let boundary = |w: &str| format!("(?:(?<=[{w}])(?![{w}])|(?<![{w}])(?=[{w}]))");
    let has = |c: char| ps.out.contains(c);
    let (fast, fast_ascii_only) = if has(BOUNDARY_UNICODE) || has(BOUNDARY_ASCII) {
        (Some(ps.out.replace([BOUNDARY_UNICODE, BOUNDARY_ASCII], r"\b")), has(BOUNDARY_ASCII))
    } else {
        (None, false)
    };
    let rust = ps.out.replace(BOUNDARY_UNICODE, &boundary(UNICODE_WORD)).replace(BOUNDARY_ASCII, &boundary(ASCII_WORD));
    Ok(Translated { rust, fast, fast_ascii_only, flags, groups: ps.groups, names: ps.names, parents: ps.parents })
}

const WHITESPACE: &[char] = &[' ', '\t', '\n', '\r', '\x0b', '\x0c'];

/// CPython's `str.isspace()` (3.11), as class items.
const UNICODE_SPACE: &str = r"\x{9}-\x{D}\x{1C}-\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";
const ASCII_SPACE: &str = r"\x{9}-\x{D}\x{20}";
const UNICODE_WORD: &str = r"\p{L}\p{N}\x{5F}";
const ASCII_WORD: &str = r"0-9A-Za-z\x{5F}";
const UNICODE_DIGIT: &str = r"\p{Nd}";
const ASCII_DIGIT: &str = r"0-9";

/// The class items of a category escape letter (`d`, `w`, `s`) and whether it is
/// negated (`D`, `W`, `S`).
fn category(c: char, ascii: bool) -> Option<(&'static str, bool)> {
    let items = match c.to_ascii_lowercase() {
        'd' if ascii => ASCII_DIGIT,
        'd' => UNICODE_DIGIT,
        'w' if ascii => ASCII_WORD,
        'w' => UNICODE_WORD,
        's' if ascii => ASCII_SPACE,
        's' => UNICODE_SPACE,
        _ => return None,
    };
    Some((items, c.is_ascii_uppercase()))
}

/// Stand-ins for `\b` in the translated text until `translate` writes both forms
/// (`Translated::rust` and `Translated::fast`): under Unicode and under ASCII rules.
const BOUNDARY_UNICODE: char = '\u{E000}';
const BOUNDARY_ASCII: char = '\u{E001}';

fn push_char(out: &mut String, c: char) {
    // Private-use characters are escaped, so the boundary stand-ins are unambiguous.
    if c.is_ascii_alphanumeric() || (!c.is_ascii() && !c.is_whitespace() && !('\u{E000}'..='\u{F8FF}').contains(&c)) {
        out.push(c);
    } else {
        out.push_str(&format!("\\x{{{:X}}}", c as u32));
    }
}

/// What an item of a class is.
enum ClassItem {
    Char(char),
    Category(&'static str, bool),
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.p.get(self.i + k).copied()
    }

    /// Skips VERBOSE whitespace and comments.
    fn skip_verbose(&mut self, scope: &Scope) {
        if !scope.verbose {
            return;
        }
        while let Some(c) = self.peek() {
            if WHITESPACE.contains(&c) {
                self.i += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn alternation(&mut self, scope: &mut Scope) -> R<Width> {
        let mut width = self.sequence(scope)?;
        while self.peek() == Some('|') {
            self.i += 1;
            self.out.push('|');
            let w = self.sequence(scope)?;
            width.0 = width.0.min(w.0);
            width.1 = match (width.1, w.1) {
                (Some(a), Some(b)) => Some(a.max(b)),
                _ => None,
            };
        }
        Ok(width)
    }

    fn sequence(&mut self, scope: &mut Scope) -> R<Width> {
        // The width of the items before the last one.
        let mut width: Width = (0, Some(0));
        // The last item: its width, whether it can be repeated (an assertion cannot),
        // whether it is repeated already.
        let mut last: Option<(Width, bool, bool)> = None;
        let add = |a: Width, b: Width| -> Width {
            (a.0.saturating_add(b.0), a.1.zip(b.1).map(|(x, y)| x.saturating_add(y)))
        };
        loop {
            self.skip_verbose(scope);
            let Some(c) = self.peek() else { break };
            if c == '|' || c == ')' {
                break;
            }
            let here = self.i;
            if let Some((lo, hi)) = self.quantifier()? {
                let Some((w, repeatable, repeated)) = last else {
                    return error("nothing to repeat", here);
                };
                if !repeatable {
                    return error("nothing to repeat", here);
                }
                if repeated {
                    return error("multiple repeat", here);
                }
                let suffix = match self.peek() {
                    Some('?') => {
                        self.i += 1;
                        "?"
                    }
                    Some('+') => {
                        self.i += 1;
                        "+"
                    }
                    _ => "",
                };
                let q = match (lo, hi) {
                    (0, None) => "*".to_string(),
                    (1, None) => "+".to_string(),
                    (0, Some(1)) => "?".to_string(),
                    (lo, None) => format!("{{{lo},}}"),
                    (lo, Some(hi)) if lo == hi => format!("{{{lo}}}"),
                    (lo, Some(hi)) => format!("{{{lo},{hi}}}"),
                };
                self.out.push_str(&q);
                self.out.push_str(suffix);
                let repeated_hi = match (w.1, hi) {
                    (Some(0), _) => Some(0),
                    (Some(a), Some(b)) => Some(a.saturating_mul(b)),
                    _ => None,
                };
                last = Some(((w.0.saturating_mul(lo), repeated_hi), true, true));
                continue;
            }
            let (w, repeatable) = self.item(scope)?;
            let Some(w) = w else {
                // A global flag group or a comment: nothing to repeat or to measure.
                continue;
            };
            self.at_start = false;
            if let Some((lw, _, _)) = last {
                width = add(width, lw);
            }
            last = Some((w, repeatable, false));
        }
        if let Some((lw, _, _)) = last {
            width = add(width, lw);
        }
        Ok(width)
    }

    /// A quantifier at the position (`*`, `+`, `?`, `{m,n}`), consumed; `{` that does
    /// not make one is a literal, as in CPython.
    fn quantifier(&mut self) -> R<Option<(u64, Option<u64>)>> {
        let here = self.i;
        match self.peek() {
            Some('*') => {
                self.i += 1;
                Ok(Some((0, None)))
            }
            Some('+') => {
                self.i += 1;
                Ok(Some((1, None)))
            }
            Some('?') => {
                self.i += 1;
                Ok(Some((0, Some(1))))
            }
            Some('{') => {
                if self.peek_at(1) == Some('}') {
                    return Ok(None);
                }
                let mut k = self.i + 1;
                let digits = |k: &mut usize, p: &[char]| {
                    let s = *k;
                    while *k < p.len() && p[*k].is_ascii_digit() {
                        *k += 1;
                    }
                    p[s..*k].iter().collect::<String>()
                };
                let lo = digits(&mut k, &self.p);
                let hi = if self.p.get(k) == Some(&',') {
                    k += 1;
                    digits(&mut k, &self.p)
                } else {
                    lo.clone()
                };
                if self.p.get(k) != Some(&'}') {
                    return Ok(None);
                }
                self.i = k + 1;
                let parse = |s: &str| -> R<Option<u64>> {
                    if s.is_empty() {
                        return Ok(None);
                    }
                    match s.parse::<u64>() {
                        Ok(n) if n < 4_294_967_295 => Ok(Some(n)),
                        _ => unsupported("a repeat count this large"),
                    }
                };
                let min = parse(&lo)?.unwrap_or(0);
                let max = parse(&hi)?;
                if let Some(max) = max
                    && max < min
                {
                    return error("min repeat greater than max repeat", here + 1);
                }
                if min > 1000 || max.is_some_and(|m| m > 1000) {
                    // fancy-regex's compiled size limits would refuse it, or not.
                    return unsupported("a repeat count above 1000");
                }
                Ok(Some((min, max)))
            }
            _ => Ok(None),
        }
    }

    /// One item; its width (None for a flag group or comment, which is no item) and
    /// whether it can be repeated.
    fn item(&mut self, scope: &mut Scope) -> R<(Option<Width>, bool)> {
        let here = self.i;
        let c = self.p[self.i];
        self.i += 1;
        let one = Some((1, Some(1)));
        let zero = Some((0, Some(0)));
        match c {
            '.' => {
                self.out.push_str(if scope.dotall { r"(?s:.)" } else { r"[^\n]" });
                Ok((one, true))
            }
            '^' => {
                self.out.push_str(if scope.multiline { r"(?m:^)" } else { r"\A" });
                Ok((zero, false))
            }
            '$' => {
                self.out.push_str(if scope.multiline { r"(?m:$)" } else { r"(?=\n?\z)" });
                Ok((zero, false))
            }
            '[' => {
                self.class(here, scope)?;
                Ok((one, true))
            }
            '(' => self.group(here, scope),
            '\\' => self.escape(here, scope),
            c => {
                push_char(&mut self.out, c);
                Ok((one, true))
            }
        }
    }

    fn word_boundary(&mut self, negated: bool, scope: &Scope) {
        let w = if scope.ascii { ASCII_WORD } else { UNICODE_WORD };
        if negated {
            // CPython's \B never matches in an empty string.
            self.out.push_str(&format!("(?:(?<=[{w}])(?=[{w}])|(?<![{w}])(?![{w}])(?!\\A\\z))"));
        } else {
            self.out.push(if scope.ascii { BOUNDARY_ASCII } else { BOUNDARY_UNICODE });
        }
    }

    fn hex(&mut self, here: usize, n: usize, letter: char) -> R<char> {
        let digits: String = self.p[self.i..].iter().take(n).take_while(|c| c.is_ascii_hexdigit()).collect();
        if digits.chars().count() != n {
            return error(format!("incomplete escape \\{letter}{digits}"), here);
        }
        self.i += n;
        let v = u32::from_str_radix(&digits, 16).unwrap_or(u32::MAX);
        match char::from_u32(v) {
            Some(c) => Ok(c),
            None if v > 0x10FFFF => error(format!("bad escape \\{letter}{digits}"), here),
            None => unsupported("a lone surrogate in a pattern"),
        }
    }

    fn octal_digits(&mut self, first: u32, more: usize) -> u32 {
        let mut v = first;
        for _ in 0..more {
            match self.peek() {
                Some(c @ '0'..='7') => {
                    v = v * 8 + c.to_digit(8).unwrap_or(0);
                    self.i += 1;
                }
                _ => break,
            }
        }
        v
    }

    /// A character escape shared by classes and the rest (after the backslash and its
    /// letter `c`): Some(char) when `c` is one.
    fn char_escape(&mut self, here: usize, c: char) -> R<Option<char>> {
        Ok(Some(match c {
            'a' => '\x07',
            'f' => '\x0c',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\x0b',
            '\\' => '\\',
            'x' => self.hex(here, 2, 'x')?,
            'u' => self.hex(here, 4, 'u')?,
            'U' => self.hex(here, 8, 'U')?,
            'N' => return unsupported("\\N{...} escapes"),
            _ => return Ok(None),
        }))
    }

    fn escape(&mut self, here: usize, scope: &Scope) -> R<(Option<Width>, bool)> {
        let Some(c) = self.peek() else {
            return error("bad escape (end of pattern)", here);
        };
        self.i += 1;
        let one = Some((1, Some(1)));
        let zero = Some((0, Some(0)));
        if let Some((items, negated)) = category(c, scope.ascii) {
            self.out.push_str(&format!("[{}{items}]", if negated { "^" } else { "" }));
            return Ok((one, true));
        }
        match c {
            'A' => {
                self.out.push_str(r"\A");
                return Ok((zero, false));
            }
            'Z' => {
                self.out.push_str(r"\z");
                return Ok((zero, false));
            }
            'b' | 'B' => {
                self.word_boundary(c == 'B', scope);
                return Ok((zero, false));
            }
            _ => {}
        }
        if let Some(ch) = self.char_escape(here, c)? {
            push_char(&mut self.out, ch);
            return Ok((one, true));
        }
        if c == '0' {
            let v = self.octal_digits(0, 2);
            push_char(&mut self.out, char::from_u32(v).unwrap_or('\0'));
            return Ok((one, true));
        }
        if let Some(d) = c.to_digit(10) {
            let mut number = d as usize;
            if let Some(c2) = self.peek().filter(char::is_ascii_digit) {
                if c <= '7' && c2 <= '7' && self.peek_at(1).is_some_and(|c3| ('0'..='7').contains(&c3)) {
                    self.i += 1;
                    let v = self.octal_digits(d * 8 + c2.to_digit(8).unwrap_or(0), 1);
                    if v > 0o377 {
                        let text: String = self.p[here..self.i].iter().collect();
                        return error(format!("octal escape value {text} outside of range 0-0o377"), here);
                    }
                    push_char(&mut self.out, char::from_u32(v).unwrap_or('\0'));
                    return Ok((one, true));
                }
                self.i += 1;
                number = number * 10 + c2.to_digit(10).unwrap_or(0) as usize;
            }
            return self.backref(number, here + 1);
        }
        if c.is_ascii_alphabetic() {
            return error(format!("bad escape \\{c}"), here);
        }
        push_char(&mut self.out, c);
        Ok((one, true))
    }

    fn backref(&mut self, group: usize, pos: usize) -> R<(Option<Width>, bool)> {
        if group > self.groups {
            return error(format!("invalid group reference {group}"), pos);
        }
        let Some(width) = self.closed.get(group).copied().flatten() else {
            return error("cannot refer to an open group", pos);
        };
        self.out.push_str(&format!("(?:\\{group})"));
        Ok((Some(width), true))
    }

    fn class(&mut self, here: usize, scope: &Scope) -> R<()> {
        let mut out = String::from("[");
        if self.peek() == Some('^') {
            self.i += 1;
            out.push('^');
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return error("unterminated character set", here);
            };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            let item_at = self.i;
            let lo = self.class_item(scope)?;
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                self.i += 1;
                let hi = self.class_item(scope)?;
                let (ClassItem::Char(a), ClassItem::Char(b)) = (&lo, &hi) else {
                    let text: String = self.p[item_at..self.i].iter().collect();
                    return error(format!("bad character range {text}"), item_at);
                };
                if a > b {
                    let text: String = self.p[item_at..self.i].iter().collect();
                    return error(format!("bad character range {text}"), item_at);
                }
                out.push_str(&format!("\\x{{{:X}}}-\\x{{{:X}}}", *a as u32, *b as u32));
                continue;
            }
            match lo {
                ClassItem::Char(c) => out.push_str(&format!("\\x{{{:X}}}", c as u32)),
                ClassItem::Category(items, false) => out.push_str(items),
                ClassItem::Category(items, true) => out.push_str(&format!("[^{items}]")),
            }
        }
        out.push(']');
        self.out.push_str(&out);
        Ok(())
    }

    fn class_item(&mut self, scope: &Scope) -> R<ClassItem> {
        let here = self.i;
        let Some(c) = self.peek() else {
            return error("unterminated character set", here);
        };
        self.i += 1;
        if c != '\\' {
            return Ok(ClassItem::Char(c));
        }
        let Some(c) = self.peek() else {
            return error("unterminated character set", here);
        };
        self.i += 1;
        if let Some((items, negated)) = category(c, scope.ascii) {
            return Ok(ClassItem::Category(items, negated));
        }
        if c == 'b' {
            return Ok(ClassItem::Char('\x08'));
        }
        if let Some(ch) = self.char_escape(here, c)? {
            return Ok(ClassItem::Char(ch));
        }
        if let Some(d) = c.to_digit(8) {
            let v = self.octal_digits(d, 2);
            if v > 0o377 {
                let text: String = self.p[here..self.i].iter().collect();
                return error(format!("octal escape value {text} outside of range 0-0o377"), here);
            }
            return Ok(ClassItem::Char(char::from_u32(v).unwrap_or('\0')));
        }
        if c.is_ascii_alphanumeric() {
            return error(format!("bad escape \\{c}"), here);
        }
        Ok(ClassItem::Char(c))
    }

    /// A group name after `(?P<` or `(?P=`, up to `end`.
    fn name(&mut self, end: char) -> R<String> {
        let start = self.i;
        let mut name = String::new();
        loop {
            match self.peek() {
                None => {
                    return if name.is_empty() {
                        error("missing group name", start)
                    } else {
                        error(format!("missing {end}, unterminated name"), start)
                    };
                }
                Some(c) if c == end => {
                    self.i += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.i += 1;
                }
            }
        }
        if name.is_empty() {
            return error("missing group name", start);
        }
        if !is_identifier(&name) {
            return error(format!("bad character in group name {}", py_repr(&name)), start);
        }
        Ok(name)
    }

    fn group(&mut self, here: usize, scope: &mut Scope) -> R<(Option<Width>, bool)> {
        let mut inner = *scope;
        let mut capture = false;
        let mut name = None;
        let mut lookbehind = false;
        let opener: String;
        if self.peek() != Some('?') {
            capture = true;
            opener = "(".to_string();
        } else {
            self.i += 1;
            match self.peek() {
                Some(':') => {
                    self.i += 1;
                    opener = "(?:".to_string();
                }
                Some('P') => {
                    self.i += 1;
                    match self.peek() {
                        Some('<') => {
                            self.i += 1;
                            let at = self.i;
                            let n = self.name('>')?;
                            if let Some(&(_, was)) = self.names.iter().find(|(k, _)| *k == n) {
                                return error(
                                    format!("redefinition of group name {} as group {}; was group {was}", py_repr(&n), self.groups + 1),
                                    at,
                                );
                            }
                            name = Some(n);
                            capture = true;
                            opener = "(".to_string();
                        }
                        Some('=') => {
                            self.i += 1;
                            let at = self.i;
                            let n = self.name(')')?;
                            let Some(&(_, g)) = self.names.iter().find(|(k, _)| *k == n) else {
                                return error(format!("unknown group name {}", py_repr(&n)), at);
                            };
                            return self.backref(g, at);
                        }
                        Some(c) => return error(format!("unknown extension ?P{c}"), here + 1),
                        None => return error("unexpected end of pattern", self.i),
                    }
                }
                Some('=') | Some('!') => {
                    let c = self.p[self.i];
                    self.i += 1;
                    opener = format!("(?{c}");
                }
                Some('<') => {
                    self.i += 1;
                    match self.peek() {
                        Some(c @ ('=' | '!')) => {
                            self.i += 1;
                            lookbehind = true;
                            opener = format!("(?<{c}");
                        }
                        Some(c) => return error(format!("unknown extension ?<{c}"), here + 1),
                        None => return error("unexpected end of pattern", self.i),
                    }
                }
                Some('#') => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == ')' {
                            return Ok((None, false));
                        }
                    }
                    return error("missing ), unterminated comment", here);
                }
                Some('>') => {
                    self.i += 1;
                    opener = "(?>".to_string();
                }
                Some('(') => return unsupported("conditional groups (?(...)...)"),
                Some(c) if "aiLmsux-".contains(c) => {
                    let (on, off, global) = self.inline_flags(here)?;
                    if global {
                        if !self.at_start || !self.open.is_empty() {
                            return error("global flags not at the start of the expression", here);
                        }
                        self.flags |= on;
                        apply(scope, on, 0);
                        if on & IGNORECASE != 0 {
                            self.out.push_str("(?i)");
                        }
                        return Ok((None, false));
                    }
                    apply(&mut inner, on, off);
                    opener = match (inner.icase, scope.icase) {
                        (true, false) => "(?i:",
                        (false, true) => "(?-i:",
                        _ => "(?:",
                    }
                    .to_string();
                }
                Some(c) => return error(format!("unknown extension ?{c}"), here + 1),
                None => return error("unexpected end of pattern", self.i),
            }
        }
        let number = if capture {
            self.groups += 1;
            let g = self.groups;
            self.parents.push(self.open.last().copied().unwrap_or(0));
            self.closed.push(None);
            if let Some(n) = name {
                self.names.push((n, g));
            }
            self.open.push(g);
            g
        } else {
            0
        };
        self.out.push_str(&opener);
        let width = self.alternation(&mut inner)?;
        if self.peek() != Some(')') {
            return error("missing ), unterminated subpattern", here);
        }
        self.i += 1;
        self.out.push(')');
        if capture {
            self.open.pop();
            self.closed[number] = Some(width);
        }
        if lookbehind {
            if width.1 != Some(width.0) {
                // CPython names no position for this one.
                return Err(Fail::Error { msg: "look-behind requires fixed-width pattern".into(), pos: None });
            }
        }
        if opener.starts_with("(?=") || opener.starts_with("(?!") || opener.starts_with("(?<") {
            return Ok((Some((0, Some(0))), true));
        }
        Ok((Some(width), true))
    }

    /// The letters of `(?flags)`, `(?flags:` or `(?flags-flags:` (the `(?` read):
    /// flags turned on and off, and whether it is a global flag group `(?flags)`.
    fn inline_flags(&mut self, here: usize) -> R<(u32, u32, bool)> {
        let mut on = 0;
        let mut off = 0;
        let mut negative = false;
        loop {
            let Some(c) = self.peek() else {
                return error("missing -, : or )", self.i);
            };
            self.i += 1;
            let bit = match c {
                'a' => ASCII,
                'i' => IGNORECASE,
                'L' => return error("bad inline flags: cannot use 'L' flag with a str pattern", self.i - 1),
                'm' => MULTILINE,
                's' => DOTALL,
                'u' => UNICODE,
                'x' => VERBOSE,
                '-' if !negative => {
                    negative = true;
                    continue;
                }
                ')' if !negative => {
                    return Ok((on, 0, true));
                }
                ':' => {
                    if negative && off == 0 {
                        return error("missing flag", self.i - 1);
                    }
                    if off & (ASCII | UNICODE) != 0 {
                        return error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", self.i - 1);
                    }
                    if on & VERBOSE != 0 || off & VERBOSE != 0 {
                        return unsupported("a scoped VERBOSE flag (?x:...)");
                    }
                    let _ = here;
                    return Ok((on, off, false));
                }
                _ if c.is_alphabetic() => return error("unknown flag", self.i - 1),
                _ => return error("missing -, : or )", self.i - 1),
            };
            if negative {
                off |= bit;
            } else {
                on |= bit;
            }
        }
    }
}

fn apply(scope: &mut Scope, on: u32, off: u32) {
    let set = |flag: u32, v: &mut bool| {
        if on & flag != 0 {
            *v = true;
        }
        if off & flag != 0 {
            *v = false;
        }
    };
    set(IGNORECASE, &mut scope.icase);
    set(MULTILINE, &mut scope.multiline);
    set(DOTALL, &mut scope.dotall);
    set(VERBOSE, &mut scope.verbose);
    set(ASCII, &mut scope.ascii);
    if on & UNICODE != 0 {
        scope.ascii = false;
    }
}

/// `str.isidentifier()` near enough for group names: a letter or `_`, then letters,
/// digits or `_`.
fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c == '_' || c.is_alphabetic()) && cs.all(|c| c == '_' || c.is_alphanumeric())
}

/// A group name as CPython's `%r` writes it in messages.
fn py_repr(s: &str) -> String {
    stitch_core::ops::repr::str_repr(s)
}

/// CPython's `re.escape`: every character but ASCII letters, digits and `_` that is
/// special somewhere gets a backslash.
pub fn escape(s: &str) -> String {
    const SPECIAL: &str = "()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c";
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if SPECIAL.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
