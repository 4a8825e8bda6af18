# sys.exit with an int ends the program with that exit code and no traceback.
import sys

print("argv0", sys.argv[0], len(sys.argv))
print(sys.maxsize, sys.maxsize + 1)


def finish(code):
    print("finishing with", code)
    sys.exit(code)


for i in range(10):
    if i == 3:
        finish(3)
print("not reached")
