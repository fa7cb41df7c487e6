# Subclassing set and frozenset.
class Tagged(set):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag
    def __repr__(self):
        return "Tagged(%s, %r)" % (sorted(self), self.tag)
t = Tagged([3, 1], "x")
t.add(2)
print(t, len(t), 2 in t, t.tag)
r = t | {9}
print(type(r).__name__, sorted(r))
class FS(frozenset):
    def __new__(cls, items):
        return super().__new__(cls, (i * 2 for i in items))
f = FS([1, 2, 3])
print(sorted(f), type(f).__name__, f == frozenset({2, 4, 6}), hash(f) == hash(frozenset({2, 4, 6})))
print(isinstance(t, set), issubclass(FS, frozenset), type(f.copy()).__name__)
