# Attribute loads, stores and method loads repeated at one site while the class, the
# instance's class, its __dict__ or its descriptors change between runs of the site
# (what an interpreter's inline attribute caches must notice).


class P:
    def __init__(self, x):
        self.x = x

    def m(self):
        return "P.m"


class Q(P):
    def m(self):
        return "Q.m"


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


def call_m(o):
    return o.m()


p = P(1)
q = Q(2)
results = []
for i in range(3):
    results.append(get_x(p))
    set_x(p, i * 10)
    results.append(call_m(p))
print(results)

# A data descriptor added to the class later wins over the instance dict.
P.x = property(lambda self: "property x", lambda self, v: results.append(("set", v)))
print(get_x(p), get_x(q))
set_x(p, 5)
print(results[-1], p.__dict__)
del P.x
print(get_x(p))

# A non-data class attribute does not shadow the instance dict.
P.x = "class x"
print(get_x(p))
del p.x
print(get_x(p))
set_x(p, 7)
print(get_x(p), P.x)
del P.x

# Changing __class__ between runs.
o = P(3)
print(call_m(o), get_x(o))
o.__class__ = Q
print(call_m(o), get_x(o))

# A method shadowed by an instance attribute, then by a new class attribute.
o.m = lambda: "instance m"
print(call_m(o))
del o.m
print(call_m(o))
Q.m = lambda self: "new Q.m"
print(call_m(o))
del Q.m
print(call_m(o))

# Replacing the instance __dict__ entirely.
o.__dict__ = {"x": "fresh dict"}
print(get_x(o))
o.__dict__ = {"y": 1}
try:
    get_x(o)
except AttributeError as e:
    print("AttributeError:", e)
set_x(o, 8)
print(o.__dict__)


# __getattribute__ and __setattr__ added to a class after its sites were used.
class R:
    def __init__(self):
        self.x = "plain"

    def m(self):
        return "R.m"


r = R()
print(get_x(r), call_m(r))
set_x(r, "again")
R.__getattribute__ = lambda self, name: "hooked " + name
print(get_x(r))
del R.__getattribute__
print(get_x(r), call_m(r))
R.__setattr__ = lambda self, name, v: results.append(("setattr", name, v))
set_x(r, "via hook")
print(results[-1], get_x(r))
del R.__setattr__
set_x(r, "direct")
print(get_x(r))


# A descriptor class that becomes a data descriptor later.
class D:
    def __get__(self, obj, typ=None):
        return "D.__get__"


class S:
    a = D()


s = S()
s.__dict__["a"] = "instance a"


def get_a(o):
    return o.a


print(get_a(s), get_a(s))
D.__set__ = lambda self, obj, v: None
print(get_a(s))

# Many objects of several classes through one site.
objs = [P(i) if i % 3 else Q(-i) for i in range(12)]
print([get_x(o) for o in objs], [call_m(o) for o in objs])
for o in objs:
    set_x(o, get_x(o) * 2)
print([get_x(o) for o in objs])
