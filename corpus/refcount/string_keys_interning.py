# Refcount deltas on user-created (non-interned) strings used as dict keys and values.
import sys
key = "".join(["dyn", "amic", "-key"])
base = sys.getrefcount(key)
d = {key: 1}
print("used as key:", sys.getrefcount(key) - base)
d2 = {"v": key}
print("used as value:", sys.getrefcount(key) - base)
lst = [key] * 3
print("in list x3:", sys.getrefcount(key) - base)
del d, d2, lst
print("released:", sys.getrefcount(key) - base)
other = key[:]
print("full slice of str returns the same object:", other is key, sys.getrefcount(key) - base)
