# Larger lists: building, summing, reversing, sorting a pseudo-random sequence.
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed
vals = [rnd() % 1000 for _ in range(5000)]
print(sum(vals), min(vals), max(vals), vals[:8])
s = sorted(vals)
print(s[:5], s[-5:], s[2500], s == sorted(vals, reverse=True)[::-1])
uniq = sorted(set(vals))
print(len(uniq), uniq[:10])
counts = [0] * 10
for v in vals:
    counts[v // 100] += 1
print(counts)
r = list(reversed(vals))
print(r[0] == vals[-1], vals.index(s[0]), vals.count(s[-1]))
