# sys.exit() exits with 0: the output so far is all there is.
import sys

print("before")
sys.exit()
print("after")
