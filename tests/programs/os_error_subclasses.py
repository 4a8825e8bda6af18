for n in [3, 4, 10, 11, 103, 104, 110, 111, 114, 115, 32, 2]:
    e = OSError(n, "x")
    print(n, type(e).__name__, isinstance(e, ConnectionError), e.errno, e)
try:
    raise TimeoutError("too slow")
except OSError as e:
    print(type(e).__name__, e)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(TimeoutError, OSError))
