//! Stack sizes and offsets, symbolic in `oparg`: every array size in a stack effect is an
//! affine function `a * oparg + b`, so sums and differences stay exact.

use std::fmt;
use std::ops::{Add, Neg, Sub};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Size {
    /// The coefficient of `oparg`.
    pub oparg: i64,
    pub constant: i64,
}

impl Size {
    pub const ZERO: Size = Size { oparg: 0, constant: 0 };
    pub const ONE: Size = Size { oparg: 0, constant: 1 };

    pub fn constant(n: i64) -> Size {
        Size { oparg: 0, constant: n }
    }

    pub fn oparg(coefficient: i64) -> Size {
        Size { oparg: coefficient, constant: 0 }
    }

    pub fn is_constant(&self) -> bool {
        self.oparg == 0
    }

    pub fn uses_oparg(&self) -> bool {
        self.oparg != 0
    }

    /// The value for a given oparg.
    pub fn eval(&self, oparg: u32) -> i64 {
        self.oparg * oparg as i64 + self.constant
    }

    /// Rust source for this size, as an `isize` expression of the local `oparg: u32`.
    pub fn to_rust_isize(&self) -> String {
        match (self.oparg, self.constant) {
            (0, c) => format!("{c}isize"),
            (1, 0) => "(oparg as isize)".to_string(),
            (1, c) if c > 0 => format!("(oparg as isize + {c})"),
            (1, c) => format!("(oparg as isize - {})", -c),
            (a, 0) => format!("(oparg as isize * {a})"),
            (a, c) if c > 0 => format!("(oparg as isize * {a} + {c})"),
            (a, c) => format!("(oparg as isize * {a} - {})", -c),
        }
    }
}

impl Add for Size {
    type Output = Size;
    fn add(self, o: Size) -> Size {
        Size { oparg: self.oparg + o.oparg, constant: self.constant + o.constant }
    }
}

impl Sub for Size {
    type Output = Size;
    fn sub(self, o: Size) -> Size {
        Size { oparg: self.oparg - o.oparg, constant: self.constant - o.constant }
    }
}

impl Neg for Size {
    type Output = Size;
    fn neg(self) -> Size {
        Size { oparg: -self.oparg, constant: -self.constant }
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.oparg, self.constant) {
            (0, c) => write!(f, "{c}"),
            (a, c) => {
                match a {
                    1 => write!(f, "oparg")?,
                    -1 => write!(f, "-oparg")?,
                    a => write!(f, "{a}*oparg")?,
                }
                match c {
                    0 => Ok(()),
                    c if c > 0 => write!(f, " + {c}"),
                    c => write!(f, " - {}", -c),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_and_display() {
        let s = Size::oparg(2) + Size::constant(1) - Size::ONE - Size::ONE;
        assert_eq!(s.to_string(), "2*oparg - 1");
        assert_eq!(s.eval(3), 5);
        assert_eq!(s.to_rust_isize(), "(oparg as isize * 2 - 1)");
        assert_eq!(Size::ZERO.to_string(), "0");
    }
}
