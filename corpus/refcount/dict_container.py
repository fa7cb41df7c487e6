# Dict keys and values are references; overwriting and deleting entries.
import sys
class K:
    def __hash__(self):
        return 1
class V:
    pass
k, v = K(), V()
kb, vb = sys.getrefcount(k), sys.getrefcount(v)
d = {k: v}
print("key and value stored:", sys.getrefcount(k) - kb, sys.getrefcount(v) - vb)
d["other"] = v
print("value twice:", sys.getrefcount(v) - vb)
d[k] = None
print("value overwritten:", sys.getrefcount(k) - kb, sys.getrefcount(v) - vb)
c = d.copy()
print("copy:", sys.getrefcount(k) - kb, sys.getrefcount(v) - vb)
del d[k]
print("del key in d:", sys.getrefcount(k) - kb)
c.clear()
d.clear()
print("cleared:", sys.getrefcount(k) - kb, sys.getrefcount(v) - vb)
d2 = dict.fromkeys([k], v)
print("fromkeys:", sys.getrefcount(k) - kb, sys.getrefcount(v) - vb)
val = d2.pop(k)
print("after pop (value bound to name):", sys.getrefcount(k) - kb, sys.getrefcount(v) - vb)
del val, d2
print("released:", sys.getrefcount(k) - kb, sys.getrefcount(v) - vb)
