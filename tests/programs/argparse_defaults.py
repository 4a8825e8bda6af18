# argparse: what benchmark scripts do, parse_args() from sys.argv with no arguments given
import argparse
import sys

parser = argparse.ArgumentParser(description="Run the benchmark.")
parser.add_argument("--size", type=int, default=100, help="problem size")
parser.add_argument("--seed", type=int, default=42)
parser.add_argument("--scale", type=float, default="1.5")
parser.add_argument("--verbose", "-v", action="store_true")
parser.add_argument("--tags", nargs="*", default=[])
parser.add_argument("-n", dest="rounds", type=int, default=3)
args = parser.parse_args()
print(sys.argv[1:], parser.prog)
print(args.size, args.seed, args.scale, args.verbose, args.tags, args.rounds)
print(vars(args))
total = 0
for i in range(args.rounds):
    total += sum(range(args.size)) * (i + 1)
print(total)
