//! The `stitch` command: `stitch run FILE.py`, `stitch dis FILE.py`, and the forms
//! `python3` users type: `stitch FILE.py ARGS`, `stitch -c CODE`, `stitch -m MODULE`,
//! `stitch -` (the program on stdin).

use clap::{Parser, Subcommand, ValueEnum};

/// Python programs allocate and free small objects all the time: mimalloc's
/// size-class free lists are several times faster at that than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;
use stitch::program::{self, Options, Outcome, Tier};

#[derive(Parser)]
#[command(name = "stitch", version, about = "A tiered Python VM generated from one file of micro-ops")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum TierArg {
    #[value(name = "1")]
    One,
    #[value(name = "2")]
    Two,
    #[value(name = "jit")]
    Jit,
}

#[derive(Subcommand)]
enum Command {
    /// Run a Python program.
    Run {
        /// Which tiers run: 1 (the specializing interpreter), 2 (plus executors run by the
        /// uop interpreter), jit (executors compiled to machine code). Default: jit on
        /// x86-64 Linux, 2 elsewhere.
        #[arg(long, value_enum)]
        tier: Option<TierArg>,
        /// Back-edges before a loop becomes an executor.
        #[arg(long, default_value_t = Options::default().loop_threshold, value_parser = clap::value_parser!(u16).range(1..4096))]
        loop_threshold: u16,
        /// Hotness side exits start at; an exit is stitched when it counts up to 0.
        #[arg(long, default_value_t = Options::default().exit_hotness, allow_negative_numbers = true, value_parser = clap::value_parser!(i16).range(..0))]
        exit_hotness: i16,
        /// Print what the tiers did when the program ends (on stderr).
        #[arg(long)]
        stats: bool,
        /// Write the statistics as JSON.
        #[arg(long, value_name = "PATH")]
        stats_json: Option<String>,
        /// Write the executor graph as Graphviz DOT (DIR/executors.dot).
        #[arg(long, value_name = "DIR")]
        dump_executors: Option<String>,
        /// Containers allocated (minus those freed) before the cycle collector runs on
        /// the youngest ones (CPython's gc.set_threshold(N); 0: at every allocation).
        #[arg(long, default_value_t = 700)]
        gc_threshold: usize,
        /// Run CODE as the program (`sys.argv[0]` is `-c`).
        #[arg(short = 'c', value_name = "CODE", conflicts_with = "module")]
        code: Option<String>,
        /// Run the program's own module MODULE (found in the working directory) as
        /// `__main__`; a package runs its `__main__.py`.
        #[arg(short = 'm', value_name = "MODULE")]
        module: Option<String>,
        /// The program (`-` reads it from stdin); with -c or -m, the first argument.
        #[arg(required_unless_present_any = ["code", "module"])]
        file: Option<String>,
        /// The program's arguments (`sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Show the bytecode of every code object.
    Dis {
        /// Run the program first and show the specialized instructions.
        #[arg(long)]
        specialized: bool,
        file: String,
    },
}

/// The subcommands and the flags clap answers itself; any other first argument is a
/// program (or `-c`, `-m`, a run option), as `python3 ARGS` takes it.
const COMMANDS: &[&str] = &["run", "dis", "help", "-h", "--help", "-V", "--version"];

/// The run options that take a value as the next argument.
const VALUE_OPTIONS: &[&str] = &["--tier", "--loop-threshold", "--exit-hotness", "--stats-json", "--dump-executors", "--gc-threshold"];

/// Ends stitch's own options after the program (FILE, `-`, `-c CODE` or `-m MODULE`)
/// with a `--`: what follows is the program's, `-h` and `--tier` included, as python3
/// hands them to `sys.argv` (argparse's `-h` is the script's, not stitch's).
fn end_run_options(argv: &mut Vec<std::ffi::OsString>) {
    if argv.get(1).is_none_or(|a| a != "run") {
        return;
    }
    let mut i = 2;
    while let Some(arg) = argv.get(i).and_then(|a| a.to_str()) {
        if arg == "--" {
            return;
        }
        if arg == "-c" || arg == "-m" {
            i += 2;
            break;
        }
        if arg.starts_with('-') && arg != "-" {
            i += if VALUE_OPTIONS.contains(&arg) { 2 } else { 1 };
            continue;
        }
        i += 1;
        break;
    }
    if i < argv.len() {
        argv.insert(i, "--".into());
    }
}

fn main() -> ExitCode {
    let mut argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if argv.get(1).is_some_and(|a| !COMMANDS.iter().any(|c| a == *c)) {
        argv.insert(1, "run".into());
    }
    end_run_options(&mut argv);
    let cli = Cli::parse_from(argv);
    // What the program printed reaches stdout however it ends: signals write the
    // buffer out before ending the process, and so does a panic.
    stitch_core::output::install_signal_handlers();
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = stitch_core::output::flush();
        default_hook(info);
    }));
    match cli.command {
        Command::Run { tier, loop_threshold, exit_hotness, stats, stats_json, dump_executors, gc_threshold, code, module, file, args } => {
            stitch_core::objects::gc::set_threshold(gc_threshold);
            let tier = match tier {
                None => Tier::default_for_host(),
                Some(TierArg::One) => Tier::One,
                Some(TierArg::Two) => Tier::Two,
                Some(TierArg::Jit) => {
                    if !stitch_jit::AVAILABLE {
                        eprintln!("stitch: --tier jit is unavailable: the JIT's stencils are x86-64 Linux code; use --tier 2");
                        return ExitCode::from(2);
                    }
                    Tier::Jit
                }
            };
            let options = Options { tier, loop_threshold, exit_hotness, stats, stats_json, dump_executors };
            // With -c or -m, what clap took for the file is the first argument.
            let (main, args) = match (code, module, file) {
                (Some(code), _, first) => (program::Main::Code(code), first.into_iter().chain(args).collect()),
                (None, Some(module), first) => (program::Main::Module(module), first.into_iter().chain(args).collect()),
                (None, None, Some(file)) if file == "-" => (program::Main::Stdin, args),
                (None, None, Some(file)) => (program::Main::File(file), args),
                (None, None, None) => {
                    eprintln!("stitch: no program given (FILE, -c CODE, -m MODULE or -)");
                    return ExitCode::from(2);
                }
            };
            report(program::run_main(main, args, &options))
        }
        Command::Dis { specialized, file } => {
            let source = match program::read_source(&file) {
                Ok(s) => s,
                Err(outcome) => return report(outcome),
            };
            match stitch_compiler::compile_module_with(&source, &file, stitch_builtins::modules::names()) {
                Ok(code) => {
                    if specialized {
                        code.incref();
                        let options = Options { tier: Tier::One, ..Options::default() };
                        let mut machine = program::Machine::new(&options);
                        if let Outcome::Raised(t) = machine.run(code, &source) {
                            eprint!("{t}");
                        }
                    }
                    print!("{}", stitch_compiler::disassemble(code));
                    ExitCode::SUCCESS
                }
                Err(e) => report(program::compile_error(e, &file, &source)),
            }
        }
    }
}

fn report(outcome: Outcome) -> ExitCode {
    match &outcome {
        Outcome::Finished => {}
        Outcome::Raised(text) | Outcome::SyntaxError(text) => eprint!("{text}"),
        Outcome::Refused(text) | Outcome::Unrunnable(text, _) | Outcome::Exited(Some(text), _) | Outcome::NoMain(text) => eprintln!("{text}"),
        Outcome::Exited(None, _) => {}
        Outcome::Interrupted(text) => {
            eprint!("{text}");
            stitch_core::output::exit_by_sigint();
        }
        Outcome::StdoutBroken(traceback) => {
            eprint!("{}{}", traceback.as_deref().unwrap_or(""), program::STDOUT_BROKEN)
        }
    }
    ExitCode::from(outcome.exit_code() as u8)
}
