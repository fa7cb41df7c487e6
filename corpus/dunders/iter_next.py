# The iterator protocol: __iter__, __next__, StopIteration, exhaustion.
class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
c = Countdown(3)
print(list(c), list(c))
class Repeatable:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Countdown(self.n)
r = Repeatable(4)
print(list(r), list(r), sum(r), max(r), sorted(r), 3 in r)
a, b, *rest = Repeatable(5)
print(a, b, rest)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
class NoNext:
    def __iter__(self):
        return self
try:
    for x in NoNext():
        pass
except TypeError as e:
    print("TypeError:", e)
it = iter([1, 2])
print(iter(it) is it, next(it), next(it), next(it, None))
