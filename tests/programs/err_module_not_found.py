# A name no module has: CPython's ModuleNotFoundError when the import runs.
import textstats

print("before")
import textstatz
print("not reached")
