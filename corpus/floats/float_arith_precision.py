# Rounding error in float arithmetic, printed exactly.
print(0.1 + 0.2, 0.1 * 3, 1.1 * 1.1, 3 * 1.1, 1 - 0.9, 100 * 1.1)
s = 0.0
for _ in range(10):
    s += 0.1
print(s, s == 1.0)
print(sum([0.1] * 10), 1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0)
print(1 / 7, 22 / 7, 355 / 113, 1e-300 * 1e-300, 1e300 * 1e10)
h = 1.0
n = 0
while 1.0 + h != 1.0:
    h /= 2
    n += 1
print("epsilon steps", n, h * 2)
x = 1.0
for i in range(1, 30):
    x = x * 1.5 - 0.25 / i
print(x)
print(7.0 / 3.0 * 3.0, (1e15 + 0.3) - 1e15, 0.1 ** 20)
import math
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
