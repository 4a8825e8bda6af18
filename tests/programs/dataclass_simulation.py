# A small particle simulation built from dataclasses: defaults, factories,
# __post_init__, inheritance and asdict for a report.
from dataclasses import dataclass, field, asdict, astuple, replace, fields


@dataclass
class Vec:
    x: float = 0.0
    y: float = 0.0

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)


@dataclass
class Body:
    name: str
    pos: Vec = field(default_factory=Vec)
    vel: Vec = field(default_factory=Vec)
    mass: float = 1.0
    trail: list = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self):
        if self.mass <= 0:
            raise ValueError(f"bad mass for {self.name}")

    def step(self, dt):
        self.pos = self.pos + self.vel.scaled(dt)
        self.trail.append(astuple(self.pos))


@dataclass
class Rocket(Body):
    fuel: int = 3

    def step(self, dt):
        if self.fuel > 0:
            self.vel = self.vel + Vec(0.0, 1.5)
            self.fuel -= 1
        super().step(dt)


bodies = [Body("rock", vel=Vec(1.0, 0.5)), Rocket("r1", mass=2.0), Body("dust", Vec(5, 5), mass=0.25)]
for tick in range(6):
    for b in bodies:
        b.step(0.5)
for b in bodies:
    print(b)
    print("  trail", b.trail[-2:])
print(asdict(bodies[1]))
print([f.name for f in fields(Rocket)])
clone = replace(bodies[0], name="rock2")
print(clone == bodies[0], id(clone.trail) == id(bodies[0].trail), clone.name)
print(Body("a") == Body("a", trail=[1, 2]), Vec(1, 2) == (1, 2))
try:
    Body("ghost", mass=0)
except ValueError as e:
    print("error:", e)
total = Vec()
for i in range(1000):
    total = total + Vec(i, -i).scaled(0.5)
print(total)
