# Builtins that build containers (sorted, list, dict) vs ones returning elements (min, max).
import sys
class V:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
vals = [V(3), V(1), V(2)]
target = vals[1]
base = sys.getrefcount(target)
s = sorted(vals)
print("sorted copy:", sys.getrefcount(target) - base)
m = min(vals)
print("min result bound:", sys.getrefcount(target) - base, m is target)
max(vals)
print("max result discarded:", sys.getrefcount(target) - base)
d = dict(enumerate(vals))
print("dict of enumerate:", sys.getrefcount(target) - base)
del s, m, d
print("released:", sys.getrefcount(target) - base)
