# A command shell that finds its commands through dir(), as small REPL tools do.
class Shell:
    prompt = "> "

    def __init__(self):
        self.history = []

    def do_greet(self, arg):
        return f"hello {arg}"

    def do_add(self, arg):
        return str(sum(int(x) for x in arg.split()))

    def help_add(self):
        return "add numbers"

    def commands(self):
        return [n[3:] for n in dir(self) if n.startswith("do_")]

    def run(self, line):
        cmd, _, arg = line.partition(" ")
        self.history.append(cmd)
        if cmd in self.commands():
            return getattr(self, "do_" + cmd)(arg)
        return f"unknown: {cmd}"


class LoudShell(Shell):
    def do_shout(self, arg):
        return arg.upper() + "!"


sh = LoudShell()
print(sh.commands(), Shell().commands())
for line in ["greet world", "add 1 2 3", "shout hi", "quit"]:
    print(sh.run(line))
print(dir(sh))
print(dir(Shell) == sorted(dir(Shell)), "history" in dir(sh), "history" in dir(LoudShell))
