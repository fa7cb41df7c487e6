# Large Fibonacci numbers by iteration and by fast doubling.
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
def fib_fast(n):
    if n == 0:
        return (0, 1)
    a, b = fib_fast(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)
for n in (10, 90, 91, 92, 93, 200, 500):
    print(n, fib_iter(n), fib_iter(n) == fib_fast(n)[0])
big = fib_fast(5000)[0]
print(len(str(big)), big % 10 ** 12, big.bit_length())
print(fib_iter(300) * fib_iter(301) - fib_iter(299) * fib_iter(302))
