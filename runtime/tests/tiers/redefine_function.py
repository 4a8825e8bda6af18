# A called function is redefined between two hot loops: executors depending on the
# old definition are invalidated.
def step(x):
    return x * 2

total = 0
for i in range(20000):
    total = total + step(i)
print(total)

def step(x):
    return x * 3

for i in range(20000):
    total = total + step(i)
print(total)
