# Local variables of running frames hold references until the function returns.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
def outer():
    a = o
    def inner():
        b = o
        return sys.getrefcount(o) - base
    return inner(), sys.getrefcount(o) - base
print("inner, outer:", outer())
print("after return:", sys.getrefcount(o) - base)
def recursive(n):
    x = o
    if n == 0:
        return sys.getrefcount(o) - base
    return recursive(n - 1)
print("10 frames deep:", recursive(9))
print("after unwinding:", sys.getrefcount(o) - base)
