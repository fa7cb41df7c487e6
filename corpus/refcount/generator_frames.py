# A suspended generator's frame holds references; finished generators release them.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
def gen(x):
    yield 1
    yield 2
g = gen(o)
print("created (argument held by frame):", sys.getrefcount(o) - base)
next(g)
print("suspended:", sys.getrefcount(o) - base)
list(g)
print("exhausted:", sys.getrefcount(o) - base)
g2 = gen(o)
next(g2)
g2.close()
print("closed:", sys.getrefcount(o) - base)
g3 = gen(o)
del g3
print("never started, deleted:", sys.getrefcount(o) - base)
ge = (v for v in [o, o])
print("generator expression over a list:", sys.getrefcount(o) - base)
next(ge)
print("one item consumed:", sys.getrefcount(o) - base)
del ge
print("released:", sys.getrefcount(o) - base)
