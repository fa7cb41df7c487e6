# __iadd__ and friends: mutate in place and return self (or something else).
class Bag:
    def __init__(self, items=()):
        self.items = list(items)
    def __iadd__(self, other):
        self.items.extend(other)
        return self
    def __isub__(self, other):
        for x in other:
            self.items.remove(x)
        return self
    def __imul__(self, n):
        self.items *= n
        return self
    def __ior__(self, other):
        return "ior returned a str"
    def __repr__(self):
        return "Bag(%r)" % self.items
b = Bag([1])
alias = b
b += [2, 3]
b -= [1]
b *= 2
print(b, alias is b)
b |= [0]
print(b, alias)
class All:
    def __init__(self):
        self.log = []
    def _op(name):
        def f(self, o):
            self.log.append(name)
            return self
        return f
    for _n in ("iadd isub imul imatmul itruediv ifloordiv imod ipow ilshift irshift iand ixor ior".split()):
        locals()["__%s__" % _n] = _op(_n)
a = All()
a += 1; a -= 1; a *= 1; a @= 1; a /= 1; a //= 1; a %= 1; a **= 1; a <<= 1; a >>= 1; a &= 1; a ^= 1; a |= 1
print(a.log)
