# Float results of int operations: true division accuracy for big ints.
print(10 ** 30 / 10 ** 10, (2 ** 100 + 1) / 2 ** 50, 1 / 3, 2 ** 1000 / 3 ** 600)
print(12345678901234567890 / 10, -7 / 2, 7 / -2, 0 / 5, -0 / 5)
print((10 ** 16 + 1) / 1, float(10 ** 16 + 1), 9007199254740993 / 1)
print(1 / 2 ** 1074, 1 / 2 ** 1075, 1 / 2 ** 1076)
vals = [(1, 3), (2 ** 70, 3), (-(10 ** 25), 7), (5, 10 ** 300)]
for a, b in vals:
    print(a / b, a // b, float(a) / float(b))
try:
    2 ** 2000 / 1
except OverflowError as e:
    print("OverflowError:", e)
print(2 ** 2000 / 2 ** 1990, (3 * 10 ** 400) / (10 ** 400))
