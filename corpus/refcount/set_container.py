# Sets and frozensets hold one reference per distinct element.
import sys
class E:
    pass
e = E()
base = sys.getrefcount(e)
s = {e}
s.add(e)
print("set (dedup):", sys.getrefcount(e) - base)
f = frozenset(s)
print("frozenset:", sys.getrefcount(e) - base)
u = s | f
print("union:", sys.getrefcount(e) - base)
s.discard(e)
print("discarded:", sys.getrefcount(e) - base)
del f, u
print("released:", sys.getrefcount(e) - base)
