# Closures reference captured objects through cells.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
def make(x):
    def get():
        return x
    return get
g = make(o)
print("one closure:", sys.getrefcount(o) - base)
g2 = make(o)
print("two closures:", sys.getrefcount(o) - base)
cell = g.__closure__[0]
print("cell holds it:", cell.cell_contents is o, sys.getrefcount(o) - base)
del g
print("first closure gone but cell kept:", sys.getrefcount(o) - base)
del cell
print("cell released:", sys.getrefcount(o) - base)
del g2
print("all released:", sys.getrefcount(o) - base)
def counter():
    n = Obj()
    nb = sys.getrefcount(n)
    def f():
        return n
    return sys.getrefcount(n) - nb, f
print("cell variable inside its own function:", counter()[0])
