# Larger sets: sieve-style operations and sizes.
n = 3000
multiples = set()
for p in range(2, 56):
    multiples.update(range(p * p, n, p))
primes = set(range(2, n)) - multiples
print(len(primes), sum(primes), max(primes))
sq = {i * i % 1009 for i in range(1009)}
print(len(sq))
a = set(range(0, n, 2))
b = set(range(0, n, 3))
print(len(a & b), len(a | b), len(a ^ b), len(a - b))
s = set()
for i in range(2000):
    s.add(i)
for i in range(0, 2000, 2):
    s.remove(i)
print(len(s), min(s), max(s), 1999 in s, 1998 in s)
