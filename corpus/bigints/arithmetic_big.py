# Addition, subtraction, multiplication across the 30-bit digit boundary.
vals = [2 ** 30 - 1, 2 ** 30, 2 ** 31, 2 ** 60 - 1, 2 ** 62, 2 ** 63, 2 ** 64 + 1, -(2 ** 64), 10 ** 25]
for a in vals:
    print(a + a, a - 2 * a, a * a, a * -3, -a - 1)
x = 1
for i in range(1, 60):
    x = x * 1000003 + i
print(x)
print(x % 1000003, x // 10 ** 300)
s = 0
for i in range(200):
    s += (-1) ** i * (i ** 20)
print(s)
print(abs(-10 ** 50), -(-(10 ** 50)), +(10 ** 50) == 10 ** 50)
print(sum(2 ** k for k in range(100)) == 2 ** 100 - 1, max(10 ** 30, 10 ** 30 + 1), min(-10 ** 30, 3))
