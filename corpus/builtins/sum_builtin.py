# sum(): start values, floats, big ints, and refusing strings.
print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(101)), sum([0.1] * 10), sum([1, 2.5]), sum([1j, 2]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([True, True, False]))
print(sum(x * x for x in range(10)), sum([10 ** 20, 10 ** 20, -1]), sum([1e100, 1.0, -1e100]))
print(sum([1, 2], start=100))
for bad in (lambda: sum(["a", "b"], ""), lambda: sum([b"a"], b""), lambda: sum([bytearray(b"a")], bytearray()),
            lambda: sum(["a"]), lambda: sum(5), lambda: sum([[1]])):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        return Money(self.c + (o.c if isinstance(o, Money) else o))
    __radd__ = __add__
print(sum([Money(1), Money(2)]).c, sum([Money(5)], Money(10)).c)
