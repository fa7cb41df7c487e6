# list methods: sorting, slicing, insertion and error messages.
a = [5, 3, 8, 1, 9, 2]
a.sort()
print(a, sorted(a, reverse=True), sorted(["b", "A", "c"], key=str.lower), sorted([(1, "b"), (0, "z"), (1, "a")]))
pairs = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[1], reverse=True))
b = [1, 2, 3]
b.insert(0, 0)
b.insert(-1, 2.5)
b.insert(100, 4)
b.insert(-100, -1)
print(b, b.index(2), b.index(2, 3) if 2 in b[3:] else "no", b.count(2), b.pop(), b.pop(0), b)
b.extend(range(2))
b.extend("ab")
b += [9]
print(b, b * 2 == b + b, [0] * 3, 3 * [None])
c = list(range(10))
c[2:5] = ["a"]
print(c)
c[::3] = [0, 0, 0]
print(c)
del c[::2]
print(c)
c[1:1] = [7, 7]
c[-1:] = []
print(c, c[::-1], c[-2:], c[:-2], c[100:], c[-100:2])
c.reverse()
c.remove(7)
print(c, c.copy() == c, c.copy() is c)
c.clear()
print(c, [] == [], [1, [2]] < [1, [3]], [1, 2] < [1, 2, 0], max([3, 1, 2]), min([[2], [1, 5]]))
for f in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(3), lambda: [1, 2][5]):
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    [3, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    x = [1, 2, 3]
    x[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested, [[0] * 2 for _ in range(2)])
