# A call site that sees several plain functions (`f(x)` over a list of functions):
# the exit of the callee check is stitched with a trace into the function found
# there, so the loop stays in tier 2.


def double(x):
    return x + x


def square(x):
    return x * x


def negate(x):
    return -x


def apply_all(funcs, n):
    acc = 0
    for i in range(n):
        for f in funcs:
            acc += f(i % 100)
    return acc


print(apply_all([double, square, negate, square], 20000))
print(apply_all([negate, double], 500))
