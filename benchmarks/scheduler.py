# A task scheduler in the manner of the classic OS-kernel simulations: tasks of
# four kinds (idle, worker, handler, device) pass packets through queues, hold and
# release each other, and a scheduler picks the highest-priority runnable task.
# Everything is objects: attribute loads and stores, method calls through
# subclasses, linked lists of packets.

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 0, 1, 2, 3, 4, 5
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.held = False
        self.waiting = queue is not None
        self.link = sched.tasks
        sched.tasks = self
        sched.table[ident] = self

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        p = self.queue
        if p is not None:
            self.queue = p.link
            self.waiting = False
        return p

    def add_packet(self, packet, current):
        if self.queue is None:
            self.queue = packet
            packet.link = None
            self.waiting = False
            if self.priority > current.priority:
                return self
            return current
        self.queue = packet.append_to(self.queue)
        return current

    def wait(self):
        self.waiting = True
        return self.link_next()

    def link_next(self):
        return self.sched.next_after(self)


class IdleTask(Task):
    def __init__(self, sched, ident, count):
        Task.__init__(self, sched, ident, 0, None)
        self.seed = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            self.held = True
            return None
        if self.seed & 1 == 0:
            self.seed = self.seed >> 1
            return self.sched.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 53256
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, queue):
        Task.__init__(self, sched, ident, 1000, queue)
        self.dest = HANDLER_A
        self.count = 0

    def run(self, packet):
        if packet is None:
            return self.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.ident = self.dest
        packet.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = self.count + 64
        return self.sched.send(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, queue):
        Task.__init__(self, sched, ident, 2000 + ident, queue)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            w = self.work
            n = w.datum
            if n < BUFSIZE:
                if self.devices is not None:
                    d = self.devices
                    self.devices = d.link
                    d.datum = w.data[n]
                    w.datum = n + 1
                    return self.sched.send(d)
            else:
                self.work = w.link
                return self.sched.send(w)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident):
        Task.__init__(self, sched, ident, 4000 + ident, None)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.wait()
            p = self.pending
            self.pending = None
            return self.sched.send(p)
        self.pending = packet
        self.sched.checksum += packet.datum
        self.held = True
        return self.link_next()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.current = None
        self.checksum = 0
        self.switches = 0

    def next_after(self, task):
        return task.link

    def release(self, ident):
        t = self.table[ident]
        t.held = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def send(self, packet):
        t = self.table[packet.ident]
        packet.ident = self.current.ident
        return t.add_packet(packet, self.current)

    def run(self):
        t = self.tasks
        while t is not None:
            if t.runnable():
                self.current = t
                self.switches += 1
                packet = t.take_packet() if not t.waiting or t.queue is not None else None
                t = t.run(packet)
                if t is None:
                    t = self.tasks
            else:
                t = t.link


def simulate(count):
    s = Scheduler()
    IdleTask(s, IDLE, count)
    wq = Packet(None, 0, KIND_WORK)
    wq = Packet(wq, 0, KIND_WORK)
    WorkerTask(s, WORKER, wq)
    for handler, device in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
        q = Packet(None, device, KIND_DEVICE)
        q = Packet(q, device, KIND_DEVICE)
        q = Packet(q, device, KIND_DEVICE)
        HandlerTask(s, handler, q)
    DeviceTask(s, DEVICE_A)
    DeviceTask(s, DEVICE_B)
    s.run()
    return s.switches, s.checksum


total = 0
for rnd in range(4):
    switches, checksum = simulate(18000 + rnd * 1000)
    total += switches + checksum
    print(rnd, switches, checksum)
print("total", total)
