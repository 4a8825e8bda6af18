import types
async def fib(n):
    if n <= 1:
        return n
    return await fib(n - 1) + await fib(n - 2)
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(fib(15)))
c = fib(3)
print(type(c).__name__, repr(c)[:26])
try:
    iter(c)
except TypeError as e:
    print(e)
try:
    next(c)
except TypeError as e:
    print(e)
c.close()
class Later:
    def __await__(self):
        x = yield "ping"
        return x * 2
async def use():
    v = await Later()
    return v + 1
co = use()
print(co.send(None))
try:
    co.send(20)
except StopIteration as e:
    print("done", e.value)
async def bad():
    await 5
try:
    bad().send(None)
except TypeError as e:
    print(e)
class Res:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("enter", self.name)
        return self
    async def __aexit__(self, et, e, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.name == "swallow"

async def main():
    async with Res("a") as r, Res("b"):
        print("body", r.name)
    async with Res("swallow"):
        raise ValueError("x")
    for i in range(3):
        async with Res(str(i)):
            if i == 1:
                continue
            if i == 2:
                break
    try:
        async with Res("c"):
            raise KeyError("k")
    except KeyError as e:
        print("caught", e)
    return "ret"

def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
print(run(main()))
