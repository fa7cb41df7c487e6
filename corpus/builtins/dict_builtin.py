# dict(): mappings, iterables of pairs, keywords, combined forms and errors.
print(dict(), dict(a=1), dict({"a": 1}, b=2), dict([("a", 1), ["b", 2], "cd"]), dict(zip("xy", (1, 2))))
print(dict({"a": 1}, a=2), dict([("k", 1), ("k", 2)]), dict(((i, i * i) for i in range(3))))
class M:
    def keys(self):
        return iter(["p", "q"])
    def __getitem__(self, k):
        return k * 2
print(dict(M()))
for bad in ((5,), ([1],), ([("a", 1, 2)],), (["ab", "c"],)):
    try:
        dict(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    dict({}, {})
except TypeError as e:
    print("TypeError:", e)
print(dict.fromkeys(["a", "b"], 0), dict.fromkeys("xy"))
