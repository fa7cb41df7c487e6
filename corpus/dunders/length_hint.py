# __length_hint__ and iterator lengths used by list().
class Hinted:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
    def __length_hint__(self):
        print("__length_hint__ asked")
        return self.n
print(list(Hinted(3)))
it = iter([1, 2, 3, 4])
next(it)
print(it.__length_hint__(), iter(range(10)).__length_hint__(), iter("abc").__length_hint__())
print(reversed([1, 2, 3]).__length_hint__(), iter({1: 2}).__length_hint__())
class BadHint(Hinted):
    def __length_hint__(self):
        return -1
try:
    list(BadHint(2))
except ValueError as e:
    print("ValueError:", e)
