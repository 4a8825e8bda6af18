# warnings: shown on stderr with their source lines (once per place by default), the
# default filters, a message filter, and "error" for __main__ ending the program
import warnings


def f(x):
    warnings.warn("x is big", stacklevel=2)
    return x


print("start")
f(1)
for i in range(3):
    f(2)
warnings.warn("plain", FutureWarning)
warnings.warn("dep in main", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)
warnings.filterwarnings("ignore", message="skip.*")
warnings.warn("Skip me")
warnings.filterwarnings("error", module="__main__")
print("end")
warnings.warn("fatal")
