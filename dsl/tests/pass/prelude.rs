// A shared module for the pass cases: functions bodies may call.
pub fn counter_triggers(c: u16) -> bool {
    c < 16
}

pub fn tick(instr: *mut u16) {
    let _ = instr;
}

pub fn drop_value(v: Value) {
    helpers::release(v);
}
