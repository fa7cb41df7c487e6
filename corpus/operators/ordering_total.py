# Sorting relies on __lt__ only; functools-free total ordering by hand.
class Ver:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __lt__(self, other):
        return self.parts < other.parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __repr__(self):
        return "Ver(%s)" % ".".join(map(str, self.parts))
vs = [Ver("1.10"), Ver("1.2"), Ver("1.2.1"), Ver("0.9"), Ver("1.10.0")]
print(sorted(vs))
print(min(vs), max(vs))
print(Ver("2.0") > Ver("1.9"))
try:
    print(Ver("1") <= Ver("2"))
except TypeError as e:
    print("TypeError:", e)
print(sorted(vs, reverse=True))
print(Ver("1.2") == Ver("1.2"), Ver("1.2") != Ver("1.2"), Ver("1.2") in vs)
