# References held while an object is an argument, and after the call returns.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
def inner(x):
    return sys.getrefcount(x) - base
def two(x, y):
    return sys.getrefcount(x) - base
def star(*args):
    return sys.getrefcount(args[0]) - base
def kw(**kwargs):
    return sys.getrefcount(kwargs["k"]) - base
print("positional:", inner(o))
print("keyword:", inner(x=o))
print("twice:", two(o, o))
print("*args:", star(o))
print("**kwargs:", kw(k=o))
print("after calls:", sys.getrefcount(o) - base)
def keep(x, store=[]):
    store.append(x)
keep(o)
print("stored in default list:", sys.getrefcount(o) - base)
keep.__defaults__[0].clear()
print("cleared:", sys.getrefcount(o) - base)
def returns(x):
    return x
r = returns(o)
print("returned and bound:", sys.getrefcount(o) - base)
