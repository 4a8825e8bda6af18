//! What users see of tier 2: counters, the `--stats` summary, `--stats-json`.

/// Counters kept while the program runs (the rest is read off the executors and the
/// thread state when reporting).
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub executors_created: u64,
    /// Exits made (each starts cold).
    pub exits_total: u64,
    /// Exits taken by executors already freed (live ones are counted when reporting).
    pub side_exits_taken: u64,
    pub exits_stitched: u64,
    /// Times tier 2 returned to tier 1.
    pub tier1_reentries: u64,
    pub invalidations: u64,
    /// Executors reclaimed because they stopped running.
    pub reclaimed: u64,
    /// Uops in all traces made (bodies and stubs).
    pub uops_projected: u64,
    /// Times tier 1 entered an executor.
    pub executor_entries: u64,
}
