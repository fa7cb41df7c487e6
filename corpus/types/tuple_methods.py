# tuple methods and operators.
t = (3, 1, 4, 1, 5, 9, 2, 6)
print(t.count(1), t.count(7), t.index(4), t.index(1, 2), t.index(6, -3))
try:
    t.index(7)
except ValueError as e:
    print("ValueError:", e)
print(t + (0,), t * 2, t[2:5], t[::-1], 9 in t, len(t), min(t), max(t), sum(t), sorted(t))
print(t.__getitem__(0), t.__len__(), t.__contains__(5), t.__add__((1,)), t.__mul__(0), t.__eq__(t), t.__lt__((4,)), t.__hash__() == hash(t))
print(sorted(n for n in dir(tuple) if not n.startswith("_")))
print(tuple.__new__(tuple, "ab"), (1, 2).__getnewargs__(), (1,).__repr__())
