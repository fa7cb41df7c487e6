# Binary operators fall back to reflected methods on the right operand.
class R:
    def __init__(self, name):
        self.name = name
    def __radd__(self, other):
        return "radd(%r, %s)" % (other, self.name)
    def __rsub__(self, other):
        return "rsub(%r, %s)" % (other, self.name)
    def __rmul__(self, other):
        return "rmul(%r, %s)" % (other, self.name)
    def __rtruediv__(self, other):
        return "rtruediv"
    def __rfloordiv__(self, other):
        return "rfloordiv"
    def __rmod__(self, other):
        return "rmod"
    def __rpow__(self, other):
        return "rpow(%r)" % (other,)
    def __rlshift__(self, other):
        return "rlshift"
    def __rrshift__(self, other):
        return "rrshift"
    def __rand__(self, other):
        return "rand"
    def __ror__(self, other):
        return "ror"
    def __rxor__(self, other):
        return "rxor"
    def __rdivmod__(self, other):
        return "rdivmod"
r = R("r")
print(1 + r, 2.5 - r, "s" * r, [1] * r)
print(1 / r, 1 // r, 1 % r, 2 ** r, 1 << r, 1 >> r, 1 & r, 1 | r, 1 ^ r, divmod(1, r))
print(pow(3, r))
x = 10
x += r
print(x)
class Sub(int):
    def __radd__(self, other):
        return "Sub.__radd__ wins"
    def __add__(self, other):
        return "Sub.__add__"
print(5 + Sub(1), Sub(1) + 5)
