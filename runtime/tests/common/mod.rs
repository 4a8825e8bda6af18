//! Helpers shared by the integration tests.

use std::sync::Mutex;

/// Runs `check` on every item, on all cores; returns the failures it reported.
pub fn failures_in_parallel<T: Sync>(items: &[T], check: impl Fn(&T) -> Option<String> + Sync) -> Vec<String> {
    let failures = Mutex::new(Vec::new());
    let next = Mutex::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        *n += 1;
                        *n - 1
                    };
                    let Some(item) = items.get(i) else { break };
                    if let Some(f) = check(item) {
                        failures.lock().unwrap().push(f);
                    }
                }
            });
        }
    });
    failures.into_inner().unwrap()
}
