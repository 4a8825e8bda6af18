# IndexError: pop from empty list
stack = [1, 2, 3]
while True:
    v = stack.pop()
    print("popped", v, "remaining", stack)
