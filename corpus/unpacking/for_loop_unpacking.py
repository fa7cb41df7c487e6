# Unpacking in for-loop targets over dict items, zip and enumerate.
inventory = {"apples": (3, 0.5), "pears": (2, 0.75)}
for name, (qty, price) in inventory.items():
    print(name, qty * price)
for i, (a, b) in enumerate(zip("xyz", range(3))):
    print(i, a, b)
points = [(1, 2, 3), (4, 5, 6)]
for x, *rest in points:
    print(x, rest)
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)
matrix = [[1, 2], [3, 4]]
for [p, q] in matrix:
    print(p * q)
total = 0
for _, v in sorted({"b": 2, "a": 1}.items()):
    total = total * 10 + v
print(total)
