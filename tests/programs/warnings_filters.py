# warnings: catch_warnings(record=True), the filter actions, stacklevel, formatwarning and a
# program's own showwarning
import warnings


def old_api(x):
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return x * 2


def check(v):
    if v < 0:
        warnings.warn("negative value %d" % v)
    return abs(v)


print(issubclass(UserWarning, Warning), issubclass(DeprecationWarning, Warning), UserWarning.__name__)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    check(-1)
    check(-2)
    old_api(3)
    warnings.warn("third", RuntimeWarning)
    for w in caught:
        print(w.category.__name__, w.message, w.lineno, str(w.message), w.filename)
    print(len(caught))
with warnings.catch_warnings(record=True) as caught:
    for i in range(3):
        check(-5)
    print("default action shows once:", len(caught))
warnings.filterwarnings("error", category=RuntimeWarning)
try:
    warnings.warn("boom", RuntimeWarning)
except RuntimeWarning as e:
    print("raised", repr(e))
warnings.simplefilter("ignore")
check(-9)
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "  code line  "))
warnings.resetwarnings()
def show(message, category, filename, lineno, file=None, line=None):
    print("SHOW", category.__name__, message, lineno)
warnings.showwarning = show
check(-7)
old_api(1)
warnings.warn(UserWarning("an instance"))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        check(-8)
    except UserWarning as e:
        print("error", e)
check(-10)
