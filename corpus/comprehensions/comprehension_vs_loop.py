# Equivalent loops and comprehensions give the same results on larger data.
def lcg(seed):
    while True:
        seed = (seed * 1664525 + 1013904223) % 2 ** 32
        yield seed
g = lcg(42)
data = [next(g) % 1000 for _ in range(2000)]
loop = []
for v in data:
    if v % 3 == 0:
        loop.append(v // 3)
comp = [v // 3 for v in data if v % 3 == 0]
print(loop == comp, len(comp), sum(comp))
hist = {}
for v in data:
    hist[v % 10] = hist.get(v % 10, 0) + 1
hist2 = {d: sum(1 for v in data if v % 10 == d) for d in range(10)}
print(hist == hist2, sorted(hist.items()))
pairs = [(a, b) for a in range(30) for b in range(30) if a < b and (a * b) % 29 == 1]
print(len(pairs), pairs[:5])
uniq = {v for v in data if v > 990}
print(sorted(uniq))
