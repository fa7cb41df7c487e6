# inf, nan and signed zero through arithmetic.
import math
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, inf / inf, -inf, inf * -1, 1 / inf, -1 / inf)
print(nan + 1, nan * 0, nan == nan, nan is nan, math.isnan(nan), math.isinf(-inf))
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0, math.copysign(1, -0.0), math.copysign(3, 0.0))
print(max(nan, 1), max(1, nan), min(nan, 1), sorted([3, 1, 2]))
print(inf > 1e308, -inf < -1e308, inf == inf, inf ** 0, 1 ** inf, nan ** 0)
print(math.isfinite(1e308), math.isfinite(inf), 1e308 * 10, -1e308 * 10)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
print(float("inf") // 1, float("-inf") % 3, 5 % float("inf"), divmod(5.0, inf))
