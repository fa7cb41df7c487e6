# math module functions on floats with exactly representable results.
import math
print(math.sqrt(2), math.sqrt(16.0), math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sin(0), math.cos(0), math.atan2(1, 1), math.atan2(-0.0, -1), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.exp(0), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0))
print(math.floor(-0.5), math.ceil(-0.5), math.fabs(-3), math.fmod(-7, 3), -7 % 3, math.remainder(7, 3))
print(math.degrees(math.pi), math.radians(180), math.modf(3.25), math.modf(-3.25), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.prod([1, 2, 3, 4]), math.prod([0.5, 4]), math.copysign(5, -1), math.trunc(-2.9))
print(math.dist([0, 0], [3, 4]), math.gcd(12, 18), math.isqrt(99), math.factorial(10))
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), round(math.tan(math.pi / 4), 12))
print(math.sqrt(1e-300), math.pow(2, 0.5) == 2 ** 0.5, math.pow(8, 1 / 3))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.nan != math.nan)
