# Weak proxies forward operators, len, iteration, item access and conversions to the referent.
import weakref


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    def __radd__(self, o):
        return Num(o + self.v)

    def __sub__(self, o):
        return Num(self.v - o)

    def __mul__(self, o):
        return Num(self.v * o)

    def __pow__(self, o, m=None):
        return Num(pow(self.v, o, m))

    def __divmod__(self, o):
        return divmod(self.v, o)

    def __neg__(self):
        return Num(-self.v)

    def __abs__(self):
        return Num(abs(self.v))

    def __invert__(self):
        return Num(~self.v)

    def __index__(self):
        return self.v

    def __int__(self):
        return self.v

    def __float__(self):
        return float(self.v)

    def __iadd__(self, o):
        self.v += o
        return self

    def __eq__(self, o):
        return isinstance(o, Num) and self.v == o.v

    def __lt__(self, o):
        return self.v < o.v

    __hash__ = object.__hash__

    def __repr__(self):
        return "Num(%d)" % self.v


class Box:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, x):
        return x in self.items

    def __reversed__(self):
        return reversed(self.items)

    def __bytes__(self):
        return bytes(self.items)


n = Num(5)
p = weakref.proxy(n)
print(p + 1, 1 + p, p - 2, p * 3, p ** 2, pow(p, 2, 7), divmod(p, 3))
print(-p, abs(Num(-4)), ~p, int(p), float(p), [10, 11, 12, 13, 14, 15][p])
print(p == Num(5), p < Num(6), p + p)
q = p
q += 10
print(type(q).__name__, n.v, type(p).__name__)
b = Box([1, 2, 3])
pb = weakref.proxy(b)
print(len(pb), list(pb), pb[1], 2 in pb, 9 in pb, list(reversed(pb)), bytes(pb))
pb[0] = 7
del pb[2]
print(b.items, sum(pb))
def gen():
    yield 1
    yield 2


g = gen()
pg = weakref.proxy(g)
print(type(pg).__name__, next(pg), list(pg))
try:
    next(pb)
except TypeError as e:
    print("TypeError:", e)
try:
    p + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    len(p)
except TypeError as e:
    print("TypeError:", e)
del n
try:
    p + 1
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    len(pb), pb[0]
except ReferenceError as e:
    print("unexpected", e)
del b
try:
    len(pb)
except ReferenceError as e:
    print("ReferenceError:", e)
print(weakref.ProxyType.__name__, weakref.CallableProxyType.__name__, weakref.ReferenceType.__name__)
print(weakref.ProxyType.__module__, weakref.ref)
