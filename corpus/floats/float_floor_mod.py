# Float // and % keep the sign of the divisor and handle edge values.
import math
for a in (5.5, -5.5, 0.0, -0.0, 1e10, 3.0):
    for b in (2.0, -2.0, 0.3, 1e-3):
        q, r = divmod(a, b)
        print(a, b, q, r, a // b == q, a % b == r)
print(math.fmod(5.5, -2), 5.5 % -2, math.fmod(-5.5, 2), -5.5 % 2)
print(-1e-20 % 1.0, 1e-20 % -1.0)
