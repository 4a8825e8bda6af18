//! doctest's reports, in CPython's words: the verbose `Trying:`/`Expecting:` lines,
//! a failure's header and difference, an unexpected exception, and the summary.

use super::doctest_check::{indent, output_difference};
use super::doctest_find::DocTest;
use super::doctest_parse::Example;

const DIVIDER: &str = "**********************************************************************";

/// Verbose: the example about to run.
pub fn start(example: &Example) -> String {
    if example.want.is_empty() {
        format!("Trying:\n{}Expecting nothing\n", indent(&example.source))
    } else {
        format!("Trying:\n{}Expecting:\n{}", indent(&example.source), indent(&example.want))
    }
}

/// The divider, where the example is, and its source.
fn header(test: &DocTest, example: &Example) -> String {
    let line = match test.lineno {
        Some(l) => (l + example.lineno + 1).to_string(),
        None => "?".to_string(),
    };
    format!("{DIVIDER}\nFile \"{}\", line {line}, in {}\nFailed example:\n{}", test.filename, test.name, indent(&example.source))
}

pub fn failure(test: &DocTest, example: &Example, got: &str, flags: u32) -> String {
    header(test, example) + &output_difference(&example.want, got, flags)
}

pub fn unexpected_exception(test: &DocTest, example: &Example, traceback: &str) -> String {
    header(test, example) + "Exception raised:\n" + &indent(traceback)
}

/// CPython's `DocTestRunner.summarize`: the tests without examples and those that
/// passed (verbose only), those that failed, the totals; and the counts.
pub fn summary(outcomes: &[(String, usize, usize)], verbose: bool) -> (String, usize, usize) {
    let mut out = String::new();
    let mut notests: Vec<&str> = Vec::new();
    let mut passed: Vec<(&str, usize)> = Vec::new();
    let mut failed: Vec<(&str, usize, usize)> = Vec::new();
    let (mut total_tries, mut total_failures) = (0, 0);
    for (name, f, t) in outcomes {
        total_tries += t;
        total_failures += f;
        if *t == 0 {
            notests.push(name);
        } else if *f == 0 {
            passed.push((name, *t));
        } else {
            failed.push((name, *f, *t));
        }
    }
    if verbose {
        if !notests.is_empty() {
            notests.sort();
            out += &format!("{} items had no tests:\n", notests.len());
            for name in &notests {
                out += &format!("    {name}\n");
            }
        }
        if !passed.is_empty() {
            passed.sort();
            out += &format!("{} items passed all tests:\n", passed.len());
            for (name, t) in &passed {
                out += &format!(" {t:>3} tests in {name}\n");
            }
        }
    }
    if !failed.is_empty() {
        failed.sort();
        out += &format!("{DIVIDER}\n{} items had failures:\n", failed.len());
        for (name, f, t) in &failed {
            out += &format!(" {f:>3} of {t:>3} in {name}\n");
        }
    }
    if verbose {
        out += &format!("{total_tries} tests in {} items.\n", outcomes.len());
        out += &format!("{} passed and {total_failures} failed.\n", total_tries - total_failures);
    }
    if total_failures > 0 {
        out += &format!("***Test Failed*** {total_failures} failures.\n");
    } else if verbose {
        out += "Test passed.\n";
    }
    (out, total_failures, total_tries)
}
