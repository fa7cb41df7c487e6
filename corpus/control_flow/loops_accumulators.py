# Typical numeric loops: primes, gcd table, digit sums, perfect numbers.
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    return [i for i, f in enumerate(flags) if f]
print(sieve(100))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
for i in range(1, 7):
    print(" ".join("%2d" % gcd(i, j) for j in range(1, 7)))
print([n for n in range(2, 600) if sum(d for d in range(1, n // 2 + 1) if n % d == 0) == n])
total = 0
for n in range(1000):
    s = 0
    m = n
    while m:
        s += m % 10
        m //= 10
    if s == 10:
        total += 1
print(total)
