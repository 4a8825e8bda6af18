# Benchmark: naive recursive Fibonacci (call overhead, int add, compare)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


total = 0
for i in range(3):
    total += fib(32)
print("fib(32) x3 =", total)
