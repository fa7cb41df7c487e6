# Sets containing equal values of different types keep the first inserted.
s = {1, 1.0, True}
print(s, type(next(iter(s))).__name__)
t = {1.0, 1, True}
print(t)
u = {0, False, 0.0, -0.0, 0j}
print(u)
v = set()
v.add(2.0)
v.add(2)
print(v)
print({1, 2} == {1.0, 2.0}, {"a"} == {b"a"}, len({"a", b"a"}))
d = {True: "bool"}
d[1] = "int"
print(d)
