# argparse: positionals and options, the actions, nargs, type, choices, dest and errors
import argparse


class QuietParser(argparse.ArgumentParser):
    """Reports errors on stdout, so each case shows what CPython would print."""

    def error(self, message):
        print(self.format_usage().strip())
        print("%s: error: %s" % (self.prog, message))
        raise SystemExit(2)


parser = QuietParser(prog="accumulate", description="Combine integers.")
parser.add_argument("integers", metavar="N", type=int, nargs="+", help="an integer for the accumulator")
parser.add_argument("--sum", dest="accumulate", action="store_const", const=sum, default=max,
                    help="sum the integers (default: find the max)")
parser.add_argument("-v", "--verbose", action="count", default=0, help="more output")
parser.add_argument("-o", "--output", default="out.txt")
parser.add_argument("--mode", choices=["fast", "slow"], default="fast")
parser.add_argument("-I", "--include", action="append")
parser.add_argument("--flag", action="store_true")
parser.add_argument("--no-color", action="store_false", dest="color")
parser.add_argument("--pair", nargs=2, metavar=("A", "B"))
parser.add_argument("--opt", nargs="?", const="C", default="D")
parser.add_argument("--many", nargs="*")
parser.add_argument("--ratio", type=float, default=0.5)
parser.add_argument("--ext", action="extend", nargs="+")
parser.add_argument("-x", action="append_const", const="X", dest="marks")
parser.add_argument("-y", action="append_const", const="Y", dest="marks")

cases = [
    ["1", "2", "3"], ["--sum", "4", "5"], ["-vvv", "7"], ["-v", "-v", "--verbose", "1"],
    ["-oX", "1"], ["--output=Y", "1"], ["--out", "Z", "1"], ["--mode", "slow", "1"],
    ["-I", "a", "-Ib", "--include=c", "1"], ["--flag", "--no-color", "1"], ["--pair", "x", "y", "1"],
    ["--opt", "1"], ["1", "--opt"], ["1", "--opt", "E"], ["--many", "a", "b", "--", "3"],
    ["--ratio", "2.5", "3"], ["-5", "3"], ["--ext", "a", "b", "--ext", "c", "1"], ["-xyx", "2"],
    # errors
    [], ["x"], ["--mode", "medium", "1"], ["--ratio"], ["--pair", "x", "1"], ["1", "--bogus"],
    ["--o", "1"], ["-q", "1"],
]
for argv in cases:
    try:
        ns = parser.parse_args(argv)
        combine = ns.accumulate
        print(argv, "->", combine(ns.integers), ns)
    except SystemExit as e:
        print(argv, "-> exit", e.code)

print(parser.parse_known_args(["1", "--zzz", "2"]))

# Positionals with optional counts, and the '--' marker.
files = QuietParser(prog="copy")
files.add_argument("src")
files.add_argument("dst", nargs="?", default="-")
files.add_argument("rest", nargs="*", type=int)
files.add_argument("--count", type=int, default=3)
for argv in [["a"], ["a", "b"], ["a", "b", "1", "2"], ["--count", "4", "a"], ["a", "--count", "5", "b"],
             ["--", "-a", "-b"], ["a", "b", "x"], ["--count", "x", "a"]]:
    try:
        print(argv, "->", files.parse_args(argv))
    except SystemExit as e:
        print(argv, "-> exit", e.code)


def positive(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("%r is not a positive int" % text)
    return value


checked = QuietParser(prog="checked")
checked.add_argument("-n", type=positive, default=1)
checked.add_argument("--level", type=int, choices=range(1, 4), default=1)
checked.add_argument("--name", required=True)
group = checked.add_mutually_exclusive_group()
group.add_argument("--add", action="store_true")
group.add_argument("--mul", action="store_true")
for argv in [["--name", "a"], ["--name", "a", "-n", "0"], ["--name", "a", "-n", "z"], ["-n", "2"],
             ["--name", "a", "--level", "5"], ["--name", "a", "--level", "3", "--add"], ["--name", "a", "--add", "--mul"]]:
    try:
        print(argv, "->", checked.parse_args(argv))
    except SystemExit as e:
        print(argv, "-> exit", e.code)

# Without exiting: the ArgumentError itself.
strict = argparse.ArgumentParser(prog="strict", exit_on_error=False)
strict.add_argument("--k", type=int)
try:
    strict.parse_args(["--k", "q"])
except argparse.ArgumentError as e:
    print("ArgumentError:", e)
strict.set_defaults(func="handler", k=5)
print(strict.parse_args([]), strict.get_default("k"))

# Parents, negative-number options, Namespace.
parent = argparse.ArgumentParser(add_help=False)
parent.add_argument("--debug", action="store_true")
child = argparse.ArgumentParser(prog="child", parents=[parent])
child.add_argument("item")
print(child.parse_args(["--debug", "it"]))
neg = QuietParser(prog="neg")
neg.add_argument("-1", dest="one", action="store_true")
neg.add_argument("x", nargs="?")
print(neg.parse_args(["-1"]))
try:
    neg.parse_args(["-2"])
except SystemExit as e:
    print("exit", e.code)
ns = argparse.Namespace(a=1, b="x")
print(ns, ns.a, "a" in ns, ns == argparse.Namespace(a=1, b="x"), vars(ns))
