# A traffic-light controller and a small tokenizer driven by Enum states in loops
# long enough to be traced: member loads, identity tests, dict lookups keyed by
# members, method calls on members and value lookups all run in hot code.
from enum import Enum, auto


class Light(Enum):
    RED = 1
    RED_AMBER = 2
    GREEN = 3
    AMBER = 4

    def next(self):
        return TRANSITIONS[self]

    @property
    def duration(self):
        return DURATIONS[self.value]


TRANSITIONS = {
    Light.RED: Light.RED_AMBER,
    Light.RED_AMBER: Light.GREEN,
    Light.GREEN: Light.AMBER,
    Light.AMBER: Light.RED,
}
DURATIONS = {1: 30, 2: 3, 3: 25, 4: 4}

state = Light.RED
elapsed = 0
cycles = 0
seen = {light: 0 for light in Light}
for tick in range(20000):
    seen[state] += 1
    elapsed += 1
    if elapsed >= state.duration:
        state = state.next()
        elapsed = 0
        if state is Light.RED:
            cycles += 1
print(state, elapsed, cycles)
print(seen)


class Kind(Enum):
    DIGIT = auto()
    SPACE = auto()
    OP = auto()


class State(Enum):
    START = auto()
    IN_NUMBER = auto()


def kind_of(ch):
    if "0" <= ch <= "9":
        return Kind.DIGIT
    if ch == " ":
        return Kind.SPACE
    return Kind.OP


def tokenize(text):
    tokens = []
    state = State.START
    number = 0
    for ch in text:
        k = kind_of(ch)
        if state == State.IN_NUMBER:
            if k == Kind.DIGIT:
                number = number * 10 + int(ch)
                continue
            tokens.append(number)
            state = State.START
        if k == Kind.DIGIT:
            state = State.IN_NUMBER
            number = int(ch)
        elif k == Kind.OP:
            tokens.append(ch)
    if state is State.IN_NUMBER:
        tokens.append(number)
    return tokens


text = " + ".join(str(i * 7 % 1000) for i in range(3000))
tokens = tokenize(text)
total = sum(t for t in tokens if isinstance(t, int))
print(len(tokens), total, tokens[:7])

# Value lookups and name lookups in a loop, and a match on members.
hist = [0, 0, 0, 0]
for i in range(10000):
    light = Light(i % 4 + 1)
    match light:
        case Light.RED | Light.AMBER:
            hist[0] += 1
        case Light.GREEN:
            hist[1] += 1
        case _:
            hist[2] += 1
    if Light[light.name] is light:
        hist[3] += 1
print(hist)
