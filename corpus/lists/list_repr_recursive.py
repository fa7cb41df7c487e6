# repr of lists including nested, recursive and user objects.
class Node:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Node(%r)" % self.v
a = [1, "two", 3.0, None, [Node(4), (5,)], {"six": 6}]
print(a)
print(repr(a) == str(a))
b = [1]
b.append(b)
print(b)
c = [b, [b]]
print(c)
d = {"self": None}
d["self"] = d
e = [d]
print(e)
print(str([["é"], "é"]), [b"x", bytearray(b"y")], [1e16, -0.0, float("inf")])
