# Recursive containers print with [...] and {...}; deep nesting of reprs.
a = [1]
a.append(a)
print(a, repr(a))
d = {"k": 1}
d["self"] = d
print(d)
b = [a, d, (a,)]
print(b)
class Node:
    def __init__(self, v):
        self.v = v
        self.children = []
    def __repr__(self):
        return "Node(%r, %r)" % (self.v, self.children)
root = Node(0)
cur = root
for i in range(1, 30):
    n = Node(i)
    cur.children.append(n)
    cur = n
print(repr(root)[:60], len(repr(root)))
nested = []
for _ in range(200):
    nested = [nested]
print(str(nested)[:10], len(str(nested)))
