# Negative indices in hot loops, which the list and tuple subscript families take
# as they are (`stack[-1]`, `t[-2]`, `items[-i] = x`), with indices past the start
# raising CPython's IndexError; and products that overflow the small ints on every
# iteration beside ones that fit (an LCG).


def stack_machine(n):
    stack = [0]
    for i in range(n):
        stack.append(i)
        stack[-2] += stack[-1]
        if len(stack) > 5:
            stack.pop(-1)
            stack[-1] -= 1
    return stack


def tuples(n):
    t = (3, 1, 4, 1, 5, 9, 2, 6)
    total = 0
    for i in range(n):
        total += t[-1 - i % 8] * t[-(i % 3) - 1]
    return total


def stores(n):
    xs = list(range(10))
    for i in range(n):
        xs[-(i % 10) - 1] = xs[-(i % 10) - 1] + i
    return xs


def past_the_start():
    xs = [1, 2, 3]
    t = (1, 2)
    for i in range(1, 7):
        try:
            print(i, xs[-i], t[-i])
        except IndexError as e:
            print(i, "IndexError:", e)
        try:
            xs[-i] = i * 10
        except IndexError as e:
            print(i, "store IndexError:", e)
    print(xs)


def lcg(n):
    seed = 42
    small = 0
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        small += (i * 3) * 7
    return seed, small


print(stack_machine(1000))
print(tuples(1000))
print(stores(1000))
past_the_start()
print(lcg(3000))
