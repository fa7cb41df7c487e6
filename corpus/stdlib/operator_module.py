# stdlib: the operator module.
import operator as op
print(op.add(2, 3), op.sub(5, 1), op.mul("a", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 8), op.neg(5))
print(op.eq(1, 1.0), op.lt("a", "b"), op.not_(0), op.truth([1]), op.is_(None, None), op.contains([1, 2], 2), op.index(7))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(0), op.lshift(1, 4), op.rshift(16, 2), op.concat([1], [2]))
getx = op.itemgetter(1)
get02 = op.itemgetter(0, 2)
print(getx("abc"), get02("abc"), sorted([(1, "b"), (0, "c"), (2, "a")], key=op.itemgetter(1)))
class P:
    def __init__(self, n):
        self.n = n
        self.inner = self if n < 0 else None
    def hello(self, greeting):
        return greeting + str(self.n)
print(op.attrgetter("n")(P(5)), sorted([P(3), P(1)], key=op.attrgetter("n"))[0].n, op.methodcaller("hello", "hi ")(P(7)))
lst = [1, 2, 3]
op.setitem(lst, 0, 9)
op.delitem(lst, 1)
print(lst, op.getitem(lst, -1), op.length_hint(iter(range(4))))
x = [1]
x = op.iadd(x, [2])
print(x, op.iconcat("a", "b"))
