# WeakSet set algebra: operators, in-place forms, comparisons, and members dying.
import gc
import weakref


class Item:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Item(%d)" % self.n


def names(ws):
    return sorted(x.n for x in ws)


items = [Item(i) for i in range(8)]
a = weakref.WeakSet(items[:5])
b = weakref.WeakSet(items[3:])
print("a", names(a), "b", names(b))
print("|", names(a | b), type(a | b).__name__)
print("&", names(a & b))
print("-", names(a - b), names(b - a))
print("^", names(a ^ b))
print("union", names(a.union(items[6:])))
print("intersection", names(a.intersection(items[::2])))
print("difference", names(a.difference(items[:2])))
print("symmetric_difference", names(a.symmetric_difference(items[4:6])))
print("<= < >= >", a <= b, a < b, a >= b, a > b)
small = weakref.WeakSet(items[:2])
print("small <= a", small <= a, small < a, a >= small, a > small, a > a, a >= a)
print("issubset", small.issubset(items), a.issuperset(items[1:3]), a.isdisjoint(items[6:]))
print("== !=", a == weakref.WeakSet(items[:5]), a != b, a == set(items[:5]))
try:
    hash(a)
except TypeError as e:
    print("TypeError", e)

c = a.copy()
c |= b
print("|=", names(c))
c &= items[2:6]
print("&=", names(c))
c -= items[2:3]
print("-=", names(c))
c ^= items[:4]
print("^=", names(c))
c ^= c
print("^= self", names(c), len(c))
d = weakref.WeakSet(items)
d -= d
print("-= self", len(d))
e = weakref.WeakSet(items[:3])
e.difference_update(items[:1])
e.intersection_update(items[:3])
e.symmetric_difference_update(items[2:4])
print("updates", names(e))

# Members that die leave every result.
u = a | b
del items[4]
gc.collect()
print("after one dies", names(a), names(u), len(a & b), names(a ^ b))
items.clear()
gc.collect()
print("all dead", len(a), len(b), len(u), names(a | b))
