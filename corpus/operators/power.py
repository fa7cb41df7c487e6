# The ** operator and three-argument pow.
print(2 ** 0, 0 ** 0, 0.0 ** 0, (-2) ** 3, (-2) ** 2, 2 ** 100)
print(2 ** -3, (-2) ** -3, 10 ** -1, 4 ** 0.5, 8 ** (1 / 3))
print(pow(3, 4), pow(3, 4, 5), pow(2, 100, 1000), pow(-3, 3, 7), pow(3, -1, 7), pow(38, -1, 97))
print(pow(2, 10, -7), pow(0, 0, 1), pow(5, 0, 3))
print((-8.0) ** (1 / 3))
print(type((-8) ** 0.5).__name__)
print(1.5 ** 2, 2.0 ** 1000)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
x = 3
x **= 3
print(x, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2)
print(10 ** 30 // 10 ** 28, 7 ** 77 % 1000)
