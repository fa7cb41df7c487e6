# round() with ndigits, banker's rounding, and int/float conversions.
for v in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 1234.5678, -1234.5678):
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1), round(v, -2))
print(round(12345, -2), round(12355, -1), round(-15, -1), round(25, -1), round(5, 0), type(round(5.5)).__name__)
print(type(round(5.5, 0)).__name__, round(1e300, 2), round(7, 3))
import math
for v in (2.5, -2.5, 3.7, -3.7, 1e20):
    print(v, math.floor(v), math.ceil(v), math.trunc(v), int(v))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(round(float("inf"), 2), round(float("nan"), 1))
