# __pow__ with the third argument, __rpow__, and divmod dunders.
class M:
    def __init__(self, v):
        self.v = v
    def __pow__(self, e, mod=None):
        return "pow(%r, %r, %r)" % (self.v, e, mod)
    def __rpow__(self, b):
        return "rpow(%r, %r)" % (b, self.v)
    def __divmod__(self, o):
        return ("q", "r")
    def __rdivmod__(self, o):
        return "rdivmod"
    def __floordiv__(self, o):
        return "floordiv"
    def __mod__(self, o):
        return "mod"
m = M(2)
print(m ** 3, pow(m, 3), pow(m, 3, 5), 2 ** m, pow(2, m), divmod(m, 1), divmod(1, m), m // 1, m % 1)
try:
    pow(2, m, 5)
except TypeError as e:
    print("TypeError:", e)
