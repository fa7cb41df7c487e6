# __int__, __float__, __complex__, __index__, __round__, __trunc__, __floor__, __ceil__.
import math
class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __complex__(self):
        return complex(self.v, 1)
    def __index__(self):
        return int(self.v) * 10
    def __round__(self, nd=None):
        return "round(%r)" % (nd,)
    def __trunc__(self):
        return "trunc"
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
n = Num(3.7)
print(int(n), float(n), complex(n), hex(n), bin(n), list(range(n))[-1], [0, 1] * n == [0, 1] * 30)
print(round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n))
class OnlyIndex:
    def __index__(self):
        return 7
print(int(OnlyIndex()), float(OnlyIndex()), complex(OnlyIndex()))
class BadInt:
    def __int__(self):
        return "x"
try:
    int(BadInt())
except TypeError as e:
    print("TypeError:", e)
class NoConv:
    pass
for f in (int, float, complex):
    try:
        f(NoConv())
    except TypeError as e:
        print("TypeError:", str(e).replace("'NoConv'", "NoConv"))
