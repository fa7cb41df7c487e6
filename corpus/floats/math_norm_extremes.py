# math.hypot and math.dist at the edges of the float range: values near the largest
# float (whose scaling needs 2**-1024), subnormals, zeros, infinities and nans.
import math

big = 1.7976931348623157e308
cases = [
    (big, big), (big, 0.0), (big / 2, big / 2), (1e308, 1e308), (8.98846567431158e307,) * 3,
    (5e-324, 5e-324), (2.2250738585072014e-308, 1e-310), (0.0, -0.0), (3.0, 4.0),
    (float("inf"), float("nan")), (float("nan"), 1.0), (-big, big, -big), (1e-300, 1e300),
]
for c in cases:
    print(c, math.hypot(*c))
print(math.dist((big, -big), (-big, big)), math.dist((0.0,), (big,)))
print(math.dist((1e308, 0.0), (-1e308, 0.0)), math.hypot(), math.hypot(-7.0))
