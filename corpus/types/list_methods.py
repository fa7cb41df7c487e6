# A broad tour of list methods and operators.
a = [5, 3, 8]
a.append(1)
a.extend([9, 2])
a.extend(range(2))
a.insert(2, 7)
a.insert(-100, "first")
print(a, len(a))
a.remove("first")
print(a.pop(), a.pop(0), a.pop(-2), a)
print(a.index(8), a.index(1, 3), a.count(1), a.count(42))
b = a.copy()
b.sort()
print(b, a)
b.sort(reverse=True, key=lambda v: v % 3)
print(b)
b.reverse()
print(b)
c = a * 2 + [0]
print(c, c[::3], c[-3:], 3 in c, 99 not in c)
c[1:4] = []
c[::2] = [0] * len(c[::2])
print(c)
del c[:2]
print(c, c == [0] * 0 + c, c < c + [1], [1, 2] > [1, 1, 9])
c.clear()
print(c, bool(c))
m = [[1, 2], [3, 4]]
m2 = m.copy()
m2[0].append(5)
print(m, m2)
d = [3, 1, 2]
print(d.__len__(), d.__getitem__(0), d.__contains__(2), d.__add__([9]), d.__mul__(2), d.__iadd__([4]), d)
print(sorted(n for n in dir(list) if not n.startswith("_")))
