# math integer functions on big ints.
import math
print(math.factorial(50))
print(math.comb(100, 50), math.comb(5, 10), math.perm(20, 20))
print(math.gcd(2 ** 200, 6 ** 100), math.lcm(2 ** 64, 3 ** 40) == 2 ** 64 * 3 ** 40, math.gcd(), math.lcm())
print(math.isqrt(2 ** 400 + 1) == 2 ** 200, math.isqrt(10 ** 50 - 1))
print(math.prod([10 ** 10] * 5), math.prod([], start=7), math.prod(range(1, 21)) == math.factorial(20))
print(math.floor(10 ** 30), math.ceil(-(10 ** 30)), math.trunc(10 ** 30))
try:
    math.isqrt(-1)
except ValueError as e:
    print("ValueError:", e)
print(math.log(2 ** 1000, 2), math.log10(10 ** 300), math.log2(2 ** 5000))
