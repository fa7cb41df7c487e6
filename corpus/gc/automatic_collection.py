# With a small gen-0 threshold, allocating containers triggers collections automatically.
import gc
gc.disable()
gc.collect()
collected = []
class Tracked:
    def __init__(self, n):
        self.n = n
        self.me = self
    def __del__(self):
        collected.append(self.n)
old = gc.get_threshold()
gc.set_threshold(50, 10, 10)
gc.enable()
for i in range(30):
    Tracked(i)
filler = [[] for _ in range(200)]
gc.disable()
print("collected automatically:", sorted(collected) == list(range(30)), len(collected))
gc.set_threshold(*old)
print(gc.get_threshold())
gc.enable()
