# id(): identity comparisons only (never printed values).
a = [1, 2]
b = a
c = list(a)
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__, id(a) > 0)
print(id(None) == id(None), id(True) == id(1 == 1))
x = object()
ids = {id(x)}
ids.add(id(x))
print(len(ids))
class K:
    pass
objs = [K() for _ in range(10)]
print(len({id(o) for o in objs}))
print((a is b) == (id(a) == id(b)), (a is c) == (id(a) == id(c)))
