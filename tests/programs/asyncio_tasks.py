import asyncio
import time

async def worker(name, delay, log):
    log.append(f"{name} start")
    await asyncio.sleep(delay)
    log.append(f"{name} done")
    return name.upper()

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i)
    await q.put(None)

async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        print("got", item)
        total += item
    return total

async def counter(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return n

async def fails():
    await asyncio.sleep(0)
    raise ValueError("boom")

async def slow():
    await asyncio.sleep(1)
    return "slow"

async def main():
    log = []
    res = await asyncio.gather(worker("a", 0.08, log), worker("b", 0.03, log), worker("c", 0, log))
    print(res, log)
    print(await asyncio.gather(counter("x", 3), counter("y", 2)))
    q = asyncio.Queue(maxsize=2)
    p = asyncio.create_task(producer(q, 5))
    c = asyncio.create_task(consumer(q))
    print("total", await c)
    await p
    r = await asyncio.gather(fails(), counter("z", 1), return_exceptions=True)
    print(r)
    try:
        await asyncio.gather(fails(), counter("w", 2))
    except ValueError as e:
        print("gather raised", e)
    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")
    lock = asyncio.Lock()
    order = []
    async def crit(i):
        async with lock:
            order.append(("in", i))
            await asyncio.sleep(0)
            order.append(("out", i))
    await asyncio.gather(*(crit(i) for i in range(3)))
    print(order)
    sem = asyncio.Semaphore(2)
    active = []
    async def limited(i):
        async with sem:
            active.append(i)
            await asyncio.sleep(0.001)
            active.remove(i)
            return i * i
    print(await asyncio.gather(*[limited(i) for i in range(5)]))
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        print("event seen")
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    await t
    t2 = asyncio.create_task(slow())
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("cancelled", t2.cancelled())
    done, pending = await asyncio.wait([asyncio.create_task(counter("v", 1))])
    print(len(done), len(pending))
    for coro in asyncio.as_completed([worker("p", 0.08, log), worker("q", 0.03, log)]):
        print("completed", await coro)
    return "main done"

print(asyncio.run(main()))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(counter("L", 2)))
loop.close()
