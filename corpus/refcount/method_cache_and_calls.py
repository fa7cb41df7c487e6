# Repeated method calls, attribute loads and dict/list method calls leave counts unchanged.
import sys
class Acc:
    def __init__(self):
        self.total = 0
    def add(self, v):
        self.total += v
        return self
a = Acc()
v = Acc()
base_a, base_v = sys.getrefcount(a), sys.getrefcount(v)
for _ in range(100):
    a.add(1)
    getattr(a, "total")
    [v].count(v)
    {"k": v}.get("k")
print("after 100 iterations:", sys.getrefcount(a) - base_a, sys.getrefcount(v) - base_v, a.total)
chained = a.add(1).add(2).add(3)
print("chained result bound:", sys.getrefcount(a) - base_a)
del chained
print("released:", sys.getrefcount(a) - base_a)
