# SystemExit: caught like any exception (its code is its argument), and uncaught it
# ends the program with that code and no traceback.


def main(argv):
    if len(argv) < 2:
        print("usage: prog NAME")
        raise SystemExit(3)
    return 0


try:
    main([])
except SystemExit as e:
    print("exit code", e.code, e.args)
try:
    raise SystemExit
except BaseException as e:
    print(type(e).__name__, e.code)
try:
    raise SystemExit("message")
except Exception:
    print("not an Exception")
except SystemExit as e:
    print("code", repr(e.code))
print("done")
raise SystemExit(main(["prog"]) + 4)
