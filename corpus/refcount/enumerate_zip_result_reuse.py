# enumerate and zip hand out their result tuple again when nothing else holds it, so the
# tuple (and what it holds) stays alive inside the iterator between items.
import sys


class Item:
    pass


a = Item()
b = Item()
for i, x in enumerate([a, b]):
    print("enumerate item", sys.getrefcount(x))
for x, y in zip([a], [b]):
    print("zip items", sys.getrefcount(x), sys.getrefcount(y))
for t in enumerate([a]):
    print("kept tuple", sys.getrefcount(t), sys.getrefcount(a))
saved = []
for t in zip([a, b], [b, a]):
    saved.append(t)
print("saved tuples distinct", saved[0] is not saved[1], len(saved))
it = enumerate([a, b])
first = next(it)
second = next(it)
print("held results distinct", first is not second, first[0], second[0])
del first, second
z = zip([a, b, a], [b])
print(next(z)[0] is a)
print("after exhaustion", list(z), sys.getrefcount(a), sys.getrefcount(b))
del z
print("zip freed", sys.getrefcount(a), sys.getrefcount(b))


def inner():
    c = Item()
    for j, v in enumerate((c, c)):
        pass
    r = sys.getrefcount(c)
    del j, v
    return r, sys.getrefcount(c)


print("in a function", inner())
