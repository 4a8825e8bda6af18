# int() of a bad string inside a hot loop, in a called function
def parse(s):
    n = len(s)
    return int(s) + n


texts = ["12", "7", "-3"] * 2000 + ["x1"]
acc = 0
for t in texts:
    acc += parse(t)
print("not reached", acc)
