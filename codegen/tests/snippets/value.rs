pub fn counter_triggers(c: u16) -> bool {
    c < 16
}
