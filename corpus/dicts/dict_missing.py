# __missing__ on dict subclasses and a counter built by hand.
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for w in "the cat and the hat and the bat".split():
    c[w] += 1
print(c, c["dog"], "dog" in c, c.get("dog"))
class AutoVivify(dict):
    def __missing__(self, key):
        v = self[key] = AutoVivify()
        return v
t = AutoVivify()
t["a"]["b"]["c"] = 1
t["a"]["x"] = 2
print(t)
class Raising(dict):
    def __missing__(self, key):
        raise LookupError("no " + repr(key))
try:
    Raising()["k"]
except LookupError as e:
    print(type(e).__name__, e)
print(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
