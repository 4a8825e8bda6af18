# A function the hot loop calls is rebound mid-loop: the executors that inlined it are
# invalidated, and the new binding is the one that runs.
def f(x):
    return x + 1

def g(x):
    return x + 100

def swap():
    global f
    f = g

total = 0
for i in range(30000):
    total = total + f(i)
    if i == 15000:
        swap()
print(total)
