# Integer square roots and gcd on big ints, written by hand and via math.
import math
def isqrt(n):
    if n < 2:
        return n
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
for n in (0, 1, 15, 16, 17, 10 ** 40, 10 ** 41, 2 ** 255 + 12345):
    r = isqrt(n)
    print(n, r, r == math.isqrt(n), r * r <= n < (r + 1) ** 2)
a = 2 ** 100 * 3 ** 40 * 7
b = 2 ** 90 * 3 ** 60 * 11
print(gcd(a, b), math.gcd(a, b), math.lcm(a, b) == a * b // gcd(a, b))
print(math.gcd(0, 0), math.gcd(-12, 18), math.gcd(2 ** 64, 2 ** 32 * 3))
print(math.comb(100, 50), math.perm(30, 10), math.factorial(40))
