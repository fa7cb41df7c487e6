# `in` uses __contains__, then __iter__, then __getitem__.
class WithContains:
    def __contains__(self, x):
        print("__contains__", x)
        return x == "magic"
class WithIter:
    def __iter__(self):
        print("__iter__")
        return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        print("__getitem__", i)
        if i > 2:
            raise IndexError
        return i
print("magic" in WithContains(), 1 in WithContains())
print(2 in WithIter(), 5 in WithIter())
print(1 in WithGetitem(), 7 not in WithGetitem())
class ContainsTruthy:
    def __contains__(self, x):
        return [x]
print(0 in ContainsTruthy(), type(0 in ContainsTruthy()).__name__)
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
class NoneContains:
    __contains__ = None
    def __iter__(self):
        return iter([1])
try:
    1 in NoneContains()
except TypeError as e:
    print("TypeError:", e)
