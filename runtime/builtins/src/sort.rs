//! Sorting for `sorted()` and `list.sort()`: stable, using only `<` like CPython, and
//! structured like CPython's timsort (natural runs extended by binary insertion to a
//! minimum run length, then merged), so the comparisons made, and hence which pair
//! of incomparable items an error names, match CPython on typical inputs. Errors
//! stop the sort; the slice then holds every item, in some order.

use stitch_abi::Value;
use stitch_core::errors::PyResult;
use crate::sort_order;
use stitch_core::ops::compare::lt;

/// Sorts `items` in place by `keys` (the items themselves when `keys` is `None`),
/// stably; `reverse` sorts descending while keeping equal items in their order.
pub fn sort(items: &mut [Value], keys: Option<&mut [Value]>, reverse: bool) -> PyResult<()> {
    let mut own_keys;
    let keys = match keys {
        Some(k) => k,
        None => {
            own_keys = items.to_vec();
            &mut own_keys[..]
        }
    };
    // CPython reverses before and after a reverse sort, so that equal items keep
    // their original order.
    if reverse {
        items.reverse();
        keys.reverse();
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    let kinds = sort_order::classify(keys);
    let keys = &*keys;
    let r = timsort(&mut order, &|a: usize, b: usize| match sort_order::less(kinds, keys[a], keys[b]) {
        Some(less) => Ok(less),
        None => lt(keys[a], keys[b]),
    });
    let sorted: Vec<Value> = order.iter().map(|&i| items[i]).collect();
    items.copy_from_slice(&sorted);
    if reverse {
        items.reverse();
    }
    r
}

/// CPython's `merge_compute_minrun`.
fn min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Sorts the permutation `order` of indices by `less` on them.
fn timsort(order: &mut [usize], less: &impl Fn(usize, usize) -> PyResult<bool>) -> PyResult<()> {
    let n = order.len();
    if n < 2 {
        return Ok(());
    }
    let minrun = min_run(n);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let mut len = count_run(&mut order[lo..], less)?;
        if len < minrun {
            let force = minrun.min(n - lo);
            binary_insertion(&mut order[lo..lo + force], len, less)?;
            len = force;
        }
        runs.push((lo, len));
        lo += len;
    }
    // Merge neighbouring runs until one is left; any order of merges of adjacent runs
    // gives the same stable result.
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len().div_ceil(2));
        for pair in runs.chunks(2) {
            if let [(a, alen), (_, blen)] = *pair {
                merge(&mut order[a..a + alen + blen], alen, less)?;
                merged.push((a, alen + blen));
            } else {
                merged.push(pair[0]);
            }
        }
        runs = merged;
    }
    Ok(())
}

/// CPython's `count_run`: the length of the run at the start, ascending or strictly
/// descending (a descending run is reversed in place).
fn count_run(s: &mut [usize], less: &impl Fn(usize, usize) -> PyResult<bool>) -> PyResult<usize> {
    if s.len() == 1 {
        return Ok(1);
    }
    let mut n = 2;
    if less(s[1], s[0])? {
        while n < s.len() && less(s[n], s[n - 1])? {
            n += 1;
        }
        s[..n].reverse();
    } else {
        while n < s.len() && !less(s[n], s[n - 1])? {
            n += 1;
        }
    }
    Ok(n)
}

/// CPython's `binarysort`: `s[..sorted]` is sorted; inserts the rest one by one after
/// the last equal item (stability).
fn binary_insertion(s: &mut [usize], sorted: usize, less: &impl Fn(usize, usize) -> PyResult<bool>) -> PyResult<()> {
    for start in sorted..s.len() {
        let pivot = s[start];
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + ((r - l) >> 1);
            if less(pivot, s[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        s.copy_within(l..start, l + 1);
        s[l] = pivot;
    }
    Ok(())
}

/// Merges the sorted halves `s[..mid]` and `s[mid..]`, taking from the right only
/// when strictly less (stability). On error, the slice keeps every element.
fn merge(s: &mut [usize], mid: usize, less: &impl Fn(usize, usize) -> PyResult<bool>) -> PyResult<()> {
    let left = s[..mid].to_vec();
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < left.len() && j < s.len() {
        let take_right = match less(s[j], left[i]) {
            Ok(b) => b,
            Err(e) => {
                // Put the unmerged left items back into the gap.
                let rest = left.len() - i;
                s.copy_within(j.., k + rest);
                s[k..k + rest].copy_from_slice(&left[i..]);
                return Err(e);
            }
        };
        if take_right {
            s[k] = s[j];
            j += 1;
        } else {
            s[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        s[k] = left[i];
        i += 1;
        k += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_ints_stably() {
        let mut v: Vec<Value> = [5, 3, 9, 1, 3, 7, 0, 2, 8, 6, 4].iter().map(|&i| Value::int(i)).collect();
        sort(&mut v, None, false).unwrap();
        let got: Vec<i64> = v.iter().map(|x| x.as_int()).collect();
        assert_eq!(got, vec![0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9]);
        // Long input: many runs and merges.
        let mut big: Vec<Value> = (0..1000).map(|i| Value::int((i * 7919) % 1000)).collect();
        sort(&mut big, None, true).unwrap();
        let got: Vec<i64> = big.iter().map(|x| x.as_int()).collect();
        let want: Vec<i64> = (0..1000).rev().collect();
        assert_eq!(got, want);
    }

    #[test]
    fn reverse_keeps_equal_keys_in_order() {
        // Items 10, 11, 12 with keys 1, 1, 0: reverse order by key keeps 10 before 11.
        let mut items = vec![Value::int(10), Value::int(11), Value::int(12)];
        let mut keys = vec![Value::int(1), Value::int(1), Value::int(0)];
        sort(&mut items, Some(&mut keys), true).unwrap();
        let got: Vec<i64> = items.iter().map(|x| x.as_int()).collect();
        assert_eq!(got, vec![10, 11, 12]);
    }
}
