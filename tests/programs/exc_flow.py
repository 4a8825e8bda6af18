# Control flow through try: return, break and continue through finally, nested
# handlers, exceptions crossing frames, and the handled exception restored after.


def lookup(table, keys):
    found = []
    for k in keys:
        try:
            found.append(table[k])
        except KeyError:
            found.append(None)
            continue
        finally:
            found.append("/")
        if k == "stop":
            break
    return found


def depth_first(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        return depth_first(n - 1)
    finally:
        print("unwinding", n)


def nested():
    log = []
    try:
        try:
            log.append("inner")
            [][1]
        except KeyError:
            log.append("wrong handler")
        finally:
            log.append("inner finally")
    except IndexError as e:
        log.append("outer caught " + str(e))
    else:
        log.append("no else")
    return log


def retry(attempts):
    tries = 0
    while True:
        tries += 1
        try:
            if tries < attempts:
                raise RuntimeError(f"attempt {tries}")
            return tries
        except RuntimeError as e:
            print("retrying after", e)


def first_int(words):
    for w in words:
        try:
            return int(w)
        except ValueError:
            pass
    return None


print(lookup({"a": 1, "stop": 2, "c": 3}, ["a", "b", "stop", "c"]))
try:
    depth_first(3)
except LookupError as e:
    print("caught", repr(e))
print(nested())
print(retry(3))
print(first_int(["x", "y", "42", "7"]), first_int([]))


def counting():
    n = 0
    for i in range(10):
        try:
            try:
                if i % 3 == 0:
                    raise ValueError(i)
                n += 1
            finally:
                n += 100
        except ValueError as e:
            n += e.args[0]
    return n


print(counting())
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise KeyError("k", 2)
except KeyError as e:
    print(str(e), repr(e))
e = "kept"
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
print(isinstance(KeyError(), LookupError), isinstance(ValueError(), Exception), type(IndexError()) == IndexError)
