# argparse: a missing required argument ends the program with usage and the error
# on stderr, exit code 2
import argparse

parser = argparse.ArgumentParser(description="needs a file")
parser.add_argument("file")
parser.add_argument("-q", "--quiet", action="store_true")
print("parsing")
args = parser.parse_args()
print("not reached", args)
