# Tuple-assignment idioms: swap, rotate, fibonacci, parallel update.
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = 1, 2, 3
x, y, z = y, z, x
print(x, y, z)
f0, f1 = 0, 1
for _ in range(10):
    f0, f1 = f1, f0 + f1
print(f0, f1)
lst = [1, 2, 3, 4]
lst[0], lst[-1] = lst[-1], lst[0]
print(lst)
i = 0
lst2 = [10, 20, 30]
i, lst2[i] = 1, 99
print(i, lst2)
d = {"a": 1, "b": 2}
d["a"], d["b"] = d["b"], d["a"]
print(d)
class P:
    pass
p = P()
p.x, p.y = "x", "y"
p.x, p.y = p.y, p.x
print(p.x, p.y)
