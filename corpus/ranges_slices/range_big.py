# Ranges with huge bounds compute len/contains/index lazily.
r = range(0, 10 ** 30, 7)
try:
    len(r)
except OverflowError as e:
    print('OverflowError:', e)
print(range(0, 10 ** 18, 7).__len__())
print(r[-1], r[10 ** 20], 7 * 10 ** 20 in r, 7 * 10 ** 20 + 1 in r, r.index(700))
b = range(-(2 ** 100), 2 ** 100, 2 ** 90)
print(len(range(0, 2 ** 60, 2 ** 30)), b[3], list(b[:3]), b[-1])
print(range(10 ** 20)[::10 ** 19], range(10 ** 20)[5::3])
try:
    len(range(2 ** 64))
except OverflowError as e:
    print("OverflowError:", e)
print(range(2 ** 64)[2 ** 63], range(2 ** 64)[-1])
print(sum(range(10 ** 6)), sum(range(1, 101)), reversed(range(3)).__length_hint__())
print(list(reversed(range(1, 20, 5))))
