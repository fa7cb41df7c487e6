# Mutating a list while iterating over it: defined (if surprising) behaviour.
a = [1, 2, 3, 4, 5, 6]
for x in a:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [1, 2, 3]
seen = []
for x in b:
    seen.append(x)
    if len(b) < 6:
        b.append(x * 10)
print(seen, b)
c = list(range(10))
for i in range(len(c) - 1, -1, -1):
    if c[i] % 3 == 0:
        del c[i]
print(c)
d = [1, 2, 3]
it = iter(d)
next(it)
d.clear()
print(list(it))
e = [0, 1, 2]
for i, v in enumerate(e):
    e[i] = v * v
print(e)
