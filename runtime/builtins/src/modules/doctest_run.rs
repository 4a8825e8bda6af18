//! doctest's runner (CPython's `DocTestRunner`): each example compiled as at the
//! prompt (`single` mode, so an expression's value is displayed) and run in its
//! test's globals, with what it writes to stdout captured; its output or its
//! exception checked against what it expects; the outcome reported, and counted per
//! test for the summary.

use super::doctest_check::{check_output, strip_exception_details};
use super::doctest_find::DocTest;
use super::doctest_parse::{Example, FAIL_FAST, IGNORE_EXCEPTION_DETAIL, REPORT_DIFFS, REPORT_ONLY_FIRST_FAILURE, SKIP};
use super::doctest_report as report;
use crate::functions::source::{self, Mode};
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::vm::{Runtime, TracebackEntry};

/// The state of one `testmod` (or `run_docstring_examples`) run.
pub struct Runner {
    pub verbose: bool,
    pub optionflags: u32,
    /// Failures and tries per test name, in the order the tests ran.
    pub outcomes: Vec<(String, usize, usize)>,
}

/// How an example went.
enum Outcome {
    Success,
    Failure,
    /// An exception it did not expect: its traceback.
    Boom(String),
}

impl Runner {
    /// Runs the examples of `test`; its failures and tries.
    pub fn run(&mut self, rt: &mut Runtime, test: &DocTest) -> PyResult<(usize, usize)> {
        let (mut failures, mut tries) = (0, 0);
        for (number, example) in test.examples.iter().enumerate() {
            let quiet = self.optionflags & REPORT_ONLY_FIRST_FAILURE != 0 && failures > 0;
            let mut flags = self.optionflags;
            for &(flag, on) in &example.options {
                flags = if on { flags | flag } else { flags & !flag };
            }
            if flags & SKIP != 0 {
                continue;
            }
            tries += 1;
            if !quiet && self.verbose {
                rt.write_out(&report::start(example))?;
            }
            let filename = format!("<doctest {}[{number}]>", test.name);
            let (got, outcome) = run_example(rt, test, example, &filename, flags, quiet)?;
            match outcome {
                Outcome::Success => {
                    if !quiet && self.verbose {
                        rt.write_out("ok\n")?;
                    }
                }
                Outcome::Failure => {
                    if !quiet {
                        if flags & REPORT_DIFFS != 0 {
                            return Err(PyErr::unsupported("doctest's diff reports (REPORT_UDIFF, REPORT_CDIFF, REPORT_NDIFF)"));
                        }
                        rt.write_out(&report::failure(test, example, &got, flags))?;
                    }
                    failures += 1;
                }
                Outcome::Boom(traceback) => {
                    if !quiet {
                        rt.write_out(&report::unexpected_exception(test, example, &traceback))?;
                    }
                    failures += 1;
                }
            }
            if failures > 0 && flags & FAIL_FAST != 0 {
                break;
            }
        }
        match self.outcomes.iter_mut().find(|(n, _, _)| *n == test.name) {
            Some((_, f, t)) => {
                *f += failures;
                *t += tries;
            }
            None => self.outcomes.push((test.name.clone(), failures, tries)),
        }
        Ok((failures, tries))
    }
}

/// Runs one example: what it printed (its traceback added when it raised) and how it
/// went. Refusals and KeyboardInterrupt are not the example's outcome: they end the
/// run.
fn run_example(rt: &mut Runtime, test: &DocTest, example: &Example, filename: &str, flags: u32, quiet: bool) -> PyResult<(String, Outcome)> {
    rt.captures.push(String::new());
    let result = source::compile_text(rt, &example.source, filename, Mode::Single).and_then(|code| {
        let r = source::run_in(rt, code, test.globs.get(), "doctest");
        code.decref();
        r
    });
    let mut got = rt.captures.pop().unwrap_or_default();
    // Whatever was written ends a line: an expected output cannot say it does not.
    if !got.is_empty() && !got.ends_with('\n') {
        got.push('\n');
    }
    let error = match result {
        Ok(v) => {
            v.decref();
            let outcome = if check_output(&example.want, &got, flags) { Outcome::Success } else { Outcome::Failure };
            return Ok((got, outcome));
        }
        Err(e) if matches!(e.kind, ExcKind::Unsupported | ExcKind::KeyboardInterrupt) => return Err(e),
        Err(e) => e,
    };
    let frames = std::mem::take(&mut rt.traceback);
    // CPython's `traceback.format_exception_only`: no "Did you mean" hint.
    let exc_msg = format!("{}\n", PyErr { hint: None, ..error.clone() });
    let traceback = traceback_text(&frames, test, example, filename, &exc_msg);
    if !quiet {
        got.push_str(&traceback);
    }
    let outcome = match &example.exc_msg {
        None => Outcome::Boom(traceback),
        Some(want) if check_output(want, &exc_msg, flags) => Outcome::Success,
        Some(want) if flags & IGNORE_EXCEPTION_DETAIL != 0 && check_output(strip_exception_details(want), strip_exception_details(&exc_msg), flags) => {
            Outcome::Success
        }
        Some(_) => Outcome::Failure,
    };
    Ok((got, outcome))
}

/// The traceback of an example's exception as stitch knows it: the example's frame
/// and those it called, with their lines. CPython's also starts with the frame of
/// doctest's own `exec` in doctest.py, which stitch's native doctest does not have.
fn traceback_text(frames: &[TracebackEntry], test: &DocTest, example: &Example, filename: &str, exc_msg: &str) -> String {
    let mut out = String::from("Traceback (most recent call last):\n");
    for frame in frames {
        // The script's frames name it as the command line gave it; CPython's name it
        // by its absolute path, `__file__`, which is the test's file.
        let in_module = same_file(&frame.filename, &test.filename);
        let shown = if in_module { &test.filename } else { &*frame.filename };
        out.push_str(&format!("  File \"{shown}\", line {}, in {}\n", frame.line, frame.name));
        let index = frame.line.saturating_sub(1) as usize;
        let line = if &*frame.filename == filename {
            example.source.lines().nth(index).map(str::to_string)
        } else if in_module {
            std::fs::read_to_string(&test.filename).ok().and_then(|text| text.lines().nth(index).map(str::to_string))
        } else {
            source::source_line(&frame.filename, frame.line)
        };
        if let Some(line) = line.filter(|l| !l.trim().is_empty()) {
            out.push_str(&format!("    {}\n", line.trim()));
        }
    }
    out.push_str(exc_msg);
    out
}

/// Whether two names of files name the same path (one may be relative to the
/// working directory).
fn same_file(a: &str, b: &str) -> bool {
    if a.starts_with('<') || b.starts_with('<') {
        return a == b;
    }
    let absolute = |p: &str| std::path::absolute(p).ok();
    a == b || absolute(a).is_some_and(|x| Some(x) == absolute(b))
}
