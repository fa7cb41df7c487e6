# Infinite generators consumed partially: primes, collatz, cycle, interleave.
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1
p = primes()
print([next(p) for _ in range(20)])
def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1
print(list(collatz(27))[:20], len(list(collatz(27))))
def cycle(seq):
    while True:
        yield from seq
c = cycle("abc")
print("".join(next(c) for _ in range(10)))
def interleave(*gens):
    gens = list(gens)
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave(iter("AB"), iter(range(4)), iter("xyz"))))
