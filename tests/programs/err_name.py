# NameError: undefined global name
def compute(n):
    return n * 2 + undefined_quantity_zz


print("start")
print("calling compute")
print(compute(5))
print("not reached")
