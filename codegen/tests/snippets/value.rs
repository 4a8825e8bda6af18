//! The value word of the snippets: enough for their bodies.

#[repr(transparent)]
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Value(pub u64);

impl Value {
    pub fn is_error(self) -> bool {
        self.0 == u64::MAX
    }

    pub fn both_int(a: Value, b: Value) -> bool {
        (a.0 >> 48 == 1) & (b.0 >> 48 == 1)
    }

    pub fn as_int(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    pub fn int(i: i64) -> Value {
        Value((i as u64 & 0xFFFF_FFFF_FFFF) | (1 << 48))
    }
}

pub fn counter_triggers(c: u16) -> bool {
    c < 16
}
