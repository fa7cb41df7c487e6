# ** unpacking in calls and displays; key order and duplicate detection.
def f(**kw):
    return list(kw.items())
base = {"a": 1, "b": 2}
print(f(**base), f(**base, c=3), f(c=0, **base), f(**{"z": 0}, **base))
print({**base, "b": 20, **{"c": 3}}, {"b": 0, **base})
try:
    f(**base, a=5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**base, **{"b": 9})
except TypeError as e:
    print("TypeError:", e)
class Mapping:
    def keys(self):
        return ["k1", "k2"]
    def __getitem__(self, k):
        return k.upper()
print(f(**Mapping()), {**Mapping()}, dict(Mapping()))
try:
    {**[1, 2]}
except TypeError as e:
    print("TypeError:", e)
