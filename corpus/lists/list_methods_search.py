# index/count/remove/reverse/copy/clear on lists.
a = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(a.index(5), a.index(5, 5), a.index(5, 9, 11), a.count(5), a.count(7))
a.remove(1)
print(a)
a.reverse()
print(a)
c = a.copy()
c.append("new")
print(len(a), len(c), c is not a)
c.clear()
print(c, a)
try:
    a.index(5, 0, 2)
except ValueError as e:
    print("ValueError:", e)
print([1.0, 1, True].count(1), [[1], [1]].index([1]), [None].count(None))
nan = float("nan")
print([nan].count(nan), [nan].index(nan))
