# Special methods defined in subclasses of tuple, list, dict, str and int: every
# operation (including the hot loops' specialized paths) reaches the class's method.


class Vector(tuple):
    def __add__(self, other):
        return Vector(a + b for a, b in zip(self, other))

    def __sub__(self, other):
        return Vector(a - b for a, b in zip(self, other))

    def __mul__(self, k):
        return Vector(a * k for a in self)

    __rmul__ = __mul__

    def __abs__(self):
        return sum(a * a for a in self) ** 0.5

    def __neg__(self):
        return Vector(-a for a in self)

    def __repr__(self):
        return "Vector(" + ", ".join(map(str, self)) + ")"


class Matrix(list):
    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            r, c = idx
            return list.__getitem__(self, r)[c]
        return list.__getitem__(self, idx)

    def __setitem__(self, idx, value):
        r, c = idx
        list.__getitem__(self, r)[c] = value


class Histogram(dict):
    def __missing__(self, key):
        return 0

    def __setitem__(self, key, value):
        self.writes = getattr(self, "writes", 0) + 1
        dict.__setitem__(self, key, value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())


class CaseInsensitive(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.lower())


class Mod7(int):
    def __add__(self, other):
        return Mod7((int(self) + int(other)) % 7)

    __radd__ = __add__

    def __mul__(self, other):
        return Mod7((int(self) * int(other)) % 7)

    def __repr__(self):
        return "Mod7(%d)" % int(self)


class Stack(list):
    def __len__(self):
        return list.__len__(self) * 10

    def __iter__(self):
        return iter(list(reversed(self.copy())))

    def __contains__(self, x):
        return x == "anything" or list.__contains__(self, x)

    def __bool__(self):
        return False


class Version(tuple):
    def __lt__(self, other):
        return tuple.__lt__(self[::-1], other[::-1])


def geometry():
    v = Vector((1, 2))
    w = Vector((3, 4))
    total = Vector((0, 0))
    for _ in range(40):
        total = total + v
        total = total - Vector((0, 1))
    print(total, v * 3, 2 * w, -v, abs(w))
    print(v + (10, 20), type(v + w).__name__, isinstance(v, tuple), v == (1, 2), len(v), v[1])
    x, y = w
    print(x, y)


def grid():
    m = Matrix([[0] * 3 for _ in range(3)])
    for i in range(30):
        m[i % 3, (i * 2) % 3] = m[i % 3, (i * 2) % 3] + i
    print(m, m[1], m[2, 2], len(m))


def words():
    text = "The cat and the Hat and THE bat"
    h = Histogram()
    for w in text.split():
        h[w.lower()] = h[w] + 1
    print(sorted(h.items()), h.writes)
    print(h["NOPE"], h.get("the"), "the" in h)
    g = Histogram({"a": 1})
    g.update({"b": 2})
    g.setdefault("c", 3)
    print(sorted(g.items()), getattr(g, "writes", 0))


def names():
    seen = {}
    for n in ["Alice", "ALICE", "bob", "Bob", "alice", "carol"]:
        k = CaseInsensitive(n)
        seen[k] = seen.get(k, 0) + 1
    print(sorted((str(k), v) for k, v in seen.items()))
    hits = 0
    for i in range(40):
        if CaseInsensitive("abc") == "ABC":
            hits += 1
        if "ABC" == CaseInsensitive("abc"):
            hits += 1
        if CaseInsensitive("x") != "X":
            hits -= 100
    print(hits, CaseInsensitive("Q") in {CaseInsensitive("q")}, "q" in [CaseInsensitive("Q")])
    print(CaseInsensitive("ab") + "cd", CaseInsensitive("ab")[0], len(CaseInsensitive("abc")))


def clock():
    h = Mod7(5)
    for i in range(40):
        h = h + 3
    print(h, repr(h), repr(h + 1), repr(1 + h), repr(h * 4), h - 1, type(h - 1).__name__)
    print(h == 1, h < 2, hash(h) == hash(int(h)), [Mod7(3)] * 2)


def stack():
    s = Stack([1, 2, 3])
    out = []
    for i in range(20):
        out.append(len(s))
    print(out[-1], list(s), "anything" in s, 2 in s, 9 in s, bool(s), "yes" if s else "no")
    a, b, c = s
    print(a, b, c, sorted(s), max(s))


def versions():
    vs = [Version((1, 2)), Version((2, 1)), Version((0, 3))]
    print(sorted(vs), min(vs), Version((1, 2)) < Version((2, 1)))


geometry()
grid()
words()
names()
clock()
stack()
versions()


class Bag(list):
    def __iadd__(self, other):
        self.append(tuple(other))
        return self

    def __format__(self, spec):
        return "Bag<%d>" % len(self)


class Cents(int):
    def __format__(self, spec):
        return "%d.%02d" % divmod(int(self), 100)

    def __lt__(self, other):
        return int(self) > int(other)


class Keyed(dict):
    def __contains__(self, k):
        return dict.__contains__(self, k.upper())

    def __len__(self):
        return 99

    def __iter__(self):
        return iter(sorted(self.keys()))


def extras():
    b = Bag()
    for i in range(20):
        b += [i, i]
    print(len(b), b[3], f"{b}", format(b, ""))
    c = Cents(1234)
    print(f"{c}", "{}".format(c), c < 5, sorted([Cents(1), Cents(3), Cents(2)]))
    k = Keyed(B=1, A=2)
    print("a" in k, "c" in k, len(k), list(k), [x for x in k], bool(k))
    d = {}
    d[Cents(5)] = 1
    print(d[5])


extras()
