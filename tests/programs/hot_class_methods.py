# Hot loops over objects: method calls, attribute reads and writes, property reads,
# super() calls and class-attribute reads thousands of times, so traces are built
# around them (and leave them under every tier).


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    @property
    def norm2(self):
        return self.dot(self)


class Particle:
    drag = 0.5

    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
        self.steps = 0

    def step(self, dt):
        self.pos = self.pos.add(self.vel.scale(dt))
        self.vel = self.vel.scale(1 - Particle.drag * dt)
        self.steps += 1


class Heavy(Particle):
    def step(self, dt):
        super().step(dt / 2)
        super().step(dt / 2)


class Counter:
    def __init__(self):
        self.n = 0

    def inc(self, by=1):
        self.n += by
        return self


ps = [Particle(Vec(0.0, 0.0), Vec(1.0, 2.0)), Heavy(Vec(1.0, 1.0), Vec(-1.0, 0.5))]
for i in range(5000):
    for p in ps:
        p.step(0.001)
for p in ps:
    print(type(p).__name__, p.steps, round(p.pos.x, 6), round(p.pos.y, 6), round(p.vel.norm2, 6))

c = Counter()
total = 0
for i in range(20000):
    c.inc().inc(2)
    if i % 1000 == 0:
        total += c.n
print(c.n, total)

acc = Vec(0, 0)
for i in range(10000):
    v = Vec(i % 7, i % 11)
    acc = acc.add(v)
    if i == 9000:
        acc.x = 1.5
print(acc.x, acc.y, acc.dot(Vec(1, 1)))

# An attribute whose type changes mid-loop, and an instance attribute that shadows a
# method halfway through.
class Box:
    def __init__(self):
        self.v = 0

    def get(self):
        return self.v

b = Box()
s = 0
for i in range(8000):
    if i == 4000:
        b.v = 0.5
    b.v = b.v + 1
    s += b.get()
    if i == 6000:
        b.get = lambda: 100
print(b.v, s)
