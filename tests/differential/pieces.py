"""Programs for the differential test built from *pieces*: classes, generators, closures,
try/finally and with, sets, comprehensions and star-unpacking, several of them sharing
one hot loop (`generate.py` mixes these kinds into the seed space).

A piece adds module-level definitions (classes, functions), state set up before the
loop, lines of the loop body and expressions printed at checkpoints and at the end. The
loop runs at module level or in a function, with its state in globals or locals. Some
pieces change a class or an instance while the loop runs (an attribute added or
deleted, a method replaced on the class or the instance), and a program may end with
an uncaught exception raised late in the hot loop.

Deterministic: no ids, no default reprs, no sets of strs (CPython randomizes str
hashes); every loop is bounded.
"""
import textwrap


class Program:
    def __init__(self, r):
        self.r = r
        self.top = []      # module-level definitions
        self.init = []     # the loop's state, set up before it
        self.body = []     # the loop body (indented by 4 when assembled)
        self.final = []    # after the loop
        self.report = []   # expressions printed at checkpoints and at the end
        self.failure = None  # (setup lines, failing line): an uncaught error late in the loop
        self.n = r.choice([3, 40, 300, 1500])
        self.at = r.randrange(self.n)  # when mutations happen

    def num(self, kind=None):
        """A number literal of a random type: small int, medium or big int, float."""
        r = self.r
        return r.choice(["0", "1", "2", "3", "7", "-4", "1000003", "2147483648", "140737488355327",
                         "2 ** 63 + 5", "10 ** 20", "0.5", "2.25", "-1.5"])

    def small(self):
        return str(self.r.choice([1, 2, 3, 4, 5, 7]))

    def when(self):
        """A moment of the loop: an iteration number (maybe never reached when n is small)."""
        return str(self.r.randrange(max(self.n, 1)))


def block(text):
    return textwrap.dedent(text).strip("\n")


def sub(text, **names):
    text = block(text)
    for name, value in names.items():
        text = text.replace("@" + name + "@", str(value))
    return text


# --- classes --------------------------------------------------------------------

def c_point(P, k):
    """A value class with __add__/__radd__/__eq__/__hash__/__lt__/__repr__, in a set."""
    r = P.r
    h = r.choice(["hash((self.x, self.y))", "hash(self.x) ^ hash(self.y)", "int(self.x) * 31 + int(self.y)"])
    P.top.append(sub("""
        class Pt@k@:
            def __init__(self, x, y):
                self.x = x
                self.y = y
            def __add__(self, o):
                if isinstance(o, Pt@k@):
                    return Pt@k@(self.x + o.x, self.y + o.y)
                return Pt@k@(self.x + o, self.y + o)
            def __radd__(self, o):
                return Pt@k@(o + self.x, o + self.y)
            def __eq__(self, o):
                return isinstance(o, Pt@k@) and self.x == o.x and self.y == o.y
            def __hash__(self):
                return @h@
            def __lt__(self, o):
                return (self.x, self.y) < (o.x, o.y)
            def __repr__(self):
                return "Pt@k@(%r, %r)" % (self.x, self.y)
        """, k=k, h=h))
    P.init.append(f"p{k} = Pt{k}({P.num()}, {r.choice(['1', '2.5', '-3'])})\nseen{k} = set()")
    P.body.append(sub("""
        p@k@ = p@k@ + Pt@k@(i % @m@, 1)
        if p@k@.x > 100000:
            p@k@ = Pt@k@(p@k@.x % 97, p@k@.y)
        seen@k@.add(Pt@k@(i % @a@, i % @b@))
        """, k=k, m=r.choice([3, 7]), a=r.choice([2, 5]), b=r.choice([3, 4])))
    P.report += [f"p{k}", f"len(seen{k})", f"sorted(seen{k})[:3]", f"Pt{k}(1, 2) in seen{k}"]
    if r.random() < 0.5:
        P.report.append(f"seen{k}")
    P.final.append(f"print(sum(sorted(seen{k})), sum(sorted(seen{k}), Pt{k}(0, 0)), max(seen{k}), min(seen{k}))")


def c_inherit(P, k):
    """A base and subclasses calling up with super(); a polymorphic call site; a method
    replaced on a class while the loop runs."""
    r = P.r
    base_body = r.choice(["return v + self.w", "return v * 2 - self.w", "return (v % 7) * self.w"])
    P.top.append(sub("""
        class B@k@:
            kind = "b"
            def __init__(self, w):
                self.w = w
            def m(self, v):
                @base@
            def name(self):
                return self.kind + str(self.w)
        class D@k@(B@k@):
            kind = "d"
            def __init__(self, w, z):
                super().__init__(w)
                self.z = z
            def m(self, v):
                return super().m(v) + self.z
        class E@k@(D@k@):
            def m(self, v):
                return super().m(v) * 2 if v % 2 else -super().m(v)
            def name(self):
                return "e:" + super().name()
        """, k=k, base=base_body))
    P.init.append(f"objs{k} = [B{k}({P.small()}), D{k}({P.small()}, {P.num()}), E{k}(1, {P.small()})]\ntot{k} = 0")
    P.body.append(sub("""
        o@k@ = objs@k@[i % 3]
        tot@k@ = (tot@k@ + o@k@.m(i)) % 1000003
        """, k=k))
    what = r.choice(["class_method", "base_method", "class_attr", "instance_method", "new_sub"])
    at = P.when()
    if what == "class_method":
        P.top.append(f"def dm{k}(self, v):\n    return v - self.z")
        P.body.append(f"if i == {at}:\n    D{k}.m = dm{k}")
    elif what == "base_method":
        P.body.append(f"if i == {at}:\n    B{k}.m = lambda self, v: v * 3")
    elif what == "class_attr":
        P.body.append(f"if i == {at}:\n    D{k}.kind = 'D'\n    B{k}.w = 5")
    elif what == "instance_method":
        P.body.append(f"if i == {at}:\n    objs{k}[1].m = lambda v: 7")
    else:
        P.top.append(sub("""
            class F@k@(B@k@):
                def m(self, v):
                    return 1 + super().m(v)
            """, k=k))
        P.body.append(f"if i == {at}:\n    objs{k}[0] = F{k}(2)")
    P.report += [f"tot{k}", f"[o.name() for o in objs{k}]"]
    P.final.append(f"print([type(o).__name__ for o in objs{k}], isinstance(objs{k}[2], B{k}), issubclass(E{k}, D{k}), [c.__name__ for c in E{k}.__mro__])")


def c_property(P, k):
    """A property with a setter that clamps; the property replaced on the class."""
    r = P.r
    P.top.append(sub("""
        class Acc@k@:
            def __init__(self):
                self._v = 0
                self.sets = 0
            @property
            def v(self):
                return self._v
            @v.setter
            def v(self, x):
                self.sets += 1
                self._v = x % @mod@
            @property
            def double(self):
                return self._v * 2
        """, k=k, mod=r.choice([97, 1000, 65537])))
    P.init.append(f"acc{k} = Acc{k}()")
    P.body.append(f"acc{k}.v += i * {P.small()} + acc{k}.double % 5")
    if r.random() < 0.5:
        P.body.append(f"if i == {P.when()}:\n    Acc{k}.double = property(lambda self: -self._v)")
    P.report += [f"acc{k}.v", f"acc{k}.sets", f"acc{k}.double"]
    if r.random() < 0.3:
        P.failure = ([], f"acc{k}.double = 1")


def c_slots(P, k):
    """__slots__, and the AttributeError of a name that is not a slot."""
    P.top.append(sub("""
        class S@k@:
            __slots__ = ("a", "b")
            def __init__(self, a):
                self.a = a
                self.b = 0
            def step(self, i):
                self.b += self.a * i
                if self.b > 10 ** 9:
                    self.b %= 1000
                return self.b
        """, k=k))
    P.init.append(f"sl{k} = S{k}({P.num()})\nmiss{k} = 0")
    P.body.append(sub("""
        sl@k@.step(i)
        if i % @m@ == 0:
            try:
                sl@k@.c = i
            except AttributeError as e:
                miss@k@ += 1
                msg@k@ = str(e)
        """, k=k, m=P.r.choice([1, 3, 10])))
    P.report += [f"sl{k}.b", f"miss{k}", f"hasattr(sl{k}, 'c')"]
    P.final.append(f"print(msg{k} if miss{k} else None, S{k}.__slots__)")
    if P.r.random() < 0.3:
        P.failure = ([f"del sl{k}.a"], f"sl{k}.step(i)")


def c_container(P, k):
    """__len__, __getitem__, __iter__, __contains__, __bool__ of a container class."""
    r = P.r
    it = r.choice(["return iter(self.items)", "for x in self.items:\n            yield x",
                   "i = 0\n        while i < len(self.items):\n            yield self.items[i]\n            i += 1"])
    P.top.append(sub("""
        class Bag@k@:
            def __init__(self):
                self.items = []
            def add(self, x):
                self.items.append(x)
                if len(self.items) > @cap@:
                    del self.items[0]
            def __len__(self):
                return len(self.items)
            def __getitem__(self, j):
                return self.items[j]
            def __iter__(self):
                @it@
            def __contains__(self, x):
                return x in self.items
        """, k=k, cap=r.choice([3, 8, 20]), it=it))
    P.init.append(f"bag{k} = Bag{k}()\nhits{k} = 0")
    P.body.append(sub("""
        bag@k@.add(i * @a@ % 11)
        if @x@ in bag@k@:
            hits@k@ += 1
        if bag@k@:
            hits@k@ += bag@k@[-1] + bag@k@[len(bag@k@) // 2]
        """, k=k, a=r.choice([1, 3, 7]), x=r.choice(["3", "i % 5", "10"])))
    P.report += [f"len(bag{k})", f"list(bag{k})", f"sum(bag{k})", f"hits{k}"]
    P.final.append(f"print(sorted(bag{k}), max(bag{k}) if bag{k} else None, [x for x in bag{k} if x % 2], bag{k}[1:3])")
    if r.random() < 0.3:
        P.failure = ([], f"bag{k}[len(bag{k}) + 2]")


def c_attrs(P, k):
    """Instance attributes added and deleted, a class attribute shadowed and changed,
    while the loop reads them."""
    r = P.r
    P.top.append(sub("""
        class Box@k@:
            tag = 1
            def __init__(self, v):
                self.v = v
            def get(self):
                return self.v + self.tag
        """, k=k))
    P.init.append(f"box{k} = Box{k}({P.num()})\nsee{k} = 0")
    a, b, c = sorted(r.randrange(max(P.n, 1)) for _ in range(3))
    P.body.append(sub("""
        see@k@ = (see@k@ + box@k@.get() + getattr(box@k@, "extra", -1)) % 1000003
        if hasattr(box@k@, "extra"):
            box@k@.extra += 1
        if i == @a@:
            box@k@.extra = i
        if i == @b@:
            @mut@
        if i == @c@:
            del box@k@.extra
        """, k=k, a=a, b=b, c=c, mut=r.choice(["box%d.tag = 10" % k, "Box%d.tag = 2.5" % k,
                                           "Box%d.get = lambda self: self.v * 2" % k,
                                           "box%d.v = 3" % k, "del Box%d.tag\n    Box%d.tag = 4" % (k, k)])))
    P.report += [f"see{k}", f"box{k}.tag", f"Box{k}.tag", f"sorted(vars(box{k}))"]
    if r.random() < 0.3:
        P.failure = ([f"del box{k}.v"], f"box{k}.get()")


def c_classmethods(P, k):
    """Class attribute counters, @classmethod constructors and @staticmethod helpers."""
    P.top.append(sub("""
        class Node@k@:
            made = 0
            def __init__(self, val, nxt=None):
                Node@k@.made += 1
                self.val = val
                self.nxt = nxt
            @classmethod
            def chain(cls, n):
                head = None
                for j in range(n):
                    head = cls(j, head)
                return head
            @staticmethod
            def total(node):
                s = 0
                while node is not None:
                    s += node.val
                    node = node.nxt
                return s
            def __len__(self):
                return 1 + (len(self.nxt) if self.nxt else 0)
        """, k=k))
    P.init.append(f"ns{k} = 0")
    P.body.append(f"ns{k} += Node{k}.total(Node{k}.chain(i % {P.r.choice([3, 6, 9])}))")
    P.report += [f"ns{k}", f"Node{k}.made", f"len(Node{k}.chain(4))"]


def c_iterator(P, k):
    """A class with __iter__ returning self and __next__ raising StopIteration."""
    P.top.append(sub("""
        class Count@k@:
            def __init__(self, n, step):
                self.n = n
                self.step = step
                self.at = 0
            def __iter__(self):
                return self
            def __next__(self):
                if self.at >= self.n:
                    raise StopIteration
                self.at += 1
                return self.at * self.step
        """, k=k))
    P.init.append(f"ci{k} = 0")
    P.body.append(sub("""
        for x@k@ in Count@k@(i % 5, @s@):
            ci@k@ += x@k@
        ci@k@ += sum(Count@k@(2, i)) + len(list(Count@k@(i % 3, 1)))
        """, k=k, s=P.num()))
    P.report += [f"ci{k}", f"list(Count{k}(3, 2))"]


def c_getattr(P, k):
    """__getattr__ for missing names, __eq__ without __hash__ (unhashable), __bool__."""
    P.top.append(sub("""
        class Dyn@k@:
            def __init__(self):
                self.real = 1
                self.asked = 0
            def __getattr__(self, name):
                self.asked += 1
                if name.startswith("x"):
                    return len(name)
                raise AttributeError(name)
            def __bool__(self):
                return self.asked % 2 == 0
            def __eq__(self, other):
                return self.real == getattr(other, "real", None)
        """, k=k))
    P.init.append(f"dy{k} = Dyn{k}()\ndn{k} = 0")
    P.body.append(sub("""
        dn@k@ += dy@k@.real + dy@k@.xab
        if i % 4 == 1:
            dn@k@ += getattr(dy@k@, "nope", 5)
        if dy@k@:
            dn@k@ += 1
        """, k=k))
    P.report += [f"dn{k}", f"dy{k}.asked", f"dy{k} == Dyn{k}()"]
    P.final.append(sub("""
        try:
            hash(dy@k@)
        except TypeError as e:
            print("TypeError", e)
        """, k=k))


CLASSES = [c_point, c_inherit, c_property, c_slots, c_container, c_attrs, c_classmethods, c_iterator, c_getattr]


# --- generators ------------------------------------------------------------------

def g_filter(P, k):
    """A generator with a filter, consumed by a for loop that may break early."""
    r = P.r
    P.top.append(sub("""
        def evens@k@(n):
            for j in range(n):
                if j % @m@ == 0:
                    yield j * @s@
        """, k=k, m=r.choice([2, 3]), s=P.num()))
    P.init.append(f"ge{k} = 0")
    P.body.append(sub("""
        for x@k@ in evens@k@(i % 13):
            if x@k@ @cmp@:
                break
            ge@k@ += x@k@
        else:
            ge@k@ += 1
        """, k=k, cmp=r.choice(["> 20", "== 6", "< 0"])))
    P.report += [f"ge{k}", f"list(evens{k}(7))"]


def g_yield_from(P, k):
    """yield from a subgenerator and its return value."""
    P.top.append(sub("""
        def inner@k@(n):
            for j in range(n):
                yield j
            return n * @m@
        def outer@k@(n):
            got = yield from inner@k@(n)
            yield got
            got2 = yield from inner@k@(got % 4)
            yield -got2
        """, k=k, m=P.r.choice([2, 10])))
    P.init.append(f"yf{k} = []")
    P.body.append(sub("""
        yf@k@.append(sum(outer@k@(i % 6)))
        if len(yf@k@) > 5:
            yf@k@.pop(0)
        """, k=k))
    P.report += [f"yf{k}", f"list(outer{k}(3))"]


def g_send(P, k):
    """A coroutine-style generator driven by send(); close() and a finally."""
    P.top.append(sub("""
        log@k@ = []
        def acc@k@(start):
            total = start
            try:
                while True:
                    x = yield total
                    if x is None:
                        total = 0
                    else:
                        total = (total + x) % 1000003
            finally:
                log@k@.append(total)
        """, k=k))
    P.init.append(f"co{k} = acc{k}({P.num()})\nnext(co{k})\nsv{k} = 0")
    P.body.append(sub("""
        sv@k@ = co@k@.send(i * @s@)
        if i % @m@ == 0:
            sv@k@ = co@k@.send(None)
        if i % @c@ == 0:
            co@k@.close()
            co@k@ = acc@k@(sv@k@)
            next(co@k@)
        """, k=k, s=P.small(), m=P.r.choice([5, 17]), c=P.r.choice([7, 100])))
    P.report += [f"sv{k}", f"log{k}[-3:]", f"len(log{k})"]
    if P.r.random() < 0.3:
        P.failure = ([f"co{k}.close()"], f"co{k}.send(1)")


def g_genexpr(P, k):
    """Generator expressions in sum/any/all/min/max, nested and with conditions."""
    r = P.r
    e = r.choice(["sum(x * x for x in range(i % 10))",
                  "sum(1 for x in range(i % 17) if x % 3 == 1)",
                  "max((x % 7, -x) for x in range(i % 9 + 1))[1]",
                  "sum(x * y for x in range(i % 4) for y in range(x))",
                  "len(list(x for x in range(i % 8) if x & 1))"])
    P.init.append(f"gx{k} = 0\nflags{k} = []")
    P.body.append(sub("""
        gx@k@ = (gx@k@ + @e@) % 1000003
        flags@k@.append((any(x > 5 for x in range(i % 8)), all(x < 3 for x in range(i % 5))))
        if len(flags@k@) > 4:
            del flags@k@[0]
        """, k=k, e=e))
    P.report += [f"gx{k}", f"flags{k}"]


def g_finally(P, k):
    """A generator with a finally, dropped early: its finally runs when it goes."""
    P.top.append(sub("""
        fin@k@ = []
        def guarded@k@(n):
            try:
                for j in range(n):
                    yield j
            finally:
                fin@k@.append(n)
        """, k=k))
    P.init.append(f"gf{k} = 0")
    P.body.append(sub("""
        for y@k@ in guarded@k@(i % 6):
            if y@k@ == @b@:
                break
            gf@k@ += y@k@
        g@k@ = guarded@k@(3)
        gf@k@ += next(g@k@)
        g@k@.close()
        """, k=k, b=P.r.choice([1, 2, 4])))
    P.report += [f"gf{k}", f"len(fin{k})", f"fin{k}[-4:]"]


def g_throw(P, k):
    """throw() into a generator that catches and goes on, or lets it out."""
    P.top.append(sub("""
        def resilient@k@():
            n = 0
            while True:
                try:
                    yield n
                except ValueError as e:
                    n += len(e.args)
                n += 1
        """, k=k))
    P.init.append(f"rs{k} = resilient{k}()\nnext(rs{k})\ntr{k} = 0")
    P.body.append(sub("""
        if i % @m@ == 0:
            tr@k@ += rs@k@.throw(ValueError(i, i))
        else:
            tr@k@ += next(rs@k@)
        """, k=k, m=P.r.choice([2, 3, 7])))
    P.report += [f"tr{k}"]
    if P.r.random() < 0.3:
        P.failure = ([], f"rs{k}.throw(KeyError(i))")


GENERATORS = [g_filter, g_yield_from, g_send, g_genexpr, g_finally, g_throw]


# --- closures ------------------------------------------------------------------

def k_counter(P, k):
    """A counter factory: nonlocal state in closures made per call."""
    P.top.append(sub("""
        def make_counter@k@(step):
            count = 0
            def inc(by=1):
                nonlocal count
                count += by * step
                return count
            def peek():
                return count
            return inc, peek
        """, k=k))
    P.init.append(f"inc{k}, peek{k} = make_counter{k}({P.num()})\nothers{k} = [make_counter{k}(j) for j in range(3)]")
    P.body.append(sub("""
        inc@k@()
        if i % 3 == 0:
            inc@k@(by=2)
        others@k@[i % 3][0](i)
        """, k=k))
    P.report += [f"peek{k}()", f"[p() for _, p in others{k}]"]


def k_keys(P, k):
    """Lambdas as key functions of sorted, min, max and list.sort."""
    r = P.r
    key = r.choice(["lambda t: t[1]", "lambda t: (t[1] % 3, -t[0])", "lambda t: -t[0] * t[1]", "lambda t: str(t[1])"])
    P.init.append(f"rows{k} = []")
    P.body.append(sub("""
        rows@k@.append((i, i * @a@ % 17))
        if len(rows@k@) > 6:
            rows@k@.sort(key=@key@)
            rows@k@.pop()
        """, k=k, a=r.choice([3, 5, 11]), key=key))
    P.report += [f"sorted(rows{k}, key={key})", f"min(rows{k}, key=lambda t: t[1]) if rows{k} else None",
                 f"max(rows{k}, key={key}, default=None)", f"sorted(rows{k}, key=lambda t: t[0], reverse=True)[:2]"]


def k_decorator(P, k):
    """A decorator counting calls in a nonlocal and in a function attribute; stacked."""
    P.top.append(sub("""
        def counted@k@(f):
            calls = 0
            def wrapper(*args, **kw):
                nonlocal calls
                calls += 1
                wrapper.calls = calls
                return f(*args, **kw)
            wrapper.calls = 0
            return wrapper
        def scaled@k@(factor):
            def deco(f):
                def w(x, *rest):
                    return f(x, *rest) * factor
                return w
            return deco
        @counted@k@
        @scaled@k@(@f@)
        def work@k@(x, y=1):
            return x % 11 + y
        """, k=k, f=P.num()))
    P.init.append(f"dw{k} = 0")
    P.body.append(f"dw{k} = (dw{k} + work{k}(i) + work{k}(i, {P.small()})) % 1000003")
    P.report += [f"dw{k}", f"work{k}.calls"]


def k_late(P, k):
    """Closures made in a loop: late binding versus a default argument."""
    P.init.append(f"fs{k} = [lambda x: x + j for j in range(3)]\nfd{k} = [lambda x, j=j: x * j for j in range(3)]\nkl{k} = 0")
    P.body.append(f"kl{k} = (kl{k} + fs{k}[i % 3](i) + fd{k}[i % 3](i)) % 1000003")
    P.report += [f"kl{k}", f"[f(1) for f in fs{k}]", f"[f(1) for f in fd{k}]"]


def k_nested(P, k):
    """Three levels of closures, the innermost changing the outermost's variable."""
    P.top.append(sub("""
        def outer@k@():
            total = 0
            def middle(a):
                def inner(b):
                    nonlocal total
                    total += a * b
                    return total
                return inner
            def get():
                return total
            return middle, get
        """, k=k))
    P.init.append(f"mid{k}, get{k} = outer{k}()\nf{k} = mid{k}({P.num()})")
    P.body.append(sub("""
        f@k@(i % 5)
        if i % @m@ == 0:
            f@k@ = mid@k@(i % 4)
        """, k=k, m=P.r.choice([3, 50])))
    P.report += [f"get{k}()"]


CLOSURES = [k_counter, k_keys, k_decorator, k_late, k_nested]


# --- try / except / finally / with ----------------------------------------------

def f_except(P, k):
    """try/except/else/finally in the hot loop, errors raised often."""
    r = P.r
    err = r.choice([("ZeroDivisionError", "10 // (i % @m@)"), ("KeyError", "{0: 1}[i % @m@]"),
                    ("IndexError", "[1, 2][i % @m@]"), ("ValueError", "int('7x'[i % @m@:])"),
                    ("TypeError", "(1, 'a')[i % @m@ == 0] + 1"), ("AttributeError", "(i % @m@ or None).real")])
    cls, expr = err
    expr = expr.replace("@m@", str(r.choice([2, 3, 5])))
    catch = r.choice([cls, "(" + cls + ", OSError)", "Exception", "LookupError" if cls in ("KeyError", "IndexError") else cls])
    P.init.append(f"ex{k} = [0, 0, 0]\nlast{k} = None")
    P.body.append(sub("""
        try:
            x@k@ = @expr@
        except @catch@ as e:
            ex@k@[0] += 1
            last@k@ = (type(e).__name__, str(e))
        else:
            ex@k@[1] += 1
        finally:
            ex@k@[2] += 1
        """, k=k, expr=expr, catch=catch))
    P.report += [f"ex{k}", f"last{k}"]


def f_break_continue(P, k):
    """break and continue through finally in an inner loop."""
    P.init.append(f"bc{k} = []")
    P.body.append(sub("""
        n@k@ = 0
        for j@k@ in range(i % 7):
            try:
                if j@k@ == @b@:
                    break
                if j@k@ % 2:
                    continue
                n@k@ += j@k@
            finally:
                n@k@ += 100
        bc@k@.append(n@k@)
        if len(bc@k@) > 5:
            bc@k@.pop(0)
        """, k=k, b=P.r.choice([2, 3, 5])))
    P.report += [f"bc{k}"]


def f_return(P, k):
    """return through finally (which may itself return) in a function the loop calls."""
    r = P.r
    override = r.random() < 0.4
    P.top.append(sub("""
        calls@k@ = [0]
        def pick@k@(v):
            try:
                if v % 3 == 0:
                    return "three"
                if v % 5 == 0:
                    raise ValueError(v)
                return v
            except ValueError:
                return "five"
            finally:
                calls@k@[0] += 1
                @over@
        """, k=k, over="if v % 7 == 0:\n            return 'seven'" if override else "pass"))
    P.init.append(f"rt{k} = {{}}")
    P.body.append(f"rr{k} = pick{k}(i)\nrt{k}[type(rr{k}).__name__] = rt{k}.get(type(rr{k}).__name__, 0) + 1")
    P.report += [f"rt{k}", f"calls{k}", f"pick{k}(i)"]


def f_user_errors(P, k):
    """User exception classes, a hierarchy, except with a tuple, raise from, re-raise."""
    P.top.append(sub("""
        class AppError@k@(Exception):
            def __init__(self, code, msg="bad"):
                super().__init__(msg, code)
                self.code = code
        class Retry@k@(AppError@k@):
            pass
        def check@k@(v):
            if v % @a@ == 0:
                raise Retry@k@(v)
            if v % @b@ == 0:
                try:
                    {}[v]
                except KeyError as e:
                    raise AppError@k@(v, "missing") from e
            return v
        def guarded@k@(v):
            try:
                return check@k@(v)
            except Retry@k@:
                raise
        """, k=k, a=P.r.choice([2, 4, 7]), b=P.r.choice([3, 5])))
    P.init.append(f"ue{k} = [0, 0, 0]\nmsg{k} = None")
    P.body.append(sub("""
        try:
            ue@k@[0] += guarded@k@(i)
        except (Retry@k@, KeyError) as e:
            ue@k@[1] += e.code
            msg@k@ = e.args
        except AppError@k@ as e:
            ue@k@[2] += 1
            msg@k@ = (str(e), type(e.__cause__).__name__, e.__context__ is e.__cause__)
        """, k=k))
    P.report += [f"ue{k}", f"msg{k}"]
    if P.r.random() < 0.3:
        P.failure = ([], f"check{k}({P.r.choice([2, 3]) * 35})")


def f_with(P, k):
    """A context manager class counting enters and exits, suppressing some errors."""
    P.top.append(sub("""
        class Ctx@k@:
            def __init__(self):
                self.depth = 0
                self.log = []
            def __enter__(self):
                self.depth += 1
                return self
            def __exit__(self, et, ev, tb):
                self.depth -= 1
                if et is not None:
                    self.log.append(et.__name__)
                    if len(self.log) > 4:
                        self.log.pop(0)
                return et is ZeroDivisionError
        """, k=k))
    P.init.append(f"cm{k} = Ctx{k}()\nwv{k} = 0")
    P.body.append(sub("""
        with cm@k@ as c@k@:
            wv@k@ += c@k@.depth
            wv@k@ += 10 // (i % @m@)
        try:
            with cm@k@:
                if i % 4 == 3:
                    raise KeyError(i)
        except KeyError:
            wv@k@ -= 1
        """, k=k, m=P.r.choice([2, 3, 11])))
    P.report += [f"wv{k}", f"cm{k}.depth", f"cm{k}.log"]


def f_loop_raise(P, k):
    """Exceptions raised and caught in a nested hot loop, a loop else."""
    P.init.append(f"lr{k} = 0")
    P.body.append(sub("""
        for j@k@ in range(3):
            try:
                if (i + j@k@) % @m@ == 0:
                    raise RuntimeError("r", j@k@)
                lr@k@ += 1
            except RuntimeError as e:
                lr@k@ += e.args[1] * 10
                continue
            lr@k@ += 2
        else:
            lr@k@ += 1000
        lr@k@ %= 1000003
        """, k=k, m=P.r.choice([2, 3, 4])))
    P.report += [f"lr{k}"]


FLOW = [f_except, f_break_continue, f_return, f_user_errors, f_with, f_loop_raise]


# --- sets, comprehensions, star-unpacking -----------------------------------------

def s_sets(P, k):
    """Sets and frozensets of ints with their operators and comparisons."""
    r = P.r
    P.init.append(f"sa{k} = set(range({r.choice([0, 3, 8])}))\nsb{k} = frozenset({{1, 2, {P.num()}, -3}})\nsc{k} = []")
    op = r.choice(["|", "&", "-", "^"])
    P.body.append(sub("""
        sa@k@.add(i * @a@ % @m@)
        if i % 3 == 0:
            sa@k@.discard(i % @m@)
        u@k@ = sa@k@ @op@ sb@k@
        sc@k@.append((len(u@k@), sb@k@ <= sa@k@, sb@k@ < u@k@ | sb@k@, sa@k@.isdisjoint(sb@k@), (i % 5) in u@k@))
        if len(sc@k@) > 3:
            sc@k@.pop(0)
        if i % @f@ == 0:
            sb@k@ = frozenset(x for x in sa@k@ if x % 2) | {i % 9}
        """, k=k, a=r.choice([1, 3, 7]), m=r.choice([5, 20, 64]), op=op, f=r.choice([4, 25])))
    P.report += [f"sa{k}", f"sorted(sb{k})", f"sc{k}", f"sa{k} & sb{k}", f"sa{k} ^ sb{k}", f"{{sb{k}: 1}}[sb{k}]"]
    P.final.append(f"print(frozenset(sa{k}) == sa{k}, sa{k}.union([1], (2,)), sb{k}.intersection(range(5)), sa{k}.difference(sb{k}), sa{k}.symmetric_difference(sb{k}), len({{frozenset(), frozenset()}}))")
    if r.random() < 0.3:
        P.failure = ([], f"sa{k}.remove(-1 - i)")


def s_comprehensions(P, k):
    """dict, set and list comprehensions, nested, with conditions, over dict items."""
    r = P.r
    P.init.append(f"cd{k} = {{}}\ncs{k} = set()")
    P.body.append(sub("""
        cd@k@ = {j: j * i % 13 for j in range(i % 6) if j != 2}
        cs@k@ = {v % @m@ for v in cd@k@.values()} | {j for j in range(i % 3)}
        inv@k@ = {v: k for k, v in cd@k@.items()}
        grid@k@ = [[a * b for b in range(3)] for a in range(i % 4)]
        """, k=k, m=r.choice([3, 4, 7])))
    P.report += [f"cd{k}", f"cs{k}", f"inv{k}", f"grid{k}", f"{{k: len(v) for k, v in enumerate(grid{k})}}"]


def s_star_assign(P, k):
    """Star-unpacking in assignment targets and for targets."""
    P.init.append(f"sq{k} = [1, 2, 3]\nst{k} = None")
    P.body.append(sub("""
        sq@k@.append(i % 10)
        if len(sq@k@) > @cap@:
            sq@k@ = sq@k@[-3:]
        first@k@, *mid@k@, last@k@ = sq@k@
        (a@k@, b@k@), *rest@k@ = [(i, -i), sq@k@, sq@k@]
        for h@k@, *t@k@ in [sq@k@, (first@k@, last@k@)]:
            st@k@ = (h@k@, len(t@k@), mid@k@[:2], a@k@ + b@k@, len(rest@k@))
        """, k=k, cap=P.r.choice([4, 7, 12])))
    P.report += [f"st{k}", f"sq{k}"]
    if P.r.random() < 0.3:
        P.failure = ([], f"a{k}, b{k} = sq{k}")


def s_star_calls(P, k):
    """Star and double-star arguments to a function with every kind of parameter."""
    P.top.append(sub("""
        def take@k@(a, b=2, *rest, c=3, **kw):
            return a * 2 + b + len(rest) * 10 + c * 100 + sum(kw.values()) * 1000
        """, k=k))
    P.init.append(f"sc{k} = 0\nargs{k} = [1]\nkws{k} = {{'c': 1}}")
    P.body.append(sub("""
        args@k@.append(i % 4)
        if len(args@k@) > 5:
            args@k@ = args@k@[:2]
        kws@k@["k" + str(i % 3)] = i % 7
        sc@k@ = (sc@k@ + take@k@(*args@k@, **kws@k@) + take@k@(i, *args@k@[:1], d=1) + take@k@(*(i, i), c=i)) % 1000003
        """, k=k))
    P.report += [f"sc{k}", f"args{k}", f"kws{k}"]
    if P.r.random() < 0.3:
        P.failure = ([], f"take{k}(*args{k}, a=1)")


def s_displays(P, k):
    """Star-unpacking in list, tuple, set and dict displays."""
    P.init.append(f"da{k} = [1, 2]\ndd{k} = {{'x': 1}}\ndv{k} = None")
    P.body.append(sub("""
        da@k@ = [*da@k@[-3:], i % 9]
        tp@k@ = (*da@k@, *range(i % 3), 0)
        su@k@ = {*da@k@, *tp@k@, -1}
        dd@k@ = {**dd@k@, "i" + str(i % 4): i, **{"x": len(su@k@)}}
        dv@k@ = (tp@k@, su@k@, dd@k@)
        """, k=k))
    P.report += [f"dv{k}"]


def s_dict_ops(P, k):
    """dict methods: setdefault, pop with a default, update, del, popitem, views."""
    P.init.append(f"dm{k} = {{}}")
    P.body.append(sub("""
        dm@k@.setdefault(i % @m@, []).append(i)
        if len(dm@k@[i % @m@]) > 3:
            dm@k@[i % @m@] = dm@k@[i % @m@][-2:]
        if i % 7 == 0:
            dm@k@.pop(i % 5, None)
        if i % 11 == 0 and dm@k@:
            dm@k@.popitem()
        dm@k@.update({-1: [i]})
        if i % 13 == 5:
            del dm@k@[-1]
        """, k=k, m=P.r.choice([3, 6, 10])))
    P.report += [f"dm{k}", f"sorted(dm{k}.keys() - {{0, 1}})", f"list(dm{k}.items())[:2]"]


COLLECTIONS = [s_sets, s_comprehensions, s_star_assign, s_star_calls, s_displays, s_dict_ops]

POOLS = {"classes": CLASSES, "generators": GENERATORS, "closures": CLOSURES, "flow": FLOW, "collections": COLLECTIONS}
ALL = CLASSES + GENERATORS + CLOSURES + FLOW + COLLECTIONS


def indent(lines, by):
    pad = " " * by
    return "\n".join(pad + line if line else line for text in lines for line in text.split("\n"))


def build(r, pool):
    """A program of two to four pieces from `pool` (and maybe one from anywhere) in one
    hot loop, printed at checkpoints."""
    P = Program(r)
    chosen = r.sample(pool, min(len(pool), r.randint(2, 4)))
    if r.random() < 0.4:
        chosen.append(r.choice(ALL))
    for k, piece in enumerate(chosen):
        piece(P, k)
    failure = P.failure if r.random() < 0.5 else None
    every = max(1, P.n // r.choice([3, 6, 10]))
    body = list(P.body)
    if failure:
        setup, line = failure
        at = r.randrange(P.n // 2, P.n) if P.n > 1 else 0
        body.append(f"if i == {at}:\n" + indent(setup + [line], 4))
    report = "print(i, " + ", ".join(P.report) + ")"
    body.append(f"if i % {every} == 0:\n    {report}")
    in_function = r.random() < 0.5
    out = list(P.top)
    inner = P.init + [f"for i in range({P.n}):", indent(body, 4), "print('end', " + ", ".join(P.report) + ")"] + P.final
    if in_function:
        out.append("def run():\n" + indent(inner, 4))
        out.append("run()")
    else:
        out += inner
    return "\n".join(out) + "\n"
