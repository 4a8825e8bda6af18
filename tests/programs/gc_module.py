import gc
gc.disable()
print(gc.isenabled())
class N:
    def __init__(self): self.me = self
for i in range(1000): N()
print(gc.collect() >= 1000)
gc.enable(); print(gc.isenabled(), gc.get_threshold()[1:])
gc.set_threshold(0); print(gc.get_threshold()); gc.set_threshold(500); print(gc.get_threshold())
print(len(gc.get_count()))
try:
    gc.collect(5)
except ValueError as e:
    print(e)
