# argparse: the help text (-h) laid out as CPython lays it out, with groups,
# wrapped usage, the formatter classes, version and epilog
import argparse

parser = argparse.ArgumentParser(prog="tool", description="Process some files for a small demonstration "
                                 "tool whose description is long enough to wrap.", epilog="See the docs for more.")
parser.add_argument("src", help="the source file")
parser.add_argument("dst", nargs="?", default="-", help="where the result goes (%(default)s is stdout)")
parser.add_argument("-o", "--output", default="out.txt",
                    help="where to write the results of the run, a long help text that needs wrapping over lines")
parser.add_argument("--mode", choices=["fast", "slow"], default="fast", help="one of %(choices)s")
parser.add_argument("--pair", nargs=2, metavar=("A", "B"))
parser.add_argument("--many", nargs="*")
parser.add_argument("--some", nargs="+", type=int, help="ints of type %(type)s")
parser.add_argument("--version", action="version", version="%(prog)s 2.0")
parser.add_argument("--secret", help=argparse.SUPPRESS)
advanced = parser.add_argument_group("advanced", "Settings for experts.")
advanced.add_argument("--depth", type=int, default=2, help="search depth")
exclusive = parser.add_mutually_exclusive_group(required=True)
exclusive.add_argument("--add", action="store_true")
exclusive.add_argument("--mul", action="store_true")
print(parser.format_usage(), end="")
print(parser.format_help())

defaults = argparse.ArgumentParser(prog="calc", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
defaults.add_argument("values", nargs="*", type=float, help="values to combine")
defaults.add_argument("-n", "--repeat", type=int, default=1, help="how many times")
defaults.add_argument("--flag", action="store_true", help="a flag")
print(defaults.format_help())

raw = argparse.ArgumentParser(prog="a_program_with_a_rather_long_name_for_wrapping_the_usage_line", add_help=False,
                              formatter_class=argparse.RawDescriptionHelpFormatter,
                              description="line one\n  indented line two\n")
for i in range(8):
    raw.add_argument("--option-number-%d" % i, metavar="VALUE%d" % i)
raw.add_argument("input_file")
raw.add_argument("output_file", nargs="+")
print(raw.format_help())

short = argparse.ArgumentParser(prog="short")
for i in range(12):
    short.add_argument("--opt%d" % i, type=int)
short.add_argument("name")
short.print_usage()

try:
    parser.parse_args(["--version"])
except SystemExit as e:
    print("exit", e.code)
parser.parse_args(["-h"])
print("not reached")
