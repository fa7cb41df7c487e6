# Weak containers do not add to their members' reference counts.
import sys
import weakref
class Item:
    pass
a, b = Item(), Item()
base_a, base_b = sys.getrefcount(a), sys.getrefcount(b)
ws = weakref.WeakSet([a, b])
print("WeakSet:", sys.getrefcount(a) - base_a, len(ws))
wv = weakref.WeakValueDictionary(x=a)
print("WeakValueDictionary value:", sys.getrefcount(a) - base_a)
wk = weakref.WeakKeyDictionary()
wk[b] = "b"
print("WeakKeyDictionary key:", sys.getrefcount(b) - base_b)
strong = dict(x=a)
print("plain dict value:", sys.getrefcount(a) - base_a)
del strong
del b
print("after del b:", len(ws), len(wk))
r = weakref.ref(a)
print("ref:", sys.getrefcount(a) - base_a, r() is a)
