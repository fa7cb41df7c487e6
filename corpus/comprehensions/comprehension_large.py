# Larger comprehensions: primes, pythagorean triples, word lengths, matrix product.
N = 2000
sieve = [True] * N
for i in range(2, int(N ** 0.5) + 1):
    if sieve[i]:
        sieve[i * i::i] = [False] * len(range(i * i, N, i))
primes = [i for i in range(2, N) if sieve[i]]
print(len(primes), primes[-5:])
triples = [(a, b, c) for c in range(1, 60) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(len(triples), triples[:4], triples[-1])
A = [[(i + j) % 7 for j in range(12)] for i in range(12)]
B = [[(i * j) % 5 for j in range(12)] for i in range(12)]
C = [[sum(A[i][k] * B[k][j] for k in range(12)) for j in range(12)] for i in range(12)]
print(C[0][:6], C[11][-3:], sum(map(sum, C)))
