# generic ** failing inside a hot loop (an unsupported operand type)
vals = [2, 3, 1.5] * 2000 + [[1]]
acc = 0
for v in vals:
    n = 2
    acc += v ** n
print("not reached", acc)
