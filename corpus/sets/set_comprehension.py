# Set comprehensions and dedupe-with-transform.
words = ["Apple", "apple", "APPLE", "Banana", "banana", "cherry"]
print({w.lower() for w in words})
print({len(w) for w in words})
print({x % 7 for x in range(50)})
primes = {n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))}
print(sorted(primes), len(primes))
evens = {n for n in range(60) if n % 2 == 0}
print(sorted(primes & evens), sorted(primes - evens)[:5])
pairs = {(a, b) for a in range(4) for b in range(4) if a < b}
print(sorted(pairs))
print({c for c in "hello world" if c.isalpha()} == set("helowrd"))
