# Exception classes the way applications layer them: a base error with a code and its
# own __str__ over BaseException's, subclasses that also derive from a builtin error
# (caught as either), and iter(callable, sentinel) reading records until a marker.


class AppError(Exception):
    code = 1

    def __str__(self):
        return f"[{self.code}] {super().__str__()}"

    def __repr__(self):
        return "<" + super().__repr__() + ">"


class NotFound(AppError, LookupError):
    code = 404


class Invalid(AppError, ValueError):
    code = 422


class Timeout(AppError, TimeoutError):
    code = 504


errors = [NotFound("no user 7"), Invalid("bad age", "extra"), Timeout(), AppError("plain")]
for err in errors:
    print(str(err), repr(err), err.args, isinstance(err, Exception))
for err in errors:
    try:
        raise err
    except LookupError as e:
        print("lookup:", e)
    except ValueError as e:
        print("value:", e)
    except OSError as e:
        print("os:", e, type(e).__mro__[1].__name__)
    except AppError as e:
        print("app:", e)
print(issubclass(Invalid, ValueError), issubclass(Invalid, AppError), Invalid.__mro__[1:3])

lines = iter(["alpha", "beta", "END", "gamma"])
records = list(iter(lambda: next(lines), "END"))
print(records, next(lines))
state = {"n": 0}


def tick():
    state["n"] += 1
    return state["n"] * state["n"]


print(list(iter(tick, 49)), state)
counter = iter(tick, 0)
print(next(counter), next(counter))
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError:", e)
raise NotFound("at the end")
