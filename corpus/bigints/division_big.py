# Division, modulo and divmod with multi-digit operands and mixed signs.
a = 3 ** 200
b = 7 ** 50 + 12345
for x, y in ((a, b), (-a, b), (a, -b), (-a, -b), (b, a), (a, 1), (a, -1)):
    q, r = divmod(x, y)
    print(q, r, q * y + r == x)
print(a // 3 ** 199, a % 3 ** 199)
print(10 ** 100 // 7, 10 ** 100 % 7)
print((2 ** 200) / (2 ** 100) == 2.0 ** 100, (10 ** 50) / 3)
try:
    (10 ** 400) / 3
except OverflowError as e:
    print("OverflowError:", e)
print((10 ** 400) // (10 ** 399 + 1))
print(-(10 ** 30) // 10 ** 29, -(10 ** 30) % (10 ** 29 + 3))
