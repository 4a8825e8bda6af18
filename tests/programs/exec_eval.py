# A tiny calculator and a config loader: source text run with exec and eval.

def evaluate_all(expressions, env):
    results = []
    for text in expressions:
        results.append(eval(text, env))
    return results


env = {"rate": 0.25, "hours": 38}
print(evaluate_all(["rate * hours", "hours // 5", "round(rate * 3, 2)", "  max(hours, 40)"], env))
print(sorted(env))

config_source = "\n".join([
    "name = 'widget'",
    "sizes = [s * 2 for s in range(1, 4)]",
    "def area(w, h):",
    "    return w * h",
    "class Box:",
    "    def __init__(self, w):",
    "        self.w = w",
    "        self.cube = w ** 3",
    "largest = area(sizes[-1], 5)",
])
config = {}
exec(config_source, config)
print(config["name"], config["sizes"], config["largest"])
print(config["Box"](3).cube, config["area"](2, 7))
print([k for k in sorted(config) if not k.startswith("__")])

# Without globals at module level, the module's own globals are used.
counter = 0
for step in range(30):
    exec("counter += step")
print(counter)
exec("made_here = counter * 2")
print(made_here)
print(eval("made_here + counter"))

# compile() once, run many times.
square = compile("n * n", "<square>", "eval")
print([eval(square, {"n": n}) for n in range(6)])
program = compile("total = 0\nfor i in range(n):\n    total += i\n", "<sum>", "exec")
scope = {"n": 10}
exec(program, scope)
print(scope["total"])

# 'single' mode shows the values of expression statements, as the prompt does.
exec(compile("6 * 7", "<prompt>", "single"))
exec(compile("'text'", "<prompt>", "single"))
exec(compile("None", "<prompt>", "single"))
exec(compile("for w in ['a', 'b']:\n    w.upper()\n", "<prompt>", "single"))
exec(compile("[1, 2][0]", "<prompt>", "single"))
print(_)

# A function defined by exec sees the globals it was defined in.
shared = {"factor": 3}
exec("def scale(xs):\n    return [x * factor for x in xs]\n", shared)
shared["factor"] = 10
print(shared["scale"]([1, 2, 3]))

# Errors inside eval'd code are ordinary exceptions.
for bad in ["1 / 0", "undefined_name + 1", "[1, 2][5]", "int('x')"]:
    try:
        eval(bad, {})
    except Exception as e:
        print(type(e).__name__, e)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError caught")
try:
    compile("1", "<x>", "run")
except ValueError as e:
    print(e)
try:
    eval(42)
except TypeError as e:
    print(e)
try:
    exec("x = 1", [])
except TypeError as e:
    print(e)

# Inside functions and hot loops, with globals given.
def accumulate(n):
    env = {"acc": 0}
    for i in range(n):
        exec("acc = acc + %d" % i, env)
    return env["acc"]


def doubled_sum(n):
    total = 0
    g = {"k": 3}
    for i in range(n):
        g["i"] = i
        total += eval("k * 2 + i", g)
    return total


print(accumulate(100), doubled_sum(50))
print(list(map(eval, ["1 + 1", "2 * 3"])))
