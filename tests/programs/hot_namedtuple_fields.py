# A hot loop reading and rebuilding NamedTuple records: particles under gravity.
from typing import NamedTuple


class Particle(NamedTuple):
    x: float
    y: float
    vx: float
    vy: float
    mass: float = 1.0

    def energy(self):
        return 0.5 * self.mass * (self.vx * self.vx + self.vy * self.vy) + self.mass * 9.81 * self.y


def step(ps, dt):
    out = []
    for p in ps:
        vy = p.vy - 9.81 * dt
        y = p.y + vy * dt
        if y < 0.0:
            y = -y
            vy = -vy * 0.9
        out.append(Particle(p.x + p.vx * dt, y, p.vx, vy, p.mass))
    return out


ps = [Particle(float(i), 10.0 + i % 7, 0.5 * (i % 3), 0.0, 1.0 + i % 4) for i in range(60)]
total = 0.0
for it in range(300):
    ps = step(ps, 0.01)
    if it % 100 == 0:
        total += sum(p.energy() for p in ps)
best = max(ps, key=lambda p: p.y)
print(round(total, 6), round(best.y, 6), best.mass)
acc = 0.0
for p in ps * 50:
    acc += p.x * p.mass - p[1]
print(round(acc, 6), len(ps), ps[3]._replace(x=0.0).x)
