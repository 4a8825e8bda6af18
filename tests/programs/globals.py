# global statement, module-level names seen from functions
counter = 0


def incr(n=1):
    global counter
    counter += n


def read_only():
    return counter * 2


incr()
incr(5)
print(counter, read_only())


def set_new():
    global created_later
    created_later = "made in function"


set_new()
print(created_later)


def late_binding():
    return helper(3)


def helper(x):
    return x * 7


print(late_binding())


def helper(x):
    return x * 100


print(late_binding())
x = "global x"


def shadow():
    x = "local x"
    return x


print(shadow(), x)


def uses_global_list():
    items.append(len(items))


items = []
for _ in range(3):
    uses_global_list()
print(items)


def reset():
    global items, counter
    items = []
    counter = -1


reset()
print(items, counter)
total = 0


def add_to_total(v):
    global total
    total = total + v
    return total


for i in range(10):
    add_to_total(i)
print(total)


def reader():
    return config["mode"]


config = {"mode": "fast"}
print(reader())
config["mode"] = "slow"
print(reader())
config = {"mode": "new"}
print(reader())


def swap_impl():
    global impl
    impl = impl_b


def impl_a(v):
    return "a" + str(v)


def impl_b(v):
    return "b" + str(v)


impl = impl_a
out = []
for i in range(4):
    if i == 2:
        swap_impl()
    out.append(impl(i))
print(out)
