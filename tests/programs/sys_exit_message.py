# sys.exit with a string prints it on stderr and exits with 1.
import sys

total = 0
for i in range(100):
    total += i
print(total)
if total > 10:
    sys.exit("total too large: " + str(total))
print("not reached")
