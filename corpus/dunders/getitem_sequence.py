# __getitem__-only classes are iterable; __setitem__/__delitem__ with slices.
class Squares:
    def __getitem__(self, i):
        if i >= 6:
            raise IndexError("done")
        return i * i
print(list(Squares()), 16 in Squares(), 17 in Squares(), list(iter(Squares()))[:2])
class Store:
    def __init__(self):
        self.data = {}
    def __getitem__(self, k):
        print("get", k)
        return self.data[repr(k)]
    def __setitem__(self, k, v):
        print("set", k, v)
        self.data[repr(k)] = v
    def __delitem__(self, k):
        print("del", k)
        del self.data[repr(k)]
s = Store()
s["a"] = 1
s[1:3] = "slice value"
s["a"] += 10
print(s["a"], s[1:3])
del s["a"]
try:
    s["a"]
except KeyError as e:
    print("KeyError:", e)
class ReadOnly:
    def __getitem__(self, k):
        return k
try:
    ReadOnly()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del ReadOnly()[0]
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
try:
    n = 5
    n[0]
except TypeError as e:
    print("TypeError:", e)
