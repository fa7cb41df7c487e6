# Iteration order of int sets depends only on hashes and insertion history.
s = set()
for v in [100, 3, 35, 68, 1, 200, 67, 2, 34]:
    s.add(v)
print(list(s))
t = {8, 16, 24, 32, 40, 1, 9, 17}
print(list(t))
big = set(range(0, 200, 7))
print(list(big)[:15])
u = {-1, -2, -3, 0, 10 ** 20, 2 ** 61, 2 ** 61 - 1}
print(list(u))
r = set(range(20))
for x in range(0, 20, 3):
    r.discard(x)
r.add(100)
r.add(3)
print(list(r))
