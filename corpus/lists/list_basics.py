# List creation, indexing, mutation and length.
a = [1, 2, 3]
a.append(4)
a.insert(0, 0)
a.insert(100, 99)
a.insert(-1, 50)
print(a, len(a))
a[2] = "two"
a[-1] = "last"
print(a)
del a[0]
del a[-2:]
print(a)
print(a.pop(), a.pop(0), a)
b = list("hey")
b.extend(range(3))
b += "ab"
print(b)
print([] == [], [1] * 3, [[0] * 2] * 2, list(), list((1, 2)), list({"k": 1}))
for bad in (lambda: [][0], lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(3), lambda: [1, 2][float("1")]):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
