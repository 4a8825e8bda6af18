# The main module belongs to no package, so a relative import cannot work.
print("start")
from . import textstats
