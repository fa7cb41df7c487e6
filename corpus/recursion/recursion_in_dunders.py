# Recursion through dunder methods: __eq__ on nested structures, __len__ on trees.
class Tree:
    def __init__(self, *kids):
        self.kids = kids
    def __len__(self):
        return 1 + sum(len(k) for k in self.kids)
    def __eq__(self, other):
        return isinstance(other, Tree) and self.kids == other.kids
    def __hash__(self):
        return hash(self.kids)
    def __iter__(self):
        yield self
        for k in self.kids:
            yield from k
def build(d):
    return Tree() if d == 0 else Tree(build(d - 1), build(d - 1))
t = build(8)
print(len(t), t == build(8), t == build(7), hash(t) == hash(build(8)), sum(1 for _ in t))
deep = Tree()
for _ in range(300):
    deep = Tree(deep)
print(len(deep), deep == deep)
