//! Running a program: read and compile the file, set up the thread state, the data
//! stack and the module frame, run it, and report the outcome as CPython would (the
//! same stdout, exit code and traceback).

use std::rc::Rc;
use stitch_abi::{Dict, Thread, Value};
use stitch_compiler::CompileError;
use stitch_core::errors::{ExcKind, PyErr};
use stitch_core::objects::{dict, str as strs};
use stitch_core::vm::{Runtime, TracebackEntry};
use stitch_interp::frames::{DataStack, init_frame};
use stitch_interp::{specialize, tier1};
use stitch_tier2::Tier2State;

/// How a program ended.
#[derive(Debug)]
pub enum Outcome {
    Finished,
    /// An uncaught exception: the traceback text (for stderr).
    Raised(String),
    /// A syntax error, reported as CPython does.
    SyntaxError(String),
    /// Outside the subset, or unreadable.
    Refused(String),
    /// The program ended (with the traceback of its exception, if any), but writing its
    /// output out at exit found the pipe closed: CPython reports the BrokenPipeError as
    /// ignored and exits with 120.
    StdoutBroken(Option<String>),
    /// The file cannot be run (missing, a directory): CPython's one-line report on
    /// stderr and its exit code.
    Unrunnable(String, i32),
    /// An uncaught SystemExit: the process exits with its code, after printing its
    /// message if the code is not a number.
    Exited(Option<String>, i32),
    /// An uncaught KeyboardInterrupt (a SIGINT): the traceback, then the process ends
    /// by SIGINT, as CPython's does.
    Interrupted(String),
    /// `-m` names a package without a `__main__` module: CPython's report, given
    /// after the package is imported.
    NoMain(String),
}

/// CPython's report of a closed stdout found at exit.
pub const STDOUT_BROKEN: &str =
    "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\nBrokenPipeError: [Errno 32] Broken pipe\n";

impl Outcome {
    /// The process exit code CPython would give (2 for what stitch refuses).
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Finished => 0,
            Outcome::Raised(_) | Outcome::SyntaxError(_) => 1,
            Outcome::Interrupted(_) => 128 + 2,
            Outcome::Refused(_) => 2,
            Outcome::StdoutBroken(_) => 120,
            Outcome::Unrunnable(_, code) | Outcome::Exited(_, code) => *code,
            Outcome::NoMain(_) => 1,
        }
    }
}

/// Which tiers run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    /// The specializing interpreter only.
    One,
    /// Hot loops become executors run by the tier-2 interpreter.
    Two,
    /// Executors are compiled to machine code.
    Jit,
}

impl Tier {
    pub fn name(self) -> &'static str {
        match self {
            Tier::One => "1",
            Tier::Two => "2",
            Tier::Jit => "jit",
        }
    }

    /// The default: the JIT where it runs, tier 2 elsewhere.
    pub fn default_for_host() -> Tier {
        if stitch_jit::AVAILABLE { Tier::Jit } else { Tier::Two }
    }
}

#[derive(Clone, Debug)]
pub struct Options {
    pub tier: Tier,
    /// Back-edge count before a loop is projected into an executor.
    pub loop_threshold: u16,
    /// Hotness a side exit starts at (negative: it is warm at 0).
    pub exit_hotness: i16,
    /// Count instructions and uops, and report (`--stats`).
    pub stats: bool,
    pub stats_json: Option<String>,
    pub dump_executors: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            tier: Tier::default_for_host(),
            loop_threshold: 16,
            exit_hotness: -16,
            stats: false,
            stats_json: None,
            dump_executors: None,
        }
    }
}

/// Data-stack slots: room for the recursion limit with large frames.
const DATA_STACK_SLOTS: usize = 1 << 21;
/// CPython's default recursion limit (the module frame counts).
const RECURSION_LIMIT: u32 = 1000;

/// Where the main program comes from, as `python3` takes it.
#[derive(Clone, Debug)]
pub enum Main {
    /// A file (`stitch FILE`).
    File(String),
    /// Source text given on the command line (`-c CODE`): named `<string>`.
    Code(String),
    /// One of the program's own modules, found from the working directory (`-m NAME`).
    Module(String),
    /// The program read from stdin (`-`): named `<stdin>`.
    Stdin,
}

/// Sets `sys.argv` as CPython does for each way of naming the program, then runs it.
pub fn run_main(main: Main, args: Vec<String>, options: &Options) -> Outcome {
    let argv = |first: String| std::iter::once(first).chain(args.iter().cloned()).collect::<Vec<_>>();
    match main {
        Main::File(path) => {
            stitch_builtins::modules::sys::set_argv(argv(path.clone()));
            run_file(&path, options)
        }
        Main::Code(code) => {
            stitch_builtins::modules::sys::set_argv(argv("-c".to_string()));
            crate::imports::set_search_dir(".", "");
            run_named(&code, "<string>", None, options)
        }
        Main::Stdin => {
            stitch_builtins::modules::sys::set_argv(argv("-".to_string()));
            crate::imports::set_search_dir(".", "");
            let mut bytes = Vec::new();
            if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes) {
                return Outcome::Unrunnable(format!("stitch: cannot read the program from stdin: {e}"), 2);
            }
            match String::from_utf8(bytes) {
                Ok(source) => run_named(&source, "<stdin>", None, options),
                Err(_) => Outcome::SyntaxError("SyntaxError: the program on stdin is not UTF-8 text\n".to_string()),
            }
        }
        Main::Module(name) => {
            let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
            crate::imports::set_search_dir(".", &cwd);
            let file = match crate::imports::main_module_file(&name) {
                Ok(file) => file,
                // CPython imports the package before it finds no `__main__` in it.
                Err(Outcome::NoMain(text)) => {
                    return match run_named("", "<runpy>", Some(name), options) {
                        Outcome::Finished => Outcome::Unrunnable(text, 1),
                        outcome => outcome,
                    };
                }
                Err(outcome) => return outcome,
            };
            let path = file.display().to_string();
            stitch_builtins::modules::sys::set_argv(argv(path.clone()));
            let source = match read_source(&path) {
                Ok(s) => s,
                Err(outcome) => return outcome,
            };
            // `-m a.b` runs with `__package__` 'a', so its relative imports resolve;
            // a package's `__main__` runs with the package's name, a top-level
            // module with ''.
            let package = if file.ends_with("__main__.py") {
                name.clone()
            } else {
                name.rsplit_once('.').map_or(String::new(), |(p, _)| p.to_string())
            };
            run_named(&source, &path, Some(package), options)
        }
    }
}

/// Compiles and runs the main program's source, named `filename`, in package
/// `package` (for `-m`).
fn run_named(source: &str, filename: &str, package: Option<String>, options: &Options) -> Outcome {
    let code = match compile(source, filename) {
        Ok(c) => c,
        Err(e) => return compile_error(e, filename, source),
    };
    let mut machine = Machine::new(options);
    machine.package = package;
    machine.run(code, source)
}

/// Reads, compiles and runs a file.
pub fn run_file(path: &str, options: &Options) -> Outcome {
    crate::imports::set_script(path);
    match read_source(path) {
        Ok(source) => run_source(&source, path, options),
        Err(outcome) => outcome,
    }
}

/// A file's source text, or what to report when it cannot be read or is no Python
/// text (CPython's SyntaxErrors for undecodable bytes and NULs).
pub fn read_source(path: &str) -> Result<String, Outcome> {
    // CPython's reports name the interpreter and the file as the working directory
    // joined with the path given.
    let program = program_name();
    if std::path::Path::new(path).is_dir() {
        // CPython runs a directory's __main__.py, which the subset has no use for.
        return Err(Outcome::Unrunnable(format!("{program}: can't find '__main__' module in '{}'", cpython_path(path)), 1));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(0);
            // Rust's text for the error is the C library's strerror, as CPython's is.
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            return Err(Outcome::Unrunnable(
                format!("{program}: can't open file '{}': [Errno {errno}] {text}", cpython_path(path)),
                2,
            ));
        }
    };
    let source = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bad = e.as_bytes()[e.utf8_error().valid_up_to()];
            let line = e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            let path = cpython_path(path);
            return Err(Outcome::SyntaxError(format!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{bad:02x}' in file {path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"
            )));
        }
    };
    if let Some(nul) = source.find('\0') {
        // CPython's tokenizer refuses the file before anything runs, showing the line
        // up to the NUL.
        let line = source[..nul].matches('\n').count() + 1;
        let text = &source[source[..nul].rfind('\n').map_or(0, |i| i + 1)..nul];
        let path = cpython_path(path);
        return Err(Outcome::SyntaxError(format!("  File \"{path}\", line {line}\n    {text}\nSyntaxError: source code cannot contain null bytes\n")));
    }
    Ok(source)
}

/// The interpreter as CPython's one-line reports name it (`sys.executable`).
pub fn program_name() -> String {
    std::env::current_exe().map_or_else(|_| "stitch".to_string(), |p| p.display().to_string())
}

/// `filename` made absolute, as CPython 3.11 names the script (`__file__`, warnings).
fn absolute_name(filename: &str) -> String {
    std::path::absolute(filename).map_or_else(|_| filename.to_string(), |p| p.display().to_string())
}

/// A file's name as CPython's errors about undecodable files give it: the working
/// directory joined with the path as given, without normalizing.
fn cpython_path(path: &str) -> String {
    match std::env::current_dir() {
        Ok(cwd) if !path.starts_with('/') => format!("{}/{path}", cwd.display()),
        _ => path.to_string(),
    }
}

/// Compiles and runs source text; `filename` names it in tracebacks.
pub fn run_source(source: &str, filename: &str, options: &Options) -> Outcome {
    crate::imports::remember_source(filename, source);
    run_named(source, filename, None, options)
}

/// Compiles a program or one of its modules, printing the SyntaxWarnings CPython's
/// compiler would print (on stderr, before the code runs, naming the file as CPython
/// does: by its absolute path).
pub fn compile(source: &str, filename: &str) -> Result<Value, CompileError> {
    let (code, warnings) = stitch_compiler::compile_program(source, filename, stitch_builtins::modules::names(), crate::imports::search_dir())?;
    if !warnings.is_empty() {
        let shown = if filename.starts_with('<') { filename.to_string() } else { absolute_name(filename) };
        let text: String = warnings.iter().map(|w| w.render(&shown, source)).collect();
        eprint!("{text}");
    }
    Ok(code)
}

/// What to report for a program that does not compile.
pub fn compile_error(e: CompileError, filename: &str, source: &str) -> Outcome {
    match e {
        CompileError::Syntax { .. } => Outcome::SyntaxError(e.render(filename, source)),
        CompileError::Unsupported { .. } => Outcome::Refused(e.render(filename, source).trim_end().to_string()),
    }
}

/// A thread state with its runtime, its tier-2 state and its data stack: the layers put
/// together.
/// The thread state, the runtime and the tier-2 state are held as raw pointers (each
/// from a `Box` the machine owns): they point at each other and frames point at them
/// while programs run, so no `Box` or reference to them may be moved around meanwhile.
pub struct Machine {
    thread: *mut Thread,
    runtime: *mut Runtime,
    /// Null when only tier 1 runs.
    tier2: *mut Tier2State,
    stack: DataStack,
    options: Options,
    /// Count instructions and uops (for `--stats`).
    counting: bool,
    /// The main module's `__package__` (for `-m pkg.mod`); None for a script.
    package: Option<String>,
}

impl Machine {
    pub fn new(options: &Options) -> Machine {
        let runtime = Box::into_raw(Box::new(Runtime::new(stitch_builtins::builtins_dict())));
        crate::imports::install(options.loop_threshold);
        // SAFETY: the runtime was just made and nothing else points at it yet.
        crate::imports::init_path(unsafe { &mut *runtime });
        let mut stack = DataStack::new(DATA_STACK_SLOTS);
        let counting = options.stats || options.stats_json.is_some();
        let tier2 = if options.tier == Tier::One {
            std::ptr::null_mut()
        } else {
            stitch_tier2::install();
            let mut state = Tier2State::new(options.exit_hotness);
            state.counting = counting;
            if options.tier == Tier::Jit {
                state.backend = stitch_jit::JitState::new().map(|j| Box::new(j) as Box<dyn stitch_tier2::backend::Backend>);
            }
            Box::into_raw(Box::new(state))
        };
        let thread = Box::into_raw(Box::new(Thread {
            frame: std::ptr::null_mut(),
            previous_executor: std::ptr::null_mut(),
            depth: 0,
            limit: RECURSION_LIMIT,
            runtime: runtime.cast(),
            tier2: tier2.cast(),
            // The last slots are the generator finalizers' (`FINALIZER_SLOTS`).
            // SAFETY: the stack is far larger than the reserve.
            stack_end: unsafe { stack.end().sub(stitch_interp::generators::FINALIZER_SLOTS) },
            tier1_instructions: 0,
            tier2_uops: 0,
            cold_exits: 0,
            interrupt: 0,
        }));
        // SAFETY: both were just made and nothing else refers to them yet; the thread
        // state lives (unmoved, boxed) until the machine drops, which stops polling.
        unsafe {
            (*runtime).thread = thread;
            stitch_core::output::poll_interrupts(&raw mut (*thread).interrupt);
        }
        Machine { thread, runtime, tier2, stack, options: options.clone(), counting, package: None }
    }

    pub fn runtime(&mut self) -> &mut Runtime {
        // SAFETY: owned by the machine; no other reference to it is live while the
        // machine's methods run outside the interpreters.
        unsafe { &mut *self.runtime }
    }

    /// Runs a module's code object (owned) to the end.
    pub fn run(&mut self, code: Value, source: &str) -> Outcome {
        let filename: Rc<str> = {
            // SAFETY: the compiler returns a code object.
            let c = unsafe { stitch_core::objects::code::as_code(code) };
            c.filename.clone()
        };
        prepare_code(code, self.options.loop_threshold);
        let globals = dict::new_dict();
        // The names CPython's main module starts with that programs read.
        // CPython 3.11 makes the script's `__file__` absolute; a program from stdin is
        // `<stdin>`, and one from `-c` has none.
        let file = match &*filename {
            "<string>" => None,
            "<stdin>" => Some(filename.to_string()),
            _ => Some(absolute_name(&filename)),
        };
        let package = self.package.as_deref().map_or(Value::NONE, strs::new_str);
        let names = [("__name__", Some(strs::new_str("__main__"))), ("__file__", file.map(|f| strs::new_str(&f))), ("__package__", Some(package))];
        for (key, value) in names.into_iter().filter_map(|(k, v)| Some((k, v?))) {
            let key = strs::new_str(key);
            // SAFETY: `globals` is the new dict; the key and value are new references.
            unsafe { dict::set(globals.cast(), key, strs::as_str(key).hash(), value) };
        }
        // CPython's `sys.modules['__main__']`: a module whose namespace is these globals.
        globals.incref();
        let main = stitch_core::objects::module::new_module("__main__", globals);
        self.runtime().add_module("__main__", main);
        let exit_code = stitch_interp::reenter::exit_code_object(filename.clone());
        // `unittest.main()` loads its tests from the script's globals.
        stitch_builtins::functions::source::set_main_globals(Some(globals));
        let result = self.run_module(code, globals, exit_code);
        // No frame runs any more: a suspended generator freed with the globals below is
        // not closed (its `finally` would run in the returned module frame, reading the
        // globals as they are freed, and what it printed would come after the flush).
        // SAFETY: the thread state is live, and nothing runs on it now.
        unsafe { (*self.thread).frame = std::ptr::null_mut() };
        stitch_builtins::functions::source::set_main_globals(None);
        let outcome = match result {
            Ok(()) => Outcome::Finished,
            Err(e) if e.kind == ExcKind::Unsupported => {
                // What a standard module written in Python refuses is named at the
                // program's line that asked for it.
                let traceback = &self.runtime().traceback;
                let entry = traceback.iter().rev().find(|t| !t.filename.starts_with(stitch_builtins::modules::python::FILE_PREFIX));
                let at = entry.or(traceback.last()).map(|t| format!(" at {}:{}", t.filename, t.line)).unwrap_or_default();
                Outcome::Refused(format!("stitch: unsupported: {}{at}", e.message.as_deref().unwrap_or("")))
            }
            Err(mut e) if e.kind == ExcKind::SystemExit => system_exit(&mut e),
            Err(e) if e.kind == ExcKind::KeyboardInterrupt => Outcome::Interrupted(format_report(&self.runtime().traceback, &e, source)),
            Err(e) => Outcome::Raised(format_report(&self.runtime().traceback, &e, source)),
        };
        let flushed = self.runtime().flush();
        let outcome = match (outcome, flushed) {
            (Outcome::Finished | Outcome::Exited(..), Err(_)) => Outcome::StdoutBroken(None),
            (Outcome::Raised(t), Err(_)) => Outcome::StdoutBroken(Some(t)),
            (outcome, _) => outcome,
        };
        let reported = self.report();
        if !self.tier2.is_null() {
            // SAFETY: owned by the machine, and nothing runs.
            stitch_tier2::shutdown(unsafe { &mut *self.tier2 });
        }
        exit_code.decref();
        globals.decref();
        code.decref();
        match reported {
            Ok(()) => outcome,
            Err(e) => Outcome::Refused(e),
        }
    }

    /// The statistics and the executor graph, as the options ask.
    fn report(&mut self) -> Result<(), String> {
        let o = &self.options;
        // SAFETY: owned by the machine, and nothing runs.
        let tier2 = unsafe { self.tier2.as_ref() };
        if o.stats || o.stats_json.is_some() {
            // SAFETY: owned by the machine, and nothing runs.
            let r = crate::report::collect(tier2, unsafe { &*self.thread }, o.tier.name());
            if o.stats {
                eprint!("{}", r.text());
            }
            if let Some(path) = &o.stats_json {
                std::fs::write(path, r.json()).map_err(|e| format!("stitch: cannot write {path}: {e}"))?;
            }
        }
        if let Some(dir) = &o.dump_executors {
            std::fs::create_dir_all(dir).map_err(|e| format!("stitch: cannot create {dir}: {e}"))?;
            let path = std::path::Path::new(dir).join("executors.dot");
            let none = Tier2State::new(0);
            let tier2 = tier2.unwrap_or(&none);
            std::fs::write(&path, stitch_tier2::dot::graph(tier2)).map_err(|e| format!("stitch: cannot write {}: {e}", path.display()))?;
            for &e in &tier2.live {
                // SAFETY: live executors are live until shutdown.
                let id = unsafe { stitch_tier2::executor::vm(e).id };
                let path = std::path::Path::new(dir).join(format!("executor-{id}.txt"));
                // SAFETY: as above.
                let text = unsafe { stitch_tier2::dot::listing(e) };
                std::fs::write(&path, text).map_err(|e| format!("stitch: cannot write {}: {e}", path.display()))?;
            }
        }
        Ok(())
    }

    fn run_module(&mut self, code: Value, globals: Value, exit_code: Value) -> Result<(), PyErr> {
        let ts = self.thread;
        let base = self.stack.base();
        let end = self.stack.end();
        let builtins = self.runtime().builtins.cast::<Dict>();
        // SAFETY: both frames are laid out in the empty data stack; the codes and
        // dicts outlive the run.
        unsafe {
            let exit = init_frame(base, end, exit_code.cast(), globals.cast(), builtins, std::ptr::null_mut(), Value::NULL)?;
            if let Some(package) = self.package.clone().filter(|p| !p.is_empty()) {
                // `-m pkg.mod` imports the package before the module runs, as runpy
                // does; its frames are laid out past the exit frame and gone before
                // the module's frame takes their place.
                (*ts).depth = 1;
                (*ts).frame = exit;
                stitch_interp::reenter::bind(ts, self.counting);
                stitch_builtins::modules::import(&mut *self.runtime, &package, false)?.decref();
            }
            let module = init_frame((*exit).limit, end, code.cast(), globals.cast(), builtins, exit, Value::NULL)?;
            (*ts).depth = 1;
            (*ts).frame = module;
            let result = if self.counting { tier1::run::<true>(ts, module) } else { tier1::run::<false>(ts, module) };
            if result.is_error() {
                let e = (*self.runtime).exception.take().unwrap_or_else(|| PyErr::type_error("error without an exception"));
                return Err(e);
            }
            result.decref();
        }
        Ok(())
    }
}

impl Drop for Machine {
    fn drop(&mut self) {
        stitch_core::output::stop_polling();
        // SAFETY: all came from `Box::into_raw` in `new`; nothing runs any more.
        unsafe {
            drop(Box::from_raw(self.thread));
            drop(Box::from_raw(self.runtime));
            if !self.tier2.is_null() {
                drop(Box::from_raw(self.tier2));
            }
        }
    }
}

/// Initializes the inline caches of a code object and of the code objects among its
/// constants.
pub fn prepare_code(code: Value, loop_threshold: u16) {
    // SAFETY: `code` is a live code object; its units are not being executed yet.
    unsafe {
        let c = stitch_core::objects::code::as_code(code);
        let units = std::slice::from_raw_parts_mut(c.instrs_ptr(), c.len());
        specialize::init_caches(units, specialize::counter(loop_threshold, 0));
        for &k in &c.consts {
            if k.is_kind(stitch_abi::KIND_CODE) {
                prepare_code(k, loop_threshold);
            }
        }
    }
}

/// How an uncaught SystemExit ends the process, as CPython's `handle_system_exit`:
/// its code is its argument (None without one, the tuple with several); None exits
/// with 0, an int with itself, anything else is printed and exits with 1.
fn system_exit(e: &mut PyErr) -> Outcome {
    let exc = stitch_core::exceptions::materialize(e);
    // SAFETY: a live exception object, read only.
    let args = unsafe { stitch_core::objects::exception::as_exception(exc).args };
    // SAFETY: an exception's args are a tuple.
    let items = unsafe { stitch_core::objects::tuple::items(args.cast()) };
    let code = match items {
        [] => Value::NONE,
        [only] => *only,
        _ => args,
    };
    let outcome = if code == Value::NONE {
        Outcome::Exited(None, 0)
    } else if let Some(n) = stitch_core::ops::num::as_int(code) {
        // The process status is the code's low byte, as the OS takes it (CPython
        // exits with -1 for an int past a C long: 255).
        let low = match n {
            stitch_core::ops::num::Int::Small(i) => (i & 0xff) as i32,
            stitch_core::ops::num::Int::Big(_) => 255,
        };
        Outcome::Exited(None, low)
    } else {
        Outcome::Exited(Some(stitch_core::ops::str(code).unwrap_or_default()), 1)
    };
    exc.decref();
    outcome
}

/// The report `traceback.format_exception` gives of an exception object (borrowed):
/// its chain, each with the traceback it gathered, as an uncaught one's.
pub fn format_exception(exc: Value) -> String {
    exc.incref();
    // SAFETY: callers pass exception objects.
    let entries = unsafe { stitch_core::objects::exception::as_exception(exc) }.traceback.clone();
    let err = stitch_core::exceptions::to_err(exc);
    format_report(&entries, &err, "")
}

/// CPython's report of an uncaught exception: the exceptions it was raised from or
/// during (its `__cause__`, or its `__context__`), oldest first, each with its
/// traceback, then its own.
pub fn format_report(entries: &[TracebackEntry], error: &PyErr, source: &str) -> String {
    const CAUSE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
    const CONTEXT: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";
    // The chain, newest first: each link with the text that follows its report.
    let mut chain: Vec<(Value, &str)> = Vec::new();
    let mut at = error.object.as_ref().map(|o| o.get());
    while let Some(exc) = at {
        // SAFETY: exception objects in a chain the error keeps alive; read only.
        let e = unsafe { stitch_core::objects::exception::as_exception(exc) };
        let next = if e.cause != Value::NONE {
            Some((e.cause, CAUSE))
        } else if e.context != Value::NONE && !e.suppress_context {
            Some((e.context, CONTEXT))
        } else {
            None
        };
        at = match next {
            // CPython stops at an exception it has printed already.
            Some((link, text)) if !chain.iter().any(|&(seen, _)| seen == link) && Some(link) != error.object.as_ref().map(|o| o.get()) => {
                chain.push((link, text));
                Some(link)
            }
            _ => None,
        };
    }
    let mut out = String::new();
    for &(exc, text) in chain.iter().rev() {
        exc.incref();
        let err = stitch_core::exceptions::to_err(exc);
        // SAFETY: as above.
        let tb = unsafe { stitch_core::objects::exception::as_exception(exc) }.traceback.clone();
        out.push_str(&format_traceback(&tb, &err, source));
        out.push_str(text);
    }
    out.push_str(&format_traceback(entries, error, source));
    out
}

/// CPython's traceback text: entries oldest first, each with its source line;
/// identical entries repeated more than three times are collapsed.
pub fn format_traceback(entries: &[TracebackEntry], error: &PyErr, source: &str) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let shown: Vec<TracebackEntry> =
        entries.iter().filter(|e| !stitch_builtins::modules::python::hidden_in_tracebacks(&e.filename)).cloned().collect();
    let entries = &shown[..];
    let mut out = String::from("Traceback (most recent call last):\n");
    let mut i = 0;
    while i < entries.len() {
        let e = &entries[i];
        let mut run = 1;
        while i + run < entries.len() && same_entry(&entries[i + run], e) {
            run += 1;
        }
        for _ in 0..run.min(3) {
            out.push_str(&entry_text(e, &lines));
        }
        if run > 3 {
            let more = run - 3;
            out.push_str(&format!("  [Previous line repeated {more} more time{}]\n", if more == 1 { "" } else { "s" }));
        }
        i += run;
    }
    out.push_str(&error.to_string());
    out.push('\n');
    out
}

fn same_entry(a: &TracebackEntry, b: &TracebackEntry) -> bool {
    a.line == b.line && a.name == b.name && a.filename == b.filename
}

fn entry_text(e: &TracebackEntry, lines: &[&str]) -> String {
    // A SyntaxError raised at run time ends with the place of the error, which is in
    // no function.
    let mut s = match e.name.as_str() {
        "" => format!("  File \"{}\", line {}\n", e.filename, e.line),
        name => format!("  File \"{}\", line {}, in {name}\n", e.filename, e.line),
    };
    // CPython shows no lines of a program given with -c or on stdin.
    if e.filename.starts_with('<') {
        return s;
    }
    // A line of one of the program's own modules, or of the script.
    let text = crate::imports::source_line(&e.filename, e.line).or_else(|| lines.get(e.line.saturating_sub(1) as usize).map(|l| l.to_string()));
    if let Some(text) = text {
        let t = text.trim();
        if !t.is_empty() {
            s.push_str(&format!("    {t}\n"));
        }
    }
    s
}

/// Whole programs through the interpreters' unsafe code (frames on the data stack,
/// NaN-boxed values, reference counting, executors and their exits): small enough to
/// run under miri (`cargo xtask miri`).
#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAM: &str = "\
def area(w, h=2):
    return w * h
items = [1, 2.5, 'x', (3, 4)]
counts = {}
total = 0
for i in range(40):
    if i % 3 == 0:
        total += area(i)
    else:
        total = total + area(h=i, w=0.5)
    word = 'k' + str(i % 4)
    counts[word] = counts.get(word, 0) + 1
    x = (i * 1103515245 + 12345) % 2147483648
    items.append(x)
    if len(items) > 6:
        items.pop(1)
print(total, sorted(counts.items()), items[-2:], [c * 2 for c in 'ab'])
";

    fn run(tier: Tier) -> Outcome {
        let options = Options { tier, loop_threshold: 2, exit_hotness: -2, ..Options::default() };
        run_source(PROGRAM, "miri.py", &options)
    }

    #[test]
    fn a_program_runs_in_tier_1() {
        assert!(matches!(run(Tier::One), Outcome::Finished));
    }

    #[test]
    fn a_program_runs_with_executors_in_the_tier_2_interpreter() {
        assert!(matches!(run(Tier::Two), Outcome::Finished));
    }

    /// Closures, and Python functions that builtins call (a key function, a map's
    /// function): calls from below run on nested tier-1 loops, under executors too.
    const CALLS_FROM_BELOW: &str = "\
def make(k):
    def f(x):
        return (x * k) % 7
    return f
g = make(3)
total = 0
for i in range(12):
    total += sum(map(g, [i, i + 1])) + min([i, 4], key=g)
print(total, sorted(range(6), key=lambda v: -g(v)), list(filter(g, range(4))))
";

    #[test]
    // Known aliasing bug, found by miri: a builtin holds its `&mut Runtime` while the
    // Python function it calls (a key function) makes another one from the thread state
    // (a Stacked Borrows violation). The fix is a runtime handle instead of `&mut
    // Runtime` in every builtin; until then this runs natively only.
    #[cfg_attr(miri, ignore)]
    fn builtins_call_python_functions_in_every_tier() {
        for tier in [Tier::One, Tier::Two] {
            let options = Options { tier, loop_threshold: 2, exit_hotness: -2, ..Options::default() };
            assert!(matches!(run_source(CALLS_FROM_BELOW, "below.py", &options), Outcome::Finished));
        }
    }

    #[test]
    fn an_uncaught_error_unwinds_every_frame() {
        let options = Options { tier: Tier::Two, loop_threshold: 2, exit_hotness: -2, ..Options::default() };
        let outcome = run_source("def f(n):\n    return [n][n]\nfor i in range(10):\n    f(0)\nf(3)\n", "e.py", &options);
        let Outcome::Raised(text) = outcome else { panic!("{outcome:?}") };
        assert!(text.ends_with("IndexError: list index out of range\n"), "{text}");
    }

    #[test]
    fn an_error_in_a_trace_names_the_lines_that_raised_and_called() {
        // The last call raises inside the executor's trace, in the callee it followed.
        let options = Options { tier: Tier::Two, loop_threshold: 2, exit_hotness: -2, ..Options::default() };
        let source = "def f(n):\n    m = n\n    return [m][m]\nfor i in range(6):\n    j = i\n    f(0 if j < 5 else 3)\n";
        let outcome = run_source(source, "e.py", &options);
        let Outcome::Raised(text) = outcome else { panic!("{outcome:?}") };
        let frames: Vec<&str> = text.lines().filter(|l| l.starts_with("  File")).collect();
        assert_eq!(frames, ["  File \"e.py\", line 6, in <module>", "  File \"e.py\", line 3, in f"], "{text}");
    }
}
